package vn.childaid.matching.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.ContractOracle;
import vn.childaid.matching.RandomScenarios.Case;
import vn.childaid.matching.RandomScenarios;
import vn.childaid.matching.Seeds;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * Invariants of the engine over generated scenarios, checked by {@link ContractOracle}, not by the score.
 * Each property runs over {@link Seeds}' fixed seeds plus a few fresh ones; a failure names its seed,
 * and {@code -Dseed=<seed>} replays it.
 */
@ExtendWith(Seeds.NameTheSeed.class)
class EngineProperties {
    private static final SolveOptions BUDGET = SolveOptions.defaults()
            .withTimeLimit(Duration.ofSeconds(30))
            .withScoreCalculationLimit(30_000);

    private static Plan solve(Scenario scenario) {
        return AllocationEngine.solve(scenario, BUDGET);
    }

    private static Stream<Case> cases(int count, int maxNeeds, int maxOffers) {
        return Case.cases(count, maxNeeds, maxOffers);
    }

    static Stream<Case> everyPlanKeepsEveryHardRule() {
        return cases(40, 8, 5);
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void everyPlanKeepsEveryHardRule(Case c) {
        Scenario scenario = c.scenario(30);
        Plan plan = solve(scenario);
        assertEquals(Set.of(), ContractOracle.broken(scenario, plan.allocations()));
        assertTrue(plan.feasible(), () -> String.join("; ", plan.violations()));
        assertEquals(scenario.needs().size(), plan.needs().size());
        assertEquals(scenario.offers().size(), plan.offers().size());
    }

    static Stream<Case> noScoreCorruptionUnderFullAssert() {
        return cases(10, 5, 4);
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void noScoreCorruptionUnderFullAssert(Case c) {
        Scenario scenario = c.scenario(20);
        Plan plan = AllocationEngine.solve(scenario, BUDGET.withScoreCalculationLimit(3_000).withAssertScores(true));
        assertEquals(Set.of(), ContractOracle.broken(scenario, plan.allocations()));
    }

    static Stream<Case> planIsNeverBelowTheGreedyByThePolicysMeasure() {
        return cases(30, 8, 5);
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void planIsNeverBelowTheGreedyByThePolicysMeasure(Case c) {
        Scenario scenario = c.scenario(30);
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

    static Stream<Case> solverReachesTheExhaustiveOptimumOnTinyScenarios() {
        return cases(30, 3, 2);
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void solverReachesTheExhaustiveOptimumOnTinyScenarios(Case c) {
        Scenario scenario = c.scenario(3);
        double[] optimum = ExhaustiveOptimum.tierValues(scenario);
        double[] found = ContractOracle.tierValues(scenario, solve(scenario).allocations());
        assertEquals(0, ContractOracle.compare(scenario.policy(), found, optimum),
                () -> "found " + Arrays.toString(found) + ", optimum " + Arrays.toString(optimum) + " under "
                        + scenario.policy());
    }

    static Stream<Case> addingAnOfferNeverMakesThePlanWorse() {
        return cases(20, 3, 2);
    }

    /** For a STRICT policy this says the top tier never falls; for WEIGHTED, the weighted sum never does. */
    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void addingAnOfferNeverMakesThePlanWorse(Case c) {
        Scenario scenario = c.scenario(3);
        Need first = scenario.needs().get(0);
        Scenario richer = scenario.toBuilder().offer(Offer.cash("O-extra", "D-3", 2 * first.unitCost())).build();
        double[] before = ContractOracle.tierValues(scenario, solve(scenario).allocations());
        double[] after = ContractOracle.tierValues(richer, solve(richer).allocations());
        assertTrue(ContractOracle.compare(scenario.policy(), after, before) >= 0,
                () -> "fell from " + Arrays.toString(before) + " to " + Arrays.toString(after) + " under "
                        + scenario.policy());
    }

    static Stream<Case> theSameSeedGivesTheSamePlan() {
        return cases(10, 8, 5);
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void theSameSeedGivesTheSamePlan(Case c) {
        Scenario scenario = c.scenario(30);
        SolveOptions options = BUDGET.withRandomSeed(c.seed());
        assertEquals(AllocationEngine.solve(scenario, options).allocations(),
                AllocationEngine.solve(scenario, options).allocations());
    }

    static Stream<Case> scenariosRoundTripThroughJson() {
        return cases(50, 8, 5);
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void scenariosRoundTripThroughJson(Case c) {
        Scenario scenario = c.scenario(30);
        assertEquals(scenario, ScenarioJson.parse(ScenarioJson.toJson(scenario), "round-trip"));
    }

    static Stream<Case> plansRoundTripThroughJson() {
        return cases(10, 8, 5);
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void plansRoundTripThroughJson(Case c) {
        Scenario scenario = c.scenario(30);
        Plan plan = GreedyAllocator.plan(scenario);
        assertEquals(plan, PlanJson.parse(PlanJson.toJson(plan), "round-trip"));
    }
}
