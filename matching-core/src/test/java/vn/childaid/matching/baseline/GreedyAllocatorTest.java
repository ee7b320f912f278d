package vn.childaid.matching.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.childaid.matching.TestScenarios.ED_VILLAGE;
import static vn.childaid.matching.TestScenarios.need;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.ContractOracle;
import vn.childaid.matching.TestScenarios;
import vn.childaid.matching.baseline.GreedyAllocator.OfferChoice;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.classification.Urgency;

class GreedyAllocatorTest {
    /**
     * Meals come first (more children per VND) and both funds may pay for them; only the Fund for
     * the Poor builds houses. Drawing on the fund with the most left spends the house money on meals.
     */
    private static final Scenario SCARCE_HOUSE_MONEY = TestScenarios.areas("scarce house money")
            .need(need("MEALS", ED_VILLAGE, Category.NUTRITION, 20, 20, 2_500_000, Urgency.CRITICAL))
            .need(need("HOUSE", ED_VILLAGE, Category.CHARITY_HOUSE, 5, 1, 60_000_000, Urgency.CRITICAL))
            .offer(Offer.cash("POOR-FUND", "D-1", 60_000_000)
                    .withCategories(Set.of(Category.NUTRITION, Category.CHARITY_HOUSE)))
            .offer(Offer.cash("MEAL-FUND", "D-2", 50_000_000).withCategories(Set.of(Category.NUTRITION)))
            .build();

    @Test
    void mostLeftSpendsTheOnlyHouseMoneyOnMeals() {
        List<Allocation> lines = GreedyAllocator.allocate(SCARCE_HOUSE_MONEY, OfferChoice.MOST_LEFT);

        assertEquals(Map.of("MEALS", 20), fundedUnits(lines));
        assertEquals(Set.of("POOR-FUND"), lines.stream().map(Allocation::offer).collect(Collectors.toSet()));
    }

    @Test
    void leastContestedLeavesTheHouseMoneyForTheHouse() {
        List<Allocation> lines = GreedyAllocator.allocate(SCARCE_HOUSE_MONEY, OfferChoice.LEAST_CONTESTED);

        assertEquals(Map.of("MEALS", 20, "HOUSE", 1), fundedUnits(lines));
        assertEquals(Set.of(), ContractOracle.broken(SCARCE_HOUSE_MONEY, lines));
        assertEquals(List.of(Allocation.of("MEAL-FUND", "MEALS", 20, 50_000_000),
                Allocation.of("POOR-FUND", "HOUSE", 1, 60_000_000)), lines);
    }

    @Test
    void theEngineStartsFromTheBetterOfTheTwo() {
        assertEquals(GreedyAllocator.allocate(SCARCE_HOUSE_MONEY, OfferChoice.LEAST_CONTESTED),
                GreedyAllocator.allocateBest(SCARCE_HOUSE_MONEY));
    }

    @Test
    void preferredLinesThatFitAreTakenWhereTheGreedyAloneWouldChooseOtherwise() {
        Scenario scenario = TestScenarios.areas("two funds")
                .need(need("MEALS", TestScenarios.R2_VILLAGE, Category.NUTRITION, 10, 10, 5_000_000, Urgency.HIGH))
                .offer(Offer.cash("A", "D-1", 50_000_000))
                .offer(Offer.cash("B", "D-2", 50_000_000))
                .build();
        Allocation previous = Allocation.of("B", "MEALS", 10, 50_000_000);

        assertEquals("A", GreedyAllocator.allocateBest(scenario).get(0).offer());
        assertEquals(List.of(previous),
                GreedyAllocator.allocatePreferring(scenario, List.of(previous), GreedyAllocator.Control.NONE).lines());
    }

    @Test
    void aHigherTierNeedTakesTheRoomALowerTiersPreferredLineHad() {
        Scenario scenario = TestScenarios.areas("one fund left")
                .need(need("ED-MEALS", ED_VILLAGE, Category.NUTRITION, 10, 10, 5_000_000, Urgency.HIGH))
                .need(need("R2-MEALS", TestScenarios.R2_VILLAGE, Category.NUTRITION, 10, 10, 5_000_000, Urgency.HIGH))
                .offer(Offer.cash("FUND", "D-1", 50_000_000))
                .build();

        List<Allocation> lines = GreedyAllocator.allocatePreferring(scenario,
                List.of(Allocation.of("FUND", "R2-MEALS", 10, 50_000_000)), GreedyAllocator.Control.NONE).lines();

        assertEquals(List.of(Allocation.of("FUND", "ED-MEALS", 10, 50_000_000)), lines);
    }

    private static Map<String, Integer> fundedUnits(List<Allocation> lines) {
        return lines.stream().collect(Collectors.groupingBy(Allocation::need, Collectors.summingInt(Allocation::units)));
    }

    /**
     * The contract exempts every line of a need that ends fully funded from the minimum grant, not
     * only the line that completes it. A need of 11 × 1M VND: the big fund gives 8M, the picky one
     * (5M per line) has only 2M left, a third fund 1M. The picky fund's 2M line does not complete
     * the need, the third fund's does: all three lines stand, the need ends whole.
     */
    @Test
    void aSmallLineIsAllowedWhenItsNeedEndsFullyFunded() {
        Scenario scenario = TestScenarios.areas("min grant")
                .need(need("N", ED_VILLAGE, Category.NUTRITION, 11, 11, 1_000_000, Urgency.CRITICAL))
                .offer(Offer.cash("BIG", "D-1", 8_000_000))
                .offer(Offer.cash("PICKY", "D-2", 2_000_000).withMinGrant(5_000_000))
                .offer(Offer.cash("LAST", "D-3", 1_000_000))
                .build();
        List<Allocation> lines = GreedyAllocator.allocate(scenario);
        assertEquals(Map.of("BIG", 8, "PICKY", 2, "LAST", 1), unitsByOffer(lines));
        assertEquals(Set.of(), ContractOracle.brokenRules(scenario, withCommitments(scenario, lines)));
    }

    @Test
    void aSmallLineIsLeftOutWhenTheNeedStaysPartlyFunded() {
        Scenario scenario = TestScenarios.areas("min grant, short")
                .need(need("N", ED_VILLAGE, Category.NUTRITION, 20, 20, 1_000_000, Urgency.CRITICAL))
                .offer(Offer.cash("BIG", "D-1", 8_000_000))
                .offer(Offer.cash("PICKY", "D-2", 2_000_000).withMinGrant(5_000_000))
                .offer(Offer.cash("LAST", "D-3", 1_000_000))
                .build();
        List<Allocation> lines = GreedyAllocator.allocate(scenario);
        assertEquals(Map.of("BIG", 8, "LAST", 1), unitsByOffer(lines));
    }

    /**
     * Under a WEIGHTED policy the start is chosen by Σ weight × T, not tier by tier: the scenario
     * where least-contested wins lexicographically still picks it, and a policy that weighs only
     * the second tier picks by that tier alone.
     */
    @Test
    void theStartIsChosenByThePolicysOwnMeasure() {
        var weighted = SCARCE_HOUSE_MONEY.policy().toBuilder()
                .priorityMode(vn.childaid.matching.policy.PriorityMode.WEIGHTED)
                .tierWeights(List.of(1L, 1L, 1L, 1L, 1L)).build();
        Scenario scenario = SCARCE_HOUSE_MONEY.withPolicy(weighted);
        double[] best = ContractOracle.tierValues(scenario, withCommitments(scenario, GreedyAllocator.allocateBest(scenario)));
        for (OfferChoice choice : OfferChoice.values()) {
            double[] other = ContractOracle.tierValues(scenario,
                    withCommitments(scenario, GreedyAllocator.allocate(scenario, choice)));
            org.junit.jupiter.api.Assertions.assertTrue(
                    java.util.Arrays.stream(best).sum() >= java.util.Arrays.stream(other).sum() - 1e-9,
                    choice + " reaches more weighted children than the chosen start");
        }
    }

    private static Map<String, Integer> unitsByOffer(List<Allocation> lines) {
        return lines.stream().collect(Collectors.toMap(Allocation::offer, Allocation::units, Integer::sum));
    }

    private static List<Allocation> withCommitments(Scenario scenario, List<Allocation> lines) {
        List<Allocation> all = new java.util.ArrayList<>(vn.childaid.matching.plan.PlanAssembler.committedLines(scenario));
        all.addAll(lines);
        return all;
    }
}
