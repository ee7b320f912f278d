package vn.childaid.matching.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.scenario.Scenario;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scenario against the v1 contract: every problem on its own line with its JSON path.")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    MatchingCli root;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario JSON file.")
    Path scenarioFile;

    @Override
    public Integer call() {
        UserInputException.requireFile(scenarioFile, "scenario");
        Scenario scenario = ScenarioJson.read(scenarioFile);
        root.spec.commandLine().getOut().printf("valid: %s — %,d needs, %,d offers from %,d donors, %,d commitments%n",
                scenario.name(), scenario.needs().size(), scenario.offers().size(), scenario.donors().size(),
                scenario.commitments().size());
        return MatchingCli.OK;
    }
}
