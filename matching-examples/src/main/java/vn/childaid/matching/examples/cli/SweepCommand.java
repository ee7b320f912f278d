package vn.childaid.matching.examples.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.childaid.matching.csv.SweepCsv;
import vn.childaid.matching.engine.SolveOptions;
import vn.childaid.matching.files.OutputFile;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.TierTotal;
import vn.childaid.matching.report.Words;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.whatif.BudgetSweep;
import vn.childaid.matching.whatif.BudgetSweep.OfferSelection;
import vn.childaid.matching.whatif.BudgetSweep.Step;

/**
 * Budget sweeps: the selected offers scaled step by step ({@code --factor}), or each of the largest
 * offers withdrawn alone ({@code --withdraw-each}). A line per step on standard error; Ctrl-C or
 * SIGTERM stops the sweep and still writes the rows of the steps done (see {@link Interruptions}).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Solve a scenario again and again: with the offers scaled step by step (--factor), "
                + "or without each of the largest offers in turn (--withdraw-each); write a CSV row per step.")
final class SweepCommand implements Callable<Integer> {
    static final Duration DEFAULT_TIME_PER_STEP = Duration.ofSeconds(10);

    @ParentCommand
    MatchingCli root;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario JSON file (v1 contract).")
    Path scenarioFile;

    @Option(names = "--factor", paramLabel = "START:END:STEP",
            description = "Scale the selected offers by START, START+STEP, … up to END included, e.g. 0.5:1.5:0.1.")
    Optional<String> factor;

    @Option(names = "--donor-type", paramLabel = "TYPE",
            description = "With --factor: scale only the offers of donors of this type: ${COMPLETION-CANDIDATES}.")
    Optional<DonorType> donorType;

    @Option(names = "--donor", paramLabel = "ID", description = "With --factor: scale only this donor's offers.")
    Optional<String> donor;

    @Option(names = "--withdraw-each", description = "For each of the --top offers by value: what is lost without it alone.")
    boolean withdrawEach;

    @Option(names = "--top", paramLabel = "N", description = "With --withdraw-each: how many offers (default: 20).")
    Optional<Integer> top;

    @Option(names = "--time", converter = Durations.class,
            description = "Time limit per step, e.g. 10s (default: 10s; none with --score-calculations).")
    Optional<Duration> time;

    @Option(names = "--score-calculations", paramLabel = "N",
            description = "Stop each step after N score calculations: with --seed, two runs give the same rows.")
    Optional<Long> scoreCalculations;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Write one row per step here (atomically).")
    Path csv;

    @Option(names = "--svg", paramLabel = "FILE", description = "With --factor: write the chart of the tiers against the money here.")
    Optional<Path> svg;

    @Override
    public Integer call() {
        checkOptions();
        UserInputException.requireFile(scenarioFile, "scenario");
        OutputFile csvFile = OutputFile.of(csv).check(List.of(scenarioFile));
        Optional<OutputFile> svgFile = svg.map(file -> OutputFile.of(file).check(List.of(scenarioFile)));
        if (svg.isPresent() && svg.get().toAbsolutePath().normalize().equals(csv.toAbsolutePath().normalize())) {
            throw new UserInputException("--csv and --svg name the same file " + csv);
        }
        PrintWriter stdout = root.spec.commandLine().getOut();
        PrintWriter stderr = root.spec.commandLine().getErr();
        Words words = Words.english();
        try (Interruptions interruptions = Interruptions.install(stderr, root.quiet)) {
            Scenario scenario = ScenarioJson.read(scenarioFile);
            List<String> tiers = scenario.policy().tierNames();
            SolveOptions perStep = SolveOptions.defaults().withRandomSeed(seed)
                    .withTimeLimit(time.orElse(scoreCalculations.isPresent() ? SolveLimits.NO_TIME_LIMIT : DEFAULT_TIME_PER_STEP));
            if (scoreCalculations.isPresent()) {
                perStep = perStep.withScoreCalculationLimit(scoreCalculations.get());
            }
            BudgetSweep sweep = withdrawEach ? BudgetSweep.withdrawingEach(scenario, top.orElse(20), perStep)
                    : BudgetSweep.scaling(scenario, selection(), factors(), perStep);
            interruptions.onFirstSignal(sweep::cancel);
            List<Step> steps = sweep.run((index, count, step) -> {
                if (!root.quiet) {
                    stderr.println(progressLine(words, index, count, step, tiers));
                    stderr.flush();
                }
            });
            int rows;
            if (withdrawEach) {
                rows = Math.max(0, steps.size() - 1);
                csvFile.writeString(SweepCsv.withdrawals(scenario, steps));
            } else {
                rows = steps.size();
                csvFile.writeString(SweepCsv.scaling(tiers, steps));
            }
            stdout.println(words.get("sweep.written", csv, rows));
            svgFile.ifPresent(file -> {
                file.writeString(BudgetSweep.chart(tiers, steps, words).toSvg());
                stdout.println(words.get("sweep.chartWritten", svg.get(), tiers.size()));
            });
            Optional<Interruptions.Signal> signal = interruptions.received();
            signal.ifPresent(received -> stdout.println(words.get("sweep.interrupted", received, steps.size(),
                    sweep.stepCount())));
            stdout.flush();
            return signal.map(Interruptions.Signal::exitCode).orElse(MatchingCli.OK);
        }
    }

    /** Every misuse of the options, before any file is read. */
    private void checkOptions() {
        if (factor.isPresent() == withdrawEach) {
            throw new UserInputException("give either --factor START:END:STEP or --withdraw-each");
        }
        if (donor.isPresent() && donorType.isPresent()) {
            throw new UserInputException("give --donor or --donor-type, not both");
        }
        if (withdrawEach && (donor.isPresent() || donorType.isPresent() || svg.isPresent())) {
            throw new UserInputException("--donor, --donor-type and --svg go with --factor, not --withdraw-each");
        }
        if (!withdrawEach && top.isPresent()) {
            throw new UserInputException("--top goes with --withdraw-each");
        }
        if (top.filter(n -> n < 1 || n >= BudgetSweep.MOST_STEPS).isPresent()) {
            throw new UserInputException("--top must be 1 to " + (BudgetSweep.MOST_STEPS - 1) + ", was " + top.get());
        }
        if (scoreCalculations.filter(count -> count < 1).isPresent()) {
            throw new UserInputException("--score-calculations must be at least 1, was " + scoreCalculations.get());
        }
        factor.ifPresent(range -> factors());
    }

    private List<BigDecimal> factors() {
        try {
            return BudgetSweep.factors(factor.orElseThrow());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--factor: " + e.getMessage());
        }
    }

    private OfferSelection selection() {
        return new OfferSelection(donorType, donor);
    }

    private static String progressLine(Words words, int index, int count, Step step, List<String> tiers) {
        StringBuilder reached = new StringBuilder();
        Plan plan = step.plan();
        for (String tier : tiers) {
            reached.append(String.format(Locale.ROOT, " %s %,.1f", tier, plan.tier(tier).map(TierTotal::value).orElse(0.0)));
        }
        String needs = String.format(Locale.ROOT, "%,d", step.needsFunded());
        if (step.factor().isPresent()) {
            return words.get("sweep.step", index + 1, count, step.factor().get().toPlainString(),
                    String.format(Locale.ROOT, "%,d", step.offeredVnd()), reached, needs);
        }
        if (step.withdrawn().isPresent()) {
            return words.get("sweep.withdrawStep", index + 1, count, step.withdrawn().get().id(),
                    String.format(Locale.ROOT, "%,d", step.withdrawn().get().totalValue()), reached, needs);
        }
        return words.get("sweep.withdrawBase", index + 1, count, reached, needs);
    }
}
