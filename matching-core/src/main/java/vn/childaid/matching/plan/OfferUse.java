package vn.childaid.matching.plan;

import java.util.Objects;
import vn.childaid.matching.extensions.Extensions;

/**
 * How much of an offer a plan uses, in VND (in-kind offers at their unit value).
 *
 * <p>Make one with {@link #of} or {@link #builder}: those are the API, so that the class can gain
 * fields without breaking callers.
 */
public final class OfferUse {
    private final String id;
    private final long used;
    private final long remaining;

    private final Extensions extensions;

    private OfferUse(Builder builder) {
        this.id = builder.id;
        this.used = builder.used;
        this.remaining = builder.remaining;
        this.extensions = builder.extensions;
    }

    public static OfferUse of(String id, long used, long remaining) {
        return builder(id).used(used).remaining(remaining).build();
    }

    /** A builder of the use of the offer {@code id}. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder holding this use's fields, to derive a variant. */
    public Builder toBuilder() {
        return builder(id).used(used).remaining(remaining)
                .extensions(extensions);
    }

    public String id() {
        return id;
    }

    /** VND the plan's lines take from the offer. */
    public long used() {
        return used;
    }

    /** VND of the offer left over. */
    public long remaining() {
        return remaining;
    }

    /** The plan's {@code extensions} object for this entry, kept verbatim; {@link Extensions#NONE} when absent. */
    public Extensions extensions() {
        return extensions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OfferUse that
                && Objects.equals(id, that.id) && used == that.used && remaining == that.remaining
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, used, remaining, extensions);
    }

    @Override
    public String toString() {
        return "OfferUse[id=" + id + ", used=" + used + ", remaining=" + remaining + "]";
    }

    /** Collects a use's fields. */
    public static final class Builder {
        private Extensions extensions = Extensions.NONE;
        private final String id;
        private long used;
        private long remaining;

        private Builder(String id) {
            this.id = id;
        }

        public Builder used(long vnd) { this.used = vnd; return this; }
        public Builder remaining(long vnd) { this.remaining = vnd; return this; }

        public Builder extensions(Extensions value) { this.extensions = Objects.requireNonNull(value, "extensions"); return this; }

        public OfferUse build() {
            return new OfferUse(this);
        }
    }
}
