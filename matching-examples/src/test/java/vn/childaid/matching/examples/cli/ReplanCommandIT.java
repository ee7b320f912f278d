package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.examples.cli.CliRun.Result;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Scenario;

/** {@code replan} through the packaged jar, as users run it: a change set applied, the plan and the changed scenario written. */
class ReplanCommandIT {
    @TempDir
    Path dir;

    @Test
    void replanAfterAWithdrawalWritesTheNewPlanAndSaysWhatWasKept() throws IOException {
        Scenario scenario = DakLakGenerator.generate(ScenarioSize.TINY, 3);
        Path scenarioFile = dir.resolve("scenario.json");
        ScenarioJson.write(scenario, scenarioFile);
        Plan greedy = GreedyAllocator.plan(scenario);
        Path planFile = dir.resolve("plan.json");
        PlanJson.write(greedy, planFile);
        String withdrawn = greedy.allocations().get(0).offer();
        Path changes = dir.resolve("changes.json");
        Files.writeString(changes, "{\"formatVersion\": 1, \"name\": \"withdrawal\", \"changes\": "
                + "[{\"op\": \"removeOffer\", \"offer\": \"" + withdrawn + "\"}]}");
        Path out = dir.resolve("new.json");
        Path changed = dir.resolve("changed.json");

        Result result = CliRun.inJar("replan", scenarioFile.toString(), "--plan", planFile.toString(), "--changes",
                changes.toString(), "--stability", "keep", "--time", "60s", "--score-calculations", "2000",
                "--scenario-out", changed.toString(), "--out", out.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("Re-plan (keep): "), result.out());
        assertTrue(result.out().contains(" kept, 0 moved, 0 dropped (100.0% kept)"), result.out()); // keep moves no untouched line
        assertTrue(result.out().contains("Plan written to " + out), result.out());
        assertTrue(PlanJson.read(out).feasible());
        assertTrue(ScenarioJson.read(changed).findOffer(withdrawn).isEmpty());
    }
}
