package vn.childaid.matching.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.examples.ContentionFamily;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Scenario;

/** CP-SAT's model of the contract agrees with SCIP's on tiny contention scenarios, and the audit accepts its plans. */
class CpSatReferenceSmokeTest {
    private static final int TIERS = 2;

    @Test
    void cpSatProvesTheSameLexicographicOptimumAsScipOnATinyContentionScenario() {
        Scenario scenario = DakLakGenerator.generate(ScenarioSize.TINY, 5, ContentionFamily.SMALL_TIER2_TIGHT.contention());
        CpSatReference.Result cpSat = CpSatReference.solve(scenario, TIERS, Duration.ofSeconds(60));
        assertTrue(cpSat.optimal(), "CP-SAT proves the tiny optimum");
        assertTrue(cpSat.accepted(), () -> "the audit accepts CP-SAT's plan: " + cpSat.violations());
        double[] planValues = Arrays.copyOf(cpSat.plan().orElseThrow().tierValues(), TIERS);
        assertEquals(cpSat.stageValues()[0], planValues[0], 0.01, "the model's T_1 is the plan's");
        assertEquals(cpSat.stageValues()[1], planValues[1], 0.01, "the model's T_2 is the plan's");
        assertEquals(planValues[1], cpSat.stageBounds()[1], 0.01, "proven: the bound meets the value");

        ExactReference.Result scip = ExactReference.optimum(scenario, TIERS, Duration.ofSeconds(60));
        assertTrue(scip.optimal());
        assertEquals(scip.tierValues()[0], planValues[0], 0.01, "T_1 as SCIP's");
        assertEquals(scip.tierValues()[1], planValues[1], 0.01, "T_2 as SCIP's");
        Plan greedy = GreedyAllocator.plan(scenario);
        assertTrue(greedy.tierValues()[0] <= planValues[0] + 0.01, "the greedy does not beat the optimum");
        assertTrue(planValues[0] > 0, "the scenario funds something, so the comparison means something");
    }

    @Test
    void underAWeightedPolicyCpSatMaximisesTheWeightedSumAndBothSolversBoundEachOther() {
        Scenario scenario = DakLakGenerator.generate(ScenarioSize.TINY, 6, ContentionFamily.SMALL_WEIGHTED.contention());
        CpSatReference.Result cpSat = CpSatReference.solve(scenario, TIERS, Duration.ofSeconds(5));
        assertTrue(cpSat.accepted(), () -> "the audit accepts CP-SAT's plan: " + cpSat.violations());
        double weighted = ContentionTable.weightedValue(scenario, cpSat.plan().orElseThrow().tierValues());
        assertEquals(cpSat.stageValues()[0], weighted, 0.01, "the model's weighted sum is the plan's");
        assertTrue(cpSat.stageBounds()[0] >= weighted - 0.01);
        double greedy = ContentionTable.weightedValue(scenario, GreedyAllocator.plan(scenario).tierValues());
        assertTrue(greedy <= cpSat.stageBounds()[0] + 0.01, "nothing beats the bound");
        assertTrue(weighted >= greedy * 0.99, "CP-SAT is near the greedy at least");

        long[] weights = EligibleLines.weightsOrNull(scenario.policy());
        assertTrue(new EligibleLines(scenario).weightedDemandBound(weights) >= cpSat.stageBounds()[0] - 0.01,
                "the demand bound is the loosest");
        ExactReference.TierBound scip = ExactReference.weightedBound(scenario, weights, cpSat.plan().get().allocations(),
                Duration.ofSeconds(10));
        assertTrue(scip.bound() >= weighted - 0.01, "SCIP's bound holds for CP-SAT's plan");
        assertTrue(cpSat.stageBounds()[0] >= scip.best() - 0.01, "CP-SAT's bound holds for SCIP's plan");
    }
}
