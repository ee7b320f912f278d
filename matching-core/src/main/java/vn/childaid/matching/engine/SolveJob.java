package vn.childaid.matching.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.solver.SolverRun;

/**
 * One solve of one scenario, synchronous ({@link AllocationEngine#solve}) or on an executor
 * ({@link AllocationEngine#solveAsync}). {@link #cancel()} stops it early; the result is then the
 * best plan found so far.
 */
public final class SolveJob {
    private final Scenario scenario;
    private final SolveOptions options;
    private final SolverRun run;
    private final CompletableFuture<Plan> result = new CompletableFuture<>();
    private volatile boolean cancelled;

    SolveJob(Scenario scenario, SolveOptions options) {
        this.scenario = scenario;
        this.options = options;
        this.run = new SolverRun(scenario, new SolverRun.Settings(options.timeLimit(), options.unimprovedTimeLimit(),
                options.scoreCalculationLimit(), options.randomSeed(), options.moveThreads(), options.assertScores(),
                !options.greedyStart()), solverListener(scenario, options.progressListener()));
    }

    private static SolverRun.Listener solverListener(Scenario scenario, ProgressListener progressListener) {
        if (progressListener == ProgressListener.NONE) {
            return SolverRun.Listener.NONE; // the solver then skips tallying tier values at all
        }
        List<String> tierNames = scenario.policy().tierNames();
        return improvement -> progressListener.onProgress(new Progress(Duration.ofMillis(improvement.elapsedMillis()),
                improvement.score(), improvement.feasible(), tierNames, improvement.tierValues(),
                improvement.constructionDone()));
    }

    /** The plan, once solving ends (or its failure). */
    public CompletableFuture<Plan> result() {
        return result;
    }

    /** Stops solving as soon as possible; {@link #result()} then completes with the best plan so far. */
    public void cancel() {
        cancelled = true;
        run.terminateEarly();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    void start(Executor executor) {
        executor.execute(this::runCatching);
    }

    void runCatching() {
        try {
            result.complete(run());
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
        }
    }

    Plan run() {
        long startNanos = System.nanoTime();
        List<Allocation> start = options.greedyStart() ? GreedyAllocator.allocateBest(scenario) : List.of();
        SolverRun.Outcome outcome = run.solve(start, startNanos);
        return PlanAssembler.assemble(scenario, outcome.newLines(), outcome.score(), outcome.stats());
    }
}
