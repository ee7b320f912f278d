package vn.childaid.matching.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.TestScenarios;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.policy.PolicyPreset;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.whatif.PlanDiff.LineChange;
import vn.childaid.matching.whatif.PlanDiff.LineCounts;
import vn.childaid.matching.whatif.PlanDiff.NeedChange;
import vn.childaid.matching.whatif.PlanDiff.OfferChange;
import vn.childaid.matching.whatif.PlanDiff.TierChange;

class PlanDiffTest {
    /** N-1 (10 children, 10 units) in the especially difficult village, N-2 (4 children, 2 units) in region II. */
    private static Scenario scenario(Need... extra) {
        Scenario.Builder builder = TestScenarios.areas("diff")
                .need(TestScenarios.need("N-1", TestScenarios.ED_VILLAGE, Category.NUTRITION, 10, 10, 100_000, Urgency.NORMAL))
                .need(TestScenarios.need("N-2", TestScenarios.R2_VILLAGE, Category.CLOTHING, 4, 2, 100_000, Urgency.NORMAL))
                .offer(Offer.cash("O-1", "D-1", 1_000_000))
                .offer(Offer.cash("O-2", "D-2", 1_000_000));
        for (Need need : extra) {
            builder.need(need);
        }
        return builder.build();
    }

    private static Plan plan(Scenario scenario, Allocation... lines) {
        return PlanAssembler.fromLines(scenario, List.of(lines), "test", SolverStats.NONE);
    }

    @Test
    void aPlanAgainstItselfDiffersInNothing() {
        Scenario scenario = scenario();
        Plan plan = GreedyAllocator.plan(scenario);

        PlanDiff diff = PlanDiff.between(scenario, plan, scenario, plan);

        assertTrue(diff.isEmpty(), diff::toString);
        assertEquals(List.of(), diff.needs());
        assertEquals(List.of(), diff.offers());
        assertEquals(List.of(), diff.lineChanges());
        assertEquals(new LineCounts(plan.allocations().size(), 0, 0, 0), diff.lines());
        assertEquals(plan.tiers().size(), diff.tiers().size(), "every tier is listed, changed or not");
    }

    @Test
    void linesAreCountedAsKeptAddedRemovedAndChangedPerOfferNeedPair() {
        Scenario scenario = scenario();
        Plan before = plan(scenario, Allocation.of("O-1", "N-1", 4, 400_000), Allocation.of("O-1", "N-1", 2, 200_000),
                Allocation.of("O-2", "N-2", 2, 200_000), Allocation.of("O-2", "N-1", 1, 100_000));
        // O-1 → N-1 keeps 6 units in one line instead of two; O-2 → N-2 goes; O-2 → N-1 grows; O-1 → N-2 is new.
        Plan after = plan(scenario, Allocation.of("O-1", "N-1", 6, 600_000), Allocation.of("O-2", "N-1", 3, 300_000),
                Allocation.of("O-1", "N-2", 1, 100_000));

        PlanDiff diff = PlanDiff.between(scenario, before, scenario, after);

        assertEquals(new LineCounts(1, 1, 1, 1), diff.lines());
        assertEquals(List.of(new LineChange("O-1", "N-2", 0, 1), new LineChange("O-2", "N-1", 1, 3),
                new LineChange("O-2", "N-2", 2, 0)), diff.lineChanges());
        assertEquals(List.of(LineChange.Kind.ADDED, LineChange.Kind.CHANGED, LineChange.Kind.REMOVED),
                diff.lineChanges().stream().map(LineChange::kind).toList());
        assertEquals(List.of(new NeedChange("N-1", Optional.of("ED"), Optional.of("ED"), 7, 9, 7.0, 9.0),
                new NeedChange("N-2", Optional.of("OTHER"), Optional.of("OTHER"), 2, 1, 4.0, 2.0)), diff.needs());
        assertEquals(List.of(new OfferChange("O-1", 600_000, 700_000)), diff.offers(),
                "O-2 gives 300,000 VND in both plans, to other needs: its use did not change");
        TierChange ed = diff.tiers().stream().filter(t -> t.name().equals("ED")).findFirst().orElseThrow();
        assertEquals(7.0, ed.before());
        assertEquals(9.0, ed.after());
        assertEquals(2.0, ed.change());
        assertFalse(diff.isEmpty());
    }

    @Test
    void categoriesAndDistrictsSumTheChildrenReachedOfTheirNeeds() {
        Scenario scenario = scenario();
        Plan before = plan(scenario, Allocation.of("O-1", "N-1", 5, 500_000));
        Plan after = plan(scenario, Allocation.of("O-1", "N-1", 10, 1_000_000), Allocation.of("O-2", "N-2", 1, 100_000));

        PlanDiff diff = PlanDiff.between(scenario, before, scenario, after);

        assertEquals(List.of(new PlanDiff.CategoryChange(Category.NUTRITION, 5.0, 10.0),
                new PlanDiff.CategoryChange(Category.CLOTHING, 0.0, 2.0)), diff.categories());
        assertEquals(List.of(new PlanDiff.DistrictChange(TestScenarios.DISTRICT, "Krông Bông", 5.0, 12.0)),
                diff.districts());
    }

    @Test
    void aNeedOrTierOnOneSideOnlyCountsZeroOnTheOther() {
        Scenario before = scenario();
        Need added = TestScenarios.need("N-3", TestScenarios.R3_VILLAGE, Category.NUTRITION, 6, 3, 100_000, Urgency.CRITICAL);
        // Phase 2 has tiers phase 1 does not (R3-high) and lacks some of phase 1's (ED, ED-critical).
        Scenario after = scenario(added).withPolicy(PolicyPreset.PHASE_2_2022_2025.policy());
        Plan planBefore = plan(before, Allocation.of("O-1", "N-1", 10, 1_000_000));
        Plan planAfter = plan(after, Allocation.of("O-1", "N-3", 3, 300_000));

        PlanDiff diff = PlanDiff.between(before, planBefore, after, planAfter);

        assertEquals(List.of(new NeedChange("N-1", Optional.of("ED"), Optional.of("R3"), 10, 0, 10.0, 0.0),
                new NeedChange("N-3", Optional.empty(), Optional.of("R3-critical"), 0, 3, 0.0, 6.0)), diff.needs());
        assertEquals("R3-critical", diff.needs().get(1).tier());
        assertEquals(List.of("ED-critical", "R3-critical", "ED", "R3-high", "R3", "OTHER"),
                diff.tiers().stream().map(TierChange::name).toList(),
                "tiers by the earlier of their policy positions, the other tier last");
        TierChange edOnlyBefore = diff.tiers().get(2);
        assertEquals(new TierChange("ED", 10.0, 0.0, 10.0, 0.0), edOnlyBefore);
        assertEquals(new TierChange("R3-critical", 0.0, 6.0, 0.0, 6.0), diff.tiers().get(1));
    }

    @Test
    void reversingSwapsBeforeAndAfterAndAddedAndRemoved() {
        Scenario scenario = scenario();
        Plan before = plan(scenario, Allocation.of("O-1", "N-1", 5, 500_000));
        Plan after = plan(scenario, Allocation.of("O-2", "N-2", 2, 200_000));

        PlanDiff diff = PlanDiff.between(scenario, before, scenario, after);
        PlanDiff reversed = diff.reversed();

        assertEquals(new LineCounts(0, 1, 1, 0), diff.lines());
        assertEquals(PlanDiff.between(scenario, after, scenario, before), reversed);
        assertEquals(diff, reversed.reversed());
        assertEquals(LineChange.Kind.REMOVED, diff.lineChanges().get(0).kind());
        assertEquals(LineChange.Kind.ADDED, reversed.lineChanges().get(0).kind(), "O-1 → N-1, removed going forth, is added going back");
    }
}
