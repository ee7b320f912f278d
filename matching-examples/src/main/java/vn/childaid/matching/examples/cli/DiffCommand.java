package vn.childaid.matching.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.childaid.matching.files.OutputFile;
import vn.childaid.matching.json.PlanDiffJson;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAudit;
import vn.childaid.matching.report.Words;
import vn.childaid.matching.rules.Rule;
import vn.childaid.matching.rules.RuleViolation;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.whatif.PlanDiff;

/**
 * Compares two plans: what each tier, need, offer and line gained or lost. Exit 0 whether or not
 * they differ: a difference is the answer asked for, not a failure.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two plans: children reached per tier, lines kept/added/removed/changed, "
                + "the needs and offers that changed most; optionally the whole difference as JSON.")
final class DiffCommand implements Callable<Integer> {
    /** Past this many, a plan's mismatches with its scenario are counted, not printed. */
    private static final int MOST_MISMATCHES_PRINTED = 5;

    @ParentCommand
    MatchingCli root;

    @Parameters(index = "0", paramLabel = "PLAN_A", description = "The plan before (plan JSON).")
    Path planFileA;

    @Parameters(index = "1", paramLabel = "PLAN_B", description = "The plan after (plan JSON).")
    Path planFileB;

    @Option(names = "--scenario", required = true, paramLabel = "SCENARIO_A",
            description = "The scenario PLAN_A was made for.")
    Path scenarioFileA;

    @Option(names = "--scenario-b", paramLabel = "SCENARIO_B",
            description = "The scenario PLAN_B was made for (default: SCENARIO_A).")
    Optional<Path> scenarioFileB;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the whole difference as JSON here (atomically).")
    Optional<Path> json;

    @Override
    public Integer call() {
        UserInputException.requireFile(planFileA, "plan");
        UserInputException.requireFile(planFileB, "plan");
        UserInputException.requireFile(scenarioFileA, "scenario");
        scenarioFileB.ifPresent(file -> UserInputException.requireFile(file, "scenario"));
        List<Path> inputs = new ArrayList<>(List.of(planFileA, planFileB, scenarioFileA));
        scenarioFileB.ifPresent(inputs::add);
        Optional<OutputFile> jsonFile = json.map(file -> OutputFile.of(file).check(inputs));

        Scenario scenarioA = ScenarioJson.read(scenarioFileA);
        Scenario scenarioB = scenarioFileB.isPresent() ? ScenarioJson.read(scenarioFileB.get()) : scenarioA;
        Plan planA = PlanJson.read(planFileA);
        Plan planB = PlanJson.read(planFileB);
        requirePlanOf(planA, planFileA, scenarioA, scenarioFileA);
        requirePlanOf(planB, planFileB, scenarioB, scenarioFileB.orElse(scenarioFileA));

        PlanDiff diff = PlanDiff.between(scenarioA, planA, scenarioB, planB);
        jsonFile.ifPresent(file -> file.writeString(PlanDiffJson.toJson(diff)));
        Words words = Words.english();
        var out = root.spec.commandLine().getOut();
        out.print(DiffTable.of(diff, planFileA.toString(), planFileB.toString(), words));
        json.ifPresent(file -> out.println(words.get("diff.written", file)));
        return MatchingCli.OK;
    }

    /**
     * Refuses a plan whose lines name what its scenario lacks, or whose figures are not what its lines
     * make there: the diff reads the plans' figures, and those would be another scenario's. Broken
     * hard rules are no reason to refuse: an infeasible plan can still be compared.
     */
    private static void requirePlanOf(Plan plan, Path planFile, Scenario scenario, Path scenarioFile) {
        List<RuleViolation> mismatches = PlanAudit.audit(scenario, plan).stream()
                .filter(problem -> problem.rule() == Rule.REFERENCE || problem.rule() == Rule.REPORTED_NUMBERS)
                .toList();
        if (mismatches.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(planFile + " is not a plan of the scenario " + scenarioFile + ":");
        mismatches.stream().limit(MOST_MISMATCHES_PRINTED).forEach(problem -> message.append("\n  ").append(problem.message()));
        if (mismatches.size() > MOST_MISMATCHES_PRINTED) {
            message.append(String.format(java.util.Locale.ROOT, "%n  … and %,d more (validate %s --plan %s lists them all)",
                    mismatches.size() - MOST_MISMATCHES_PRINTED, scenarioFile, planFile));
        }
        throw new UserInputException(message.toString());
    }
}
