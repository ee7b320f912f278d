package vn.childaid.matching.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.childaid.matching.engine.Stability;
import vn.childaid.matching.files.OutputFile;
import vn.childaid.matching.json.ChangeSetJson;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.TierTotal;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.whatif.LineFates;
import vn.childaid.matching.whatif.Untouched;

/**
 * Re-plans after a change, starting from the previous plan and holding on to its lines as
 * {@code --stability} says. {@code --plan} is a plan of SCENARIO as it was before {@code --changes};
 * without changes, SCENARIO is re-planned as it is. Solving, limits and interruptions are
 * {@code solve}'s (see {@link Solving}, {@link SolveLimits}).
 */
@Command(name = "replan", mixinStandardHelpOptions = true,
        description = {"Re-plan after a change without reshuffling what donors were told: start from the previous plan,",
                "keep its untouched lines as --stability says, show progress, a summary and what was kept."})
final class ReplanCommand implements Callable<Integer> {
    @ParentCommand
    MatchingCli root;

    @Parameters(index = "0", paramLabel = "SCENARIO",
            description = "Scenario JSON file the previous plan was made for (before the changes).")
    Path scenarioFile;

    @Option(names = "--plan", paramLabel = "PLAN", required = true, description = "The previous plan JSON of SCENARIO.")
    Path planFile;

    @Option(names = "--changes", paramLabel = "CHANGES",
            description = "A change set JSON to apply to SCENARIO first (without it, SCENARIO is re-planned as it is).")
    Optional<Path> changesFile;

    @Option(names = "--stability", paramLabel = "LEVEL", defaultValue = "balanced", converter = StabilityConverter.class,
            description = "keep: untouched lines never move; balanced (default): a line moves only to reach more "
                    + "children in some tier; free: the previous plan is only the warm start.")
    Stability stability;

    @Mixin
    SolveLimits limits;

    @Option(names = "--scenario-out", paramLabel = "CHANGED", description = "Write the changed scenario JSON here.")
    Optional<Path> scenarioOut;

    @Option(names = "--out", paramLabel = "NEWPLAN", required = true, description = "Write the new plan JSON here (atomically).")
    Path out;

    @Override
    public Integer call() {
        long commandStart = System.nanoTime();
        limits.check();
        UserInputException.requireFile(scenarioFile, "scenario");
        UserInputException.requireFile(planFile, "plan");
        changesFile.ifPresent(file -> UserInputException.requireFile(file, "change set"));
        List<Path> inputs = new ArrayList<>(List.of(scenarioFile, planFile));
        changesFile.ifPresent(inputs::add);
        OutputFile planOutput = OutputFile.of(out).check(inputs);
        Optional<OutputFile> scenarioOutput = scenarioOut.map(file -> OutputFile.of(file).check(inputs));
        PrintWriter stdout = root.spec.commandLine().getOut();
        PrintWriter stderr = root.spec.commandLine().getErr();
        try (Interruptions interruptions = Interruptions.install(stderr, root.quiet)) {
            Scenario before = ScenarioJson.read(scenarioFile);
            Plan previous = PlanJson.read(planFile);
            if (!previous.scenario().equals(before.name())) {
                stderr.printf("warning: %s is a plan of scenario \"%s\", and %s is \"%s\": lines that do not hold are dropped%n",
                        planFile, previous.scenario(), scenarioFile, before.name());
            }
            Scenario after = changesFile.isPresent()
                    ? ChangeSetJson.read(changesFile.get()).applyTo(before, Optional.of(previous))
                    : before;
            List<Allocation> untouched = Untouched.lines(before, previous, after);
            ProgressPrinter progress = new ProgressPrinter(stderr, !root.quiet);
            Plan plan = Solving.solve(after,
                    limits.options(commandStart, progress).withPreviousPlan(previous, before, stability), interruptions);
            progress.finish();
            scenarioOutput.ifPresent(file -> file.writeString(ScenarioJson.toJson(after)));
            int exitCode = Solving.report(plan, Optional.of(planOutput), Optional.of(out), interruptions, stdout);
            scenarioOut.ifPresent(file -> stdout.println("Changed scenario written to " + file));
            stdout.print(whatWasKept(previous, plan, untouched));
            stdout.flush();
            return exitCode;
        }
    }

    /** The untouched lines' fates and each tier before and after, for the planner. */
    String whatWasKept(Plan previous, Plan plan, List<Allocation> untouched) {
        StringBuilder text = new StringBuilder();
        LineFates fates = LineFates.of(untouched, plan);
        long previousLines = previous.allocations().stream().filter(line -> !line.committed()).count();
        text.append(String.format(Locale.ROOT, "%nRe-plan (%s): %,d of the previous plan's %,d lines untouched by the change:"
                        + " %,d kept, %,d moved, %,d dropped (%.1f%% kept)%n", stability.name().toLowerCase(Locale.ROOT),
                untouched.size(), previousLines, fates.kept(), fates.moved(), fates.dropped(), 100 * fates.keptShare()));
        text.append(String.format(Locale.ROOT, "  %-14s %12s %12s %10s%n", "tier", "before", "after", "change"));
        for (TierTotal tier : plan.tiers()) {
            double earlier = previous.tier(tier.name()).map(TierTotal::reached).orElse(0.0);
            text.append(String.format(Locale.ROOT, "  %-14s %,12.1f %,12.1f %+,10.1f%n", tier.name(), earlier,
                    tier.reached(), tier.reached() - earlier));
        }
        return text.toString();
    }

    /** keep, balanced or free, in any case; picocli's message names the option and the value when it is none of them. */
    static final class StabilityConverter implements picocli.CommandLine.ITypeConverter<Stability> {
        @Override
        public Stability convert(String value) {
            for (Stability level : Stability.values()) {
                if (level.name().equalsIgnoreCase(value)) {
                    return level;
                }
            }
            throw new picocli.CommandLine.TypeConversionException(
                    "expected keep, balanced or free, was '" + value + "'");
        }
    }
}
