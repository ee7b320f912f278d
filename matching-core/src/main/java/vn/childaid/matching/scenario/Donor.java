package vn.childaid.matching.scenario;

import static vn.childaid.matching.scenario.Checks.requireText;

import java.util.Objects;
import vn.childaid.matching.extensions.Extensions;

/**
 * Someone who gives: an organisation, a fund, a person or the state budget.
 *
 * <p>Make one with {@link #of} or {@link #builder}: those are the API, so that the class can gain
 * fields without breaking callers.
 */
public final class Donor {
    private final String id;
    private final String name;
    private final DonorType type;
    private final boolean anonymous;
    private final Extensions extensions;

    private Donor(Builder builder) {
        this.id = requireText(builder.id, "id");
        this.name = requireText(builder.name, "name");
        this.type = Objects.requireNonNull(builder.type, "type");
        this.anonymous = builder.anonymous;
        this.extensions = Objects.requireNonNull(builder.extensions, "extensions");
    }

    public static Donor of(String id, String name, DonorType type) {
        return builder(id).name(name).type(type).build();
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder holding this donor's fields, to derive a variant. */
    public Builder toBuilder() {
        return builder(id).name(name).type(type).anonymous(anonymous).extensions(extensions);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public DonorType type() {
        return type;
    }

    /**
     * The donor asked not to be named: reports, tables, pages and explanations show neither their
     * name nor their id, only "Anonymous donor". The engine allocates their offers as any other.
     */
    public boolean anonymous() {
        return anonymous;
    }

    /** Caller data kept but never read by the engine. */
    public Extensions extensions() {
        return extensions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Donor that
                && id.equals(that.id) && name.equals(that.name) && type == that.type && anonymous == that.anonymous
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, type, anonymous, extensions);
    }

    @Override
    public String toString() {
        return "Donor[id=" + id + ", name=" + name + ", type=" + type + (anonymous ? ", anonymous" : "") + ", extensions=" + extensions + "]";
    }

    /** Collects a donor's fields; {@link #build()} checks them. */
    public static final class Builder {
        private final String id;
        private String name;
        private DonorType type;
        private boolean anonymous;
        private Extensions extensions = Extensions.NONE;

        private Builder(String id) {
            this.id = id;
        }

        public Builder name(String value) { this.name = value; return this; }
        public Builder type(DonorType value) { this.type = value; return this; }
        public Builder anonymous(boolean value) { this.anonymous = value; return this; }
        public Builder extensions(Extensions value) { this.extensions = value; return this; }

        public Donor build() {
            return new Donor(this);
        }
    }
}
