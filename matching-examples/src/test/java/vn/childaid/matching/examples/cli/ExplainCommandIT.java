package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.examples.cli.CliRun.Result;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.scenario.Scenario;

/** {@code explain} through the packaged jar, as users run it: text on standard output, JSON in the file. */
class ExplainCommandIT {
    @TempDir
    Path dir;

    @Test
    void explainPrintsTheReasonsAndWritesTheJson() throws IOException {
        Scenario scenario = DakLakGenerator.generate(ScenarioSize.TINY, 3);
        Path scenarioFile = dir.resolve("scenario.json");
        ScenarioJson.write(scenario, scenarioFile);
        Path planFile = dir.resolve("plan.json");
        PlanJson.write(GreedyAllocator.plan(scenario), planFile);
        Path json = dir.resolve("explain.json");

        Result result = CliRun.inJar("explain", planFile.toString(), "--scenario", scenarioFile.toString(),
                "--json", json.toString());
        Result unknown = CliRun.inJar("explain", planFile.toString(), "--scenario", scenarioFile.toString(),
                "--need", "N-nowhere");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("Reasons given to the eligible offers of "), result.out());
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertEquals(scenario.offers().size(), written.get("offers").size());
        assertEquals(2, unknown.exitCode(), unknown.err());
        assertTrue(unknown.err().contains("N-nowhere"), unknown.err());
    }
}
