package vn.childaid.matching.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.rules.Objective;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.solver.SolverRun;
import vn.childaid.matching.whatif.Carryover;

/**
 * One solve of one scenario, made by {@link SolveService#submit}, {@link AllocationEngine#solveAsync}
 * or (on the caller's thread) {@link AllocationEngine#solve}. Each job builds its own solver, so its
 * seed and limits are its own.
 *
 * <p>Safe to share between threads: any thread may poll {@link #status()} and {@link #bestPlan()},
 * wait on {@link #result()} or {@link #cancel()} it.
 */
public final class SolveJob {
    /** Reports of the greedy start come at most this often. */
    private static final long START_PROGRESS_INTERVAL_NANOS = 1_000_000_000L;

    private final Scenario scenario;
    private final SolveOptions options;
    private final SolverRun run;
    private final AtomicReference<JobStatus> status = new AtomicReference<>(JobStatus.QUEUED);
    /** Completed by the job alone; callers get views of it ({@link #result()}). */
    private final CompletableFuture<Plan> result = new CompletableFuture<>();
    private volatile boolean cancelRequested;
    private volatile Long startNanos;
    private volatile Long endNanos;
    private volatile Plan finalPlan;
    private volatile AssembledBest assembledBest;

    /** The plan last assembled for {@link #bestPlan()} and the solver's best it was assembled from. */
    private record AssembledBest(SolverRun.Outcome source, Plan plan) {
    }

    SolveJob(Scenario scenario, SolveOptions options) {
        this.scenario = scenario;
        this.options = options;
        this.run = new SolverRun(scenario, new SolverRun.Settings(options.timeLimit(), options.unimprovedTimeLimit(),
                options.scoreCalculationLimit(), options.randomSeed(), options.moveThreads(), options.assertScores(),
                !options.greedyStart(), options.exactNeighbourhoods()), solverListener(scenario, options.progressListener()));
    }

    private static SolverRun.Listener solverListener(Scenario scenario, ProgressListener progressListener) {
        if (progressListener == ProgressListener.NONE) {
            return SolverRun.Listener.NONE; // the solver then skips tallying tier values at all
        }
        List<String> tierNames = scenario.policy().tierNames();
        return improvement -> progressListener.onProgress(Progress.builder()
                .elapsed(Duration.ofMillis(improvement.elapsedMillis())).bestScore(improvement.score())
                .feasible(improvement.feasible()).tierNames(tierNames).tierValues(improvement.tierValues())
                .constructionDone(improvement.constructionDone()).build());
    }

    /** Where the job is now. */
    public JobStatus status() {
        return status.get();
    }

    /**
     * The best plan so far: empty while queued and while the start plan is being built; then the
     * solver's best, assembled on request from its latest best solution (once per improvement, so
     * polling is cheap); once the job has ended, the final plan. After a failure, the best plan
     * found before it, if any.
     */
    public Optional<Plan> bestPlan() {
        Plan done = finalPlan;
        if (done != null) {
            return Optional.of(done);
        }
        Optional<SolverRun.Outcome> best = run.bestSoFar();
        if (best.isEmpty()) {
            return Optional.empty();
        }
        AssembledBest last = assembledBest;
        if (last != null && last.source() == best.get()) {
            return Optional.of(last.plan());
        }
        Plan plan = assemble(best.get());
        assembledBest = new AssembledBest(best.get(), plan);
        return Optional.of(plan);
    }

    /** Time spent solving (the start plan included): zero while queued, fixed once the job has ended. */
    public Duration solvingDuration() {
        Long start = startNanos;
        if (start == null) {
            return Duration.ZERO;
        }
        Long end = endNanos;
        return Duration.ofNanos((end == null ? System.nanoTime() : end) - start);
    }

    /**
     * Stops the job, from any thread. A queued job never starts: it ends {@link JobStatus#CANCELLED} at
     * once and its result is cancelled (it throws {@link CancellationException}). A solving job stops
     * within a step of the solver and its result is the best plan found so far; a job still building
     * its greedy start stops between two needs, and its result holds the greedy's lines so far (its
     * score says so: such a plan may be below the greedy's). A job that has ended is left as it is.
     */
    public void cancel() {
        if (status.get().isFinal()) {
            return;
        }
        cancelRequested = true;
        if (status.compareAndSet(JobStatus.QUEUED, JobStatus.CANCELLED)) {
            result.completeExceptionally(new CancellationException("cancelled before it started solving"));
            return;
        }
        run.terminateEarly();
    }

    /** Whether {@link #cancel()} has been called (also by cancelling a {@link #result()} future). */
    public boolean isCancelled() {
        return cancelRequested;
    }

    /**
     * The plan, once the job ends (or its failure). Each call returns a new future that follows the
     * job's own result: completing it yourself changes only that future, never the job; cancelling
     * it {@linkplain #cancel() cancels the job} — the solver really stops — and then that future
     * reports the cancellation while {@link #bestPlan()} and a fresh {@code result()} give the best
     * plan found.
     */
    public CompletableFuture<Plan> result() {
        ResultView view = new ResultView(this);
        result.whenComplete((plan, error) -> {
            if (error == null) {
                view.complete(plan);
            } else {
                view.completeExceptionally(error);
            }
        });
        return view;
    }

    /** Solves on the calling thread unless cancelled while queued; completes the result either way. */
    void run() {
        if (!status.compareAndSet(JobStatus.QUEUED, JobStatus.SOLVING)) {
            return; // cancelled while queued: already complete
        }
        long start = System.nanoTime();
        startNanos = start;
        try {
            SolverRun.Outcome outcome;
            if (options.previousPlan().isPresent()) {
                outcome = replan(options.previousPlan().get(), start);
            } else if (options.greedyStart()) {
                GreedyAllocator.Start greedy = GreedyAllocator.allocateBest(scenario, new StartControl(start));
                outcome = greedy.complete() ? run.solve(greedy.lines(), start) : run.startCutShort(greedy.lines(), start);
            } else {
                outcome = run.solve(List.of(), start);
            }
            Plan plan = assemble(outcome);
            end(cancelRequested ? JobStatus.CANCELLED : JobStatus.DONE, plan, null);
        } catch (RuntimeException | Error e) {
            end(JobStatus.FAILED, null, e);
        }
    }

    /**
     * A re-plan: the previous lines that still hold start the search. With the greedy on, {@code
     * KEEP} plans only what they leave open around them; {@code BALANCED} and {@code FREE} give each
     * need its previous lines first, tier by tier, so a need the change freed in a higher tier may
     * take room a lower tier's line had before the search even starts. {@code KEEP} fixes those
     * lines; {@code BALANCED} weighs every change to them on the stability level.
     */
    private SolverRun.Outcome replan(PreviousPlan previous, long start) {
        List<Allocation> held = Carryover.of(previous.scenario(), previous.plan(), scenario).holding();
        boolean keep = previous.stability() == Stability.KEEP;
        List<Allocation> startLines = new ArrayList<>(keep || !options.greedyStart() ? held : List.of());
        if (options.greedyStart()) {
            StartControl control = new StartControl(start);
            GreedyAllocator.Start greedy = keep ? GreedyAllocator.allocateBest(scenario, held, control)
                    : GreedyAllocator.allocatePreferring(scenario, held, control);
            if (!keep && greedy.complete() && below(greedy.lines(), held)) {
                // A WEIGHTED policy may value what a higher tier took from a lower one less: then the
                // previous lines, filled around, are the start, and the re-plan is never below them.
                startLines.addAll(held);
                greedy = GreedyAllocator.allocateBest(scenario, held, control);
            }
            startLines.addAll(greedy.lines());
            if (!greedy.complete()) {
                return run.startCutShort(startLines, start);
            }
        }
        SolverRun.PreviousLines respected = switch (previous.stability()) {
            case KEEP -> new SolverRun.PreviousLines(held, List.of());
            case BALANCED -> new SolverRun.PreviousLines(List.of(), held);
            case FREE -> SolverRun.PreviousLines.NONE;
        };
        return run.solve(startLines, respected, start);
    }

    /** Whether {@code lines} reach less than {@code others} by the policy's measure. */
    private boolean below(List<Allocation> lines, List<Allocation> others) {
        return Objective.compare(scenario.policy(), tierValues(lines), tierValues(others)) < 0;
    }

    private double[] tierValues(List<Allocation> lines) {
        return PlanAssembler.assemble(scenario, lines, "", SolverStats.NONE).tierValues();
    }

    /** Runs on the calling thread and returns the plan, or throws what the solve threw. */
    Plan runHere() {
        run();
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Called once the result is complete, on the thread that completed it. */
    void whenEnded(Runnable action) {
        result.whenComplete((plan, error) -> action.run());
    }

    private void end(JobStatus ended, Plan plan, Throwable error) {
        endNanos = System.nanoTime();
        finalPlan = plan;
        status.set(ended); // before the result completes, so whoever waited on it sees the final status
        if (error == null) {
            result.complete(plan);
        } else {
            result.completeExceptionally(error);
        }
    }

    private Plan assemble(SolverRun.Outcome outcome) {
        return PlanAssembler.assemble(scenario, outcome.newLines(), outcome.score(), outcome.stats());
    }

    /**
     * Stops the greedy start at the time limit or on {@link #cancel()}, between two needs, and tells
     * the progress listener how far it has got, at most about once a second.
     */
    private final class StartControl implements GreedyAllocator.Control {
        private final long startNanos;
        private final long limitNanos;
        private long lastReportNanos;
        private boolean reported;

        StartControl(long startNanos) {
            this.startNanos = startNanos;
            this.limitNanos = saturatedNanos(options.timeLimit());
        }

        @Override
        public boolean stopRequested() {
            return cancelRequested || System.nanoTime() - startNanos >= limitNanos;
        }

        @Override
        public void needsDone(long done, long total) {
            ProgressListener listener = options.progressListener();
            if (listener == ProgressListener.NONE) {
                return;
            }
            long now = System.nanoTime();
            if (!reported || done == total || now - lastReportNanos >= START_PROGRESS_INTERVAL_NANOS) {
                reported = true;
                lastReportNanos = now;
                listener.onStartProgress(new StartProgress(Duration.ofNanos(now - startNanos), done, total));
            }
        }
    }

    /** A limit beyond what nanoseconds hold (about 292 years) is no limit. */
    private static long saturatedNanos(Duration limit) {
        try {
            return limit.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** A caller's copy of the result whose {@code cancel} stops the job. */
    private static final class ResultView extends CompletableFuture<Plan> {
        private final SolveJob job;

        ResultView(SolveJob job) {
            this.job = job;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (!isDone()) {
                job.cancel();
            }
            return super.cancel(mayInterruptIfRunning);
        }
    }
}
