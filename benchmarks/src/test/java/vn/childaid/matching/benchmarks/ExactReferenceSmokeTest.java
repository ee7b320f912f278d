package vn.childaid.matching.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

        double[] greedy = Arrays.copyOf(GreedyAllocator.plan(scenario).tierValues(), TIERS);
        ExactReference.Result bound = ExactReference.linearRelaxation(scenario, TIERS, exact.tierValues()[0]);
        assertTrue(bound.tierValues()[0] >= exact.tierValues()[0] - 0.01, "the relaxation bounds T_1");
        assertTrue(bound.tierValues()[1] >= exact.tierValues()[1] - 0.01, "the relaxation bounds T_2");
        assertTrue(greedy[0] <= exact.tierValues()[0] + 0.01, "nothing beats the optimum");
    }
}
