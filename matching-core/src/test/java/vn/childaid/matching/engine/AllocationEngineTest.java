package vn.childaid.matching.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.childaid.matching.TestScenarios.ED_VILLAGE;
import static vn.childaid.matching.TestScenarios.R2_VILLAGE;
import static vn.childaid.matching.TestScenarios.R3_VILLAGE;
import static vn.childaid.matching.TestScenarios.need;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.TestScenarios;
import vn.childaid.matching.plan.NeedStatus;
import vn.childaid.matching.plan.Plan;
import java.util.Map;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.policy.PolicyPreset;
import vn.childaid.matching.policy.PriorityMode;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.classification.Urgency;

class AllocationEngineTest {
    private static final SolveOptions QUICK = SolveOptions.defaults()
            .withTimeLimit(Duration.ofSeconds(20))
            .withScoreCalculationLimit(20_000).withAssertScores(true);

    @Test
    void scarceMoneyGoesToTheEspeciallyDifficultVillageFirst() {
        Scenario scenario = TestScenarios.areas("scarce")
                .need(need("N-ED", ED_VILLAGE, Category.NUTRITION, 10, 10, 100_000, Urgency.NORMAL))
                .need(need("N-R2", R2_VILLAGE, Category.NUTRITION, 10, 10, 100_000, Urgency.CRITICAL))
                .offer(Offer.cash("O-1", "D-1", 1_000_000))
                .build();

        Plan plan = AllocationEngine.solve(scenario, QUICK);

        assertTrue(plan.feasible(), () -> plan.score() + " " + plan.allocations() + String.join("\n", plan.violations()));
        assertEquals(NeedStatus.FUNDED, plan.need("N-ED").orElseThrow().status());
        assertEquals(NeedStatus.UNFUNDED, plan.need("N-R2").orElseThrow().status());
        assertEquals(10.0, plan.tier("ED").orElseThrow().value(), 1e-9);
    }

    @Test
    void indivisibleHouseIsFundedWholeByTwoOffersOrNotAtAll() {
        Scenario scenario = TestScenarios.areas("house")
                .need(need("H-1", ED_VILLAGE, Category.CHARITY_HOUSE, 5, 2, 30_000_000, Urgency.CRITICAL))
                .need(need("H-2", ED_VILLAGE, Category.CHARITY_HOUSE, 5, 2, 60_000_000, Urgency.CRITICAL))
                .offer(Offer.cash("O-1", "D-1", 40_000_000))
                .offer(Offer.cash("O-2", "D-2", 30_000_000))
                .build();

        Plan plan = AllocationEngine.solve(scenario, QUICK);

        assertTrue(plan.feasible(), () -> plan.score() + " " + plan.allocations() + String.join("\n", plan.violations()));
        // 70M covers H-1's two houses (60M) whole only by co-funding, a house each; H-2 needs 120M and must stay unfunded.
        assertEquals(NeedStatus.FUNDED, plan.need("H-1").orElseThrow().status());
        assertEquals(NeedStatus.UNFUNDED, plan.need("H-2").orElseThrow().status());
    }

    @Test
    void commitmentsStayAndAreMarked() {
        Scenario scenario = TestScenarios.areas("committed")
                .need(need("N-1", ED_VILLAGE, Category.NUTRITION, 10, 10, 100_000, Urgency.CRITICAL))
                .offer(Offer.cash("O-1", "D-1", 500_000))
                .offer(Offer.cash("O-2", "D-2", 10_000_000))
                .commitment(Commitment.of("O-1", "N-1", 3))
                .build();

        Plan plan = AllocationEngine.solve(scenario, QUICK);

        assertTrue(plan.allocations().stream().anyMatch(a -> a.committed() && a.offer().equals("O-1") && a.units() == 3));
        assertEquals(10, plan.need("N-1").orElseThrow().fundedUnits());
        assertTrue(plan.feasible(), () -> plan.score() + " " + plan.allocations() + String.join("\n", plan.violations()));
    }

    /** Two equal needs, money for one: which the policy funds. */
    private static Scenario oneOfTwo(String name, Policy policy, Need first, Need second) {
        return TestScenarios.areas(name).policy(policy).need(first).need(second)
                .offer(Offer.cash("O-1", "D-1", 1_000_000)).build();
    }

    @Test
    void weightedModeLetsAHeavilyWeightedLowerTierWin() {
        Need inEdVillage = need("N-ED", ED_VILLAGE, Category.NUTRITION, 10, 10, 100_000, Urgency.NORMAL);
        Need elsewhere = need("N-R2", R2_VILLAGE, Category.NUTRITION, 10, 10, 100_000, Urgency.NORMAL);
        Policy strict = Policy.defaultPolicy();
        Policy weighted = strict.withPriorityMode(PriorityMode.WEIGHTED).withTierWeights(List.of(1L, 1L, 1L, 1L, 100L));

        Plan strictPlan = AllocationEngine.solve(oneOfTwo("strict", strict, inEdVillage, elsewhere), QUICK);
        Plan weightedPlan = AllocationEngine.solve(oneOfTwo("weighted", weighted, inEdVillage, elsewhere), QUICK);

        assertEquals(NeedStatus.FUNDED, strictPlan.need("N-ED").orElseThrow().status());
        assertEquals(NeedStatus.FUNDED, weightedPlan.need("N-R2").orElseThrow().status());
        assertEquals(NeedStatus.UNFUNDED, weightedPlan.need("N-ED").orElseThrow().status());
    }

    @Test
    void phaseTwoPrefersEspeciallyDifficultVillagesWithinATier() {
        Need inEdVillage = need("N-ED", ED_VILLAGE, Category.NUTRITION, 10, 10, 100_000, Urgency.CRITICAL);
        Need inOrdinaryVillage = need("N-R3", R3_VILLAGE, Category.NUTRITION, 10, 10, 100_000, Urgency.CRITICAL);
        Plan plan = AllocationEngine.solve(oneOfTwo("phase 2", PolicyPreset.PHASE_2_2022_2025.policy(), inOrdinaryVillage,
                inEdVillage), QUICK);
        assertEquals("R3-critical", plan.need("N-ED").orElseThrow().tier());
        assertEquals(NeedStatus.FUNDED, plan.need("N-ED").orElseThrow().status());
        assertEquals(NeedStatus.UNFUNDED, plan.need("N-R3").orElseThrow().status());
    }

    @Test
    void categoryWeightsChooseBetweenEqualNeedsOfOneTier() {
        Need meals = need("N-MEALS", ED_VILLAGE, Category.NUTRITION, 10, 10, 100_000, Urgency.CRITICAL);
        Need checkups = need("N-CHECK", ED_VILLAGE, Category.HEALTHCARE, 10, 10, 100_000, Urgency.CRITICAL);
        Policy policy = Policy.defaultPolicy().withCategoryWeights(Map.of(Category.HEALTHCARE, 2.0));
        Plan plan = AllocationEngine.solve(oneOfTwo("weights", policy, meals, checkups), QUICK);
        assertEquals(NeedStatus.FUNDED, plan.need("N-CHECK").orElseThrow().status());
        assertEquals(20.0, plan.tier("ED-critical").orElseThrow().value(), 1e-9, "value is category-weighted");
        assertEquals(10.0, plan.tier("ED-critical").orElseThrow().reached(), 1e-9, "reached is not");
    }

    @Test
    void twoMoveThreadsGiveAFeasiblePlan() {
        Scenario scenario = vn.childaid.matching.RandomScenarios.generate(11, 8, 4, 30);
        Plan plan = AllocationEngine.solve(scenario, QUICK.withMoveThreads(2).withAssertScores(false));
        assertEquals(Set.of(), vn.childaid.matching.ContractOracle.broken(scenario, plan.allocations()));
    }

    @Test
    void unimprovedTimeLimitEndsASolveLongBeforeItsTimeLimit() {
        Scenario scenario = vn.childaid.matching.RandomScenarios.generate(5, 6, 3, 20);
        Plan plan = AllocationEngine.solve(scenario, SolveOptions.defaults()
                .withTimeLimit(Duration.ofMinutes(10)).withUnimprovedTimeLimit(Duration.ofSeconds(1)));
        assertTrue(plan.solver().millis() < 120_000, "stopped after " + plan.solver().millis() + " ms");
        assertTrue(plan.feasible());
    }

    @Test
    void asyncJobReportsProgressAndCanBeCancelled() throws Exception {
        Scenario scenario = TestScenarios.areas("async")
                .need(need("N-1", ED_VILLAGE, Category.NUTRITION, 50, 500, 10_000, Urgency.CRITICAL))
                .offer(Offer.cash("O-1", "D-1", 2_000_000))
                .offer(Offer.cash("O-2", "D-2", 1_500_000))
                .build();
        List<Progress> seen = new CopyOnWriteArrayList<>();
        var executor = Executors.newSingleThreadExecutor();
        try {
            SolveJob job = AllocationEngine.solveAsync(scenario,
                    SolveOptions.defaults().withTimeLimit(Duration.ofMinutes(5)).withProgressListener(seen::add),
                    executor);
            Thread.sleep(1500);
            job.cancel();
            Plan plan = job.result().get(30, TimeUnit.SECONDS);
            assertTrue(plan.feasible());
            assertTrue(plan.solver().millis() < 60_000, "cancel stopped the five-minute solve");
            assertTrue(!seen.isEmpty(), "progress was reported");
            assertEquals(List.of("ED-critical", "ED", "R3-critical", "R3", "OTHER"), seen.get(0).tierNames());
            assertEquals(plan.tierValues()[0], new ArrayList<>(seen).get(seen.size() - 1).tierValues().get(0), 1e-3,
                    "the last progress report shows the plan's top tier value");
            assertTrue(plan.tierValues()[0] > 30, "3.5M VND buys up to 350 of 500 units: up to 35 of 50 children");
        } finally {
            executor.shutdownNow();
        }
    }
}
