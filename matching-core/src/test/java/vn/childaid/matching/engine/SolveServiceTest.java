package vn.childaid.matching.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.childaid.matching.TestScenarios.ED_VILLAGE;
import static vn.childaid.matching.TestScenarios.need;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.ContractOracle;
import vn.childaid.matching.RandomScenarios;
import vn.childaid.matching.TestScenarios;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/** Jobs of a {@link SolveService}: queueing, the concurrency bound, cancelling, the best plan so far. */
class SolveServiceTest {
    /** Long enough that only a cancel ends it while a test runs; generous waits, the machine is shared. */
    private static final SolveOptions ONE_MINUTE = SolveOptions.defaults().withTimeLimit(Duration.ofSeconds(60));
    private static final SolveOptions QUICK = SolveOptions.defaults().withTimeLimit(Duration.ofSeconds(20))
            .withScoreCalculationLimit(5_000);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private SolveService service;

    @AfterEach
    void closeService() {
        if (service != null) {
            service.close();
        }
    }

    private SolveService service(int slots) {
        service = SolveService.builder().maxConcurrentSolves(slots).defaultOptions(ONE_MINUTE).build();
        return service;
    }

    /** One need, two offers: never provably optimal to the solver, so it runs until its time limit. */
    private static Scenario busyScenario(String name) {
        return TestScenarios.areas(name)
                .need(need("N-1", ED_VILLAGE, Category.NUTRITION, 50, 500, 10_000, Urgency.CRITICAL))
                .offer(Offer.cash("O-1", "D-1", 2_000_000))
                .offer(Offer.cash("O-2", "D-2", 1_500_000))
                .build();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited " + PATIENCE + " for: " + what);
            Thread.sleep(20);
        }
    }

    /** Waits until the job's solver has scored its start plan, i.e. it is really solving. */
    private static void awaitSolving(SolveJob job) throws InterruptedException {
        await("a best plan while solving", () -> job.bestPlan().isPresent());
        assertEquals(JobStatus.SOLVING, job.status());
    }

    private static Plan planWithin(SolveJob job, Duration limit) throws Exception {
        return job.result().get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void withOneSlotASecondJobStaysQueuedUntilTheFirstEnds() throws Exception {
        SolveService service = service(1);
        SolveJob first = service.submit(busyScenario("first"));
        SolveJob second = service.submit(RandomScenarios.generate(3, 6, 3, 20), QUICK);
        awaitSolving(first);

        Thread.sleep(1000); // the second would have started by now if the bound did not hold
        assertEquals(JobStatus.QUEUED, second.status());
        assertEquals(Duration.ZERO, second.solvingDuration());
        assertTrue(second.bestPlan().isEmpty(), "nothing is planned before it starts");

        first.cancel();
        Plan plan = planWithin(second, PATIENCE);
        assertEquals(JobStatus.DONE, second.status());
        assertEquals(JobStatus.CANCELLED, first.status());
        assertTrue(plan.feasible(), () -> String.join("; ", plan.violations()));
    }

    @Test
    void aJobCancelledWhileQueuedNeverStarts() throws Exception {
        SolveService service = service(1);
        SolveJob running = service.submit(busyScenario("running"));
        SolveJob queued = service.submit(busyScenario("queued"));
        awaitSolving(running);

        queued.cancel();

        assertEquals(JobStatus.CANCELLED, queued.status());
        assertThrows(CancellationException.class, () -> planWithin(queued, Duration.ofSeconds(1)));
        assertTrue(queued.result().isCancelled(), "there is no plan to give");
        running.cancel();
        planWithin(running, PATIENCE);
        Thread.sleep(500); // time for the freed slot to pick the queued job up, were it still runnable
        assertEquals(JobStatus.CANCELLED, queued.status());
        assertEquals(Duration.ZERO, queued.solvingDuration());
        assertTrue(queued.bestPlan().isEmpty());
    }

    @Test
    void cancelStopsAOneMinuteSolveWithinSecondsAndKeepsTheBestPlan() throws Exception {
        Scenario scenario = busyScenario("cancelled");
        SolveJob job = service(1).submit(scenario);
        awaitSolving(job);
        Thread.sleep(1000);

        long cancelledAt = System.nanoTime();
        job.cancel();
        Plan plan = planWithin(job, PATIENCE);
        long stopMillis = (System.nanoTime() - cancelledAt) / 1_000_000;

        assertTrue(stopMillis < 10_000, "the solver went on for " + stopMillis + " ms after cancel()");
        assertEquals(JobStatus.CANCELLED, job.status());
        assertTrue(job.isCancelled());
        assertTrue(plan.feasible(), () -> String.join("; ", plan.violations()));
        assertEquals(Set.of(), ContractOracle.brokenRules(scenario, plan.allocations()));
        assertTrue(plan.tierValues()[0] > 30, "3.5M VND buys up to 350 of 500 units: up to 35 of 50 children");
        assertTrue(plan.solver().millis() < 60_000, "stopped by the cancel, not the limit");
        Duration solved = job.solvingDuration();
        Thread.sleep(50);
        assertEquals(solved, job.solvingDuration(), "the duration stops with the job");
        assertSame(plan, job.bestPlan().orElseThrow(), "once ended, the best plan is the result");
    }

    @Test
    void cancellingTheResultFutureStopsTheSolverToo() throws Exception {
        SolveJob job = service(1).submit(busyScenario("future cancelled"));
        awaitSolving(job);
        CompletableFuture<Plan> future = job.result();

        assertTrue(future.cancel(true));

        assertTrue(future.isCancelled());
        assertTrue(job.isCancelled());
        Plan plan = planWithin(job, PATIENCE); // a fresh view of the job's result: the plan found so far
        assertEquals(JobStatus.CANCELLED, job.status());
        assertTrue(plan.feasible());
        assertTrue(plan.solver().millis() < 60_000, "stopped by the cancel, not the limit");
    }

    @Test
    void aCallerCannotCompleteTheJobsResult() throws Exception {
        Scenario scenario = busyScenario("not completable");
        SolveJob job = service(1).submit(scenario);
        awaitSolving(job);
        Plan fake = PlanAssembler.assemble(scenario, List.of(), "made up by a caller", SolverStats.NONE);

        job.result().complete(fake);
        job.result().completeExceptionally(new IllegalStateException("made up by a caller"));
        job.result().obtrudeValue(fake);

        assertEquals(JobStatus.SOLVING, job.status(), "the job solves on");
        assertTrue(!job.result().isDone());
        job.cancel();
        Plan plan = planWithin(job, PATIENCE);
        assertNotEquals(fake.score(), plan.score());
        assertTrue(plan.tierValues()[0] > 0, "the solver's plan, not the empty one");
    }

    @Test
    void theBestPlanIsThereWhileSolving() throws Exception {
        Scenario scenario = busyScenario("best so far");
        SolveJob job = service(1).submit(scenario);

        awaitSolving(job);
        Thread.sleep(500);
        Plan best = job.bestPlan().orElseThrow();

        assertEquals(JobStatus.SOLVING, job.status(), "asked while solving");
        assertEquals(scenario.name(), best.scenario());
        assertTrue(best.feasible(), () -> String.join("; ", best.violations()));
        assertTrue(best.tierValues()[0] > 0, "the greedy start funds the need already");
        assertTrue(job.solvingDuration().compareTo(Duration.ZERO) > 0);
        job.cancel();
        Plan plan = planWithin(job, PATIENCE);
        assertTrue(plan.tierValues()[0] >= best.tierValues()[0] - 1e-9, "the result is no worse than any best so far");
    }

    @Test
    void closeStopsRunningJobsAndCancelsQueuedOnes() throws Exception {
        SolveService service = service(1);
        SolveJob running = service.submit(busyScenario("running"));
        SolveJob queued = service.submit(busyScenario("queued"));
        awaitSolving(running);

        long closing = System.nanoTime();
        service.close();
        long closeMillis = (System.nanoTime() - closing) / 1_000_000;

        assertTrue(closeMillis < 20_000, "close() took " + closeMillis + " ms");
        assertEquals(JobStatus.CANCELLED, running.status());
        assertTrue(running.result().isDone(), "close() waited for the solving thread");
        assertTrue(planWithin(running, Duration.ofSeconds(1)).feasible());
        assertEquals(JobStatus.CANCELLED, queued.status());
        assertTrue(queued.result().isCompletedExceptionally());
        assertThrows(IllegalStateException.class, () -> service.submit(busyScenario("late")));
    }

    @Test
    void aFailingProgressListenerFailsItsJob() throws Exception {
        IllegalStateException boom = new IllegalStateException("listener broke");
        SolveJob job = service(1).submit(busyScenario("failing"), ONE_MINUTE.withProgressListener(progress -> {
            throw boom;
        }));

        ExecutionException failure = assertThrows(ExecutionException.class, () -> planWithin(job, PATIENCE));

        assertSame(boom, failure.getCause());
        assertEquals(JobStatus.FAILED, job.status());
    }
}
