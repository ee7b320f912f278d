package vn.childaid.matching.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.constructionheuristic.scope.ConstructionHeuristicPhaseScope;
import org.optaplanner.core.impl.localsearch.scope.LocalSearchPhaseScope;
import org.optaplanner.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import org.optaplanner.core.impl.phase.scope.AbstractPhaseScope;
import org.optaplanner.core.impl.solver.DefaultSolver;
import org.optaplanner.core.impl.solver.scope.SolverScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.solver.AllocationSolution;
import vn.childaid.matching.solver.AllocationSolverConfig;
import vn.childaid.matching.solver.SolverModel;

/**
 * One solve of one scenario, synchronous ({@link AllocationEngine#solve}) or on an executor
 * ({@link AllocationEngine#solveAsync}). {@link #cancel()} stops it early; the result is then the
 * best plan found so far.
 */
public final class SolveJob {
    private static final Logger LOG = LoggerFactory.getLogger(SolveJob.class);

    private final Scenario scenario;
    private final SolveOptions options;
    private final CompletableFuture<Plan> result = new CompletableFuture<>();
    private volatile boolean cancelled;
    private volatile Solver<AllocationSolution> solver;

    SolveJob(Scenario scenario, SolveOptions options) {
        this.scenario = scenario;
        this.options = options;
    }

    /** The plan, once solving ends (or its failure). */
    public CompletableFuture<Plan> result() {
        return result;
    }

    /** Stops solving as soon as possible; {@link #result()} then completes with the best plan so far. */
    public void cancel() {
        cancelled = true;
        Solver<AllocationSolution> running = solver;
        if (running != null) {
            running.terminateEarly();
        }
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
        AllocationSolution model = SolverModel.build(scenario, start);
        LOG.info("Solving '{}': {} needs, {} offers, {} lots to decide, limit {}", scenario.name(),
                scenario.needs().size(), scenario.offers().size(), model.getLots().size(), options.timeLimit());
        if (model.getLots().isEmpty() || cancelled) {
            LOG.info("Nothing to decide: the plan holds the commitments and the greedy start only");
            return PlanAssembler.assemble(scenario, SolverModel.newLines(scenario, model), "not solved: nothing to decide",
                    SolverStats.NONE);
        }
        TierTally tally = new TierTally(scenario);
        DefaultSolver<AllocationSolution> created = (DefaultSolver<AllocationSolution>) SolverFactory
                .<AllocationSolution>create(config(Duration.ofMillis(options.timeLimit().toMillis() - millisSince(startNanos)),
                        model.getLots().size()))
                .buildSolver();
        long[] constructionMillis = {-1};
        created.addPhaseLifecycleListener(new PhaseLifecycleListenerAdapter<>() {
            @Override
            public void phaseStarted(AbstractPhaseScope<AllocationSolution> phaseScope) {
                if (cancelled) {
                    created.terminateEarly();
                }
                if (phaseScope instanceof LocalSearchPhaseScope && constructionMillis[0] < 0) {
                    firstPlan(phaseScope); // the greedy start, when there was no construction phase
                }
            }

            @Override
            public void phaseEnded(AbstractPhaseScope<AllocationSolution> phaseScope) {
                if (phaseScope instanceof ConstructionHeuristicPhaseScope) {
                    firstPlan(phaseScope);
                }
            }

            /** Construction publishes no best-solution event: report the first plan here. */
            private void firstPlan(AbstractPhaseScope<AllocationSolution> phaseScope) {
                constructionMillis[0] = millisSince(startNanos);
                AllocationSolution built = phaseScope.getWorkingSolution();
                LOG.info("First plan after {} ms: {}", constructionMillis[0], phaseScope.getBestScore());
                report(tally, built, constructionMillis[0], false);
            }
        });
        if (options.progressListener() != ProgressListener.NONE) {
            // Tallying walks every lot: only for someone who listens.
            created.addEventListener(event -> report(tally, event.getNewBestSolution(), millisSince(startNanos), true));
        }
        solver = created;
        if (cancelled) {
            created.terminateEarly();
        }
        AllocationSolution solved = created.solve(model);
        SolverScope<AllocationSolution> scope = created.getSolverScope();
        SolverStats stats = SolverStats.builder().millis(millisSince(startNanos))
                .scoreCalculationSpeed(scope.getScoreCalculationSpeed()).constructionMillis(constructionMillis[0])
                .randomSeed(options.randomSeed()).build();
        LOG.info("Solved '{}' in {} ms ({} score calculations/s): {}", scenario.name(), stats.millis(),
                stats.scoreCalculationSpeed(), solved.getScore());
        return PlanAssembler.assemble(scenario, SolverModel.newLines(scenario, solved), String.valueOf(solved.getScore()),
                stats);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void report(TierTally tally, AllocationSolution best, long millis, boolean constructionDone) {
        if (options.progressListener() == ProgressListener.NONE) {
            return;
        }
        var score = best.getScore();
        options.progressListener().onProgress(Progress.builder().elapsed(Duration.ofMillis(millis))
                .bestScore(String.valueOf(score)).feasible(score != null && score.isFeasible())
                .tierNames(tally.tierNames()).tierValues(tally.values(best)).constructionDone(constructionDone).build());
    }

    /** @param timeLeft the time limit less what the greedy start and the model took */
    private SolverConfig config(Duration timeLeft, int lotCount) {
        TerminationConfig termination = new TerminationConfig()
                .withSpentLimit(timeLeft.isNegative() || timeLeft.isZero() ? Duration.ofMillis(1) : timeLeft);
        options.unimprovedTimeLimit().ifPresent(termination::withUnimprovedSpentLimit);
        if (options.scoreCalculationLimit() > 0) {
            termination.withScoreCalculationCountLimit(options.scoreCalculationLimit());
        }
        return AllocationSolverConfig.create(options.randomSeed(), options.moveThreads(), options.assertScores(),
                options.greedyStart(), lotCount)
                .withTerminationConfig(termination);
    }
}
