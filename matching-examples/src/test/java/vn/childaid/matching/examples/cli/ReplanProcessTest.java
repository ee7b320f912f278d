package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.examples.cli.CliRun.Result;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Scenario;

/** {@code replan} as users meet it, in process: with and without a change set, each stability, bad input. */
class ReplanProcessTest {
    @TempDir
    static Path shared;
    private static Path scenarioFile;
    private static Path planFile;
    private static Plan previous;
    /** The offer the previous plan draws on most: withdrawing it frees the most. */
    private static String busiestOffer;

    @TempDir
    Path dir;

    @BeforeAll
    static void solveTheSmallExample() {
        scenarioFile = shared.resolve("small.json");
        Result generated = CliRun.inProcess("generate", "--size", "small", "--seed", "2", "--out", scenarioFile.toString());
        assertEquals(0, generated.exitCode(), generated.err());
        planFile = shared.resolve("plan.json");
        Result solved = CliRun.inProcess("solve", scenarioFile.toString(), "--score-calculations", "20000",
                "--out", planFile.toString());
        assertEquals(0, solved.exitCode(), solved.err());
        previous = PlanJson.read(planFile);
        busiestOffer = previous.offers().stream().filter(use -> use.used() > 0)
                .max(java.util.Comparator.comparingLong(use -> use.used())).orElseThrow().id();
    }

    private static List<Allocation> uncommitted(Plan plan) {
        return plan.allocations().stream().filter(line -> !line.committed()).toList();
    }

    private Path changeSet(String json) throws IOException {
        Path file = dir.resolve("changes.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void keepWithoutChangesKeepsEveryLineAndSaysSo() {
        Path out = dir.resolve("new.json");

        Result result = CliRun.inProcess("replan", scenarioFile.toString(), "--plan", planFile.toString(),
                "--stability", "keep", "--score-calculations", "5000", "--out", out.toString());

        assertEquals(0, result.exitCode(), result.err());
        int lines = uncommitted(previous).size();
        assertTrue(result.out().contains(String.format(java.util.Locale.ROOT,
                "Re-plan (keep): %,d of the previous plan's %,d lines untouched by the change: %,d kept, 0 moved, 0 dropped (100.0%% kept)",
                lines, lines, lines)), result.out());
        assertTrue(new HashSet<>(uncommitted(PlanJson.read(out))).containsAll(uncommitted(previous)));
    }

    @Test
    void aWithdrawnOfferIsReplannedAndTheChangedScenarioWritten() throws IOException {
        Path changes = changeSet("{\"formatVersion\": 1, \"name\": \"withdrawal\", \"changes\": ["
                + "{\"op\": \"removeOffer\", \"offer\": \"" + busiestOffer + "\"}]}");
        Path out = dir.resolve("new.json");
        Path changedFile = dir.resolve("changed.json");

        Result result = CliRun.inProcess("replan", scenarioFile.toString(), "--plan", planFile.toString(),
                "--changes", changes.toString(), "--score-calculations", "5000", "--scenario-out", changedFile.toString(),
                "--out", out.toString());

        assertEquals(0, result.exitCode(), result.err());
        Scenario changed = ScenarioJson.read(changedFile);
        assertTrue(changed.findOffer(busiestOffer).isEmpty());
        Plan plan = PlanJson.read(out);
        assertTrue(plan.feasible(), () -> String.join("; ", plan.violations()));
        assertTrue(plan.allocations().stream().noneMatch(line -> line.offer().equals(busiestOffer)));
        assertTrue(result.out().contains("Re-plan (balanced): "), result.out());
        assertTrue(result.out().contains("Changed scenario written to " + changedFile), result.out());
    }

    @Test
    void anInvalidChangeSetIsNamedAtItsPathAndNothingIsWritten() throws IOException {
        Path changes = changeSet("{\"formatVersion\": 1, \"name\": \"typo\", \"changes\": ["
                + "{\"op\": \"removeOffer\", \"offer\": \"NO-SUCH-OFFER\"}]}");
        Path out = dir.resolve("new.json");

        Result result = CliRun.inProcess("replan", scenarioFile.toString(), "--plan", planFile.toString(),
                "--changes", changes.toString(), "--out", out.toString());

        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("$.changes[0].offer"), result.err());
        assertTrue(result.err().contains("nothing was solved or written"), result.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnknownStabilityIsAUsageError() {
        Result result = CliRun.inProcess("replan", scenarioFile.toString(), "--plan", planFile.toString(),
                "--stability", "rigid", "--out", dir.resolve("new.json").toString());

        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("expected keep, balanced or free, was 'rigid'"), result.err());
    }

    @Test
    void aMissingPlanIsNamed() {
        Result result = CliRun.inProcess("replan", scenarioFile.toString(), "--plan", dir.resolve("none.json").toString(),
                "--out", dir.resolve("new.json").toString());

        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("no plan file at"), result.err());
    }
}
