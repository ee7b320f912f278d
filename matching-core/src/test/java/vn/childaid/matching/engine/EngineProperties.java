package vn.childaid.matching.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.ContractOracle;
import vn.childaid.matching.RandomScenarios;
import vn.childaid.matching.Seeds;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
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

    /** One random scenario's size; the sizes are drawn from the seed, so the seed alone replays the case. */
    record Case(long seed, int needs, int offers) {
        static Case of(long seed, int maxNeeds, int maxOffers) {
            SplittableRandom random = new SplittableRandom(seed);
            return new Case(seed, size(random, maxNeeds), size(random, maxOffers));
        }

        /** From 1 to max, the two ends drawn more often than the rest: bugs gather at the edges. */
        private static int size(SplittableRandom random, int max) {
            return switch (random.nextInt(8)) {
                case 0 -> 1;
                case 1 -> max;
                default -> 1 + random.nextInt(max);
            };
        }

        Scenario scenario(int maxUnits) {
            return RandomScenarios.generate(seed, needs, offers, maxUnits);
        }

        @Override
        public String toString() {
            return "seed=" + seed + ", needs=" + needs + ", offers=" + offers;
        }
    }

    private static Stream<Case> cases(int count, int maxNeeds, int maxOffers) {
        return Seeds.fixedThenFresh(count).mapToObj(seed -> Case.of(seed, maxNeeds, maxOffers));
    }

    static Stream<Case> everyPlanKeepsEveryHardRule() {
        return cases(40, 8, 5);
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void everyPlanKeepsEveryHardRule(Case c) {
        Scenario scenario = c.scenario(30);
        Plan plan = solve(scenario);
        assertEquals(List.of(), ContractOracle.brokenRules(scenario, plan.allocations()));
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
        assertEquals(List.of(), ContractOracle.brokenRules(scenario, plan.allocations()));
    }

    static Stream<Case> planIsNeverBelowTheGreedyTierByTier() {
        return cases(30, 8, 5);
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void planIsNeverBelowTheGreedyTierByTier(Case c) {
        Scenario scenario = c.scenario(30);
        Plan plan = solve(scenario);
        double[] engineValues = ContractOracle.tierValues(scenario, plan.allocations());
        for (GreedyAllocator.OfferChoice choice : GreedyAllocator.OfferChoice.values()) {
            List<Allocation> greedy = new ArrayList<>(PlanAssembler.committedLines(scenario));
            greedy.addAll(GreedyAllocator.allocate(scenario, choice));
            assertEquals(List.of(), ContractOracle.brokenRules(scenario, greedy), "the greedy keeps the rules too, " + choice);
            double[] greedyValues = ContractOracle.tierValues(scenario, greedy);
            assertTrue(ContractOracle.compareLexicographically(engineValues, greedyValues) >= 0,
                    () -> "engine " + Arrays.toString(engineValues) + " < greedy " + choice + " " + Arrays.toString(greedyValues));
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
        assertEquals(0, ContractOracle.compareLexicographically(found, optimum),
                () -> "found " + Arrays.toString(found) + ", optimum " + Arrays.toString(optimum));
    }

    static Stream<Case> addingAnOfferNeverLowersTheTopTier() {
        return cases(20, 3, 2);
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void addingAnOfferNeverLowersTheTopTier(Case c) {
        Scenario scenario = c.scenario(3);
        Need first = scenario.needs().get(0);
        Scenario richer = scenario.toBuilder().offer(Offer.cash("O-extra", "D-3", 2 * first.unitCost())).build();
        double before = ContractOracle.tierValues(scenario, solve(scenario).allocations())[0];
        double after = ContractOracle.tierValues(richer, solve(richer).allocations())[0];
        assertTrue(after >= before - 0.01, () -> "T_1 fell from " + before + " to " + after);
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
