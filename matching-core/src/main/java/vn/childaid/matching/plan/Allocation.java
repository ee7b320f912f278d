package vn.childaid.matching.plan;

import java.util.Objects;
import vn.childaid.matching.extensions.Extensions;

/**
 * One allocation line: {@code units} of a need funded by an offer, worth {@code amount} VND
 * (units × unitCost for cash, units × unitValue in kind). {@code committed} lines came from the
 * scenario's commitments and were never moved.
 *
 * <p>Make one with {@link #of}, {@link #committed} or {@link #builder}: those are the API, so that
 * the class can gain fields without breaking callers.
 */
public final class Allocation {
    private final String offer;
    private final String need;
    private final int units;
    private final long amount;
    private final boolean committed;

    private final Extensions extensions;

    private Allocation(Builder builder) {
        this.offer = Objects.requireNonNull(builder.offer, "offer");
        this.need = Objects.requireNonNull(builder.need, "need");
        this.units = builder.units;
        this.amount = builder.amount;
        this.committed = builder.committed;
        this.extensions = builder.extensions;
    }

    /** A line the plan chose (not a commitment). */
    public static Allocation of(String offer, String need, int units, long amount) {
        return builder(offer, need).units(units).amount(amount).build();
    }

    /** A line that was a commitment of the scenario. */
    public static Allocation committed(String offer, String need, int units, long amount) {
        return builder(offer, need).units(units).amount(amount).committed(true).build();
    }

    /** A builder of a line from {@code offer} to {@code need}, not committed unless marked so. */
    public static Builder builder(String offer, String need) {
        return new Builder(offer, need);
    }

    /** A builder holding this line's fields, to derive a variant. */
    public Builder toBuilder() {
        return builder(offer, need).units(units).amount(amount).committed(committed)
                .extensions(extensions);
    }

    /** The id of the offer that gives. */
    public String offer() {
        return offer;
    }

    /** The id of the need that receives. */
    public String need() {
        return need;
    }

    public int units() {
        return units;
    }

    /** VND the line is worth. */
    public long amount() {
        return amount;
    }

    /** The line was a commitment of the scenario, never moved. */
    public boolean committed() {
        return committed;
    }

    /** The plan's {@code extensions} object for this entry, kept verbatim; {@link Extensions#NONE} when absent. */
    public Extensions extensions() {
        return extensions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Allocation that
                && offer.equals(that.offer) && need.equals(that.need) && units == that.units
                && amount == that.amount && committed == that.committed
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(offer, need, units, amount, committed, extensions);
    }

    @Override
    public String toString() {
        return "Allocation[offer=" + offer + ", need=" + need + ", units=" + units + ", amount=" + amount
                + ", committed=" + committed + "]";
    }

    /** Collects a line's fields. */
    public static final class Builder {
        private Extensions extensions = Extensions.NONE;
        private final String offer;
        private final String need;
        private int units;
        private long amount;
        private boolean committed;

        private Builder(String offer, String need) {
            this.offer = offer;
            this.need = need;
        }

        public Builder units(int value) { this.units = value; return this; }
        public Builder amount(long vnd) { this.amount = vnd; return this; }
        public Builder committed(boolean value) { this.committed = value; return this; }

        public Builder extensions(Extensions value) { this.extensions = Objects.requireNonNull(value, "extensions"); return this; }

        public Allocation build() {
            return new Allocation(this);
        }
    }
}
