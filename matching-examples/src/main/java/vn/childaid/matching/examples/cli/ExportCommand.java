package vn.childaid.matching.examples.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.childaid.matching.csv.ScenarioCsv;
import vn.childaid.matching.files.OutputFolder;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.scenario.Scenario;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a scenario as a folder of CSV files to edit in a spreadsheet; 'import' reads them back.")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    MatchingCli root;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario JSON file (v1 contract).")
    Path scenarioFile;

    @Option(names = "--csv-dir", required = true, paramLabel = "DIR",
            description = "A new or empty folder to write the CSV files into; a folder holding anything is refused.")
    Path csvFolder;

    @Override
    public Integer call() {
        UserInputException.requireFile(scenarioFile, "scenario");
        OutputFolder.of(csvFolder).check(List.of(scenarioFile));
        Scenario scenario = ScenarioJson.read(scenarioFile);
        ScenarioCsv.write(scenario, csvFolder);
        root.spec.commandLine().getOut().printf("wrote %s: %,d needs, %,d offers, %,d villages, as CSV files%n", csvFolder,
                scenario.needs().size(), scenario.offers().size(), scenario.villages().size());
        return MatchingCli.OK;
    }
}
