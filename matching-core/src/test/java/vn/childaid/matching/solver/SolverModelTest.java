package vn.childaid.matching.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.TestScenarios;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/** How a scenario becomes the solver's model: the rulebook's books of commitments, fairness groups. */
class SolverModelTest {

    private static Map<String, NeedFact> needsById(AllocationSolution model) {
        return model.getNeeds().stream().collect(Collectors.toMap(NeedFact::id, Function.identity()));
    }

    @Test
    void fairnessGroupsAVillagesNeedsByTier() {
        // Phase 1: a CRITICAL need of an especially difficult village is tier 1, a NORMAL one tier 2.
        Scenario scenario = TestScenarios.areas("fairness")
                .need(TestScenarios.need("N-crit", TestScenarios.ED_VILLAGE, Category.NUTRITION, 10, 10, 1000, Urgency.CRITICAL))
                .need(TestScenarios.need("N-crit-2", TestScenarios.ED_VILLAGE, Category.HEALTHCARE, 5, 5, 1000, Urgency.CRITICAL))
                .need(TestScenarios.need("N-norm", TestScenarios.ED_VILLAGE, Category.CLOTHING, 7, 7, 1000, Urgency.NORMAL))
                .offer(Offer.cash("O", "D-1", 1_000_000))
                .build();
        Map<String, NeedFact> needs = needsById(SolverModel.build(scenario));
        assertSame(needs.get("N-crit").getArea(), needs.get("N-crit-2").getArea(), "same village, same tier: one group");
        assertNotSame(needs.get("N-crit").getArea(), needs.get("N-norm").getArea(), "same village, other tier: own group");
    }

    @Test
    void commitmentsAreBookedOnceAndPruneOffersTheyExhaust() {
        Scenario scenario = TestScenarios.areas("commitments")
                .need(TestScenarios.need("N-1", TestScenarios.ED_VILLAGE, Category.NUTRITION, 10, 10, 1000, Urgency.HIGH))
                .need(TestScenarios.need("N-2", TestScenarios.ED_VILLAGE, Category.NUTRITION, 10, 10, 1000, Urgency.HIGH))
                .offer(Offer.cash("O-spent", "D-1", 4000))
                .offer(Offer.cash("O-one-need", "D-2", 1_000_000).withMaxNeeds(1))
                .commitment(Commitment.of("O-spent", "N-1", 4))
                .commitment(Commitment.of("O-one-need", "N-1", 2))
                .build();
        Map<String, NeedFact> needs = needsById(SolverModel.build(scenario));
        assertEquals(6, needs.get("N-1").getCommittedUnits());
        assertEquals(4, needs.get("N-1").getUncommittedUnits());
        assertEquals(10, needs.get("N-1").openUnits());
        // O-spent has nothing left; O-one-need's single need slot is N-1's, so N-2 may not draw on it.
        assertEquals(java.util.List.of("O-one-need"), needs.get("N-1").getEligibleOffers().stream().map(OfferBudget::id).toList());
        assertTrue(needs.get("N-2").getEligibleOffers().isEmpty());
    }

    @Test
    void aNeedThatCostsDonorsNothingMayDrawOnAnOfferWithNothingLeft() {
        Scenario scenario = TestScenarios.areas("free")
                .need(TestScenarios.need("PAID", TestScenarios.ED_VILLAGE, Category.NUTRITION, 2, 2, 1000, Urgency.HIGH))
                .need(TestScenarios.need("FREE", TestScenarios.ED_VILLAGE, Category.SCHOOL_SUPPLIES, 5, 5, 0, Urgency.HIGH))
                .offer(Offer.cash("O", "D-1", 2000))
                .commitment(Commitment.of("O", "PAID", 2))
                .build();
        Map<String, NeedFact> needs = needsById(SolverModel.build(scenario));
        assertEquals(java.util.List.of("O"), needs.get("FREE").getEligibleOffers().stream().map(OfferBudget::id).toList(),
                "as the greedy does: a line worth 0 VND fits an offer with nothing left");
    }
}
