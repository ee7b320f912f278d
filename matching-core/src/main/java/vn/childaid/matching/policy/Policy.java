package vn.childaid.matching.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.extensions.Extensions;

/**
 * How needs are ranked: "build a support plan per need group, by urgency of the priority groups"
 * (seed III.3). A need's tier is the first {@link TierRule} it matches, else {@link #otherTier}.
 * Value rules (unique names, weight counts, at most {@link #MAX_TIERS} tiers) are checked by
 * {@link vn.childaid.matching.scenario.Scenario}, which reports every problem at once.
 *
 * <p>Start from a {@link PolicyPreset} (or {@link #defaultPolicy()}) and change it with the
 * {@code with…} methods or {@link #toBuilder}, or build one with {@link #builder}: those are the
 * API, so that the class can gain fields without breaking callers.
 */
public final class Policy {
    /** Most tiers a policy may rank, the other tier included: one score level each. */
    public static final int MAX_TIERS = 8;

    private final Optional<String> preset;
    private final PriorityMode priorityMode;
    private final List<TierRule> tiers;
    private final String otherTier;
    private final List<Long> tierWeights;
    private final Map<Category, Double> categoryWeights;
    private final int maxFundersPerNeed;
    private final boolean especiallyDifficultFirst;
    private final Extensions extensions;

    private Policy(Builder builder) {
        this.preset = Objects.requireNonNull(builder.preset, "preset");
        this.priorityMode = Objects.requireNonNull(builder.priorityMode, "priorityMode");
        this.tiers = List.copyOf(Objects.requireNonNull(builder.tiers, "tiers"));
        this.otherTier = Objects.requireNonNull(builder.otherTier, "otherTier");
        this.tierWeights = List.copyOf(Objects.requireNonNull(builder.tierWeights, "tierWeights"));
        this.categoryWeights = Map.copyOf(Objects.requireNonNull(builder.categoryWeights, "categoryWeights"));
        this.maxFundersPerNeed = builder.maxFundersPerNeed;
        this.especiallyDifficultFirst = builder.especiallyDifficultFirst;
        this.extensions = Objects.requireNonNull(builder.extensions, "extensions");
    }

    /** The default: the first phase of the plan. */
    public static Policy defaultPolicy() {
        return PolicyPreset.PHASE_1_2019_2022.policy();
    }

    /**
     * A builder of a policy from scratch: no preset, {@code STRICT}, no tiers (every need in the
     * other tier, named {@code OTHER}), no weights, no limit on funders per need.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's fields, to derive a variant. */
    public Builder toBuilder() {
        Builder builder = builder().priorityMode(priorityMode).tiers(tiers).otherTier(otherTier)
                .tierWeights(tierWeights).categoryWeights(categoryWeights).maxFundersPerNeed(maxFundersPerNeed)
                .especiallyDifficultFirst(especiallyDifficultFirst).extensions(extensions);
        builder.preset = preset;
        return builder;
    }

    public Policy withPriorityMode(PriorityMode mode) {
        return toBuilder().priorityMode(mode).build();
    }

    public Policy withTierWeights(List<Long> weights) {
        return toBuilder().tierWeights(weights).build();
    }

    public Policy withMaxFundersPerNeed(int max) {
        return toBuilder().maxFundersPerNeed(max).build();
    }

    public Policy withCategoryWeights(Map<Category, Double> weights) {
        return toBuilder().categoryWeights(weights).build();
    }

    /** The preset this policy started from, if any. */
    public Optional<String> preset() {
        return preset;
    }

    public PriorityMode priorityMode() {
        return priorityMode;
    }

    /** The rules in rank order; the other tier comes after them. */
    public List<TierRule> tiers() {
        return tiers;
    }

    /** Name of the tier of needs no rule matches, ranked last. */
    public String otherTier() {
        return otherTier;
    }

    /** One weight per tier and the other tier last; used in {@link PriorityMode#WEIGHTED}. */
    public List<Long> tierWeights() {
        return tierWeights;
    }

    /** Multiplies children reached by category; a missing category weighs 1. */
    public Map<Category, Double> categoryWeights() {
        return categoryWeights;
    }

    /** Most distinct donors on one need; 0 means unlimited. */
    public int maxFundersPerNeed() {
        return maxFundersPerNeed;
    }

    /**
     * An extra level, right below the tiers, preferring children in especially difficult villages
     * within a tier (on in {@link PolicyPreset#PHASE_2_2022_2025}).
     */
    public boolean especiallyDifficultFirst() {
        return especiallyDifficultFirst;
    }

    /** Caller data kept but never read by the engine. */
    public Extensions extensions() {
        return extensions;
    }

    /** Tier index of a need: 0 for the first rule, {@code tiers().size()} for the other tier. */
    public int tierOf(boolean especiallyDifficultVillage, Region region, Urgency urgency) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).matches(especiallyDifficultVillage, region, urgency)) {
                return i;
            }
        }
        return tiers.size();
    }

    /** Tier names in policy order, the other tier last. */
    public List<String> tierNames() {
        return Stream.concat(tiers.stream().map(TierRule::name), Stream.of(otherTier)).toList();
    }

    public int tierCount() {
        return tiers.size() + 1;
    }

    public double categoryWeight(Category category) {
        return categoryWeights.getOrDefault(category, 1.0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Policy that
                && preset.equals(that.preset) && priorityMode == that.priorityMode && tiers.equals(that.tiers)
                && otherTier.equals(that.otherTier) && tierWeights.equals(that.tierWeights)
                && categoryWeights.equals(that.categoryWeights) && maxFundersPerNeed == that.maxFundersPerNeed
                && especiallyDifficultFirst == that.especiallyDifficultFirst && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(preset, priorityMode, tiers, otherTier, tierWeights, categoryWeights, maxFundersPerNeed,
                especiallyDifficultFirst, extensions);
    }

    @Override
    public String toString() {
        return "Policy[preset=" + preset + ", priorityMode=" + priorityMode + ", tiers=" + tiers + ", otherTier="
                + otherTier + ", tierWeights=" + tierWeights + ", categoryWeights=" + categoryWeights
                + ", maxFundersPerNeed=" + maxFundersPerNeed + ", especiallyDifficultFirst=" + especiallyDifficultFirst
                + ", extensions=" + extensions + "]";
    }

    /** Collects a policy's fields; value rules are checked by the scenario that uses it. */
    public static final class Builder {
        private Optional<String> preset = Optional.empty();
        private PriorityMode priorityMode = PriorityMode.STRICT;
        private List<TierRule> tiers = List.of();
        private String otherTier = "OTHER";
        private List<Long> tierWeights = List.of();
        private Map<Category, Double> categoryWeights = Map.of();
        private int maxFundersPerNeed;
        private boolean especiallyDifficultFirst;
        private Extensions extensions = Extensions.NONE;

        private Builder() {}

        /** Records the preset this policy starts from; it does not copy the preset's fields. */
        public Builder preset(String name) { this.preset = Optional.of(name); return this; }
        public Builder priorityMode(PriorityMode value) { this.priorityMode = value; return this; }
        public Builder tiers(List<TierRule> rules) { this.tiers = rules; return this; }
        public Builder otherTier(String name) { this.otherTier = name; return this; }
        public Builder tierWeights(List<Long> weights) { this.tierWeights = weights; return this; }
        public Builder categoryWeights(Map<Category, Double> weights) { this.categoryWeights = weights; return this; }
        public Builder maxFundersPerNeed(int max) { this.maxFundersPerNeed = max; return this; }
        public Builder especiallyDifficultFirst(boolean value) { this.especiallyDifficultFirst = value; return this; }
        public Builder extensions(Extensions value) { this.extensions = value; return this; }

        public Policy build() {
            return new Policy(this);
        }
    }
}
