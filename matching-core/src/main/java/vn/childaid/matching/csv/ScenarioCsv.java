package vn.childaid.matching.csv;

import java.nio.file.Path;
import java.util.Map;
import vn.childaid.matching.files.OutputFileException;
import vn.childaid.matching.files.OutputFolder;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Scenario;

/**
 * A scenario as a folder of CSV files that a spreadsheet opens and saves: {@code scenario.csv},
 * {@code districts.csv}, {@code communes.csv}, {@code villages.csv}, {@code donors.csv},
 * {@code offers.csv}, {@code preferences.csv}, {@code needs.csv}, {@code commitments.csv}, with
 * {@code policy.json} and {@code extensions.json} beside them (the contract's "CSV files" section
 * describes them). What {@link #write} writes, {@link #read} reads back as an equal scenario.
 */
public final class ScenarioCsv {
    private ScenarioCsv() {}

    /**
     * Reads and validates the scenario in {@code folder}.
     *
     * @throws InvalidScenarioException listing every problem, each where it can be fixed: a cell as
     *     {@code needs.csv:18: quantity}, a row as {@code needs.csv:18}, a file by its name, and the
     *     JSON files by file and path ({@code policy.json: $.tiers[0].name})
     */
    public static Scenario read(Path folder) {
        return new CsvScenarioReader(folder).read();
    }

    /**
     * Writes the scenario's files into {@code folder}, which must not exist yet or be empty (see
     * {@link OutputFolder}); nothing is written when anything fails.
     *
     * @throws InvalidScenarioException when a value cannot be written so that it reads back the same
     *     (an area code holding ';' in an offer's {@code areas}), with its JSON path
     * @throws OutputFileException when the folder cannot or must not be written
     */
    public static void write(Scenario scenario, Path folder) {
        OutputFolder output = OutputFolder.of(folder);
        Map<String, String> files = new CsvScenarioWriter(scenario).files();
        output.write(files);
    }
}
