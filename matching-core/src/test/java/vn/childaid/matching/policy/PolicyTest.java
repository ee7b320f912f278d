package vn.childaid.matching.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.extensions.Extensions;

class PolicyTest {
    private static final Extensions TAGGED = Extensions.ofJson("{\"approvedBy\":\"DOLISA\"}");

    @Test
    void theFirstPhasePresetRanksEspeciallyDifficultVillagesFirst() {
        Policy policy = PolicyPreset.PHASE_1_2019_2022.policy();
        assertEquals(Optional.of("PHASE_1_2019_2022"), policy.preset());
        assertEquals(PriorityMode.STRICT, policy.priorityMode());
        assertEquals(List.of("ED-critical", "ED", "R3-critical", "R3", "OTHER"), policy.tierNames());
        assertEquals(TierRule.builder("ED-critical").especiallyDifficult(true).urgencies(Set.of(Urgency.CRITICAL))
                .build(), policy.tiers().get(0));
        assertEquals(List.of(1_000_000L, 10_000L, 100L, 10L, 1L), policy.tierWeights());
        assertEquals(Map.of(), policy.categoryWeights());
        assertEquals(3, policy.maxFundersPerNeed());
        assertEquals(false, policy.especiallyDifficultFirst());
        assertEquals(Extensions.NONE, policy.extensions());
    }

    @Test
    void theSecondPhasePresetRanksRegionThreeByUrgency() {
        Policy policy = PolicyPreset.PHASE_2_2022_2025.policy();
        assertEquals(List.of("R3-critical", "R3-high", "R3", "OTHER"), policy.tierNames());
        assertEquals(TierRule.builder("R3-high").regions(Set.of(Region.III)).urgencies(Set.of(Urgency.HIGH)).build(),
                policy.tiers().get(1));
        assertEquals(List.of(1_000_000L, 10_000L, 100L, 1L), policy.tierWeights());
        assertEquals(3, policy.maxFundersPerNeed());
        assertEquals(true, policy.especiallyDifficultFirst());
    }

    @Test
    void aBuiltPolicyStartsWithEveryNeedInTheOtherTier() {
        Policy policy = Policy.builder().build();
        assertEquals(Optional.empty(), policy.preset());
        assertEquals(PriorityMode.STRICT, policy.priorityMode());
        assertEquals(List.of("OTHER"), policy.tierNames());
        assertEquals(0, policy.tierOf(true, Region.III, Urgency.CRITICAL));
        assertEquals(0, policy.maxFundersPerNeed());
    }

    @Test
    void withMethodsChangeOneFieldAndKeepTheRest() {
        Policy tagged = Policy.defaultPolicy().toBuilder().extensions(TAGGED).build();
        assertEquals(tagged, tagged.toBuilder().build());
        assertEquals(tagged, tagged.withPriorityMode(PriorityMode.WEIGHTED).withPriorityMode(PriorityMode.STRICT));
        assertEquals(tagged, tagged.withTierWeights(List.of()).withTierWeights(tagged.tierWeights()));
        assertEquals(tagged, tagged.withMaxFundersPerNeed(0).withMaxFundersPerNeed(3));
        assertEquals(tagged, tagged.withCategoryWeights(Map.of(Category.NUTRITION, 2.0)).withCategoryWeights(Map.of()));
        assertNotEquals(Policy.defaultPolicy(), tagged);
        assertNotEquals(tagged, tagged.toBuilder().especiallyDifficultFirst(true).build());
        assertNotEquals(tagged, tagged.toBuilder().otherTier("REST").build());
    }

    @Test
    void tierRuleNarrowingKeepsItsOtherConditions() {
        TierRule rule = TierRule.builder("R3").extensions(TAGGED).build()
                .inRegions(Region.III).withUrgency(Urgency.HIGH).especiallyDifficult(false);
        assertEquals(TierRule.builder("R3").regions(Set.of(Region.III)).urgencies(Set.of(Urgency.HIGH))
                .especiallyDifficult(false).extensions(TAGGED).build(), rule);
        assertEquals(true, rule.matches(false, Region.III, Urgency.HIGH));
        assertEquals(false, rule.matches(true, Region.III, Urgency.HIGH));
        assertEquals(false, rule.matches(false, Region.II, Urgency.HIGH));
        assertNotEquals(rule, rule.toBuilder().extensions(Extensions.NONE).build());
    }
}
