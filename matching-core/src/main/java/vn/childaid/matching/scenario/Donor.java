package vn.childaid.matching.scenario;

import static vn.childaid.matching.scenario.Checks.requireText;

import java.util.Objects;

/** Someone who gives: an organisation, a fund, a person or the state budget. */
public record Donor(String id, String name, DonorType type) {
    public Donor {
        requireText(id, "id");
        requireText(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
