package vn.childaid.matching.scenario;

import static vn.childaid.matching.scenario.Checks.requireText;

import java.util.Objects;
import vn.childaid.matching.extensions.Extensions;

/**
 * A village (thôn, buôn). Villages have no national code: by convention the commune code plus a
 * local sequence, e.g. {@code 24457-07}.
 *
 * <p>Make one with {@link #of} or {@link #builder}: those are the API, so that the class can gain
 * fields without breaking callers.
 */
public final class Village {
    private final String code;
    private final String name;
    private final String commune;
    private final boolean especiallyDifficult;
    private final Extensions extensions;

    private Village(Builder builder) {
        this.code = requireText(builder.code, "code");
        this.name = requireText(builder.name, "name");
        this.commune = requireText(builder.commune, "commune");
        this.especiallyDifficult = builder.especiallyDifficult;
        this.extensions = Objects.requireNonNull(builder.extensions, "extensions");
    }

    public static Village of(String code, String name, String commune, boolean especiallyDifficult) {
        return builder(code).name(name).commune(commune).especiallyDifficult(especiallyDifficult).build();
    }

    /** A builder; a village is not especially difficult unless marked so. */
    public static Builder builder(String code) {
        return new Builder(code);
    }

    /** A builder holding this village's fields, to derive a variant. */
    public Builder toBuilder() {
        return builder(code).name(name).commune(commune).especiallyDifficult(especiallyDifficult)
                .extensions(extensions);
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    /** The code of the commune the village belongs to. */
    public String commune() {
        return commune;
    }

    /** One of the especially difficult villages (thôn đặc biệt khó khăn) the plan puts first. */
    public boolean especiallyDifficult() {
        return especiallyDifficult;
    }

    /** Caller data kept but never read by the engine. */
    public Extensions extensions() {
        return extensions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Village that
                && code.equals(that.code) && name.equals(that.name) && commune.equals(that.commune)
                && especiallyDifficult == that.especiallyDifficult && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, name, commune, especiallyDifficult, extensions);
    }

    @Override
    public String toString() {
        return "Village[code=" + code + ", name=" + name + ", commune=" + commune + ", especiallyDifficult="
                + especiallyDifficult + ", extensions=" + extensions + "]";
    }

    /** Collects a village's fields; {@link #build()} checks them. */
    public static final class Builder {
        private final String code;
        private String name;
        private String commune;
        private boolean especiallyDifficult;
        private Extensions extensions = Extensions.NONE;

        private Builder(String code) {
            this.code = code;
        }

        public Builder name(String value) { this.name = value; return this; }
        public Builder commune(String code) { this.commune = code; return this; }
        public Builder especiallyDifficult(boolean value) { this.especiallyDifficult = value; return this; }
        public Builder extensions(Extensions value) { this.extensions = value; return this; }

        public Village build() {
            return new Village(this);
        }
    }
}
