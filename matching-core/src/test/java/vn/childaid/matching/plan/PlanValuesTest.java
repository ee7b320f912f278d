package vn.childaid.matching.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanValuesTest {
    @Test
    void allocationFactoriesTellCommittedLinesApart() {
        Allocation chosen = Allocation.of("O-1", "N-1", 3, 300);
        Allocation committed = Allocation.committed("O-1", "N-1", 3, 300);
        assertFalse(chosen.committed());
        assertTrue(committed.committed());
        assertNotEquals(chosen, committed);
        assertEquals(committed, chosen.toBuilder().committed(true).build());
        assertNotEquals(chosen, Allocation.of("O-1", "N-1", 3, 301));
    }

    @Test
    void unknownConstructionTimeIsMinusOne() {
        assertEquals(-1, SolverStats.NONE.constructionMillis());
        assertEquals(-1, SolverStats.builder().millis(5).build().constructionMillis());
    }

    @Test
    void aPlanKeepsImmutableCopiesAndNeedsAScoreAndStatistics() {
        List<Allocation> lines = new ArrayList<>(List.of(Allocation.of("O-1", "N-1", 3, 300)));
        Plan plan = Plan.builder("s").score("0hard/0soft").allocations(lines).solver(SolverStats.NONE).build();
        lines.clear();
        assertEquals(1, plan.allocations().size());
        assertThrows(UnsupportedOperationException.class, () -> plan.allocations().clear());
        assertEquals(plan, plan.toBuilder().build());
        assertNotEquals(plan, plan.toBuilder().feasible(true).build());
        assertEquals("score", assertThrows(NullPointerException.class,
                () -> Plan.builder("s").solver(SolverStats.NONE).build()).getMessage());
        assertEquals("solver", assertThrows(NullPointerException.class,
                () -> Plan.builder("s").score("x").build()).getMessage());
    }

    @Test
    void outcomesAndTotalsCompareEveryField() {
        NeedOutcome outcome = NeedOutcome.builder("N-1").tier("ED").openUnits(4).fundedUnits(2)
                .status(NeedStatus.PARTIAL).reached(10.5).build();
        assertEquals(outcome, outcome.toBuilder().build());
        assertNotEquals(outcome, outcome.toBuilder().reached(10.0).build());
        assertNotEquals(outcome, outcome.toBuilder().status(NeedStatus.FUNDED).build());

        TierTotal total = TierTotal.builder("ED").reached(1.5).value(3.0).children(10).needs(2).fundedNeeds(1).build();
        assertEquals(total, total.toBuilder().build());
        assertNotEquals(total, total.toBuilder().value(1.5).build());
        assertNotEquals(total, total.toBuilder().fundedNeeds(2).build());

        assertEquals(OfferUse.of("O-1", 5, 7), OfferUse.builder("O-1").used(5).remaining(7).build());
        assertNotEquals(OfferUse.of("O-1", 5, 7), OfferUse.of("O-1", 5, 8));
    }
}
