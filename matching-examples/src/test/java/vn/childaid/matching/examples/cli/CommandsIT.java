package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.examples.cli.CliRun.Result;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.scenario.Scenario;

/**
 * Every command of the packaged {@code matching.jar}, run as users run it ({@code java -jar}, no JVM
 * options): the exit code, and that what it prints reaches standard output. A command that prints
 * with {@code print} rather than {@code println} once lost all its output when the JVM exited.
 */
class CommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path scenarioFile;
    private Path planFile;

    @BeforeEach
    void writeATinyScenarioAndTheGreedyPlan() {
        Scenario scenario = DakLakGenerator.generate(ScenarioSize.TINY, 3);
        scenarioFile = dir.resolve("scenario.json");
        ScenarioJson.write(scenario, scenarioFile);
        planFile = dir.resolve("plan.json");
        PlanJson.write(GreedyAllocator.plan(scenario), planFile);
    }

    @Test
    void generateWritesTheScenarioAndSaysSo() {
        Path generated = dir.resolve("generated.json");

        Result result = CliRun.inJar("generate", "--size", "tiny", "--seed", "5", "--out", generated.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("wrote " + generated + ": "), result.out());
        assertTrue(ScenarioJson.read(generated).needs().size() > 0);
    }

    @Test
    void generateMakesAContentionMemberAndPrintsWhatItMeasures() {
        Path generated = dir.resolve("member.json");

        Result result = CliRun.inJar("generate", "--contention", "small-phase2", "--seed", "5", "--out", generated.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("eligible offers per need"), result.out());
        assertEquals(ScenarioJson.toJson(vn.childaid.matching.examples.ContentionFamily.SMALL_PHASE2.scenario(5)),
                ScenarioJson.toJson(ScenarioJson.read(generated)));
    }

    @Test
    void exportAndImportCarryTheScenarioThroughCsvFiles() {
        Path csv = dir.resolve("csv");
        Path imported = dir.resolve("imported.json");

        Result exported = CliRun.inJar("export", scenarioFile.toString(), "--csv-dir", csv.toString());
        Result read = CliRun.inJar("import", "--csv-dir", csv.toString(), "--out", imported.toString());

        assertEquals(0, exported.exitCode(), exported.err());
        assertTrue(exported.out().startsWith("wrote " + csv + ": "), exported.out());
        assertEquals(0, read.exitCode(), read.err());
        assertTrue(read.out().startsWith("wrote " + imported + ": "), read.out());
        assertEquals(ScenarioJson.read(scenarioFile), ScenarioJson.read(imported));
    }

    @Test
    void validatePrintsThatTheScenarioAndThePlanHold() {
        Result result = CliRun.inJar("validate", scenarioFile.toString(), "--plan", planFile.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("valid: "), result.out());
        assertTrue(result.out().contains("plan holds: "), result.out());
    }

    @Test
    void solvePrintsTheSummaryAndWritesThePlan() {
        Path solved = dir.resolve("solved.json");

        Result result = CliRun.inJar("solve", scenarioFile.toString(), "--time", "30s", "--score-calculations", "5000",
                "--seed", "1", "--out", solved.toString()); // ends on the count: --time counts from the JVM's start

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("Children reached, by priority tier"), result.out());
        assertTrue(result.out().strip().endsWith("Plan written to " + solved), result.out());
        // Away from a terminal progress prints at most every few seconds: the start plan's line at least.
        assertTrue(result.err().contains("start plan:") || result.err().contains("reached:"),
                "progress goes to standard error: " + result.err());
        assertFalse(result.out().contains("start plan:") || result.out().contains("reached:"),
                "and not into the summary: " + result.out());
        assertTrue(PlanJson.read(solved).feasible());
    }

    @Test
    void summaryPrintsTheSummaryOfAPlan() {
        Result result = CliRun.inJar("summary", planFile.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("Plan for \""), result.out());
        assertTrue(result.out().contains("Children reached, by priority tier"), result.out());
        assertTrue(result.out().strip().endsWith("Violations: none"), result.out());
        assertFalse(result.err().contains("error") || result.err().contains("Exception"), result.err());
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"solve", "validate", "generate", "summary", "replan"})
    void everyCommandPrintsItsHelp(String command) {
        Result result = CliRun.inJar(command, "--help");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("Usage: matching " + command), result.out());
    }

    @Test
    void helpAndVersionPrintToStandardOutput() {
        Result help = CliRun.inJar("--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().startsWith("Usage: matching"), help.out());
        for (String command : List.of("solve", "validate", "generate", "summary")) {
            assertTrue(help.out().contains("  " + command + " "), command + " listed in\n" + help.out());
        }

        Result version = CliRun.inJar("--version");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().startsWith("matching "), version.out());
    }

    @Test
    void withoutACommandTheUsageIsPrintedAndTheExitCodeIsTwo() {
        Result result = CliRun.inJar();

        assertEquals(2, result.exitCode());
        assertTrue(result.out().startsWith("Usage: matching"), result.out());
    }

    @Test
    void namesAndMessagesArePrintedInUtf8WhateverTheLocale() throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(scenarioFile.toFile());
        json.put("name", "Kế hoạch Đắk Lắk");
        Path vietnamese = dir.resolve("vietnamese.json");
        JSON.writeValue(vietnamese.toFile(), json);

        Result result = CliRun.inJar(Map.of("LC_ALL", "C", "LANG", "C"), "validate", vietnamese.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("valid: Kế hoạch Đắk Lắk — "), result.out());
    }
}
