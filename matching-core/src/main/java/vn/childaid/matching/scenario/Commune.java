package vn.childaid.matching.scenario;

import static vn.childaid.matching.scenario.Checks.requireText;

import java.util.Objects;
import java.util.Optional;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.extensions.Extensions;

/**
 * A commune (xã) and its region class; its district is empty in two-tier (post-2025) data.
 *
 * <p>Make one with {@link #inDistrict}, {@link #of} or {@link #builder}: those are the API, so that
 * the class can gain fields without breaking callers.
 */
public final class Commune {
    private final String code;
    private final String name;
    private final Optional<String> district;
    private final Region region;
    private final Extensions extensions;

    private Commune(Builder builder) {
        this.code = requireText(builder.code, "code");
        this.name = requireText(builder.name, "name");
        this.district = Objects.requireNonNull(builder.district, "district");
        this.region = Objects.requireNonNull(builder.region, "region");
        this.extensions = Objects.requireNonNull(builder.extensions, "extensions");
    }

    /** A commune of a district (three-tier data, before July 2025). */
    public static Commune inDistrict(String code, String name, String district, Region region) {
        return builder(code).name(name).district(district).region(region).build();
    }

    /** A commune directly under the province (two-tier data, from July 2025). */
    public static Commune of(String code, String name, Region region) {
        return builder(code).name(name).region(region).build();
    }

    public static Builder builder(String code) {
        return new Builder(code);
    }

    /** A builder holding this commune's fields, to derive a variant. */
    public Builder toBuilder() {
        Builder builder = builder(code).name(name).region(region).extensions(extensions);
        builder.district = district;
        return builder;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Optional<String> district() {
        return district;
    }

    public Region region() {
        return region;
    }

    /** Caller data kept but never read by the engine. */
    public Extensions extensions() {
        return extensions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Commune that
                && code.equals(that.code) && name.equals(that.name) && district.equals(that.district)
                && region == that.region && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, name, district, region, extensions);
    }

    @Override
    public String toString() {
        return "Commune[code=" + code + ", name=" + name + ", district=" + district + ", region=" + region
                + ", extensions=" + extensions + "]";
    }

    /** Collects a commune's fields; {@link #build()} checks them. No district unless one is given. */
    public static final class Builder {
        private final String code;
        private String name;
        private Optional<String> district = Optional.empty();
        private Region region;
        private Extensions extensions = Extensions.NONE;

        private Builder(String code) {
            this.code = code;
        }

        public Builder name(String value) { this.name = value; return this; }
        public Builder district(String code) { this.district = Optional.of(code); return this; }
        public Builder region(Region value) { this.region = value; return this; }
        public Builder extensions(Extensions value) { this.extensions = value; return this; }

        public Commune build() {
            return new Commune(this);
        }
    }
}
