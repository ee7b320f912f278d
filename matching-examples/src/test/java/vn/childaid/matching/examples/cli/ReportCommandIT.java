package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.Scenario;

/**
 * {@code report} through the packaged jar: every output written, the anonymous donor in none of
 * them, the inputs never overwritten, nothing written on bad input, and several years at once.
 */
class ReportCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path scenarioFile;
    private Path planFile;
    private Donor anonymous;
    private Plan plan;

    /** A tiny province with a province named and its largest donor anonymous, and the greedy's plan. */
    @BeforeEach
    void writeTheScenarioAndPlan() throws IOException {
        Scenario generated = DakLakGenerator.generate(ScenarioSize.TINY, 3);
        plan = GreedyAllocator.plan(generated);
        String donorOfFirstLine = generated.offer(plan.allocations().get(0).offer()).donor();
        ObjectNode tree = (ObjectNode) JSON.readTree(ScenarioJson.toJson(generated));
        tree.putObject("province").put("code", "66").put("name", "Đắk Lắk");
        for (JsonNode donor : tree.get("donors")) {
            if (donor.get("id").asText().equals(donorOfFirstLine)) {
                ((ObjectNode) donor).put("anonymous", true);
            }
        }
        scenarioFile = dir.resolve("scenario.json");
        Files.writeString(scenarioFile, tree.toString());
        anonymous = ScenarioJson.read(scenarioFile).donor(donorOfFirstLine);
        assertTrue(anonymous.anonymous());
        planFile = dir.resolve("plan.json");
        PlanJson.write(plan, planFile);
    }

    @Test
    void writesTheJsonAndTheFourWTableAndNamesTheAnonymousDonorNowhere() throws IOException {
        byte[] scenarioBefore = Files.readAllBytes(scenarioFile);
        byte[] planBefore = Files.readAllBytes(planFile);
        Path json = dir.resolve("report.json");
        Path fourW = dir.resolve("4w.csv");

        Result result = CliRun.inJar("report", planFile.toString(), "--scenario", scenarioFile.toString(),
                "--json", json.toString(), "--csv-4w", fourW.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("report: "), result.out());
        assertTrue(result.out().contains(" — feasible"), result.out());
        assertTrue(result.out().contains("top donors:") && result.out().contains("Anonymous donor"), result.out());
        assertTrue(result.out().contains("wrote " + json) && result.out().contains("wrote " + fourW), result.out());
        JsonNode report = JSON.readTree(json.toFile());
        long allocated = plan.allocations().stream().mapToLong(Allocation::amount).sum();
        assertEquals(allocated, report.get("money").get("allocated").asLong());
        String csv = Files.readString(fourW, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF"));
        assertEquals(2 + plan.allocations().size(), csv.split("\r\n").length);
        assertTrue(csv.contains(",\"Đắk Lắk\","), "the province in #adm1");
        for (String output : List.of(result.out(), result.err(), Files.readString(json), csv)) {
            assertFalse(output.contains(anonymous.name()), "the anonymous donor's name in " + output);
            assertFalse(output.contains(anonymous.id()), "the anonymous donor's id in " + output);
        }
        assertArrayEquals(scenarioBefore, Files.readAllBytes(scenarioFile));
        assertArrayEquals(planBefore, Files.readAllBytes(planFile));
    }

    @Test
    void badInputWritesNothingAndAnInputIsNeverOverwritten() throws IOException {
        Path json = dir.resolve("report.json");
        Path fourW = dir.resolve("4w.csv");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(scenarioFile).replaceFirst("\"needs\"", "\"neds\""));
        byte[] planBefore = Files.readAllBytes(planFile);

        Result invalid = CliRun.inJar("report", planFile.toString(), "--scenario", broken.toString(),
                "--json", json.toString(), "--csv-4w", fourW.toString());
        Result overwrite = CliRun.inJar("report", planFile.toString(), "--scenario", scenarioFile.toString(),
                "--csv-4w", planFile.toString());
        Result missing = CliRun.inJar("report", dir.resolve("nothing.json").toString(), "--scenario",
                scenarioFile.toString(), "--json", json.toString());
        Result badYear = CliRun.inJar("report", "--year", "twenty", planFile.toString(), scenarioFile.toString(),
                "--json", json.toString());

        for (Result result : List.of(invalid, overwrite, missing, badYear)) {
            assertEquals(2, result.exitCode(), result.err());
            assertFalse(result.err().contains("Exception"), result.err());
        }
        assertTrue(invalid.err().contains("$.neds"), invalid.err());
        assertTrue(overwrite.err().contains("would overwrite the input"), overwrite.err());
        assertTrue(badYear.err().contains("'twenty' is not a year"), badYear.err());
        assertFalse(Files.exists(json));
        assertFalse(Files.exists(fourW));
        assertArrayEquals(planBefore, Files.readAllBytes(planFile));
    }

    @Test
    void severalYearsGiveEachYearAndThePeriod() throws IOException {
        Path json = dir.resolve("period.json");

        Result result = CliRun.inJar("report", "--year", "2022", planFile.toString(), scenarioFile.toString(),
                "--year", "2025", planFile.toString(), scenarioFile.toString(), "--json", json.toString());

        assertEquals(0, result.exitCode(), result.err());
        JsonNode period = JSON.readTree(json.toFile());
        assertEquals(List.of(2022, 2025), List.of(period.at("/years/0/year").asInt(), period.at("/years/1/year").asInt()));
        assertEquals(2 * period.at("/years/0/money/allocated").asLong(), period.at("/period/money/allocated").asLong());
        assertTrue(result.out().contains("period [2022, 2025]"), result.out());
    }

    @Test
    void anotherScenariosPlanIsSaidFirstAndLoudly() throws IOException {
        Scenario other = DakLakGenerator.generate(ScenarioSize.TINY, 4);
        Path otherScenario = dir.resolve("other.json");
        ScenarioJson.write(other, otherScenario);
        Path otherPlan = dir.resolve("other-plan.json");
        Files.writeString(otherPlan, Files.readString(planFile).replace("\"scenario\" : \"" + plan.scenario() + "\"",
                "\"scenario\" : \"somewhere else\""));

        Result result = CliRun.inJar("report", otherPlan.toString(), "--scenario", scenarioFile.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("WARNING: " + otherPlan + " IS NOT A PLAN FOR SCENARIO"), result.out());
        assertTrue(result.err().contains("IS NOT A PLAN FOR SCENARIO"), result.err());
    }
}
