package vn.childaid.matching.examples.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.childaid.matching.engine.AllocationEngine;
import vn.childaid.matching.engine.SolveOptions;
import vn.childaid.matching.files.OutputFile;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.policy.PolicyPreset;
import vn.childaid.matching.scenario.Scenario;

@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Solve a scenario: show progress, then a summary; optionally write the plan JSON.")
final class SolveCommand implements Callable<Integer> {
    @ParentCommand
    MatchingCli root;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario JSON file (v1 contract).")
    Path scenarioFile;

    @Option(names = "--time", converter = Durations.class, defaultValue = "30s",
            description = "Time limit, e.g. 30s, 2m (default: ${DEFAULT-VALUE}).")
    Duration time;

    @Option(names = "--unimproved", converter = Durations.class,
            description = "Stop earlier when the best plan has not improved for this long.")
    Optional<Duration> unimproved;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "PLAN", description = "Write the plan JSON here (atomically).")
    Optional<Path> out;

    @Option(names = "--policy", paramLabel = "PRESET",
            description = "Use this policy preset instead of the scenario's: ${COMPLETION-CANDIDATES}.")
    Optional<PolicyPreset> policy;

    @Override
    public Integer call() {
        UserInputException.requireFile(scenarioFile, "scenario");
        out.ifPresent(file -> OutputFile.of(file).check(List.of(scenarioFile)));
        Scenario scenario = ScenarioJson.read(scenarioFile);
        if (policy.isPresent()) {
            scenario = scenario.withPolicy(policy.get().policy());
        }
        ProgressPrinter progress = new ProgressPrinter(root.spec.commandLine().getErr(), !root.quiet);
        SolveOptions options = SolveOptions.defaults().withTimeLimit(time).withRandomSeed(seed)
                .withProgressListener(progress);
        if (unimproved.isPresent()) {
            options = options.withUnimprovedTimeLimit(unimproved.get());
        }
        Plan plan = AllocationEngine.solve(scenario, options);
        progress.finish();
        if (out.isPresent()) {
            PlanJson.write(plan, out.get());
        }
        root.spec.commandLine().getOut().print(PlanSummary.of(plan));
        out.ifPresent(file -> root.spec.commandLine().getOut().println("Plan written to " + file));
        root.spec.commandLine().getOut().flush();
        return MatchingCli.OK;
    }
}
