package vn.childaid.matching.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.ContractOracle;
import vn.childaid.matching.RandomScenarios;
import vn.childaid.matching.RandomScenarios.Case;
import vn.childaid.matching.Seeds;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.engine.AllocationEngine;
import vn.childaid.matching.engine.ExhaustiveOptimum;
import vn.childaid.matching.engine.SolveOptions;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.HardRuleAudit;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.policy.PriorityMode;
import vn.childaid.matching.rules.HardRules;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * The exact start on allocation lines ({@link ExactStartSolver}): one level solved reaches the
 * exhaustive optimum of that level on tiny scenarios, its lines keep every hard rule and hold the
 * levels above, and through the engine the plan never ends below the greedy and a cancel during
 * the exact start ends the solve at once with a valid plan.
 */
@ExtendWith(Seeds.NameTheSeed.class)
class ExactStartTest {
    private static final long FAR_AWAY = Long.MAX_VALUE / 4;
    /** Lots round their value to a milli-child each; the exact model counts per unit. */
    private static final double ROUNDING = 0.05;

    private static ExactStartSolver cpSat() {
        assumeTrue(ExactNeighbourhoods.available(), "OR-Tools is not on this machine");
        return ExactNeighbourhoods.newStartSolver().orElseThrow();
    }

    /** The level's lines, or the start's when the solver says there is nothing to gain. */
    private static List<Allocation> solveLevel(Scenario scenario, List<Allocation> start, int level, long seed) {
        AllocationSolution model = SolverModel.build(scenario, start);
        Optional<ExactStartSolver.Result> result = cpSat().solve(model, level, (int) seed, Double.POSITIVE_INFINITY,
                System.nanoTime() + FAR_AWAY);
        if (result.isEmpty()) {
            return start;
        }
        List<Allocation> lines = new ArrayList<>();
        for (ExactStartSolver.Line line : result.get().lines()) {
            Need need = scenario.need(line.need().id());
            Offer offer = scenario.offer(line.offer().id());
            lines.add(Allocation.of(offer.id(), need.id(), line.units(), HardRules.lineAmount(offer, need, line.units())));
        }
        return lines;
    }

    private static List<Allocation> withCommitments(Scenario scenario, List<Allocation> lines) {
        List<Allocation> all = new ArrayList<>(ContractOracle.committedLines(scenario));
        all.addAll(lines);
        return all;
    }

    static Stream<Case> theFirstLevelReachesTheExhaustiveOptimum() {
        return Case.cases(25, 3, 3);
    }

    /** Under STRICT the first level is T_1; under WEIGHTED it is the whole objective. */
    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void theFirstLevelReachesTheExhaustiveOptimum(Case c) {
        Scenario scenario = c.scenario(3);
        double[] optimum = ExhaustiveOptimum.tierValues(scenario);
        List<Allocation> lines = solveLevel(scenario, GreedyAllocator.allocate(scenario), 0, c.seed());
        double[] found = ContractOracle.tierValues(scenario, withCommitments(scenario, lines));
        if (scenario.policy().priorityMode() == PriorityMode.WEIGHTED) {
            assertEquals(0, ContractOracle.compare(scenario.policy(), found, optimum),
                    () -> Arrays.toString(found) + " against the optimum " + Arrays.toString(optimum));
        } else {
            assertEquals(optimum[0], found[0], ROUNDING,
                    () -> Arrays.toString(found) + " against the optimum " + Arrays.toString(optimum));
        }
    }

    static Stream<Case> eachLevelKeepsEveryHardRuleAndHoldsTheLevelsAbove() {
        return Case.cases(20, 14, 7);
    }

    /** Random scenarios hold WEIGHTED policies, commitments, indivisible needs, minimum grants and caps. */
    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void eachLevelKeepsEveryHardRuleAndHoldsTheLevelsAbove(Case c) {
        Scenario scenario = ExactNeighbourhoodPhaseTest.contended(c.scenario(30), c.seed());
        List<Allocation> greedy = GreedyAllocator.allocate(scenario);
        assumeTrue(HardRuleAudit.audit(scenario, withCommitments(scenario, greedy)).isEmpty(),
                "the scenario's commitments already break a rule");
        List<Allocation> first = solveLevel(scenario, greedy, 0, c.seed());
        List<Allocation> second = solveLevel(scenario, first, 1, c.seed());
        double[] start = ContractOracle.tierValues(scenario, withCommitments(scenario, greedy));
        double[] afterFirst = ContractOracle.tierValues(scenario, withCommitments(scenario, first));
        double[] afterSecond = ContractOracle.tierValues(scenario, withCommitments(scenario, second));
        for (List<Allocation> lines : List.of(first, second)) {
            assertEquals(Set.of(), ContractOracle.broken(scenario, withCommitments(scenario, lines)));
            assertEquals(List.of(), HardRuleAudit.audit(scenario, withCommitments(scenario, lines)));
        }
        if (scenario.policy().priorityMode() == PriorityMode.WEIGHTED) {
            assertTrue(ContractOracle.compare(scenario.policy(), afterFirst, start) >= 0,
                    () -> Arrays.toString(afterFirst) + " below the greedy's " + Arrays.toString(start));
        } else {
            assertTrue(afterFirst[0] >= start[0] - ROUNDING, () -> "T_1 " + afterFirst[0] + " < greedy " + start[0]);
            assertTrue(afterSecond[0] >= afterFirst[0] - ROUNDING,
                    () -> "T_1 not held: " + afterSecond[0] + " < " + afterFirst[0]);
            if (start.length > 1) {
                assertTrue(afterSecond[1] >= afterFirst[1] - ROUNDING,
                        () -> "T_2 " + afterSecond[1] + " < its start " + afterFirst[1]);
            }
        }
    }

    static Stream<Case> theEngineWithTheExactStartNeverEndsBelowTheGreedy() {
        return Case.cases(12, 14, 7);
    }

    /** Count-limited, so the exact start's work is limited deterministically too. */
    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void theEngineWithTheExactStartNeverEndsBelowTheGreedy(Case c) {
        cpSat();
        Scenario scenario = ExactNeighbourhoodPhaseTest.contended(c.scenario(30), c.seed());
        Plan plan = AllocationEngine.solve(scenario, SolveOptions.defaults().withTimeLimit(Duration.ofMinutes(10))
                .withScoreCalculationLimit(5_000).withRandomSeed(c.seed()).withExactNeighbourhoods(true));
        List<Allocation> greedyLines = withCommitments(scenario, GreedyAllocator.allocateBest(scenario));
        if (HardRuleAudit.audit(scenario, greedyLines).isEmpty()) {
            assertEquals(Set.of(), ContractOracle.broken(scenario, plan.allocations()));
        }
        double[] found = ContractOracle.tierValues(scenario, plan.allocations());
        double[] greedy = ContractOracle.tierValues(scenario, greedyLines);
        assertTrue(ContractOracle.compare(scenario.policy(), found, greedy) >= 0,
                () -> Arrays.toString(found) + " < greedy " + Arrays.toString(greedy));
    }

    /**
     * The start is published and reported before the exact start begins, and a cancel while CP-SAT
     * works ends the solve at once — CP-SAT is told to stop — without starting local search: the
     * outcome says the solver never started, and its lines keep every rule.
     */
    @Test
    void aCancelDuringTheExactStartEndsTheSolveAtOnce() throws Exception {
        cpSat();
        // STRICT (two levels) and large enough that CP-SAT is still at work 300 ms after the start.
        Scenario scenario = ExactNeighbourhoodPhaseTest.contended(
                RandomScenarios.generate(21, 1_500, 80, 60, vn.childaid.matching.policy.Policy.defaultPolicy()), 21);
        java.util.concurrent.CountDownLatch firstPlan = new java.util.concurrent.CountDownLatch(1);
        SolverRun run = new SolverRun(scenario, new SolverRun.Settings(Duration.ofMinutes(5), Optional.empty(), 0, 21, 1,
                false, false, true), improvement -> firstPlan.countDown());
        long[] cancelledAt = new long[1];
        Thread canceller = new Thread(() -> {
            try {
                firstPlan.await();
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancelledAt[0] = System.nanoTime();
            run.terminateEarly();
        });
        canceller.start();
        long start = System.nanoTime();
        SolverRun.Outcome outcome = run.solve(GreedyAllocator.allocateBest(scenario), start);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt[0]);
        canceller.join();
        assertTrue(outcome.score().startsWith("not solved: cancelled before the solver started"), outcome.score());
        assertTrue(millis < 5_000, "the solve went on for " + millis + " ms after the cancel");
        assertEquals(Set.of(), ContractOracle.broken(scenario, withCommitments(scenario, outcome.newLines())));
    }
}
