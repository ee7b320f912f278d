package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
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
import vn.childaid.matching.policy.PolicyPreset;
import vn.childaid.matching.scenario.Scenario;

/** {@code diff PLAN_A PLAN_B --scenario S}: the table, the JSON, and refusals of what cannot be compared. */
class DiffCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Scenario scenario;
    private Path scenarioFile;
    private Path planFile;
    private Plan plan;

    @BeforeEach
    void writeATinyScenarioAndItsGreedyPlan() {
        scenario = DakLakGenerator.generate(ScenarioSize.TINY, 3);
        scenarioFile = dir.resolve("scenario.json");
        ScenarioJson.write(scenario, scenarioFile);
        plan = GreedyAllocator.plan(scenario);
        planFile = dir.resolve("plan.json");
        PlanJson.write(plan, planFile);
    }

    /** The greedy plan less every line of the offer that gives the most lines and is committed to nothing. */
    private Path planWithoutOneOffer() {
        String offer = plan.allocations().stream().filter(line -> !line.committed()).map(Allocation::offer)
                .filter(id -> plan.allocations().stream().noneMatch(l -> l.committed() && l.offer().equals(id)))
                .findFirst().orElseThrow();
        List<Allocation> lines = plan.allocations().stream().filter(line -> !line.offer().equals(offer)).toList();
        Path file = dir.resolve("without-" + offer + ".json");
        PlanJson.write(PlanAssembler.fromLines(scenario, lines, "fewer", SolverStats.NONE), file);
        return file;
    }

    @Test
    void aPlanAgainstItselfShowsNoDifferenceAndExitsZero() {
        Result result = CliRun.inProcess("diff", planFile.toString(), planFile.toString(), "--scenario", scenarioFile.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("No difference"), result.out());
        assertTrue(result.out().contains(" 0 added, 0 removed, 0 changed in units"), result.out());
        assertFalse(result.out().contains("Needs that changed most"), result.out());
    }

    @Test
    void twoPlansThatDifferShowTheTiersLinesAndWhatChangedMostAndExitZero() throws IOException {
        Path fewer = planWithoutOneOffer();
        Path json = dir.resolve("diff.json");

        Result result = CliRun.inProcess("diff", planFile.toString(), fewer.toString(), "--scenario", scenarioFile.toString(),
                "--json", json.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertFalse(result.out().contains("No difference"), result.out());
        for (String tier : scenario.policy().tierNames()) {
            assertTrue(result.out().contains("\n  " + tier + " "), () -> tier + " missing from\n" + result.out());
        }
        assertTrue(result.out().contains("Needs that changed most"), result.out());
        assertTrue(result.out().contains("Offers that changed most (1 of 1)"), result.out());
        assertTrue(result.out().contains("−"), "a loss is shown with its sign:\n" + result.out());
        JsonNode diff = JSON.readTree(json.toFile());
        assertEquals(0, diff.get("lines").get("added").asInt());
        assertTrue(diff.get("lines").get("removed").asInt() > 0);
        assertTrue(result.out().contains(" 0 added, " + diff.get("lines").get("removed").asInt() + " removed"), result.out());
        assertEquals(scenario.policy().tierNames().size(), diff.get("tiers").size());
        assertTrue(result.out().strip().endsWith("Diff written to " + json), result.out());
    }

    @Test
    void thePlanAfterMayBeOfAnotherScenario() throws IOException {
        Path phase2File = dir.resolve("phase2.json");
        ScenarioJson.write(scenario.withPolicy(PolicyPreset.PHASE_2_2022_2025.policy()), phase2File);
        com.fasterxml.jackson.databind.node.ObjectNode renamed =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(phase2File.toFile());
        Files.writeString(phase2File, renamed.put("name", "phase 2").toString());
        Scenario phase2 = ScenarioJson.read(phase2File);
        Path phase2Plan = dir.resolve("phase2-plan.json");
        PlanJson.write(GreedyAllocator.plan(phase2), phase2Plan);

        Result result = CliRun.inProcess("diff", planFile.toString(), phase2Plan.toString(), "--scenario",
                scenarioFile.toString(), "--scenario-b", phase2File.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("R3-high"), "a tier of the after policy only:\n" + result.out());
        assertTrue(result.out().contains("ED-critical"), "a tier of the before policy only:\n" + result.out());
        assertTrue(result.out().contains("Scenario “" + scenario.name() + "” → “phase 2”"), result.out());
    }

    @Test
    void aPlanOfAnotherScenarioIsRefusedNamingItAndNothingIsWritten() throws IOException {
        Scenario other = DakLakGenerator.generate(ScenarioSize.TINY, 4);
        Path otherPlan = dir.resolve("other-plan.json");
        PlanJson.write(GreedyAllocator.plan(other), otherPlan);
        Path json = dir.resolve("diff.json");

        Result result = CliRun.inProcess("diff", planFile.toString(), otherPlan.toString(), "--scenario",
                scenarioFile.toString(), "--json", json.toString());

        assertEquals(2, result.exitCode(), result.out());
        assertTrue(result.err().startsWith("error: " + otherPlan + " is not a plan of the scenario " + scenarioFile),
                result.err());
        assertFalse(result.err().contains("Exception"), result.err());
        assertFalse(Files.exists(json), "nothing is written on bad input");
    }

    @Test
    void aMissingPlanIsBadInput() {
        Result result = CliRun.inProcess("diff", planFile.toString(), dir.resolve("nope.json").toString(), "--scenario",
                scenarioFile.toString());

        assertEquals(2, result.exitCode());
        assertEquals("error: no plan file at " + dir.resolve("nope.json"), result.err().strip());
    }

    @Test
    void theJsonMayNotOverwriteAnInput() {
        Result result = CliRun.inProcess("diff", planFile.toString(), planFile.toString(), "--scenario",
                scenarioFile.toString(), "--json", planFile.toString());

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("would overwrite the input"), result.err());
    }

    @Test
    void theCommandHasItsHelpAndIsListedInTheRootHelp() {
        Result help = CliRun.inProcess("diff", "--help");
        Result root = CliRun.inProcess("--help");

        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().startsWith("Usage: matching diff "), help.out());
        assertTrue(root.out().contains("  diff "), root.out());
    }
}
