package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.examples.cli.CliRun.Result;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.scenario.Scenario;

/**
 * {@code export SCENARIO --csv-dir DIR} and {@code import --csv-dir DIR --out SCENARIO} as users meet
 * them: the real main class in a new JVM, its exit code, what it prints and the files it leaves.
 */
class CsvProcessTest {
    /** needs.csv's columns, as the contract orders them. */
    private static final int QUANTITY = 6;
    private static final int UNIT_COST = 7;

    @TempDir
    Path dir;

    private Scenario scenario;
    private Path scenarioFile;

    @BeforeEach
    void writeATinyScenario() {
        scenario = DakLakGenerator.generate(ScenarioSize.TINY, 3);
        scenarioFile = dir.resolve("scenario.json");
        ScenarioJson.write(scenario, scenarioFile);
    }

    private static Set<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    /** Sets one cell of needs.csv (no generated need has a comma or a quote in any cell). */
    private static void setNeedCell(Path csv, int line, int column, String value) throws IOException {
        Path needs = csv.resolve("needs.csv");
        List<String> lines = new ArrayList<>(List.of(Files.readString(needs, StandardCharsets.UTF_8).split("\r\n", -1)));
        String[] cells = lines.get(line - 1).split(",", -1);
        cells[column] = value;
        lines.set(line - 1, String.join(",", cells));
        Files.writeString(needs, String.join("\r\n", lines), StandardCharsets.UTF_8);
    }

    @Test
    void exportThenImportGivesTheScenarioBackAndAnEditedOneValidates() throws IOException {
        Path csv = dir.resolve("csv");
        Path imported = dir.resolve("imported.json");

        Result exported = CliRun.inNewJvm("export", scenarioFile.toString(), "--csv-dir", csv.toString());
        Result read = CliRun.inNewJvm("import", "--csv-dir", csv.toString(), "--out", imported.toString());

        assertEquals(0, exported.exitCode(), exported.err());
        assertTrue(exported.out().startsWith("wrote " + csv + ": "), exported.out());
        assertTrue(namesIn(csv).containsAll(Set.of("scenario.csv", "needs.csv", "offers.csv", "policy.json")), namesIn(csv).toString());
        assertEquals(0, read.exitCode(), read.err());
        assertTrue(read.out().startsWith("wrote " + imported + ": "), read.out());
        assertEquals(scenario, ScenarioJson.read(imported));

        setNeedCell(csv, 3, QUANTITY, "7");
        Path edited = dir.resolve("edited.json");
        assertEquals(0, CliRun.inNewJvm("import", "--csv-dir", csv.toString(), "--out", edited.toString()).exitCode());
        assertEquals(7, ScenarioJson.read(edited).needs().get(1).quantity(), "line 3 holds the second need");
        Result validated = CliRun.inNewJvm("validate", edited.toString());
        assertEquals(0, validated.exitCode(), validated.out() + validated.err());
    }

    @Test
    void badCellsExitTwoNamingFileLineAndColumnAndNothingIsWritten() throws IOException {
        Path csv = dir.resolve("csv");
        assertEquals(0, CliRun.inNewJvm("export", scenarioFile.toString(), "--csv-dir", csv.toString()).exitCode());
        setNeedCell(csv, 3, QUANTITY, "abc");
        setNeedCell(csv, 5, UNIT_COST, "\"1.800.000\"");
        Path out = dir.resolve("imported.json");

        Result result = CliRun.inNewJvm("import", "--csv-dir", csv.toString(), "--out", out.toString());

        assertEquals(2, result.exitCode(), result.err());
        assertEquals(List.of(
                "invalid: needs.csv:3: quantity: \"abc\" is not a whole number (plain digits, e.g. 1800000)",
                "invalid: needs.csv:5: unitCost: \"1.800.000\" has thousands separators, which are not allowed: "
                        + "write plain digits (1800000)",
                "2 problems; nothing was solved or written."), result.errLines());
        assertFalse(Files.exists(out), "no scenario written");
    }

    @Test
    void exportIntoAFolderHoldingAnythingIsRefusedBeforeTheScenarioIsRead() throws IOException {
        Path csv = Files.createDirectory(dir.resolve("csv"));
        Files.writeString(csv.resolve("notes.txt"), "mine");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{");

        Result result = CliRun.inNewJvm("export", broken.toString(), "--csv-dir", csv.toString());

        assertEquals(2, result.exitCode());
        assertEquals(List.of("error: cannot write " + csv + ": is not empty (only a new or empty folder is written, so "
                + "that no file in it is replaced)"), result.errLines(), "the folder is checked first: the broken scenario is not reached");
        assertEquals(Set.of("notes.txt"), namesIn(csv));
    }

    @Test
    void importOverOneOfItsOwnFilesOrFromNoFolderIsRefused() throws IOException {
        Path csv = dir.resolve("csv");
        assertEquals(0, CliRun.inNewJvm("export", scenarioFile.toString(), "--csv-dir", csv.toString()).exitCode());
        String needs = Files.readString(csv.resolve("needs.csv"));

        Result overInput = CliRun.inNewJvm("import", "--csv-dir", csv.toString(), "--out", csv.resolve("needs.csv").toString());
        Result noFolder = CliRun.inNewJvm("import", "--csv-dir", dir.resolve("nowhere").toString(), "--out",
                dir.resolve("out.json").toString());

        assertEquals(2, overInput.exitCode());
        assertTrue(overInput.err().contains("would overwrite the input"), overInput.err());
        assertEquals(needs, Files.readString(csv.resolve("needs.csv")));
        assertEquals(2, noFolder.exitCode());
        assertEquals(List.of("error: no CSV folder at " + dir.resolve("nowhere")), noFolder.errLines());
    }
}
