package vn.childaid.matching.report;

import java.util.Objects;

/** An area (district, commune or village) as reports name it: its code and its name. */
public record AreaRef(String code, String name) {
    public AreaRef {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
