package vn.childaid.matching.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.childaid.matching.dedupe.Duplicates;
import vn.childaid.matching.files.OutputFile;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAudit;
import vn.childaid.matching.rules.RuleViolation;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Problem;
import vn.childaid.matching.scenario.Scenario;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a scenario against the v1 contract and, with --plan, audit a plan against it.",
                "Every problem is printed on its own line: 'SCENARIO path=PATH: message' for the scenario,",
                "'RULE offer=ID need=ID: message' for the plan. Exit 0 when all holds, 2 when not."})
final class ValidateCommand implements Callable<Integer> {
    /** More lines than this are counted, not printed: --json lists them all. */
    static final int MOST_LINES_PRINTED = 100;
    /** Likely duplicates warned about one per line; the rest are counted. */
    static final int MOST_DUPLICATE_WARNINGS = 20;

    @ParentCommand
    MatchingCli root;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario JSON file.")
    Path scenarioFile;

    @Option(names = "--plan", paramLabel = "PLAN", description = "A plan JSON file to audit against the scenario.")
    Optional<Path> planFile;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write every problem as JSON ({\"problems\": [...]}), whether or not there are any.")
    Optional<Path> jsonFile;

    @Override
    public Integer call() {
        UserInputException.requireFile(scenarioFile, "scenario");
        planFile.ifPresent(file -> UserInputException.requireFile(file, "plan"));
        List<Path> inputs = new ArrayList<>(List.of(scenarioFile));
        planFile.ifPresent(inputs::add);
        Optional<OutputFile> report = jsonFile.map(file -> OutputFile.of(file).check(inputs));
        List<Problem> scenarioProblems = new ArrayList<>();
        Scenario scenario = null;
        try {
            scenario = ScenarioJson.read(scenarioFile);
        } catch (InvalidScenarioException invalid) {
            scenarioProblems.addAll(invalid.problems());
        }
        Plan plan = planFile.map(PlanJson::read).orElse(null); // unreadable plan: exit 2 through the handler
        List<RuleViolation> violations = scenario != null && plan != null ? PlanAudit.audit(scenario, plan) : List.of();
        report.ifPresent(file -> file.writeString(PlanJson.problemsToJson(scenarioProblems, violations)));

        PrintWriter out = root.spec.commandLine().getOut();
        List<String> lines = new ArrayList<>();
        scenarioProblems.forEach(problem -> lines.add("SCENARIO path=" + problem.path() + ": " + problem.message()));
        violations.forEach(violation -> lines.add(violation.toLine()));
        lines.stream().limit(MOST_LINES_PRINTED).forEach(out::println);
        if (lines.size() > MOST_LINES_PRINTED) {
            out.printf("… and %,d more problems%s%n", lines.size() - MOST_LINES_PRINTED,
                    jsonFile.isPresent() ? " (all of them are in " + jsonFile.get() + ")" : " (--json FILE lists them all)");
        }
        if (!lines.isEmpty()) {
            root.spec.commandLine().getErr().printf("%,d %s%s.%n", lines.size(),
                    lines.size() == 1 ? "problem" : "problems",
                    scenario == null ? " in the scenario" : " in the plan");
            return MatchingCli.BAD_INPUT;
        }
        warnAboutLikelyDuplicates(scenario);
        out.printf("valid: %s — %,d needs, %,d offers from %,d donors, %,d commitments%n",
                scenario.name(), scenario.needs().size(), scenario.offers().size(), scenario.donors().size(),
                scenario.commitments().size());
        if (plan != null) {
            out.printf("plan holds: %,d allocation lines keep every hard rule, and every figure it reports agrees%n",
                    plan.allocations().size());
        }
        out.flush();
        return MatchingCli.OK;
    }

    /** Likely duplicates do not make a scenario invalid: warned about on standard error, exit unchanged. */
    private void warnAboutLikelyDuplicates(Scenario scenario) {
        List<String> warnings = Duplicates.find(scenario).all().filter(group -> group.atLeast(Duplicates.LIKELY))
                .map(group -> String.format(Locale.ROOT, "warning: likely duplicates %s (confidence %.2f)",
                        String.join(", ", group.ids()), group.confidence()))
                .toList();
        PrintWriter err = root.spec.commandLine().getErr();
        warnings.stream().limit(MOST_DUPLICATE_WARNINGS).forEach(err::println);
        if (!warnings.isEmpty()) {
            err.printf(Locale.ROOT, "%,d groups of likely duplicates; 'dedupe SCENARIO --report FILE' lists them with reasons%n",
                    warnings.size());
        }
        err.flush();
    }
}
