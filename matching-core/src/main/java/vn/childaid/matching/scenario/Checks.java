package vn.childaid.matching.scenario;

import java.util.Objects;

/** Null and blank checks shared by the value types' constructors. */
final class Checks {
    private Checks() {}

    static String requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }
}
