package vn.childaid.matching.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.childaid.matching.files.OutputFile;
import vn.childaid.matching.json.ChangeSetJson;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.whatif.ChangeSet;
import vn.childaid.matching.whatif.ChangeSummary;

/**
 * Applies a change set to a scenario without solving and writes the changed scenario. Every problem
 * of the change set, or of the scenario it would leave, is printed at once (exit 2) and nothing is
 * written.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply a change set (withdraw or scale offers, add or remove needs and donors, replace the "
                + "policy, commit delivered lines) to a scenario, without solving; write the changed scenario.",
                "Prints what changed. Exit 2 with every problem, and nothing written, when a change cannot be applied."})
final class ApplyCommand implements Callable<Integer> {
    @ParentCommand
    MatchingCli root;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario JSON file (v1 contract).")
    Path scenarioFile;

    @Option(names = "--changes", required = true, paramLabel = "CHANGES", description = "Change set JSON file.")
    Path changesFile;

    @Option(names = "--out", required = true, paramLabel = "CHANGED", description = "Write the changed scenario here.")
    Path out;

    @Option(names = "--plan", paramLabel = "PLAN",
            description = "The previous plan, whose lines 'commitLines' by offers commits (and explicit lines must be part of).")
    Optional<Path> planFile;

    @Override
    public Integer call() {
        UserInputException.requireFile(scenarioFile, "scenario");
        UserInputException.requireFile(changesFile, "change set");
        planFile.ifPresent(file -> UserInputException.requireFile(file, "plan"));
        List<Path> inputs = new ArrayList<>(List.of(scenarioFile, changesFile));
        planFile.ifPresent(inputs::add);
        OutputFile changedFile = OutputFile.of(out).check(inputs);

        Scenario scenario = ScenarioJson.read(scenarioFile);
        ChangeSet changeSet = ChangeSetJson.read(changesFile);
        Optional<Plan> plan = planFile.map(PlanJson::read);
        Scenario changed = changeSet.applyTo(scenario, plan);
        changedFile.writeString(ScenarioJson.toJson(changed));

        PrintWriter stdout = root.spec.commandLine().getOut();
        stdout.print(summary(changeSet, scenario, ChangeSummary.of(changeSet, scenario, changed)));
        stdout.println("Changed scenario written to " + out);
        return MatchingCli.OK;
    }

    /** One screen: the changes asked for, then what they did to offers, money, needs, donors, commitments and policy. */
    static String summary(ChangeSet changeSet, Scenario before, ChangeSummary s) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Applied '%s' to '%s': %,d %s%n", changeSet.name(), before.name(),
                changeSet.changes().size(), changeSet.changes().size() == 1 ? "change" : "changes"));
        if (!s.changesPerOp().isEmpty()) {
            text.append("  ").append(s.changesPerOp().entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "))).append(System.lineSeparator());
        }
        text.append(line("Offers", s.offers()));
        text.append(String.format(Locale.ROOT, "  money offered: +%,d VND added, -%,d VND removed (net %+,d; now %,d VND)%n",
                s.moneyAdded(), s.moneyRemoved(), s.moneyAdded() - s.moneyRemoved(), s.offeredAfter()));
        text.append(line("Needs", s.needs()));
        if (s.childrenAdded() > 0 || s.childrenRemoved() > 0) {
            text.append(String.format(Locale.ROOT, "  children in needs: +%,d added, -%,d removed%n", s.childrenAdded(),
                    s.childrenRemoved()));
        }
        text.append(line("Donors", s.donors()));
        text.append(String.format(Locale.ROOT, "Commitments  +%,d units committed (now %,d %s)%n",
                s.unitsCommitted(), s.commitmentsAfter(), s.commitmentsAfter() == 1 ? "commitment" : "commitments"));
        text.append("Policy       ").append(s.policyChanged() ? "replaced" : "unchanged").append(System.lineSeparator());
        return text.toString();
    }

    private static String line(String what, ChangeSummary.Count count) {
        return String.format(Locale.ROOT, "%-12s +%,d added, -%,d removed, %,d changed (now %,d)%n", what, count.added(),
                count.removed(), count.changed(), count.after());
    }
}
