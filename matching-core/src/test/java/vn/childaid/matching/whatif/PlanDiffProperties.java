package vn.childaid.matching.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.RandomScenarios.Case;
import vn.childaid.matching.Seeds;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.plan.TierTotal;
import vn.childaid.matching.policy.PolicyPreset;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.whatif.PlanDiff.LineChange;
import vn.childaid.matching.whatif.PlanDiff.TierChange;

/**
 * Plan diffs over random pairs of plans: the greedy plan of a random scenario against lines drawn
 * from it (some dropped, some changed in units, some new, any offer for any need), under the same
 * policy or another one, so tiers on one side only occur.
 */
@ExtendWith(Seeds.NameTheSeed.class)
class PlanDiffProperties {
    static Stream<Case> cases() {
        return Case.cases(60, 8, 6);
    }

    private record Pair(Scenario scenarioA, Plan planA, Scenario scenarioB, Plan planB) {}

    private static Pair pair(Case c) {
        Random random = new Random(c.seed());
        Scenario a = c.scenario(6);
        Scenario b = random.nextBoolean() ? a : a.withPolicy(PolicyPreset.values()[random.nextInt(2)].policy());
        Plan planA = GreedyAllocator.plan(a);
        List<Allocation> lines = new ArrayList<>();
        for (Allocation line : planA.allocations()) {
            switch (random.nextInt(4)) {
                case 0 -> { } // dropped
                case 1 -> lines.add(line.toBuilder().units(1 + random.nextInt(4)).build());
                default -> lines.add(line);
            }
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            Offer offer = b.offers().get(random.nextInt(b.offers().size()));
            Need need = b.needs().get(random.nextInt(b.needs().size()));
            lines.add(Allocation.of(offer.id(), need.id(), 1 + random.nextInt(3), 0));
        }
        Plan planB = PlanAssembler.fromLines(b, lines, "drawn", SolverStats.NONE);
        return new Pair(a, planA, b, planB);
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource("cases")
    void theDiffOfBToAIsTheDiffOfAToBReversed(Case c) {
        Pair p = pair(c);

        PlanDiff forth = PlanDiff.between(p.scenarioA(), p.planA(), p.scenarioB(), p.planB());
        PlanDiff back = PlanDiff.between(p.scenarioB(), p.planB(), p.scenarioA(), p.planA());

        assertEquals(back, forth.reversed());
        assertEquals(forth, back.reversed());
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource("cases")
    void theDiffsTierFiguresAreThePlansTierTotals(Case c) {
        Pair p = pair(c);

        PlanDiff diff = PlanDiff.between(p.scenarioA(), p.planA(), p.scenarioB(), p.planB());

        for (TierChange tier : diff.tiers()) {
            assertEquals(p.planA().tier(tier.name()).map(TierTotal::reached).orElse(0.0), tier.before(), tier.name());
            assertEquals(p.planB().tier(tier.name()).map(TierTotal::reached).orElse(0.0), tier.after(), tier.name());
            assertEquals(p.planB().tier(tier.name()).map(TierTotal::value).orElse(0.0), tier.valueAfter(), tier.name());
        }
        assertEquals(p.planA().tiers().size() + p.planB().tiers().stream()
                .filter(t -> p.planA().tier(t.name()).isEmpty()).count(), diff.tiers().size(), "every tier of either plan");
        double reachedA = p.planA().tiers().stream().mapToDouble(TierTotal::reached).sum();
        double reachedB = p.planB().tiers().stream().mapToDouble(TierTotal::reached).sum();
        assertEquals(reachedA, diff.categories().stream().mapToDouble(PlanDiff.CategoryChange::before).sum(), 1e-9);
        assertEquals(reachedB, diff.categories().stream().mapToDouble(PlanDiff.CategoryChange::after).sum(), 1e-9);
        assertEquals(reachedB, diff.districts().stream().mapToDouble(PlanDiff.DistrictChange::after).sum(), 1e-9,
                "every need of the test areas is in a district");
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource("cases")
    void theLineCountsAddUpToTheLinesOfEachPlan(Case c) {
        Pair p = pair(c);

        PlanDiff diff = PlanDiff.between(p.scenarioA(), p.planA(), p.scenarioB(), p.planB());

        long pairsA = p.planA().allocations().stream().map(l -> l.offer() + "|" + l.need()).distinct().count();
        long pairsB = p.planB().allocations().stream().map(l -> l.offer() + "|" + l.need()).distinct().count();
        PlanDiff.LineCounts lines = diff.lines();
        assertEquals(pairsA, lines.kept() + lines.removed() + lines.changed());
        assertEquals(pairsB, lines.kept() + lines.added() + lines.changed());
        assertEquals(lines.differing(), diff.lineChanges().size());
        assertTrue(diff.lineChanges().stream().allMatch(l -> l.unitsBefore() != l.unitsAfter()));
        assertEquals(diff.lineChanges().stream().filter(l -> l.kind() == LineChange.Kind.ADDED).count(), lines.added());
        if (p.scenarioA() == p.scenarioB()) {
            assertEquals(diff.lineChanges().isEmpty(), diff.isEmpty(),
                    () -> "under one scenario, the plans differ exactly when their lines do: needs " + diff.needs()
                            + ", offers " + diff.offers() + ", tiers " + diff.tiers());
        } else if (!diff.lineChanges().isEmpty()) {
            // Under two policies the same lines may still differ in tiers; two plans without a line
            // (or with the same lines reaching the same tiers) may be the same plan.
            assertFalse(diff.isEmpty(), "a changed line is a difference");
        }
    }
}
