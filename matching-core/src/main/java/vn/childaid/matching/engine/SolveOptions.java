package vn.childaid.matching.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long and how to solve. Start from {@link #defaults()} and change what you need.
 *
 * @param timeLimit wall time at most; the main limit
 * @param unimprovedTimeLimit stop earlier when the best plan has not improved for this long
 * @param scoreCalculationLimit stop after this many score calculations (0 = no such limit); with a
 *     fixed seed this makes a solve exactly repeatable, which a time limit cannot be
 * @param randomSeed seed of the solver's random choices; same seed and count limit, same plan
 * @param moveThreads 1 (default) or more threads evaluating moves; on 2 cores more was slower here
 * @param assertScores re-check every score from scratch (very slow): for tests that hunt score corruption
 * @param greedyStart start from the better of {@link vn.childaid.matching.baseline.GreedyAllocator}'s two
 *     plans (default), so the result is never below the coordinator's greedy; off only to study the solver alone
 * @param progressListener told of each new best plan
 */
public record SolveOptions(
        Duration timeLimit,
        Optional<Duration> unimprovedTimeLimit,
        long scoreCalculationLimit,
        long randomSeed,
        int moveThreads,
        boolean assertScores,
        boolean greedyStart,
        ProgressListener progressListener) {

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(30);

    public SolveOptions {
        Objects.requireNonNull(timeLimit, "timeLimit");
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
    }

    /** 30 seconds, seed 0, one thread, no progress listener. */
    public static SolveOptions defaults() {
        return new SolveOptions(DEFAULT_TIME_LIMIT, Optional.empty(), 0, 0, 1, false, true, ProgressListener.NONE);
    }

    public SolveOptions withTimeLimit(Duration limit) {
        return new SolveOptions(limit, unimprovedTimeLimit, scoreCalculationLimit, randomSeed, moveThreads,
                assertScores, greedyStart, progressListener);
    }

    public SolveOptions withUnimprovedTimeLimit(Duration limit) {
        return new SolveOptions(timeLimit, Optional.of(limit), scoreCalculationLimit, randomSeed, moveThreads,
                assertScores, greedyStart, progressListener);
    }

    public SolveOptions withScoreCalculationLimit(long count) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, count, randomSeed, moveThreads, assertScores,
                greedyStart, progressListener);
    }

    public SolveOptions withRandomSeed(long seed) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, scoreCalculationLimit, seed, moveThreads,
                assertScores, greedyStart, progressListener);
    }

    public SolveOptions withMoveThreads(int threads) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, scoreCalculationLimit, randomSeed, threads,
                assertScores, greedyStart, progressListener);
    }

    public SolveOptions withAssertScores(boolean assertEveryScore) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, scoreCalculationLimit, randomSeed, moveThreads,
                assertEveryScore, greedyStart, progressListener);
    }

    public SolveOptions withGreedyStart(boolean fromGreedy) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, scoreCalculationLimit, randomSeed, moveThreads,
                assertScores, fromGreedy, progressListener);
    }

    public SolveOptions withProgressListener(ProgressListener listener) {
        return new SolveOptions(timeLimit, unimprovedTimeLimit, scoreCalculationLimit, randomSeed, moveThreads,
                assertScores, greedyStart, listener);
    }
}
