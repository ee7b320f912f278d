package vn.childaid.matching.policy;

/** How tiers combine into the objective. */
public enum PriorityMode {
    /** Lexicographic: no amount reached in a lower tier outweighs any gain in a higher tier. */
    STRICT,
    /** One level: each tier's value multiplied by its weight in {@link Policy#tierWeights()}. */
    WEIGHTED
}
