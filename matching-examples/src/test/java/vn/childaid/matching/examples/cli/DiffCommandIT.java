package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.examples.cli.CliRun.Result;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.scenario.Scenario;

/** {@code diff} in the packaged jar, as users run it: the table reaches standard output, the JSON its file, exit 0. */
class DiffCommandIT {
    @TempDir
    Path dir;

    @Test
    void theJarComparesTwoPlansAndExitsZero() throws IOException {
        Scenario scenario = DakLakGenerator.generate(ScenarioSize.TINY, 3);
        Path scenarioFile = dir.resolve("scenario.json");
        ScenarioJson.write(scenario, scenarioFile);
        Plan greedy = GreedyAllocator.plan(scenario);
        Path before = dir.resolve("before.json");
        PlanJson.write(greedy, before);
        List<Allocation> fewer = greedy.allocations().subList(0, greedy.allocations().size() - 1);
        Path after = dir.resolve("after.json");
        PlanJson.write(PlanAssembler.fromLines(scenario, fewer, "one line less", SolverStats.NONE), after);
        Path json = dir.resolve("diff.json");

        Result result = CliRun.inJar("diff", before.toString(), after.toString(), "--scenario", scenarioFile.toString(),
                "--json", json.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("Plan " + before + " → plan " + after), result.out());
        assertTrue(result.out().contains("0 added, 1 removed, 0 changed in units"), result.out());
        JsonNode diff = new ObjectMapper().readTree(json.toFile());
        assertEquals("REMOVED", diff.get("lineChanges").get(0).get("change").asText());
        assertEquals(1, diff.get("lineChanges").size());
    }
}
