package vn.childaid.matching.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.childaid.matching.files.OutputFile;
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
    @ParentCommand
    MatchingCli root;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario JSON file (v1 contract).")
    Path scenarioFile;

    @Mixin
    SolveLimits limits;

    @Option(names = "--out", paramLabel = "PLAN", description = "Write the plan JSON here (atomically).")
    Optional<Path> out;

    @Option(names = "--policy", paramLabel = "PRESET",
            description = "Use this policy preset instead of the scenario's: ${COMPLETION-CANDIDATES}.")
    Optional<PolicyPreset> policy;

    @Override
    public Integer call() {
        long commandStart = System.nanoTime();
        limits.check();
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
            Plan plan = Solving.solve(scenario, limits.options(commandStart, progress), interruptions);
            progress.finish();
            return Solving.report(plan, planFile, out, interruptions, stdout);
        }
    }
}
