package vn.childaid.matching.scenario;

import static vn.childaid.matching.scenario.Checks.requireText;

import java.util.Objects;
import vn.childaid.matching.extensions.Extensions;

/**
 * Units of a need already given or promised by an offer. The solver never moves them; they use
 * the offer's capacity and the need's open quantity like any allocation.
 *
 * <p>Make one with {@link #of} or {@link #builder}: those are the API, so that the class can gain
 * fields without breaking callers.
 */
public final class Commitment {
    private final String offer;
    private final String need;
    private final int units;
    private final Extensions extensions;

    private Commitment(Builder builder) {
        this.offer = requireText(builder.offer, "offer");
        this.need = requireText(builder.need, "need");
        this.units = builder.units;
        this.extensions = Objects.requireNonNull(builder.extensions, "extensions");
    }

    public static Commitment of(String offer, String need, int units) {
        return builder(offer, need).units(units).build();
    }

    /** A builder of the commitment of {@code offer} to {@code need}; set its units. */
    public static Builder builder(String offer, String need) {
        return new Builder(offer, need);
    }

    /** A builder holding this commitment's fields, to derive a variant. */
    public Builder toBuilder() {
        return builder(offer, need).units(units).extensions(extensions);
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

    /** Caller data kept but never read by the engine. */
    public Extensions extensions() {
        return extensions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Commitment that
                && offer.equals(that.offer) && need.equals(that.need) && units == that.units
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(offer, need, units, extensions);
    }

    @Override
    public String toString() {
        return "Commitment[offer=" + offer + ", need=" + need + ", units=" + units + ", extensions=" + extensions
                + "]";
    }

    /** Collects a commitment's fields; {@link #build()} checks them (units are checked by the scenario). */
    public static final class Builder {
        private final String offer;
        private final String need;
        private int units;
        private Extensions extensions = Extensions.NONE;

        private Builder(String offer, String need) {
            this.offer = offer;
            this.need = need;
        }

        public Builder units(int value) { this.units = value; return this; }
        public Builder extensions(Extensions value) { this.extensions = value; return this; }

        public Commitment build() {
            return new Commitment(this);
        }
    }
}
