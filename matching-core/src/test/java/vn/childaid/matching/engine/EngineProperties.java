package vn.childaid.matching.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import vn.childaid.matching.ContractOracle;
import vn.childaid.matching.RandomScenarios;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/** Invariants of the engine over generated scenarios, checked by {@link ContractOracle}, not by the score. */
class EngineProperties {
    private static final SolveOptions BUDGET = SolveOptions.defaults()
            .withTimeLimit(Duration.ofSeconds(30))
            .withScoreCalculationLimit(30_000);

    private static Plan solve(Scenario scenario) {
        return AllocationEngine.solve(scenario, BUDGET);
    }

    @Property(tries = 40)
    void everyPlanKeepsEveryHardRule(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int needs,
            @ForAll @IntRange(min = 1, max = 5) int offers) {
        Scenario scenario = RandomScenarios.generate(seed, needs, offers, 30);
        Plan plan = solve(scenario);
        assertEquals(Set.of(), ContractOracle.broken(scenario, plan.allocations()));
        assertTrue(plan.feasible(), () -> String.join("; ", plan.violations()));
        assertEquals(scenario.needs().size(), plan.needs().size());
        assertEquals(scenario.offers().size(), plan.offers().size());
    }

    @Property(tries = 10)
    void noScoreCorruptionUnderFullAssert(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int needs,
            @ForAll @IntRange(min = 1, max = 4) int offers) {
        Scenario scenario = RandomScenarios.generate(seed, needs, offers, 20);
        Plan plan = AllocationEngine.solve(scenario, BUDGET.withScoreCalculationLimit(3_000).withAssertScores(true));
        assertEquals(Set.of(), ContractOracle.broken(scenario, plan.allocations()));
    }

    @Property(tries = 30)
    void planIsNeverBelowTheGreedyByThePolicysMeasure(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int needs,
            @ForAll @IntRange(min = 1, max = 5) int offers) {
        Scenario scenario = RandomScenarios.generate(seed, needs, offers, 30);
        Plan plan = solve(scenario);
        double[] engineValues = ContractOracle.tierValues(scenario, plan.allocations());
        for (GreedyAllocator.OfferChoice choice : GreedyAllocator.OfferChoice.values()) {
            List<Allocation> greedy = new ArrayList<>(ContractOracle.committedLines(scenario));
            greedy.addAll(GreedyAllocator.allocate(scenario, choice));
            assertEquals(Set.of(), ContractOracle.broken(scenario, greedy), "the greedy keeps the rules too, " + choice);
            double[] greedyValues = ContractOracle.tierValues(scenario, greedy);
            assertTrue(ContractOracle.compare(scenario.policy(), engineValues, greedyValues) >= 0,
                    () -> "engine " + Arrays.toString(engineValues) + " < greedy " + choice + " "
                            + Arrays.toString(greedyValues) + " under " + scenario.policy());
        }
    }

    @Property(tries = 30)
    void solverReachesTheExhaustiveOptimumOnTinyScenarios(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int needs, @ForAll @IntRange(min = 1, max = 2) int offers) {
        Scenario scenario = RandomScenarios.generate(seed, needs, offers, 3);
        double[] optimum = ExhaustiveOptimum.tierValues(scenario);
        double[] found = ContractOracle.tierValues(scenario, solve(scenario).allocations());
        assertEquals(0, ContractOracle.compare(scenario.policy(), found, optimum),
                () -> "found " + Arrays.toString(found) + ", optimum " + Arrays.toString(optimum) + " under "
                        + scenario.policy());
    }

    /** For a STRICT policy this says the top tier never falls; for WEIGHTED, the weighted sum never does. */
    @Property(tries = 20)
    void addingAnOfferNeverMakesThePlanWorse(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int needs,
            @ForAll @IntRange(min = 1, max = 2) int offers) {
        Scenario scenario = RandomScenarios.generate(seed, needs, offers, 3);
        Need first = scenario.needs().get(0);
        Scenario richer = scenario.toBuilder().offer(Offer.cash("O-extra", "D-3", 2 * first.unitCost())).build();
        double[] before = ContractOracle.tierValues(scenario, solve(scenario).allocations());
        double[] after = ContractOracle.tierValues(richer, solve(richer).allocations());
        assertTrue(ContractOracle.compare(scenario.policy(), after, before) >= 0,
                () -> "fell from " + Arrays.toString(before) + " to " + Arrays.toString(after) + " under "
                        + scenario.policy());
    }

    @Property(tries = 10)
    void theSameSeedGivesTheSamePlan(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int needs,
            @ForAll @IntRange(min = 1, max = 5) int offers) {
        Scenario scenario = RandomScenarios.generate(seed, needs, offers, 30);
        SolveOptions options = BUDGET.withRandomSeed(seed);
        assertEquals(AllocationEngine.solve(scenario, options).allocations(),
                AllocationEngine.solve(scenario, options).allocations());
    }

    @Property(tries = 50)
    void scenariosRoundTripThroughJson(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int needs,
            @ForAll @IntRange(min = 1, max = 5) int offers) {
        Scenario scenario = RandomScenarios.generate(seed, needs, offers, 30);
        assertEquals(scenario, ScenarioJson.parse(ScenarioJson.toJson(scenario), "round-trip"));
    }

    @Property(tries = 10)
    void plansRoundTripThroughJson(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int needs,
            @ForAll @IntRange(min = 1, max = 5) int offers) {
        Scenario scenario = RandomScenarios.generate(seed, needs, offers, 30);
        Plan plan = GreedyAllocator.plan(scenario);
        assertEquals(plan, PlanJson.parse(PlanJson.toJson(plan), "round-trip"));
    }
}
