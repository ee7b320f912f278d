package vn.childaid.matching.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.ContractOracle;
import vn.childaid.matching.RandomScenarios.Case;
import vn.childaid.matching.Seeds;
import vn.childaid.matching.baseline.GreedyAllocator.OfferChoice;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Scenario;

/**
 * The greedy start stopped between needs, as a time limit or a cancel stops it: the lines so far
 * keep every hard rule (checked by {@link ContractOracle}) and are the beginning of the plan it
 * would have made, plus what finishes the indivisible needs commitments began; a greedy never
 * stopped makes the plan it always made.
 */
@ExtendWith(Seeds.NameTheSeed.class)
class GreedyEarlyStopProperties {
    static Stream<Case> cases() {
        return Case.cases(40, 25, 8);
    }

    /** Stops after {@code stopAfter} needs and records what it was told. */
    private static final class StopAfter implements GreedyAllocator.Control {
        private final long stopAfter;
        private final List<long[]> told = new ArrayList<>();
        private long asked;

        StopAfter(long stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public boolean stopRequested() {
            return asked++ >= stopAfter;
        }

        @Override
        public void needsDone(long done, long total) {
            told.add(new long[] {done, total});
        }
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource("cases")
    void stoppedInTheFirstPassItHoldsTheBeginningOfTheMostLeftPlanAndKeepsEveryRule(Case c) {
        Scenario scenario = c.scenario(30);
        int needs = scenario.needs().size();
        long stopAfter = new SplittableRandom(c.seed()).nextLong(needs); // 0 … needs − 1: inside the first pass
        GreedyAllocator.Start start = GreedyAllocator.allocateBest(scenario, new StopAfter(stopAfter));

        assertFalse(start.complete(), "stopped after " + stopAfter + " of " + needs + " needs");
        assertEquals(Set.of(), ContractOracle.broken(scenario, withCommitments(scenario, start.lines())));
        // The lines so far begin the whole plan; after them come only lines finishing indivisible
        // needs that commitments began, which the whole plan decides later.
        List<Allocation> mostLeft = GreedyAllocator.allocate(scenario, OfferChoice.MOST_LEFT);
        int common = 0;
        while (common < start.lines().size() && common < mostLeft.size()
                && start.lines().get(common).equals(mostLeft.get(common))) {
            common++;
        }
        Set<String> decidedSoFar = start.lines().subList(0, common).stream().map(Allocation::need).collect(Collectors.toSet());
        for (Allocation finishing : start.lines().subList(common, start.lines().size())) {
            Need need = scenario.need(finishing.need());
            assertFalse(need.divisible(), finishing + " finishes an indivisible need");
            assertTrue(scenario.commitments().stream().anyMatch(commitment -> commitment.need().equals(need.id())),
                    finishing + " finishes a need that a commitment began");
            assertFalse(decidedSoFar.contains(need.id()), finishing + " is for a need not decided before the stop");
        }
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource("cases")
    void stoppedInTheSecondPassItHoldsTheWholeMostLeftPlan(Case c) {
        Scenario scenario = c.scenario(30);
        int needs = scenario.needs().size();
        long stopAfter = needs + new SplittableRandom(c.seed()).nextLong(needs); // inside the second pass
        GreedyAllocator.Start start = GreedyAllocator.allocateBest(scenario, new StopAfter(stopAfter));

        assertTrue(start.complete(), "the baseline was built before the stop");
        assertEquals(GreedyAllocator.allocate(scenario, OfferChoice.MOST_LEFT), start.lines());
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource("cases")
    void neverStoppedItMakesTheSamePlanAsWithoutControlAndCountsEveryNeedTwice(Case c) {
        Scenario scenario = c.scenario(30);
        StopAfter control = new StopAfter(Long.MAX_VALUE);
        GreedyAllocator.Start start = GreedyAllocator.allocateBest(scenario, control);

        assertTrue(start.complete());
        assertEquals(GreedyAllocator.allocateBest(scenario), start.lines());
        long total = 2L * scenario.needs().size();
        assertEquals(total + 1, control.told.size(), "told 0 first, then after each need of both passes");
        for (int i = 0; i < control.told.size(); i++) {
            assertEquals(i, control.told.get(i)[0]);
            assertEquals(total, control.told.get(i)[1]);
        }
    }

    private static List<Allocation> withCommitments(Scenario scenario, List<Allocation> lines) {
        List<Allocation> all = new ArrayList<>(PlanAssembler.committedLines(scenario));
        all.addAll(lines);
        return all;
    }
}
