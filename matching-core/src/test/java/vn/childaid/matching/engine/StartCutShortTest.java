package vn.childaid.matching.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.childaid.matching.TestScenarios.ED_VILLAGE;
import static vn.childaid.matching.TestScenarios.need;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.ContractOracle;
import vn.childaid.matching.TestScenarios;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * A job stopped while it still builds its greedy start, by {@link SolveJob#cancel()} or by its time
 * limit: it ends at once with the greedy's lines so far, which keep every rule, and its score says so.
 * The progress listener holds the job's thread (it is called there) to stop it after a known number
 * of needs; start reports come at most once a second, so each wait is a little over a second.
 */
class StartCutShortTest {
    private static final long PAST_THE_REPORT_INTERVAL_MILLIS = 1_100;

    /** Three needs the greedy funds in turn, highest children per VND first: N-1, N-2, N-3. */
    private static final Scenario THREE_NEEDS = TestScenarios.areas("three needs")
            .need(need("N-1", ED_VILLAGE, Category.NUTRITION, 30, 10, 100_000, Urgency.CRITICAL))
            .need(need("N-2", ED_VILLAGE, Category.NUTRITION, 20, 10, 100_000, Urgency.CRITICAL))
            .need(need("N-3", ED_VILLAGE, Category.NUTRITION, 10, 10, 100_000, Urgency.CRITICAL))
            .offer(Offer.cash("O-1", "D-1", 10_000_000))
            .offer(Offer.cash("O-2", "D-2", 10_000_000))
            .build();

    @Test
    void cancelDuringTheStartEndsTheJobWithTheGreedysLinesSoFar() throws Exception {
        AtomicReference<SolveJob> job = new AtomicReference<>();
        List<StartProgress> reports = new CopyOnWriteArrayList<>();
        ProgressListener cancelAfterTwoNeeds = new ProgressListener() {
            @Override
            public void onProgress(Progress progress) {
            }

            @Override
            public void onStartProgress(StartProgress progress) {
                reports.add(progress);
                if (progress.needsDone() >= 2) {
                    job.get().cancel();
                } else {
                    sleep(PAST_THE_REPORT_INTERVAL_MILLIS);
                }
            }
        };
        AtomicReference<Runnable> pending = new AtomicReference<>();
        job.set(AllocationEngine.solveAsync(THREE_NEEDS, SolveOptions.defaults().withTimeLimit(Duration.ofMinutes(5))
                .withProgressListener(cancelAfterTwoNeeds), pending::set));
        Thread solving = new Thread(pending.get(), "test-solve");
        solving.start();

        Plan plan = job.get().result().get(60, TimeUnit.SECONDS);

        assertEquals(JobStatus.CANCELLED, job.get().status());
        assertEquals(List.of(0L, 1L, 2L), reports.stream().map(StartProgress::needsDone).toList(),
                "reported as it began and after each of the two needs it decided");
        assertEquals(6L, reports.get(0).needsTotal(), "two passes over three needs");
        assertEquals(firstNeedsLines(2), newLines(plan));
        assertEquals(Set.of("N-1", "N-2"), newLines(plan).stream().map(Allocation::need).collect(java.util.stream.Collectors.toSet()));
        assertEquals(Set.of(), ContractOracle.broken(THREE_NEEDS, plan.allocations()));
        assertTrue(plan.score().contains("cancelled while building the start plan"), plan.score());
        assertEquals(-1, plan.solver().constructionMillis(), "the start was never finished");
        assertTrue(job.get().solvingDuration().toMillis() < 60_000, "stopped by the cancel, not the five-minute limit");
    }

    @Test
    void aTimeLimitEndingDuringTheStartLeavesTheGreedysLinesSoFarAndSaysSo() throws Exception {
        ProgressListener slowAfterTheFirstNeed = new ProgressListener() {
            @Override
            public void onProgress(Progress progress) {
            }

            @Override
            public void onStartProgress(StartProgress progress) {
                // Holds the job at 0 needs (1.1 s, within the 2 s limit), then at 1 need (past it).
                sleep(progress.needsDone() == 0 ? PAST_THE_REPORT_INTERVAL_MILLIS : 1_500);
            }
        };

        Plan plan = AllocationEngine.solve(THREE_NEEDS, SolveOptions.defaults().withTimeLimit(Duration.ofSeconds(2))
                .withProgressListener(slowAfterTheFirstNeed));

        assertEquals(firstNeedsLines(1), newLines(plan));
        assertFalse(newLines(plan).isEmpty());
        assertEquals(Set.of(), ContractOracle.broken(THREE_NEEDS, plan.allocations()));
        assertEquals("not solved: time ran out while building the start plan: the plan holds the greedy's lines so far",
                plan.score());
        assertTrue(plan.solver().millis() >= 2_000, "ran until its limit");
    }

    /** The greedy start stopped after {@code needs} needs, as the engine's greedy makes it. */
    private static List<Allocation> firstNeedsLines(int needs) {
        int[] asked = {0};
        GreedyAllocator.Start start = GreedyAllocator.allocateBest(THREE_NEEDS, () -> asked[0]++ >= needs);
        assertFalse(start.complete());
        return start.lines();
    }

    private static List<Allocation> newLines(Plan plan) {
        return plan.allocations().stream().filter(line -> !line.committed()).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
