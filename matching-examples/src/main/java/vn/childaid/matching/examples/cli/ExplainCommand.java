package vn.childaid.matching.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.childaid.matching.explain.Explainer;
import vn.childaid.matching.explain.Explanation;
import vn.childaid.matching.explain.ExplanationText;
import vn.childaid.matching.files.OutputFile;
import vn.childaid.matching.json.ExplanationJson;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.report.Words;
import vn.childaid.matching.scenario.Scenario;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain a plan: why each need got what it got, and where each offer went.",
                "Without --need or --offer: every need not fully funded (in tier order, after a count of each",
                "reason) and every offer. A plan that fails the audit is explained with a WARNING first line;",
                "a plan of another scenario is refused (exit 2)."})
final class ExplainCommand implements Callable<Integer> {
    @ParentCommand
    MatchingCli root;

    @Parameters(index = "0", paramLabel = "PLAN", description = "Plan JSON file written by 'solve --out'.")
    Path planFile;

    @Option(names = "--scenario", required = true, paramLabel = "SCENARIO", description = "The scenario the plan was made for.")
    Path scenarioFile;

    @ArgGroup(exclusive = true)
    Target target;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the explanation as JSON (see the contract).")
    Optional<Path> jsonFile;

    /** One need or one offer, not both. */
    static final class Target {
        @Option(names = "--need", paramLabel = "ID", description = "Explain this need only (funded or not).")
        Optional<String> need;

        @Option(names = "--offer", paramLabel = "ID", description = "Explain this offer only.")
        Optional<String> offer;
    }

    @Override
    public Integer call() {
        UserInputException.requireFile(planFile, "plan");
        UserInputException.requireFile(scenarioFile, "scenario");
        Optional<OutputFile> report = jsonFile.map(file -> OutputFile.of(file).check(List.of(planFile, scenarioFile)));
        Scenario scenario = ScenarioJson.read(scenarioFile); // an invalid one: exit 2 through the handler
        Plan plan = PlanJson.read(planFile);
        Optional<String> need = target == null ? Optional.empty() : target.need;
        Optional<String> offer = target == null ? Optional.empty() : target.offer;
        need.filter(id -> scenario.findNeed(id).isEmpty()).ifPresent(id -> {
            throw new UserInputException("--need " + id + ": the scenario " + scenarioFile + " has no such need");
        });
        offer.filter(id -> scenario.findOffer(id).isEmpty()).ifPresent(id -> {
            throw new UserInputException("--offer " + id + ": the scenario " + scenarioFile + " has no such offer");
        });

        Explainer explainer = Explainer.of(scenario, plan, Words.english());
        Explanation explanation = need.map(explainer::need).or(() -> offer.map(explainer::offer))
                .orElseGet(explainer::all);
        if (explanation.belongsToAnotherScenario()) {
            // Reasons judged against the wrong scenario would mislead: refuse, write nothing.
            throw new UserInputException(planFile + " is not a plan of " + scenarioFile + ": "
                    + String.join("; ", explanation.foreign()) + "; nothing was explained or written");
        }
        report.ifPresent(file -> file.writeString(ExplanationJson.toJson(explanation)));
        PrintWriter out = root.spec.commandLine().getOut();
        out.print(ExplanationText.of(Words.english()).render(explanation, need.isEmpty() && offer.isEmpty()));
        // No flush here: MatchingCli.main flushes every command's output before the JVM exits.
        return MatchingCli.OK;
    }
}
