package vn.childaid.matching.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.childaid.matching.csv.ScenarioCsv;
import vn.childaid.matching.files.OutputFile;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.scenario.Scenario;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Read a scenario from a folder of CSV files (as a spreadsheet saves them), check it, "
                + "and write it as scenario JSON. Every problem is named by file, line and column; then nothing is written.")
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    MatchingCli root;

    @Option(names = "--csv-dir", required = true, paramLabel = "DIR",
            description = "The folder of CSV files: scenario.csv, communes.csv, villages.csv, donors.csv, offers.csv, "
                    + "needs.csv, and optionally districts.csv, commitments.csv, preferences.csv, policy.json, entitlements.json, extensions.json.")
    Path csvFolder;

    @Option(names = "--out", required = true, paramLabel = "SCENARIO", description = "Where to write the scenario JSON (atomically).")
    Path out;

    @Override
    public Integer call() {
        if (!Files.isDirectory(csvFolder)) {
            throw new UserInputException("no CSV folder at " + csvFolder);
        }
        OutputFile.of(out).check(filesIn(csvFolder));
        Scenario scenario = ScenarioCsv.read(csvFolder);
        ScenarioJson.write(scenario, out);
        root.spec.commandLine().getOut().printf("wrote %s: %,d needs, %,d offers, %,d villages, read from %s%n", out,
                scenario.needs().size(), scenario.offers().size(), scenario.villages().size(), csvFolder);
        return MatchingCli.OK;
    }

    /** Every file of the folder is an input: --out must replace none of them. */
    private static List<Path> filesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        } catch (IOException e) {
            throw new UserInputException("cannot read the folder " + folder + ": " + e.getMessage());
        }
    }
}
