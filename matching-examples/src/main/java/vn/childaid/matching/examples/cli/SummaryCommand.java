package vn.childaid.matching.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.childaid.matching.json.PlanJson;

@Command(name = "summary", mixinStandardHelpOptions = true, description = "Print the summary of a plan JSON file.")
final class SummaryCommand implements Callable<Integer> {
    @ParentCommand
    MatchingCli root;

    @Parameters(index = "0", paramLabel = "PLAN", description = "Plan JSON file written by 'solve --out'.")
    Path planFile;

    @Override
    public Integer call() {
        UserInputException.requireFile(planFile, "plan");
        root.spec.commandLine().getOut().print(PlanSummary.of(PlanJson.read(planFile)));
        return MatchingCli.OK;
    }
}
