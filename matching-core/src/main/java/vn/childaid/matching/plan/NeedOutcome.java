package vn.childaid.matching.plan;

import java.util.List;
import java.util.Objects;
import vn.childaid.matching.extensions.Extensions;

/**
 * What a plan does for one need.
 *
 * <p>Make one with {@link #builder}: it is the API, so that the class can gain fields without
 * breaking callers.
 */
public final class NeedOutcome {
    private final String id;
    private final String tier;
    private final int openUnits;
    private final int fundedUnits;
    private final NeedStatus status;
    private final double reached;
    private final List<CoveredBy> coveredBy;

    private final Extensions extensions;

    private NeedOutcome(Builder builder) {
        this.id = builder.id;
        this.tier = builder.tier;
        this.openUnits = builder.openUnits;
        this.fundedUnits = builder.fundedUnits;
        this.status = builder.status;
        this.reached = builder.reached;
        this.coveredBy = List.copyOf(builder.coveredBy);
        this.extensions = builder.extensions;
    }

    /** A builder of the outcome of the need {@code id}. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder holding this outcome's fields, to derive a variant. */
    public Builder toBuilder() {
        return builder(id).tier(tier).openUnits(openUnits).fundedUnits(fundedUnits).status(status).reached(reached)
                .coveredBy(coveredBy).extensions(extensions);
    }

    public String id() {
        return id;
    }

    /** The name of the need's tier. */
    public String tier() {
        return tier;
    }

    /** quantity − alreadyCovered, what entitlements cover outright included. */
    public int openUnits() {
        return openUnits;
    }

    /** Units funded by all lines, committed ones included. */
    public int fundedUnits() {
        return fundedUnits;
    }

    public NeedStatus status() {
        return status;
    }

    /** Children-equivalents reached: children × fundedUnits / quantity. */
    public double reached() {
        return reached;
    }

    /** What the scenario's entitlements pay for the need, in scenario order; empty when none applies. */
    public List<CoveredBy> coveredBy() {
        return coveredBy;
    }

    /** The plan's {@code extensions} object for this entry, kept verbatim; {@link Extensions#NONE} when absent. */
    public Extensions extensions() {
        return extensions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NeedOutcome that
                && Objects.equals(id, that.id) && Objects.equals(tier, that.tier) && openUnits == that.openUnits
                && fundedUnits == that.fundedUnits && status == that.status
                && Double.compare(reached, that.reached) == 0 && coveredBy.equals(that.coveredBy)
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, tier, openUnits, fundedUnits, status, reached, coveredBy, extensions);
    }

    @Override
    public String toString() {
        return "NeedOutcome[id=" + id + ", tier=" + tier + ", openUnits=" + openUnits + ", fundedUnits="
                + fundedUnits + ", status=" + status + ", reached=" + reached
                + (coveredBy.isEmpty() ? "" : ", coveredBy=" + coveredBy) + "]";
    }

    /** Collects an outcome's fields. */
    public static final class Builder {
        private Extensions extensions = Extensions.NONE;
        private final String id;
        private String tier;
        private int openUnits;
        private int fundedUnits;
        private NeedStatus status;
        private double reached;
        private List<CoveredBy> coveredBy = List.of();

        private Builder(String id) {
            this.id = id;
        }

        public Builder tier(String name) { this.tier = name; return this; }
        public Builder openUnits(int value) { this.openUnits = value; return this; }
        public Builder fundedUnits(int value) { this.fundedUnits = value; return this; }
        public Builder status(NeedStatus value) { this.status = value; return this; }
        public Builder reached(double children) { this.reached = children; return this; }
        public Builder coveredBy(List<CoveredBy> values) { this.coveredBy = Objects.requireNonNull(values, "coveredBy"); return this; }

        public Builder extensions(Extensions value) { this.extensions = Objects.requireNonNull(value, "extensions"); return this; }

        public NeedOutcome build() {
            return new NeedOutcome(this);
        }
    }
}
