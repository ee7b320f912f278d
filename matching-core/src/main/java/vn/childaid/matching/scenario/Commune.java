package vn.childaid.matching.scenario;

import vn.childaid.matching.classification.Region;
import static vn.childaid.matching.scenario.Checks.requireText;

import java.util.Objects;
import java.util.Optional;

/** A commune (xã) and its region class; its district is empty in two-tier (post-2025) data. */
public record Commune(String code, String name, Optional<String> district, Region region) {
    public Commune {
        requireText(code, "code");
        requireText(name, "name");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(region, "region");
    }
}
