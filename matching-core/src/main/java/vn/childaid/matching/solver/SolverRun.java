package vn.childaid.matching.solver;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.constructionheuristic.scope.ConstructionHeuristicPhaseScope;
import org.optaplanner.core.impl.localsearch.scope.LocalSearchPhaseScope;
import org.optaplanner.core.impl.phase.custom.scope.CustomPhaseScope;
import org.optaplanner.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import org.optaplanner.core.impl.phase.scope.AbstractPhaseScope;
import org.optaplanner.core.impl.solver.DefaultSolver;
import org.optaplanner.core.impl.solver.scope.SolverScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.HardRuleAudit;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.policy.PriorityMode;
import vn.childaid.matching.rules.HardRules;
import vn.childaid.matching.rules.RuleViolation;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * <b>Internal, not API: may change in any release.</b> The one door from the engine into this
 * package: builds the model of a scenario around start lines, solves it within the given limits and
 * gives back the new allocation lines, the score as text and statistics. It is the only class that
 * touches OptaPlanner's implementation types ({@code DefaultSolver}, phase listeners, {@code
 * SolverScope}).
 *
 * <p>One instance per solve. {@link #solve} runs on one thread; {@link #terminateEarly} and
 * {@link #bestSoFar} may be called from any thread meanwhile.
 */
public final class SolverRun {
    private static final Logger LOG = LoggerFactory.getLogger(SolverRun.class);
    private static final Duration FAR_FUTURE = Duration.ofDays(365L * 50);
    /**
     * Share of the time left the exact start may take; the exact neighbourhoods and local search
     * share the rest. On small-tier2-tight at 10 s, one run each: share 0.5 gave T_2 5,729 (the second
     * level got 3 s), 0.8 gave 5,801–5,826; the reference bound is 5,883.
     */
    static final double EXACT_START_SHARE = 0.9;
    /** Priority levels the exact start solves: the top two, where the plan's purpose lies. */
    static final int EXACT_START_LEVELS = 2;
    /**
     * Eligible (need, offer) lines above which the exact start is skipped: the contention family's
     * province members have about 23,000, the default province example about 400,000 and the
     * national example 23 million.
     */
    static final long EXACT_START_MAX_LINES = 100_000L;

    /**
     * How to solve. The limits count from the {@code startNanos} given to {@link #solve}.
     *
     * @param constructionPhase run first-fit-decreasing before local search: for a start without
     *     lines; a start plan (the greedy's) is its own construction
     * @param exactNeighbourhoods re-optimise neighbourhoods exactly with CP-SAT before local search,
     *     when OR-Tools is available (see {@link ExactNeighbourhoodPhase})
     */
    public record Settings(Duration timeLimit, Optional<Duration> unimprovedTimeLimit, long scoreCalculationLimit,
            long randomSeed, int moveThreads, boolean assertScores, boolean constructionPhase,
            boolean exactNeighbourhoods) {
        public Settings {
            Objects.requireNonNull(timeLimit, "timeLimit");
            Objects.requireNonNull(unimprovedTimeLimit, "unimprovedTimeLimit");
        }

        /** Settings with exact neighbourhoods on (when available). */
        public Settings(Duration timeLimit, Optional<Duration> unimprovedTimeLimit, long scoreCalculationLimit,
                long randomSeed, int moveThreads, boolean assertScores, boolean constructionPhase) {
            this(timeLimit, unimprovedTimeLimit, scoreCalculationLimit, randomSeed, moveThreads, assertScores,
                    constructionPhase, true);
        }
    }

    /**
     * A new best plan, in brief.
     *
     * @param tierValues in the order of the policy's tier names
     * @param constructionDone false for the first plan (the start, or the construction's result)
     */
    public record Improvement(long elapsedMillis, String score, boolean feasible, List<Double> tierValues,
            boolean constructionDone) {
    }

    /**
     * Lines of a previous plan a re-plan respects. Both lists must be among the start lines and hold
     * together with the commitments.
     *
     * @param fixedLines never move nor grow: folded into the model like commitments, yet returned
     *     as new lines
     * @param weighedLines each one changed or dropped costs one point on the stability level
     */
    public record PreviousLines(List<Allocation> fixedLines, List<Allocation> weighedLines) {
        /** A solve from scratch: nothing fixed, nothing weighed. */
        public static final PreviousLines NONE = new PreviousLines(List.of(), List.of());

        public PreviousLines {
            fixedLines = List.copyOf(fixedLines);
            weighedLines = List.copyOf(weighedLines);
        }
    }

    /** Told of each new best plan on the solving thread. */
    @FunctionalInterface
    public interface Listener {
        /** Listens to nothing: tier values are then never computed. */
        Listener NONE = improvement -> { };

        void onImprovement(Improvement improvement);
    }

    /**
     * A plan the solver holds, as lines: the final one or the best so far.
     *
     * @param newLines the uncommitted lines; commitments are not repeated
     * @param stats the speed is 0 until the solve has ended
     */
    public record Outcome(List<Allocation> newLines, String score, SolverStats stats) {
        public Outcome {
            newLines = List.copyOf(newLines);
        }
    }

    private final Scenario scenario;
    private final Settings settings;
    private final Listener listener;
    private volatile boolean stopRequested;
    private volatile DefaultSolver<AllocationSolution> solver;
    private volatile ExactNeighbourhoodPhase exactPhase;
    private volatile ExactStartSolver exactStart;
    private volatile Best best;
    /**
     * The lines the model holds as facts, repeated in every outcome. Set on the solving thread before
     * the solver starts; each {@link Best} keeps its own reference for other threads.
     */
    private List<Allocation> fixedLines = List.of();
    /** Written and read on the solving thread only. */
    private long constructionMillis = -1;

    public SolverRun(Scenario scenario, Settings settings, Listener listener) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Stops the solve as soon as it can, from any thread: before the solver starts it never starts,
     * while it runs it ends within a step. {@link #solve} then returns the best plan so far.
     */
    public void terminateEarly() {
        stopRequested = true;
        ExactNeighbourhoodPhase exact = exactPhase;
        if (exact != null) {
            exact.stop(); // a neighbourhood being solved ends now, not at its own limit
        }
        ExactStartSolver exactStartSolver = exactStart;
        if (exactStartSolver != null) {
            exactStartSolver.stop(); // the exact start returns what it has; the solve then ends at once
        }
        DefaultSolver<AllocationSolution> running = solver;
        if (running != null) {
            running.terminateEarly();
        }
    }

    /**
     * The best plan so far, once the solver has scored its start; its lines are read from the model
     * on the first request only, so polling costs nothing between improvements.
     */
    public Optional<Outcome> bestSoFar() {
        Best known = best;
        return known == null ? Optional.empty() : Optional.of(known.outcome());
    }

    /**
     * Builds the model with {@code startLines} already funded and solves it on the calling thread.
     *
     * @param startNanos {@link System#nanoTime()} when the caller's job began (before it made the
     *     start lines): the time limit and every reported time count from it
     */
    public Outcome solve(List<Allocation> startLines, long startNanos) {
        return solve(startLines, PreviousLines.NONE, startNanos);
    }

    /**
     * {@link #solve(List, long)} for a re-plan: {@code previous} says which start lines never move
     * and which cost on the stability level when they change.
     */
    public Outcome solve(List<Allocation> startLines, PreviousLines previous, long startNanos) {
        Optional<Outcome> notStarted = notStarted(startLines, startNanos);
        if (notStarted.isPresent()) {
            return notStarted.get();
        }
        fixedLines = previous.fixedLines();
        AllocationSolution model = SolverModel.build(scenario, startLines, previous);
        TierTally tally = listener == Listener.NONE ? null : new TierTally(scenario, fixedLines); // only for someone who listens
        if (settings.exactNeighbourhoods() && previous.fixedLines().isEmpty() && previous.weighedLines().isEmpty()
                && !model.getLots().isEmpty()) {
            model = exactStart(model, startNanos, tally);
        }
        LOG.info("Solving '{}': {} needs, {} offers, {} lots to decide, limit {}", scenario.name(),
                scenario.needs().size(), scenario.offers().size(), model.getLots().size(), settings.timeLimit());
        List<Allocation> start = withFixedLines(SolverModel.newLines(scenario, model));
        if (model.getLots().isEmpty()) {
            LOG.info("Not solved (nothing to decide): the plan holds the commitments and the start lines only");
            return notSolved(new Outcome(start, "not solved: nothing to decide", SolverStats.NONE));
        }
        notStarted = notStarted(start, startNanos); // building a national model takes seconds
        if (notStarted.isPresent()) {
            return notStarted.get();
        }
        Duration timeLeft = settings.timeLimit().minusMillis(millisSince(startNanos));
        SolverConfig config = config(timeLeft, model.getLots().size());
        ExactNeighbourhoodPhase exact = exactPhase(startNanos);
        if (exact != null) {
            AllocationSolverConfig.addExactPhase(config, exact, timeLeft);
        }
        DefaultSolver<AllocationSolution> created = (DefaultSolver<AllocationSolution>) SolverFactory
                .<AllocationSolution>create(config)
                .buildSolver();
        created.addPhaseLifecycleListener(new PhaseLifecycleListenerAdapter<>() {
            @Override
            public void solvingStarted(SolverScope<AllocationSolution> solverScope) {
                // solve() clears an earlier terminateEarly(): repeat it once the solver is listening.
                if (stopRequested) {
                    created.terminateEarly();
                }
                best = new Best(new Outcome(start, String.valueOf(solverScope.getBestScore()), stats(startNanos)));
            }

            @Override
            public void phaseStarted(AbstractPhaseScope<AllocationSolution> phaseScope) {
                if (stopRequested) {
                    created.terminateEarly();
                }
                if ((phaseScope instanceof LocalSearchPhaseScope || phaseScope instanceof CustomPhaseScope)
                        && constructionMillis < 0) {
                    firstPlan(phaseScope); // the start plan, when there was no construction phase
                }
            }

            @Override
            public void phaseEnded(AbstractPhaseScope<AllocationSolution> phaseScope) {
                if (phaseScope instanceof ConstructionHeuristicPhaseScope) {
                    best = new Best(scenario, fixedLines, phaseScope.getSolverScope().getBestSolution(),
                            String.valueOf(phaseScope.getBestScore()), stats(startNanos));
                    firstPlan(phaseScope);
                }
            }

            /** Construction publishes no best-solution event: report the first plan here. */
            private void firstPlan(AbstractPhaseScope<AllocationSolution> phaseScope) {
                constructionMillis = millisSince(startNanos);
                LOG.info("First plan after {} ms: {}", constructionMillis, phaseScope.getBestScore());
                report(tally, phaseScope.getWorkingSolution(), constructionMillis, false);
            }
        });
        created.addEventListener(event -> {
            // Keep the solver's own clone; its lines are read only if someone asks for them.
            best = new Best(scenario, fixedLines, event.getNewBestSolution(), String.valueOf(event.getNewBestScore()),
                    stats(startNanos));
            report(tally, event.getNewBestSolution(), millisSince(startNanos), true);
        });
        solver = created;
        if (stopRequested) {
            created.terminateEarly();
        }
        AllocationSolution solved;
        try {
            solved = created.solve(model);
        } finally {
            solver = null; // let go of the solver's working state: a finished job may be kept a long time
        }
        long speed = created.getSolverScope().getScoreCalculationSpeed();
        SolverStats stats = SolverStats.builder().millis(millisSince(startNanos)).scoreCalculationSpeed(speed)
                .constructionMillis(constructionMillis).randomSeed(settings.randomSeed()).build();
        LOG.info("Solved '{}' in {} ms ({} score calculations/s): {}", scenario.name(), stats.millis(),
                stats.scoreCalculationSpeed(), solved.getScore());
        Outcome outcome = new Outcome(withFixedLines(SolverModel.newLines(scenario, solved)),
                String.valueOf(solved.getScore()), stats);
        best = new Best(outcome);
        return outcome;
    }

    /**
     * The outcome when the greedy start was stopped before every need was decided (by a cancel or
     * the time limit): {@code lines}, the greedy's so far, as they are, without solving. The score
     * says so, because such a plan may be far below the greedy's.
     */
    public Outcome startCutShort(List<Allocation> lines, long startNanos) {
        String why = stopRequested ? "cancelled" : "time ran out";
        String message = "Not solved: {} while building the start plan after {} ms: the plan holds the greedy's {} lines so far";
        if (stopRequested) {
            LOG.info(message, why, millisSince(startNanos), lines.size()); // asked for: no warning
        } else {
            LOG.warn(message, why, millisSince(startNanos), lines.size());
        }
        return notSolved(new Outcome(lines, "not solved: " + why
                + " while building the start plan: the plan holds the greedy's lines so far",
                stats(startNanos)));
    }

    /** The start plan as the outcome when a cancel or the time limit came before the solver started. */
    private Optional<Outcome> notStarted(List<Allocation> startLines, long startNanos) {
        boolean timeUp = Duration.ofNanos(System.nanoTime() - startNanos).compareTo(settings.timeLimit()) >= 0;
        if (!stopRequested && !timeUp) {
            return Optional.empty();
        }
        String why = stopRequested ? "cancelled" : "time ran out";
        String plan = startLines.isEmpty() ? "the plan holds the commitments only" : "the plan is the start plan";
        long startMillis = millisSince(startNanos);
        if (stopRequested) {
            LOG.info("Not solved: {} before the solver started: {}", why, plan);
        } else {
            LOG.warn("Not solved: {} before the solver started (after {} ms): {}", why, startMillis, plan);
        }
        return Optional.of(notSolved(new Outcome(startLines, "not solved: " + why + " before the solver started: " + plan,
                stats(startNanos).toBuilder().constructionMillis(startMillis).build())));
    }

    private List<Allocation> withFixedLines(List<Allocation> modelLines) {
        return joined(fixedLines, modelLines);
    }

    private static List<Allocation> joined(List<Allocation> fixed, List<Allocation> modelLines) {
        if (fixed.isEmpty()) {
            return modelLines;
        }
        List<Allocation> lines = new ArrayList<>(fixed);
        lines.addAll(modelLines);
        return lines;
    }

    private Outcome notSolved(Outcome outcome) {
        best = new Best(outcome);
        return outcome;
    }

    private SolverStats stats(long startNanos) {
        return SolverStats.builder().millis(millisSince(startNanos)).constructionMillis(constructionMillis)
                .randomSeed(settings.randomSeed()).build();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void report(TierTally tally, AllocationSolution solution, long millis, boolean constructionDone) {
        if (tally == null) {
            return;
        }
        var score = solution.getScore();
        listener.onImprovement(new Improvement(millis, String.valueOf(score), score != null && score.isFeasible(),
                tally.values(solution), constructionDone));
    }

    /**
     * The model rebuilt around a better start, found exactly on allocation lines ({@link
     * ExactStartSolver}), level by level for the top {@value #EXACT_START_LEVELS} levels: CP-SAT
     * maximises the level (the levels above held at the current start's values), the lines it gives
     * this level and those above are kept, and the greedy refills around them — an exact
     * solver maximising one level leaves the levels below in disarray, which the greedy repairs in a
     * second. Each new start is taken only when it keeps every hard rule the current one keeps and
     * is better level by level. The first level gets at most half the time, the second what is left.
     *
     * <p>Skipped above {@link #EXACT_START_MAX_LINES} eligible lines (a national scenario has
     * millions: its first plan must not wait, and the model would not fit in memory), for a re-plan
     * (the exact model does not see previous lines), and without OR-Tools.
     */
    private AllocationSolution exactStart(AllocationSolution model, long startNanos, TierTally tally) {
        long lines = 0;
        for (NeedFact need : model.getNeeds()) {
            lines += need.getEligibleOffers().size();
        }
        if (lines > EXACT_START_MAX_LINES) {
            LOG.info("No exact start: {} eligible lines, more than {}", lines, EXACT_START_MAX_LINES);
            return model;
        }
        Optional<ExactStartSolver> found = ExactNeighbourhoods.newStartSolver();
        if (found.isEmpty()) {
            return model;
        }
        ExactStartSolver startSolver = found.get();
        exactStart = startSolver;
        if (stopRequested) {
            startSolver.stop();
        }
        long timeLeftNanos = settings.timeLimit().compareTo(FAR_FUTURE) > 0 ? FAR_FUTURE.toNanos()
                : settings.timeLimit().toNanos() - (System.nanoTime() - startNanos);
        long deadline = System.nanoTime() + (long) (Math.max(0, timeLeftNanos) * EXACT_START_SHARE);
        double work = ExactNeighbourhoodPhase.deterministicBudgetFor(settings.scoreCalculationLimit()) * EXACT_START_SHARE;
        int seed = (int) (settings.randomSeed() ^ (settings.randomSeed() >>> 32)) & Integer.MAX_VALUE;
        List<Allocation> committed = PlanAssembler.committedLines(scenario);
        List<Allocation> current = SolverModel.newLines(scenario, model);
        int violations = HardRuleAudit.audit(scenario, joined(committed, current)).size();
        int levels = scenario.policy().priorityMode() == PriorityMode.WEIGHTED ? 1 : EXACT_START_LEVELS;
        // The start is the first plan: published and reported now, not after the exact start's seconds.
        SolutionManager<AllocationSolution, BendableLongScore> scoring =
                SolutionManager.create(SolverFactory.create(AllocationSolverConfig.model()));
        scoring.update(model);
        best = new Best(new Outcome(joined(fixedLines, current), String.valueOf(model.getScore()), stats(startNanos)));
        constructionMillis = millisSince(startNanos);
        LOG.info("First plan after {} ms: {}", constructionMillis, model.getScore());
        report(tally, model, constructionMillis, false);
        for (int level = 0; level < levels && !stopRequested; level++) {
            long levelDeadline = level == levels - 1 ? deadline : System.nanoTime() + (deadline - System.nanoTime()) / 2;
            double levelWork = level == levels - 1 ? work : work / 2;
            Optional<ExactStartSolver.Result> result;
            try {
                result = startSolver.solve(model, level, seed, levelWork, levelDeadline);
            } catch (RuntimeException e) {
                // A fault in the optional solver must not cost the solve: the start stays, local search goes on.
                LOG.warn("Exact start stopped by an error in CP-SAT ({}); going on from the start as it is", e.toString());
                break;
            }
            if (Double.isFinite(work)) {
                work -= levelWork; // a fixed split of a deterministic budget: the same on any machine
            }
            if (result.isEmpty()) {
                continue;
            }
            List<Allocation> kept = new ArrayList<>();
            Map<String, Integer> levelOf = new HashMap<>();
            model.getLots().forEach(lot -> levelOf.put(lot.getNeed().id(), lot.getPriorityLevel()));
            for (ExactStartSolver.Line line : result.get().lines()) {
                if (levelOf.get(line.need().id()) <= level) {
                    Need need = scenario.need(line.need().id());
                    Offer offer = scenario.offer(line.offer().id());
                    kept.add(Allocation.of(offer.id(), need.id(), line.units(), HardRules.lineAmount(offer, need, line.units())));
                }
            }
            // The exact lines stay as they are, like commitments; the greedy plans only what they leave
            // open. (Preferring them instead let the greedy's fill of a tier take room the exact
            // solution gave a lower tier: under WEIGHTED it lost 1% of the objective.)
            GreedyAllocator.Start refill = GreedyAllocator.allocateBest(scenario, kept, () -> stopRequested);
            if (!refill.complete()) {
                break;
            }
            List<Allocation> refilled = joined(kept, refill.lines());
            List<RuleViolation> broken = HardRuleAudit.audit(scenario, joined(committed, refilled));
            if (broken.size() > violations) {
                // One more encoding of the rules: should it ever disagree with the rulebook, the start stays.
                LOG.warn("Exact start rejected at level {}: its lines break {} (the start breaks {} rules)", level + 1,
                        broken, violations);
                break;
            }
            AllocationSolution rebuilt = SolverModel.build(scenario, refilled);
            long[] was = levelValues(model);
            long[] now = levelValues(rebuilt);
            boolean better = Arrays.compare(now, was) > 0;
            LOG.info("Exact start, level {}, after {} ms ({}): {} → {}{}", level + 1, millisSince(startNanos),
                    result.get().optimal() ? "optimal" : "not proven optimal", Arrays.toString(was),
                    Arrays.toString(now), better ? "" : ", kept the start");
            if (better) {
                scoring.update(rebuilt);
                best = new Best(new Outcome(joined(fixedLines, refilled), String.valueOf(rebuilt.getScore()),
                        stats(startNanos)));
                report(tally, rebuilt, millisSince(startNanos), true);
                model = rebuilt;
                current = refilled;
                violations = broken.size();
            }
        }
        exactStart = null;
        return model;
    }

    /** Per priority level, the value the model's funded lots hold (what the score's level counts). */
    private static long[] levelValues(AllocationSolution model) {
        long[] values = new long[Policy.MAX_TIERS];
        for (Lot lot : model.getLots()) {
            if (lot.getOffer() != null) {
                values[lot.getPriorityLevel()] += lot.getPriorityValue();
            }
        }
        return values;
    }

    /** The exact phase of this run, or null when it is off or OR-Tools is missing (logged once). */
    private ExactNeighbourhoodPhase exactPhase(long startNanos) {
        if (!settings.exactNeighbourhoods()) {
            return null;
        }
        // A limit of "no limit" (the command line's hundred years) must not overflow nanoTime arithmetic.
        long deadline = startNanos + (settings.timeLimit().compareTo(FAR_FUTURE) > 0 ? FAR_FUTURE : settings.timeLimit())
                .toNanos();
        ExactNeighbourhoodPhase exact = ExactNeighbourhoods.newSolver()
                .map(exactSolver -> new ExactNeighbourhoodPhase(exactSolver, settings.randomSeed(), () -> deadline,
                        ExactNeighbourhoodPhase.deterministicBudgetFor(settings.scoreCalculationLimit())))
                .orElse(null);
        exactPhase = exact;
        if (exact != null && stopRequested) {
            exact.stop();
        }
        return exact;
    }

    /** @param timeLeft the time limit less what the start lines and the model took */
    private SolverConfig config(Duration timeLeft, int lotCount) {
        // OptaPlanner refuses limits finer than a millisecond.
        Duration spentLimit = timeLeft.truncatedTo(ChronoUnit.MILLIS);
        TerminationConfig termination = new TerminationConfig()
                .withSpentLimit(spentLimit.isNegative() || spentLimit.isZero() ? Duration.ofMillis(1) : spentLimit);
        settings.unimprovedTimeLimit().map(limit -> limit.truncatedTo(ChronoUnit.MILLIS))
                .map(limit -> limit.isZero() ? Duration.ofMillis(1) : limit)
                .ifPresent(termination::withUnimprovedSpentLimit);
        if (settings.scoreCalculationLimit() > 0) {
            termination.withScoreCalculationCountLimit(settings.scoreCalculationLimit());
        }
        return AllocationSolverConfig.create(settings.randomSeed(), settings.moveThreads(), settings.assertScores(),
                !settings.constructionPhase(), lotCount)
                .withTerminationConfig(termination);
    }

    /**
     * A best plan the solver published. The solver never changes a best solution once it has handed
     * it out (it works on its own clone), so another thread may read its lots.
     */
    private static final class Best {
        private final Scenario scenario;
        private final List<Allocation> fixedLines;
        private final AllocationSolution solution;
        private final String score;
        private final SolverStats stats;
        private volatile Outcome outcome;

        Best(Scenario scenario, List<Allocation> fixedLines, AllocationSolution solution, String score,
                SolverStats stats) {
            this.scenario = scenario;
            this.fixedLines = fixedLines;
            this.solution = solution;
            this.score = score;
            this.stats = stats;
        }

        /** A plan whose lines are known already. */
        Best(Outcome outcome) {
            this(null, List.of(), null, outcome.score(), outcome.stats());
            this.outcome = outcome;
        }

        Outcome outcome() {
            Outcome read = outcome;
            if (read == null) { // two threads racing here both read the same lines: harmless
                read = new Outcome(joined(fixedLines, SolverModel.newLines(scenario, solution)), score, stats);
                outcome = read;
            }
            return read;
        }
    }
}
