package vn.childaid.matching.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.engine.AllocationEngine;
import vn.childaid.matching.engine.SolveOptions;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Scenario;

/** The harness works: on a tiny scenario the exact reference and the engine agree, and bounds bound. */
class ExactReferenceSmokeTest {
    private static final int TIERS = 2;

    @Test
    void engineReachesTheExactOptimumOnATinyScenario() {
        Scenario scenario = DakLakGenerator.generate(ScenarioSize.TINY, 5);
        ExactReference.Result exact = ExactReference.optimum(scenario, TIERS, Duration.ofSeconds(60));
        assertTrue(exact.optimal(), "SCIP proves the tiny optimum");

        Plan plan = AllocationEngine.solve(scenario, SolveOptions.defaults().withTimeLimit(Duration.ofSeconds(5)));
        double[] engine = Arrays.copyOf(plan.tierValues(), TIERS);
        assertArrayEquals(exact.tierValues(), engine, 0.01,
                () -> "exact " + Arrays.toString(exact.tierValues()) + " engine " + Arrays.toString(engine));

        Plan greedy = GreedyAllocator.plan(scenario);
        assertTrue(greedy.tierValues()[0] <= exact.tierValues()[0] + 0.01, "nothing beats the optimum");
        double[] lp = PricedBound.tierBounds(scenario, greedy, TIERS, Long.MAX_VALUE).tierValues();
        double[] demand = PricedBound.tierBounds(scenario, greedy, TIERS, 0).tierValues();
        for (int tier = 0; tier < TIERS; tier++) {
            assertTrue(lp[tier] >= exact.tierValues()[tier] - 0.01, "the LP bounds tier " + (tier + 1));
            assertTrue(demand[tier] >= lp[tier] - 0.01, "the demand bound is the looser one, tier " + (tier + 1));
        }

        ExactReference.TierBound proof = ExactReference.tierBound(scenario, 1, new double[] {exact.tierValues()[0]},
                greedy.allocations(), Duration.ofSeconds(60));
        assertTrue(proof.optimal(), "SCIP, started from the greedy plan, proves T_2");
        assertEquals(exact.tierValues()[1], proof.bound(), 0.01, "the proven T_2 is the lexicographic optimum's");
    }
}
