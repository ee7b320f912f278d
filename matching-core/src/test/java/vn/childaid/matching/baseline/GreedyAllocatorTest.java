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
        assertEquals(List.of(new Allocation("MEAL-FUND", "MEALS", 20, 50_000_000, false),
                new Allocation("POOR-FUND", "HOUSE", 1, 60_000_000, false)), lines);
    }

    @Test
    void theEngineStartsFromTheBetterOfTheTwo() {
        assertEquals(GreedyAllocator.allocate(SCARCE_HOUSE_MONEY, OfferChoice.LEAST_CONTESTED),
                GreedyAllocator.allocateBest(SCARCE_HOUSE_MONEY));
    }

    private static Map<String, Integer> fundedUnits(List<Allocation> lines) {
        return lines.stream().collect(Collectors.groupingBy(Allocation::need, Collectors.summingInt(Allocation::units)));
    }
}
