package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * {@code explain} in this JVM: what it prints for all needs, one need or one offer, the JSON it
 * writes, and its refusals (an unknown id, a plan of another scenario) with exit 2 and no stack trace.
 */
class ExplainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Scenario scenario;
    private Plan plan;
    private Path scenarioFile;
    private Path planFile;

    @BeforeEach
    void writeATinyScenarioAndTheGreedyPlan() {
        scenario = DakLakGenerator.generate(ScenarioSize.TINY, 3);
        scenarioFile = dir.resolve("scenario.json");
        ScenarioJson.write(scenario, scenarioFile);
        plan = GreedyAllocator.plan(scenario);
        planFile = dir.resolve("plan.json");
        PlanJson.write(plan, planFile);
    }

    @Test
    void withoutATargetItCountsTheCodesThenExplainsEveryNeedNotFullyFundedAndEveryOffer() throws IOException {
        Path json = dir.resolve("explain.json");

        Result result = CliRun.inProcess("explain", planFile.toString(), "--scenario", scenarioFile.toString(),
                "--json", json.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("Reasons given to the eligible offers of "), result.out());
        JsonNode written = JSON.readTree(json.toFile());
        long shortNeeds = plan.needs().stream().filter(need -> need.fundedUnits() < need.openUnits()).count();
        assertEquals(shortNeeds, written.get("needs").size());
        assertEquals(scenario.offers().size(), written.get("offers").size());
        assertTrue(written.get("audit").get("passed").asBoolean());
        for (JsonNode need : written.get("needs")) {
            assertTrue(result.out().contains("\n" + need.get("id").asText() + "  tier "), need.get("id").asText());
        }
    }

    @Test
    void oneNeedIsExplainedWhetherFundedOrNot() {
        String funded = plan.needs().stream().filter(need -> need.fundedUnits() >= need.openUnits()).findFirst()
                .orElseThrow().id();

        Result result = CliRun.inProcess("explain", planFile.toString(), "--scenario", scenarioFile.toString(),
                "--need", funded);

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith(funded + "  tier "), result.out());
        assertTrue(result.out().contains("is fully funded"), result.out());
        assertFalse(result.out().contains("Reasons given"), "no counts for one need");
    }

    @Test
    void oneOfferShowsItsUseAndWhatItCouldFund() {
        String offer = scenario.offers().get(0).id();

        Result result = CliRun.inProcess("explain", planFile.toString(), "--scenario", scenarioFile.toString(),
                "--offer", offer);

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith(offer + "  "), result.out());
        assertTrue(result.out().contains("  by tier: ") && result.out().contains("  could still fund: "), result.out());
    }

    @Test
    void anUnknownNeedIsRefusedByName() {
        Result result = CliRun.inProcess("explain", planFile.toString(), "--scenario", scenarioFile.toString(),
                "--need", "N-nowhere");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("error: --need N-nowhere: the scenario "), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
    }

    @Test
    void aNeedAndAnOfferTogetherAreAUsageError() {
        Result result = CliRun.inProcess("explain", planFile.toString(), "--scenario", scenarioFile.toString(),
                "--need", "a", "--offer", "b");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("error: "), result.err());
    }

    @Test
    void aPlanOfAnotherScenarioIsRefusedAndNothingIsWritten() throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(planFile.toFile());
        tree.put("scenario", "another one");
        Files.writeString(planFile, tree.toString());
        Path json = dir.resolve("explain.json");

        Result result = CliRun.inProcess("explain", planFile.toString(), "--scenario", scenarioFile.toString(),
                "--json", json.toString());

        assertEquals(2, result.exitCode(), result.out());
        assertTrue(result.err().contains("the plan is for scenario 'another one'"), result.err());
        assertFalse(Files.exists(json));
    }

    @Test
    void aPlanThatBreaksARuleIsExplainedAfterAWarning() throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(planFile.toFile());
        ObjectNode line = (ObjectNode) tree.get("allocations").get(0);
        line.put("units", line.get("units").asInt() + 1_000);
        Files.writeString(planFile, tree.toString());

        Result result = CliRun.inProcess("explain", planFile.toString(), "--scenario", scenarioFile.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("WARNING: the plan does not pass the audit"), result.out());
    }
}
