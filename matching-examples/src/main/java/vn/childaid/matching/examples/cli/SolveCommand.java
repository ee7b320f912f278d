package vn.childaid.matching.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.childaid.matching.engine.AllocationEngine;
import vn.childaid.matching.engine.SolveJob;
import vn.childaid.matching.engine.SolveOptions;
import vn.childaid.matching.files.OutputFile;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.policy.PolicyPreset;
import vn.childaid.matching.scenario.Scenario;

/**
 * Solves a scenario within a time limit counted from the command's start. Ctrl-C or SIGTERM stops
 * it early and keeps the best plan so far (see {@link Interruptions}).
 */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Solve a scenario: show progress, then a summary; optionally write the plan JSON.")
final class SolveCommand implements Callable<Integer> {
    /**
     * The limit when {@code --score-calculations} is given without {@code --time}: none in practice,
     * yet small enough that no clock arithmetic on it overflows.
     */
    static final Duration NO_TIME_LIMIT = Duration.ofDays(36_500);
    /** What is left of a limit already spent: the engine then returns the greedy's lines so far, at once. */
    private static final Duration LEAST_TIME_LEFT = Duration.ofMillis(1);

    @ParentCommand
    MatchingCli root;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario JSON file (v1 contract).")
    Path scenarioFile;

    @Option(names = "--time", converter = Durations.class,
            description = "Time limit from the command's start, reading the scenario included, e.g. 30s, 2m "
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

    @Option(names = "--out", paramLabel = "PLAN", description = "Write the plan JSON here (atomically).")
    Optional<Path> out;

    @Option(names = "--policy", paramLabel = "PRESET",
            description = "Use this policy preset instead of the scenario's: ${COMPLETION-CANDIDATES}.")
    Optional<PolicyPreset> policy;

    @Override
    public Integer call() {
        long commandStart = System.nanoTime();
        if (scoreCalculations.filter(count -> count < 1).isPresent()) {
            throw new UserInputException("--score-calculations must be at least 1, was " + scoreCalculations.get());
        }
        UserInputException.requireFile(scenarioFile, "scenario");
        Optional<OutputFile> planFile = out.map(file -> OutputFile.of(file).check(List.of(scenarioFile)));
        PrintWriter stdout = root.spec.commandLine().getOut();
        PrintWriter stderr = root.spec.commandLine().getErr();
        try (Interruptions interruptions = Interruptions.install(stderr, root.quiet)) {
            Scenario scenario = ScenarioJson.read(scenarioFile);
            if (policy.isPresent()) {
                scenario = scenario.withPolicy(policy.get().policy());
            }
            ProgressPrinter progress = new ProgressPrinter(stderr, !root.quiet);
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
            Plan plan = solve(scenario, options, interruptions);
            progress.finish();
            planFile.ifPresent(file -> file.writeString(PlanJson.toJson(plan)));
            stdout.print(PlanSummary.of(plan));
            out.ifPresent(file -> stdout.println("Plan written to " + file));
            Optional<Interruptions.Signal> signal = interruptions.received();
            signal.ifPresent(received -> stdout.println("Interrupted by " + received
                    + ": solving stopped early; this is the best plan found before it."));
            stdout.flush();
            return signal.map(Interruptions.Signal::exitCode).orElse(MatchingCli.OK);
        }
    }

    /** The time limit less what the command has spent so far, reading the scenario included. */
    private Duration timeLeft(long commandStart) {
        Duration left = timeLimit(time, scoreCalculations).minusNanos(System.nanoTime() - commandStart);
        return left.compareTo(LEAST_TIME_LEFT) < 0 ? LEAST_TIME_LEFT : left;
    }

    /** {@code --time}, else none with {@code --score-calculations} (that limit is the repeatable one), else 30 s. */
    static Duration timeLimit(Optional<Duration> time, Optional<Long> scoreCalculations) {
        return time.orElse(scoreCalculations.isPresent() ? NO_TIME_LIMIT : SolveOptions.DEFAULT_TIME_LIMIT);
    }

    /** Solves on a thread of its own, so that a signal can cancel the job and this thread still writes its plan. */
    private static Plan solve(Scenario scenario, SolveOptions options, Interruptions interruptions) {
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "matching-solve");
            thread.setDaemon(true); // a second Ctrl-C must not wait for it
            return thread;
        });
        try {
            SolveJob job = AllocationEngine.solveAsync(scenario, options, executor);
            interruptions.onFirstSignal(job::cancel);
            return job.result().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        } finally {
            executor.shutdown();
        }
    }
}
