package vn.childaid.matching.scenario;

import static vn.childaid.matching.scenario.Checks.requireText;

/** A district-level unit (huyện, thị xã, thành phố). Absent in data after the July 2025 reform. */
public record District(String code, String name) {
    public District {
        requireText(code, "code");
        requireText(name, "name");
    }
}
