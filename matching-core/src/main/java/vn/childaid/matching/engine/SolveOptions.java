package vn.childaid.matching.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Scenario;

/**
 * How long and how to solve. Start from {@link #defaults()} and change what you need with the
 * {@code with…} methods: those are the API (the constructor is private), so that options can be
 * added without breaking callers.
 */
public final class SolveOptions {
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(30);

    private final Duration timeLimit;
    private final Optional<Duration> unimprovedTimeLimit;
    private final long scoreCalculationLimit;
    private final long randomSeed;
    private final int moveThreads;
    private final boolean assertScores;
    private final boolean greedyStart;
    private final ProgressListener progressListener;
    private final Optional<PreviousPlan> previousPlan;
    /** Empty: decided by the limits (see {@link #exactNeighbourhoods()}). */
    private final Optional<Boolean> exactNeighbourhoods;

    private SolveOptions(Duration timeLimit, Optional<Duration> unimprovedTimeLimit, long scoreCalculationLimit,
            long randomSeed, int moveThreads, boolean assertScores, boolean greedyStart,
            ProgressListener progressListener, Optional<PreviousPlan> previousPlan, Optional<Boolean> exactNeighbourhoods) {
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(previousPlan, "previousPlan");
        Objects.requireNonNull(unimprovedTimeLimit, "unimprovedTimeLimit");
        Objects.requireNonNull(progressListener, "progressListener");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, was " + timeLimit);
        }
        if (unimprovedTimeLimit.filter(d -> d.isNegative() || d.isZero()).isPresent()) {
            throw new IllegalArgumentException("unimprovedTimeLimit must be positive, was " + unimprovedTimeLimit.get());
        }
        if (scoreCalculationLimit < 0) {
            throw new IllegalArgumentException("scoreCalculationLimit must be ≥ 0, was " + scoreCalculationLimit);
        }
        if (moveThreads < 1) {
            throw new IllegalArgumentException("moveThreads must be ≥ 1, was " + moveThreads);
        }
        this.timeLimit = timeLimit;
        this.unimprovedTimeLimit = unimprovedTimeLimit;
        this.scoreCalculationLimit = scoreCalculationLimit;
        this.randomSeed = randomSeed;
        this.moveThreads = moveThreads;
        this.assertScores = assertScores;
        this.greedyStart = greedyStart;
        this.progressListener = progressListener;
        this.previousPlan = previousPlan;
        this.exactNeighbourhoods = exactNeighbourhoods;
    }

    /** 30 seconds, seed 0, one thread, greedy start, no progress listener, exact neighbourhoods when available (time-limited solves). */
    public static SolveOptions defaults() {
        return new SolveOptions(DEFAULT_TIME_LIMIT, Optional.empty(), 0, 0, 1, false, true, ProgressListener.NONE,
                Optional.empty(), Optional.empty());
    }

    public SolveOptions withTimeLimit(Duration limit) {
        return new SolveOptions(limit, unimprovedTimeLimit, scoreCalculationLimit, randomSeed, moveThreads,
                assertScores, greedyStart, progressListener, previousPlan, exactNeighbourhoods);
    }

    public SolveOptions withUnimprovedTimeLimit(Duration limit) {
        return new SolveOptions(timeLimit, Optional.of(limit), scoreCalculationLimit, randomSeed, moveThreads,
                assertScores, greedyStart, progressListener, previousPlan, exactNeighbourhoods);
    }

    public SolveOptions withScoreCalculationLimit(long count) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, count, randomSeed, moveThreads, assertScores,
                greedyStart, progressListener, previousPlan, exactNeighbourhoods);
    }

    public SolveOptions withRandomSeed(long seed) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, scoreCalculationLimit, seed, moveThreads,
                assertScores, greedyStart, progressListener, previousPlan, exactNeighbourhoods);
    }

    public SolveOptions withMoveThreads(int threads) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, scoreCalculationLimit, randomSeed, threads,
                assertScores, greedyStart, progressListener, previousPlan, exactNeighbourhoods);
    }

    public SolveOptions withAssertScores(boolean assertEveryScore) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, scoreCalculationLimit, randomSeed, moveThreads,
                assertEveryScore, greedyStart, progressListener, previousPlan, exactNeighbourhoods);
    }

    public SolveOptions withGreedyStart(boolean fromGreedy) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, scoreCalculationLimit, randomSeed, moveThreads,
                assertScores, fromGreedy, progressListener, previousPlan, exactNeighbourhoods);
    }

    /**
     * Exact work with CP-SAT before local search: an exact start on allocation lines, the top two
     * priority levels one after the other, from the greedy's plan (skipped for a re-plan and above
     * 100,000 eligible need–offer lines), then the exact re-optimisation of neighbourhoods of
     * offers. Used only when OR-Tools ({@code
     * com.google.ortools:ortools-java}, an optional dependency) and its native libraries are on the
     * class path; otherwise the engine logs it once and runs local search alone. By default it is on
     * for solves limited by time and off for solves limited by a {@linkplain
     * #withScoreCalculationLimit score-calculation count} (CP-SAT's work is not counted in score
     * calculations); on with a count, the exact phase gets a deterministic work budget in proportion
     * to the count, so the run still repeats. Off to measure or reproduce the local search alone.
     * A time-limited solve with it on gives CP-SAT most of its time (see the solver package's
     * documentation), so two runs may differ more than local search alone would.
     */
    public SolveOptions withExactNeighbourhoods(boolean exact) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, scoreCalculationLimit, randomSeed, moveThreads,
                assertScores, greedyStart, progressListener, previousPlan, Optional.of(exact));
    }

    public SolveOptions withProgressListener(ProgressListener listener) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, scoreCalculationLimit, randomSeed, moveThreads,
                assertScores, greedyStart, listener, previousPlan, exactNeighbourhoods);
    }

    /**
     * Re-plan: start from {@code previous}, a plan of {@code previousScenario}, instead of from
     * scratch. The scenario being solved is the changed one (or the same one). The previous plan's
     * lines that still hold start the search ({@link vn.childaid.matching.whatif.Carryover}); the
     * greedy, when on, only plans what they leave open; {@code stability} says how far they may
     * move. For a warm start alone (as in budget sweeps) pass {@link Stability#FREE}.
     */
    public SolveOptions withPreviousPlan(Plan previous, Scenario previousScenario, Stability stability) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, scoreCalculationLimit, randomSeed, moveThreads,
                assertScores, greedyStart, progressListener,
                Optional.of(new PreviousPlan(previous, previousScenario, stability)), exactNeighbourhoods);
    }

    /** A solve from scratch again (the default). */
    public SolveOptions withoutPreviousPlan() {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, scoreCalculationLimit, randomSeed, moveThreads,
                assertScores, greedyStart, progressListener, Optional.empty(), exactNeighbourhoods);
    }

    /** The plan a re-plan starts from; empty for a solve from scratch. */
    public Optional<PreviousPlan> previousPlan() {
        return previousPlan;
    }

    /**
     * Wall time at most, counted from when the job starts solving, the greedy start included; the
     * main limit. A limit that ends while the greedy start is being built leaves a plan of the
     * greedy's lines so far, whose score says so. To count from an earlier moment (say, from when
     * the scenario began to be read), pass what is left of the limit then.
     */
    public Duration timeLimit() {
        return timeLimit;
    }

    /** Stop earlier when the best plan has not improved for this long. */
    public Optional<Duration> unimprovedTimeLimit() {
        return unimprovedTimeLimit;
    }

    /**
     * Stop after this many score calculations (0 = no such limit); with a fixed seed this makes a
     * solve exactly repeatable, which a time limit cannot be, as long as the time limit is long
     * enough never to be reached.
     */
    public long scoreCalculationLimit() {
        return scoreCalculationLimit;
    }

    /** Seed of the solver's random choices; same seed and count limit, same plan. */
    public long randomSeed() {
        return randomSeed;
    }

    /** 1 (default) or more threads evaluating moves; on 2 cores more was slower here. */
    public int moveThreads() {
        return moveThreads;
    }

    /** Re-check every score from scratch (very slow): for tests that hunt score corruption. */
    public boolean assertScores() {
        return assertScores;
    }

    /**
     * Start from the better of {@link vn.childaid.matching.baseline.GreedyAllocator}'s two plans
     * (default), so the result is never below the coordinator's greedy once that start is built
     * within the {@linkplain #timeLimit() time limit} and not cancelled; off only to study the solver alone.
     */
    public boolean greedyStart() {
        return greedyStart;
    }

    /**
     * Whether to re-optimise neighbourhoods exactly when OR-Tools is available: as set by {@link
     * #withExactNeighbourhoods}, else on unless the solve is limited by a score-calculation count.
     */
    public boolean exactNeighbourhoods() {
        // CP-SAT's work is not counted in score calculations: a count-limited solve (for repeatable
        // runs and equal-work comparisons) runs the local search alone unless asked for both.
        return exactNeighbourhoods.orElse(scoreCalculationLimit == 0);
    }

    /** Told of each new best plan. */
    public ProgressListener progressListener() {
        return progressListener;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SolveOptions that
                && timeLimit.equals(that.timeLimit) && unimprovedTimeLimit.equals(that.unimprovedTimeLimit)
                && scoreCalculationLimit == that.scoreCalculationLimit && randomSeed == that.randomSeed
                && moveThreads == that.moveThreads && assertScores == that.assertScores
                && greedyStart == that.greedyStart && progressListener.equals(that.progressListener)
                && previousPlan.equals(that.previousPlan) && exactNeighbourhoods.equals(that.exactNeighbourhoods);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeLimit, unimprovedTimeLimit, scoreCalculationLimit, randomSeed, moveThreads,
                assertScores, greedyStart, progressListener, previousPlan, exactNeighbourhoods);
    }

    @Override
    public String toString() {
        return "SolveOptions[timeLimit=" + timeLimit + ", unimprovedTimeLimit=" + unimprovedTimeLimit
                + ", scoreCalculationLimit=" + scoreCalculationLimit + ", randomSeed=" + randomSeed
                + ", moveThreads=" + moveThreads + ", assertScores=" + assertScores + ", greedyStart=" + greedyStart
                + ", progressListener=" + progressListener
                + previousPlan.map(p -> ", previousPlan=" + p.plan().scenario() + " (" + p.stability() + ")").orElse("")
                + "]";
    }
}
