package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.examples.cli.CliRun.Result;
import vn.childaid.matching.json.PlanJson;

/** The command line end to end through its entry point, on a tiny generated scenario. */
class MatchingCliTest {
    @TempDir
    Path dir;

    private static Result run(String... args) {
        return CliRun.inProcess(args);
    }

    private Path tinyScenario() {
        Path file = dir.resolve("tiny.json");
        Result generated = run("generate", "--size", "tiny", "--seed", "3", "--out", file.toString());
        assertEquals(0, generated.exitCode(), generated.err());
        return file;
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.sorted().toList();
        }
    }

    @Test
    void generateValidateSolveAndSummaryWorkTogether() throws IOException {
        Path scenario = tinyScenario();
        Result validated = run("validate", scenario.toString());
        assertEquals(0, validated.exitCode());
        assertTrue(validated.out().startsWith("valid:"), validated.out());

        Path plan = dir.resolve("plan.json");
        Result solved = run("--quiet", "solve", scenario.toString(), "--time", "3s", "--seed", "1", "--out", plan.toString());
        assertEquals(0, solved.exitCode(), solved.err());
        assertTrue(solved.out().contains("feasible"), solved.out());
        assertTrue(solved.out().contains("ED-critical"), solved.out());
        assertTrue(PlanJson.read(plan).feasible());

        Result summary = run("summary", plan.toString());
        assertEquals(0, summary.exitCode());
        assertTrue(summary.out().contains("Children reached, by priority tier"), summary.out());
        assertEquals(List.of(plan, scenario), files(), "only the scenario and the plan, no temporary files");
    }

    @Test
    void brokenScenarioExitsTwoWithEveryProblemAndWritesNothing() throws IOException {
        Path scenario = tinyScenario();
        String json = Files.readString(scenario)
                .replaceFirst("\"children\" : \\d+", "\"children\" : 0")
                .replaceFirst("\"donor\" : \"D-\\d+\"", "\"donor\" : \"D-404\"");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, json);
        Path plan = dir.resolve("plan.json");

        Result solved = run("solve", broken.toString(), "--out", plan.toString());

        assertEquals(2, solved.exitCode());
        assertTrue(solved.err().contains("$.needs[0].children: must be ≥ 1"), solved.err());
        assertTrue(solved.err().contains("unknown donor 'D-404'"), solved.err());
        assertFalse(solved.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(plan), "no plan written");
        assertEquals(2, run("validate", broken.toString()).exitCode());
    }

    @Test
    void solvingOverItsOwnScenarioIsRefusedBeforeSolvingAndLeavesItUntouched() throws IOException {
        Path scenario = tinyScenario();
        byte[] original = Files.readAllBytes(scenario);

        Result solved = run("solve", scenario.toString(), "--time", "2s", "--out", scenario.toString());

        assertEquals(2, solved.exitCode(), solved.err());
        assertEquals("error: cannot write " + scenario + ": would overwrite the input " + scenario,
                solved.err().strip());
        assertFalse(solved.err().contains("reached:"), "refused before solving, so no progress line");
        assertArrayEquals(original, Files.readAllBytes(scenario));
        assertEquals(List.of(scenario), files());
    }

    @Test
    void generatingIntoADirectoryExitsTwoNamingIt() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("scenarios"));

        Result generated = run("generate", "--size", "tiny", "--out", folder.toString());

        assertEquals(2, generated.exitCode(), generated.err());
        assertEquals("error: cannot write " + folder + ": is a directory", generated.err().strip());
        try (Stream<Path> listing = Files.list(folder)) {
            assertEquals(0, listing.count(), "nothing written into the directory");
        }
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        Path broken = dir.resolve("bad.json");
        Files.writeString(broken, "{\n  \"formatVersion\": 1,\n  \"name\": \n}");
        Result validated = run("validate", broken.toString());
        assertEquals(2, validated.exitCode());
        assertTrue(validated.out().contains("SCENARIO ") && validated.out().contains("bad.json:4:"), validated.out());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("solve").exitCode());
        assertEquals(2, run("solve", "missing.json").exitCode());
        Result badTime = run("solve", "x.json", "--time", "soon");
        assertEquals(2, badTime.exitCode());
        assertTrue(badTime.err().contains("not a duration"), badTime.err());
        assertEquals(2, run("generate", "--size", "huge", "--out", "x.json").exitCode());
        assertEquals(2, run("frobnicate").exitCode());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("solve", "validate", "generate", "summary", "import", "export")) {
            Result help = run(command, "--help");
            assertEquals(0, help.exitCode(), command);
            assertTrue(help.out().contains("Usage:"), command);
        }
    }
}
