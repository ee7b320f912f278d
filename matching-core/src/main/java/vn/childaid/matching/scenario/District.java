package vn.childaid.matching.scenario;

import static vn.childaid.matching.scenario.Checks.requireText;

import java.util.Objects;
import vn.childaid.matching.extensions.Extensions;

/**
 * A district-level unit (huyện, thị xã, thành phố). Absent in data after the July 2025 reform.
 *
 * <p>Make one with {@link #of} or {@link #builder}: those are the API, so that the class can gain
 * fields without breaking callers.
 */
public final class District {
    private final String code;
    private final String name;
    private final Extensions extensions;

    private District(Builder builder) {
        this.code = requireText(builder.code, "code");
        this.name = requireText(builder.name, "name");
        this.extensions = Objects.requireNonNull(builder.extensions, "extensions");
    }

    public static District of(String code, String name) {
        return builder(code).name(name).build();
    }

    public static Builder builder(String code) {
        return new Builder(code);
    }

    /** A builder holding this district's fields, to derive a variant. */
    public Builder toBuilder() {
        return builder(code).name(name).extensions(extensions);
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    /** Caller data kept but never read by the engine. */
    public Extensions extensions() {
        return extensions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof District that
                && code.equals(that.code) && name.equals(that.name) && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, name, extensions);
    }

    @Override
    public String toString() {
        return "District[code=" + code + ", name=" + name + ", extensions=" + extensions + "]";
    }

    /** Collects a district's fields; {@link #build()} checks them. */
    public static final class Builder {
        private final String code;
        private String name;
        private Extensions extensions = Extensions.NONE;

        private Builder(String code) {
            this.code = code;
        }

        public Builder name(String value) { this.name = value; return this; }
        public Builder extensions(Extensions value) { this.extensions = value; return this; }

        public District build() {
            return new District(this);
        }
    }
}
