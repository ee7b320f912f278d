package vn.childaid.matching.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.childaid.matching.TestScenarios.ED_VILLAGE;
import static vn.childaid.matching.TestScenarios.R2_VILLAGE;
import static vn.childaid.matching.TestScenarios.need;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.TestScenarios;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

class CarryoverTest {
    private static final long MILLION = 1_000_000;

    /** One fund pays ten units of meals in an especially difficult village (top tier) and ten in a region-II one. */
    private static Scenario meals(long fund, long other) {
        return TestScenarios.areas("meals")
                .need(need("N-ED", ED_VILLAGE, Category.NUTRITION, 10, 10, 5 * MILLION, Urgency.HIGH))
                .need(need("N-R2", R2_VILLAGE, Category.NUTRITION, 10, 10, 5 * MILLION, Urgency.HIGH))
                .offer(Offer.cash("FUND", "D-1", fund))
                .offer(Offer.cash("OTHER", "D-2", other))
                .build();
    }

    private static Plan plan(Scenario scenario, Allocation... lines) {
        return PlanAssembler.assemble(scenario, List.of(lines), "", SolverStats.NONE);
    }

    private static Allocation line(String offer, String need, int units) {
        return Allocation.of(offer, need, units, units * 5 * MILLION);
    }

    @Test
    void linesOfAShrunkOfferAreKeptHighestTierFirstWhileTheyFit() {
        Scenario before = meals(100 * MILLION, 10 * MILLION);
        Plan previous = plan(before, line("FUND", "N-R2", 10), line("FUND", "N-ED", 10), line("OTHER", "N-R2", 1));
        Scenario after = meals(60 * MILLION, 10 * MILLION);

        Carryover carryover = Carryover.of(before, previous, after);

        assertEquals(List.of(line("OTHER", "N-R2", 1)), carryover.untouched());
        assertEquals(List.of(line("FUND", "N-ED", 10), line("OTHER", "N-R2", 1)), carryover.holding());
    }

    @Test
    void aGrownOfferTouchesNoLine() {
        Scenario before = meals(100 * MILLION, 10 * MILLION);
        Plan previous = plan(before, line("FUND", "N-R2", 10), line("FUND", "N-ED", 10));

        Carryover carryover = Carryover.of(before, previous, meals(120 * MILLION, 10 * MILLION));

        assertEquals(previous.allocations(), carryover.untouched());
        assertEquals(previous.allocations(), carryover.holding());
    }

    @Test
    void aWithdrawnOfferDropsItsLinesAndNoOthers() {
        Scenario before = meals(100 * MILLION, 10 * MILLION);
        Plan previous = plan(before, line("FUND", "N-ED", 10), line("OTHER", "N-R2", 2));
        Scenario after = TestScenarios.areas("meals")
                .need(need("N-ED", ED_VILLAGE, Category.NUTRITION, 10, 10, 5 * MILLION, Urgency.HIGH))
                .need(need("N-R2", R2_VILLAGE, Category.NUTRITION, 10, 10, 5 * MILLION, Urgency.HIGH))
                .offer(Offer.cash("OTHER", "D-2", 10 * MILLION))
                .build();

        assertEquals(List.of(line("OTHER", "N-R2", 2)), Untouched.lines(before, previous, after));
    }

    @Test
    void anIndivisibleNeedIsKeptWholeOrNotAtAll() {
        Scenario.Builder houses = TestScenarios.areas("houses")
                .need(need("HOUSES", ED_VILLAGE, Category.CHARITY_HOUSE, 8, 2, 60 * MILLION, Urgency.CRITICAL))
                .offer(Offer.cash("A", "D-1", 60 * MILLION));
        Scenario before = houses.offer(Offer.cash("B", "D-2", 60 * MILLION)).build();
        Plan previous = plan(before, Allocation.of("A", "HOUSES", 1, 60 * MILLION),
                Allocation.of("B", "HOUSES", 1, 60 * MILLION));
        Scenario after = TestScenarios.areas("houses")
                .need(need("HOUSES", ED_VILLAGE, Category.CHARITY_HOUSE, 8, 2, 60 * MILLION, Urgency.CRITICAL))
                .offer(Offer.cash("A", "D-1", 60 * MILLION))
                .offer(Offer.cash("B", "D-2", 30 * MILLION))
                .build();

        Carryover carryover = Carryover.of(before, previous, after);

        // A's line alone would leave the house half built: neither is kept, though A was untouched.
        assertEquals(List.of(), carryover.holding());
        assertEquals(List.of(), carryover.untouched());
    }

    @Test
    void unitsTheChangeCommitsAreNoLongerTheLinesToKeep() {
        Scenario before = meals(100 * MILLION, 10 * MILLION);
        Plan previous = plan(before, line("FUND", "N-ED", 10));
        Scenario after = before.toBuilder().commitment(Commitment.of("FUND", "N-ED", 4)).build();

        assertEquals(List.of(line("FUND", "N-ED", 6)), Carryover.of(before, previous, after).holding());
    }
}
