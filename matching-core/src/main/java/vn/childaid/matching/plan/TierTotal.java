package vn.childaid.matching.plan;

import java.util.Objects;
import vn.childaid.matching.extensions.Extensions;

/**
 * One tier's totals in a plan.
 *
 * <p>Make one with {@link #builder}: it is the API, so that the class can gain fields without
 * breaking callers.
 */
public final class TierTotal {
    private final String name;
    private final double reached;
    private final double value;
    private final long children;
    private final int needs;
    private final int fundedNeeds;

    private final Extensions extensions;

    private TierTotal(Builder builder) {
        this.name = builder.name;
        this.reached = builder.reached;
        this.value = builder.value;
        this.children = builder.children;
        this.needs = builder.needs;
        this.fundedNeeds = builder.fundedNeeds;
        this.extensions = builder.extensions;
    }

    /** A builder of the totals of the tier {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding these totals, to derive a variant. */
    public Builder toBuilder() {
        return builder(name).reached(reached).value(value).children(children).needs(needs).fundedNeeds(fundedNeeds)
                .extensions(extensions);
    }

    public String name() {
        return name;
    }

    /** Unweighted sum of its needs' children reached. */
    public double reached() {
        return reached;
    }

    /** The same, category-weighted: T_k of the objective. */
    public double value() {
        return value;
    }

    /** Children its needs serve. */
    public long children() {
        return children;
    }

    /** How many needs fall in the tier. */
    public int needs() {
        return needs;
    }

    /** How many of them the plan funds fully. */
    public int fundedNeeds() {
        return fundedNeeds;
    }

    /** The plan's {@code extensions} object for this entry, kept verbatim; {@link Extensions#NONE} when absent. */
    public Extensions extensions() {
        return extensions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TierTotal that
                && Objects.equals(name, that.name) && Double.compare(reached, that.reached) == 0
                && Double.compare(value, that.value) == 0 && children == that.children && needs == that.needs
                && fundedNeeds == that.fundedNeeds
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, reached, value, children, needs, fundedNeeds, extensions);
    }

    @Override
    public String toString() {
        return "TierTotal[name=" + name + ", reached=" + reached + ", value=" + value + ", children=" + children
                + ", needs=" + needs + ", fundedNeeds=" + fundedNeeds + "]";
    }

    /** Collects a tier's totals. */
    public static final class Builder {
        private Extensions extensions = Extensions.NONE;
        private final String name;
        private double reached;
        private double value;
        private long children;
        private int needs;
        private int fundedNeeds;

        private Builder(String name) {
            this.name = name;
        }

        public Builder reached(double childrenReached) { this.reached = childrenReached; return this; }
        public Builder value(double weighted) { this.value = weighted; return this; }
        public Builder children(long count) { this.children = count; return this; }
        public Builder needs(int count) { this.needs = count; return this; }
        public Builder fundedNeeds(int count) { this.fundedNeeds = count; return this; }

        public Builder extensions(Extensions value) { this.extensions = Objects.requireNonNull(value, "extensions"); return this; }

        public TierTotal build() {
            return new TierTotal(this);
        }
    }
}
