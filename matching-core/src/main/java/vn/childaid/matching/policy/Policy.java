package vn.childaid.matching.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.classification.Urgency;

/**
 * How needs are ranked: "build a support plan per need group, by urgency of the priority groups"
 * (seed III.3). A need's tier is the first {@link TierRule} it matches, else {@link #otherTier}.
 * Value rules (unique names, weight counts, at most {@link #MAX_TIERS} tiers) are checked by
 * {@link vn.childaid.matching.scenario.Scenario}, which reports every problem at once.
 *
 * @param preset the preset this policy started from, if any
 * @param tierWeights one weight per tier and the other tier last; used in {@link PriorityMode#WEIGHTED}
 * @param categoryWeights multiplies children reached by category; a missing category weighs 1
 * @param maxFundersPerNeed most distinct donors on one need; 0 means unlimited
 * @param especiallyDifficultFirst an extra level, right below the tiers, preferring children in
 *     especially difficult villages within a tier (on in {@link PolicyPreset#PHASE_2_2022_2025})
 */
public record Policy(
        Optional<String> preset,
        PriorityMode priorityMode,
        List<TierRule> tiers,
        String otherTier,
        List<Long> tierWeights,
        Map<Category, Double> categoryWeights,
        int maxFundersPerNeed,
        boolean especiallyDifficultFirst) {

    /** Most tiers a policy may rank, the other tier included: one score level each. */
    public static final int MAX_TIERS = 8;

    public Policy {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(priorityMode, "priorityMode");
        tiers = List.copyOf(Objects.requireNonNull(tiers, "tiers"));
        Objects.requireNonNull(otherTier, "otherTier");
        tierWeights = List.copyOf(Objects.requireNonNull(tierWeights, "tierWeights"));
        categoryWeights = Map.copyOf(Objects.requireNonNull(categoryWeights, "categoryWeights"));
    }

    /** The default: the first phase of the plan. */
    public static Policy defaultPolicy() {
        return PolicyPreset.PHASE_1_2019_2022.policy();
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
        return java.util.stream.Stream.concat(tiers.stream().map(TierRule::name), java.util.stream.Stream.of(otherTier))
                .toList();
    }

    public int tierCount() {
        return tiers.size() + 1;
    }

    public double categoryWeight(Category category) {
        return categoryWeights.getOrDefault(category, 1.0);
    }

    public Policy withPriorityMode(PriorityMode mode) {
        return new Policy(preset, mode, tiers, otherTier, tierWeights, categoryWeights, maxFundersPerNeed,
                especiallyDifficultFirst);
    }

    public Policy withTierWeights(List<Long> weights) {
        return new Policy(preset, priorityMode, tiers, otherTier, weights, categoryWeights, maxFundersPerNeed,
                especiallyDifficultFirst);
    }

    public Policy withMaxFundersPerNeed(int max) {
        return new Policy(preset, priorityMode, tiers, otherTier, tierWeights, categoryWeights, max,
                especiallyDifficultFirst);
    }

    public Policy withCategoryWeights(Map<Category, Double> weights) {
        return new Policy(preset, priorityMode, tiers, otherTier, tierWeights, weights, maxFundersPerNeed,
                especiallyDifficultFirst);
    }
}
