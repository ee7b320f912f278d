package vn.childaid.matching.policy;

import java.util.List;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.classification.Urgency;

/** The two phases of the Đắk Lắk plan (section II.2 of the seed), as ready-made policies. */
public enum PolicyPreset {
    /**
     * 2019–2022: "focus on the 441 especially difficult villages of the 50 region-III communes".
     * Especially difficult villages first, critical needs first within each group.
     */
    PHASE_1_2019_2022 {
        @Override
        public Policy policy() {
            return Policy.builder().preset(name()).priorityMode(PriorityMode.STRICT)
                    .tiers(List.of(TierRule.named("ED-critical").especiallyDifficult(true).withUrgency(Urgency.CRITICAL),
                            TierRule.named("ED").especiallyDifficult(true),
                            TierRule.named("R3-critical").inRegions(Region.III).withUrgency(Urgency.CRITICAL),
                            TierRule.named("R3").inRegions(Region.III)))
                    .otherTier("OTHER").tierWeights(List.of(1_000_000L, 10_000L, 100L, 10L, 1L)).maxFundersPerNeed(3)
                    .build();
        }
    },
    /**
     * 2022–2025: "roll out broadly across the 50 region-III communes", by urgency, with especially
     * difficult villages first inside each tier.
     */
    PHASE_2_2022_2025 {
        @Override
        public Policy policy() {
            return Policy.builder().preset(name()).priorityMode(PriorityMode.STRICT)
                    .tiers(List.of(TierRule.named("R3-critical").inRegions(Region.III).withUrgency(Urgency.CRITICAL),
                            TierRule.named("R3-high").inRegions(Region.III).withUrgency(Urgency.HIGH),
                            TierRule.named("R3").inRegions(Region.III)))
                    .otherTier("OTHER").tierWeights(List.of(1_000_000L, 10_000L, 100L, 1L)).maxFundersPerNeed(3)
                    .especiallyDifficultFirst(true).build();
        }
    };

    public abstract Policy policy();
}
