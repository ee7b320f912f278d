package vn.childaid.matching.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Problem;

@Command(name = "summary", mixinStandardHelpOptions = true, description = "Print the summary of a plan JSON file.")
final class SummaryCommand implements Callable<Integer> {
    @ParentCommand
    MatchingCli root;

    @Parameters(index = "0", paramLabel = "PLAN", description = "Plan JSON file written by 'solve --out'.")
    Path planFile;

    @Override
    public Integer call() {
        UserInputException.requireFile(planFile, "plan");
        Plan plan;
        try {
            plan = PlanJson.read(planFile);
        } catch (InvalidScenarioException unreadable) {
            // Said here rather than by the shared handler, whose words are about scenarios and solving.
            printProblems(unreadable.problems(), root.spec.commandLine().getErr());
            return MatchingCli.BAD_INPUT;
        }
        // No flush here: MatchingCli.main flushes every command's output before the JVM exits.
        root.spec.commandLine().getOut().print(PlanSummary.of(plan));
        return MatchingCli.OK;
    }

    private void printProblems(List<Problem> problems, PrintWriter err) {
        problems.stream().limit(ValidateCommand.MOST_LINES_PRINTED).forEach(problem -> err.println("invalid plan: " + problem));
        if (problems.size() > ValidateCommand.MOST_LINES_PRINTED) {
            err.printf("… and %,d more problems%n", problems.size() - ValidateCommand.MOST_LINES_PRINTED);
        }
        err.printf("%s is not a plan this version can read (%,d %s); nothing to summarise.%n", planFile, problems.size(),
                problems.size() == 1 ? "problem" : "problems");
    }
}
