package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.examples.cli.CliRun.Result;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Scenario;

/** {@code dedupe} as users meet it: the real main class in a new JVM, its exit code and the files it leaves. */
class DedupeProcessTest {
    @TempDir
    Path dir;

    /** A tiny generated scenario with its first need reported again by the other agency, 10% more children. */
    private Path scenarioWithPlantedCopy() {
        Scenario generated = DakLakGenerator.generate(ScenarioSize.TINY, 2020);
        Need original = generated.needs().get(0);
        Need.Builder copy = Need.builder("COPY").category(original.category()).ageBand(original.ageBand())
                .children(original.children() + original.children() / 10).quantity(original.quantity())
                .unitCost(original.unitCost()).urgency(original.urgency())
                .alreadyCovered(original.alreadyCovered())
                .reportedBy(original.reportedBy().orElse("DOET").equals("DOET") ? "DOLISA" : "DOET");
        original.village().ifPresent(copy::village);
        original.commune().ifPresent(copy::commune);
        Path file = dir.resolve("planted.json");
        ScenarioJson.write(generated.toBuilder().need(copy.build()).build(), file);
        return file;
    }

    @Test
    void reportsThePlantedCopyAndResolvingWritesAScenarioThatValidates() throws IOException {
        Path scenario = scenarioWithPlantedCopy();
        Path report = dir.resolve("report.json");
        Path clean = dir.resolve("clean.json");
        Result result = CliRun.inNewJvm("dedupe", scenario.toString(), "--report", report.toString(),
                "--resolve", "merge", "--out", clean.toString());
        assertEquals(0, result.exitCode(), result.err());

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        String firstId = ScenarioJson.read(scenario).needs().get(0).id();
        boolean found = false;
        for (JsonNode group : json.get("needs")) {
            double confidence = group.get("confidence").asDouble();
            assertTrue(confidence >= 0 && confidence <= 1, group.toString());
            found |= group.get("ids").toString().contains("\"COPY\"") && group.get("ids").toString().contains(firstId)
                    && confidence >= 0.8 && group.get("reasons").size() > 0;
        }
        assertTrue(found, json.toString());
        assertTrue(json.get("donors").isArray() && json.get("offers").isArray());
        assertFalse(json.get("resolved").isEmpty(), json.toString());

        Result validate = CliRun.inNewJvm("validate", clean.toString());
        assertEquals(0, validate.exitCode(), validate.out() + validate.err());
        assertTrue(ScenarioJson.read(clean).findNeed("COPY").isEmpty());
    }

    @Test
    void dedupeExitsZeroWithOrWithoutDuplicatesAndValidateOnlyWarns() throws IOException {
        Path scenario = scenarioWithPlantedCopy();
        Result validate = CliRun.inNewJvm("validate", scenario.toString());
        assertEquals(0, validate.exitCode(), validate.err());
        assertTrue(validate.err().contains("likely duplicates") && validate.err().contains("COPY"), validate.err());

        Path single = dir.resolve("tiny.json");
        ScenarioJson.write(DakLakGenerator.generate(ScenarioSize.TINY, 2020), single);
        Path report = dir.resolve("report.json");
        Result result = CliRun.inNewJvm("dedupe", single.toString(), "--report", report.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.exists(report));
    }

    @Test
    void resolveWithoutOutIsAUsageError() {
        Path report = dir.resolve("report.json");
        Result result = CliRun.inNewJvm("dedupe", scenarioWithPlantedCopy().toString(), "--report", report.toString(),
                "--resolve", "merge");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("--out"), result.err());
        assertFalse(Files.exists(report), "nothing is written on a usage error");
    }
}
