package vn.childaid.matching.examples.cli;

import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;
import vn.childaid.matching.engine.ProgressListener;
import vn.childaid.matching.engine.SolveOptions;

/**
 * The options every solving command shares ({@code --time}, {@code --unimproved},
 * {@code --score-calculations}, {@code --seed}) and the engine options they make: a picocli mixin.
 */
final class SolveLimits {
    /**
     * The limit when {@code --score-calculations} is given without {@code --time}: none in practice,
     * yet small enough that no clock arithmetic on it overflows.
     */
    static final Duration NO_TIME_LIMIT = Duration.ofDays(36_500);
    /** What is left of a limit already spent: the engine then returns the start plan so far, at once. */
    private static final Duration LEAST_TIME_LEFT = Duration.ofMillis(1);

    @Option(names = "--time", converter = Durations.class,
            description = "Time limit from the command's start, reading the input included, e.g. 30s, 2m "
                    + "(default: 30s; none with --score-calculations).")
    Optional<Duration> time;

    @Option(names = "--unimproved", converter = Durations.class,
            description = "Stop earlier when the best plan has not improved for this long.")
    Optional<Duration> unimproved;

    @Option(names = "--score-calculations", paramLabel = "N",
            description = "Stop after N score calculations. With --seed, two runs give the same plan "
                    + "(only its timings differ). Lifts the time limit unless --time is given.")
    Optional<Long> scoreCalculations;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    /** Refuses limits that make no sense, before any work. */
    void check() {
        if (scoreCalculations.filter(count -> count < 1).isPresent()) {
            throw new UserInputException("--score-calculations must be at least 1, was " + scoreCalculations.get());
        }
    }

    /** The engine options these limits make, the time limit counted from {@code commandStart}. */
    SolveOptions options(long commandStart, ProgressListener progress) {
        SolveOptions options = SolveOptions.defaults()
                .withTimeLimit(timeLeft(commandStart))
                .withRandomSeed(seed)
                .withProgressListener(progress);
        if (unimproved.isPresent()) {
            options = options.withUnimprovedTimeLimit(unimproved.get());
        }
        if (scoreCalculations.isPresent()) {
            options = options.withScoreCalculationLimit(scoreCalculations.get());
        }
        return options;
    }

    /** The time limit less what the command has spent so far, reading its input included. */
    private Duration timeLeft(long commandStart) {
        Duration left = timeLimit(time, scoreCalculations).minusNanos(System.nanoTime() - commandStart);
        return left.compareTo(LEAST_TIME_LEFT) < 0 ? LEAST_TIME_LEFT : left;
    }

    /** {@code --time}, else none with {@code --score-calculations} (that limit is the repeatable one), else 30 s. */
    static Duration timeLimit(Optional<Duration> time, Optional<Long> scoreCalculations) {
        return time.orElse(scoreCalculations.isPresent() ? NO_TIME_LIMIT : SolveOptions.DEFAULT_TIME_LIMIT);
    }
}
