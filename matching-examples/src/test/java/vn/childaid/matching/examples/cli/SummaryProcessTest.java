package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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

/**
 * {@code summary PLAN} in a new JVM, as users meet it: a plan's summary reaches standard output; a
 * plan's violations are shown, a hundred at most; a broken plan file is a readable refusal naming
 * the JSON path, never a stack trace.
 */
class SummaryProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path planFile;

    @BeforeEach
    void writeTheGreedyPlanOfATinyScenario() {
        planFile = dir.resolve("plan.json");
        PlanJson.write(GreedyAllocator.plan(DakLakGenerator.generate(ScenarioSize.TINY, 3)), planFile);
    }

    @Test
    void aPlansSummaryReachesStandardOutput() {
        Result result = CliRun.inNewJvm("summary", planFile.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("Plan for \""), result.out());
        assertTrue(result.out().contains("Children reached, by priority tier"), result.out());
        assertTrue(result.out().strip().endsWith("Violations: none"), result.out());
    }

    @ParameterizedTest(name = "{0} violations")
    @ValueSource(ints = {1, 100, 101, 2_500})
    void violationsAreShownAHundredAtMostWithTheCountOfTheRest(int count) throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(planFile.toFile());
        plan.put("feasible", false);
        ArrayNode violations = plan.putArray("violations");
        for (int i = 1; i <= count; i++) {
            violations.add("violation number " + i);
        }
        Path broken = dir.resolve("infeasible.json");
        JSON.writeValue(broken.toFile(), plan);

        Result result = CliRun.inNewJvm("summary", broken.toString());

        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.outLines();
        int header = lines.indexOf(String.format(java.util.Locale.ROOT, "Violations: %,d", count));
        assertTrue(header >= 0, result.out());
        List<String> shown = lines.subList(header + 1, lines.size());
        int printed = Math.min(count, 100);
        for (int i = 1; i <= printed; i++) {
            assertEquals("  - violation number " + i, shown.get(i - 1));
        }
        if (count > 100) {
            assertEquals(List.of(String.format(java.util.Locale.ROOT, "  … and %,d more (the plan JSON lists them all)",
                    count - 100)), shown.subList(printed, shown.size()));
        } else {
            assertEquals(printed, shown.size(), "nothing after the violations: " + shown);
        }
    }

    @Test
    void aBrokenPlanIsRefusedWithItsJsonPathAndNoStackTrace() throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(planFile.toFile());
        plan.put("needs", "not a list");
        Path broken = dir.resolve("broken.json");
        JSON.writeValue(broken.toFile(), plan);

        Result result = CliRun.inNewJvm("summary", broken.toString());

        assertEquals(2, result.exitCode(), result.err());
        assertEquals("", result.out(), "nothing summarised");
        assertTrue(result.errLines().stream().anyMatch(line -> line.startsWith("invalid plan: ") && line.contains("$.needs")),
                result.err());
        assertTrue(result.errLines().get(result.errLines().size() - 1).startsWith(broken + " is not a plan"), result.err());
        assertFalse(result.err().contains("\tat ") || result.err().contains("Exception") || result.err().contains("java."),
                "no stack trace or Java names: " + result.err());
        assertFalse(result.err().contains("solved"), "summary solves nothing, so does not talk of solving: " + result.err());
    }
}
