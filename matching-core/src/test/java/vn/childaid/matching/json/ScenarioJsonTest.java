package vn.childaid.matching.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.engine.AllocationEngine;
import vn.childaid.matching.engine.SolveOptions;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Problem;
import vn.childaid.matching.scenario.Scenario;

class ScenarioJsonTest {
    static String example() {
        try (InputStream in = ScenarioJsonTest.class.getResourceAsStream("/scenarios/contract-example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The contract's example with {@code change} applied to its JSON tree. */
    static String mutated(Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) ScenarioJson.MAPPER.readTree(example());
            change.accept(root);
            return ScenarioJson.MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode at(ObjectNode root, String array, int index) {
        return (ObjectNode) root.get(array).get(index);
    }

    @Test
    void theContractsExampleReadsWithItsDefaults() {
        Scenario scenario = ScenarioJson.parse(example(), "example.json");
        assertEquals(3, scenario.needs().size());
        assertFalse(scenario.need("N-0003").divisible(), "a playground is indivisible by default");
        assertTrue(scenario.need("N-0002").divisible());
        assertEquals(2.0, scenario.offer("O-01").preferences().categories().values().iterator().next());
    }

    @Test
    void aScenarioWrittenOutReadsBackEqual() {
        Scenario scenario = ScenarioJson.parse(example(), "example.json");
        assertEquals(scenario, ScenarioJson.parse(ScenarioJson.toJson(scenario), "again.json"));
    }

    @Test
    void endToEndThroughJsonEveryNeedAndOfferAppearsInThePlan(@TempDir Path dir) throws IOException {
        Scenario scenario = ScenarioJson.parse(example(), "example.json");
        Plan plan = AllocationEngine.solve(scenario,
                SolveOptions.defaults().withTimeLimit(Duration.ofSeconds(10)).withScoreCalculationLimit(5_000));
        Path file = dir.resolve("plan.json");
        PlanJson.write(plan, file);

        JsonNode json = ScenarioJson.MAPPER.readTree(Files.readString(file));
        assertEquals(1, json.get("formatVersion").asInt());
        for (String field : List.of("scenario", "feasible", "score", "allocations", "needs", "offers", "tiers",
                "violations", "solver")) {
            assertTrue(json.has(field), "plan JSON has " + field);
        }
        assertEquals(3, json.get("needs").size());
        assertEquals(2, json.get("offers").size());
        assertEquals(5, json.get("tiers").size());
        JsonNode committed = json.get("allocations").get(0);
        assertEquals("O-01", committed.get("offer").asText());
        assertEquals(10, committed.get("units").asInt());
        assertEquals(18_000_000, committed.get("amount").asLong());
        assertTrue(committed.get("committed").asBoolean());
        assertTrue(json.get("feasible").asBoolean());
        // Bicycles go to the especially difficult village's transport need: 30 bikes from the in-kind offer.
        assertEquals(30, plan.need("N-0002").orElseThrow().fundedUnits());
        assertEquals(plan, PlanJson.read(file), "a plan reads back equal");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left beside the plan");
        }
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("unknown field", mutated(r -> at(r, "needs", 0).put("colour", "red")),
                        "$.needs[0].colour", "unknown field"),
                Arguments.of("wrong type", mutated(r -> at(r, "needs", 0).put("children", "many")),
                        "$.needs[0].children", "whole number"),
                Arguments.of("unknown enum", mutated(r -> at(r, "needs", 0).put("category", "FOOD")),
                        "$.needs[0].category", "must be one of"),
                Arguments.of("missing field", mutated(r -> at(r, "needs", 0).remove("quantity")),
                        "$.needs[0].quantity", "is required"),
                Arguments.of("unknown village", mutated(r -> at(r, "needs", 0).put("village", "99999-01")),
                        "$.needs[0].village", "unknown village"),
                Arguments.of("unknown commune", mutated(r -> at(r, "villages", 0).put("commune", "99999")),
                        "$.villages[0].commune", "unknown commune"),
                Arguments.of("unknown district", mutated(r -> at(r, "communes", 0).put("district", "999")),
                        "$.communes[0].district", "unknown district"),
                Arguments.of("unknown donor", mutated(r -> at(r, "offers", 1).put("donor", "D-99")),
                        "$.offers[1].donor", "unknown donor"),
                Arguments.of("unknown offer", mutated(r -> at(r, "commitments", 0).put("offer", "O-99")),
                        "$.commitments[0].offer", "unknown offer"),
                Arguments.of("unknown need", mutated(r -> at(r, "commitments", 0).put("need", "N-9999")),
                        "$.commitments[0].need", "unknown need"),
                Arguments.of("unknown area in offer", mutated(r -> ((ArrayNode) at(r, "offers", 0).get("areas")).add("777")),
                        "$.offers[0].areas", "unknown area code"),
                Arguments.of("duplicate need id", mutated(r -> at(r, "needs", 1).put("id", "N-0001")),
                        "$.needs[1].id", "duplicate need id"),
                Arguments.of("duplicate offer id", mutated(r -> at(r, "offers", 1).put("id", "O-01")),
                        "$.offers[1].id", "duplicate offer id"),
                Arguments.of("zero children", mutated(r -> at(r, "needs", 1).put("children", 0)),
                        "$.needs[1].children", "must be ≥ 1"),
                Arguments.of("negative quantity", mutated(r -> at(r, "needs", 1).put("quantity", -3)),
                        "$.needs[1].quantity", "must be ≥ 1"),
                Arguments.of("negative amount", mutated(r -> at(r, "offers", 0).put("amount", -1)),
                        "$.offers[0].amount", "must be ≥ 0"),
                Arguments.of("covered beyond quantity", mutated(r -> at(r, "needs", 1).put("alreadyCovered", 31)),
                        "$.needs[1].alreadyCovered", "more than quantity"),
                Arguments.of("in-kind without category", mutated(r -> at(r, "offers", 1).remove("category")),
                        "$.offers[1].category", "needs the category"),
                Arguments.of("need money overflows", mutated(r -> at(r, "needs", 1).put("unitCost", Long.MAX_VALUE / 2)),
                        "$.needs[1].unitCost", "overflows"),
                Arguments.of("offer money overflows", mutated(r -> at(r, "offers", 1).put("unitValue", Long.MAX_VALUE / 100)),
                        "$.offers[1].unitValue", "overflows"),
                Arguments.of("number too big", mutated(r -> at(r, "offers", 0).put("amount", new java.math.BigInteger("99999999999999999999"))),
                        "$.offers[0].amount", "too large"),
                Arguments.of("commitment over open units", mutated(r -> at(r, "commitments", 0).put("units", 43)),
                        "$.commitments[0]", "only 42 are open"),
                Arguments.of("commitment over capacity", mutated(r -> at(r, "offers", 0).put("amount", 1_000_000)),
                        "$.commitments[0]", "more than its 1000000"),
                Arguments.of("commitment with zero units", mutated(r -> at(r, "commitments", 0).put("units", 0)),
                        "$.commitments[0].units", "must be ≥ 1"),
                Arguments.of("need in two places", mutated(r -> at(r, "needs", 0).put("commune", "24457")),
                        "$.needs[0]", "exactly one of"),
                Arguments.of("wrong format version", mutated(r -> r.put("formatVersion", 2)),
                        "$.formatVersion", "format version 1"),
                Arguments.of("WEIGHTED without enough weights", mutated(r -> ((ObjectNode) r.get("policy"))
                                .put("priorityMode", "WEIGHTED").putArray("tierWeights").add(5)),
                        "$.policy.tierWeights", "one weight per tier"),
                Arguments.of("malformed JSON", example().replace("\"year\": 2020,", "\"year\": 2020,,"),
                        "example.json:4:", "not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputNamesThePathAndTheProblem(String what, String json, String path, String message) {
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> ScenarioJson.parse(json, "example.json"));
        assertTrue(error.problems().stream().anyMatch(p -> p.path().startsWith(path) && p.message().contains(message)),
                () -> "expected a problem at " + path + " saying '" + message + "', got:\n" + error.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String json = mutated(r -> {
            at(r, "needs", 0).put("children", 0);
            at(r, "needs", 1).put("village", "nowhere");
            at(r, "offers", 1).put("donor", "D-99");
        });
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> ScenarioJson.parse(json, "example.json"));
        assertEquals(List.of("$.needs[0].children", "$.needs[1].village", "$.offers[1].donor"),
                error.problems().stream().map(Problem::path).toList());
    }

    @Test
    void shapeProblemsAreAllReportedTogetherToo() {
        String json = mutated(r -> {
            at(r, "needs", 0).put("colour", "red");
            at(r, "offers", 0).put("amount", "lots");
        });
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> ScenarioJson.parse(json, "example.json"));
        assertEquals(2, error.problems().size(), error::getMessage);
    }
}
