package vn.childaid.matching.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.extensions.Extensions;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Scenario;

class ExtensionsJsonTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Every object of the contract's example that may carry extensions, by path. */
    private static final List<String> EVERY_LEVEL = List.of("$", "$.policy", "$.policy.tiers[0]", "$.districts[0]",
            "$.communes[0]", "$.villages[0]", "$.needs[0]", "$.needs[2]", "$.donors[0]", "$.donors[1]",
            "$.offers[0]", "$.offers[0].preferences", "$.offers[1]", "$.commitments[0]");

    private static ObjectNode exampleTree() {
        try {
            ObjectNode root = (ObjectNode) ScenarioJson.READER.readTree(ScenarioJsonTest.example());
            // The example's policy is a bare preset: give it a tier that can carry extensions too.
            ((ObjectNode) root.get("policy")).putArray("tiers").addObject().put("name", "everyone");
            return root;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode tree) {
        try {
            return ScenarioJson.MAPPER.writeValueAsString(tree);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return ScenarioJson.READER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The object at a path such as {@code $.offers[0].preferences}. */
    private static ObjectNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.substring(1).split("\\.")) {
            if (step.isEmpty()) {
                continue;
            }
            int bracket = step.indexOf('[');
            if (bracket < 0) {
                node = node.get(step);
            } else {
                node = node.get(step.substring(0, bracket))
                        .get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
            }
        }
        return (ObjectNode) node;
    }

    /** Awkward content: unsorted keys, nesting, exact decimals, a huge integer, null, text beyond ASCII. */
    private static ObjectNode awkwardExtensions(String where) {
        ObjectNode extensions = NODES.objectNode();
        extensions.put("zeta", where);
        extensions.put("alpha", true);
        extensions.set("price", NODES.numberNode(new BigDecimal("1.50")));
        extensions.set("pi", NODES.numberNode(new BigDecimal("3.14159265358979323846264338327950288")));
        extensions.set("big", NODES.numberNode(new BigInteger("123456789012345678901234567890")));
        extensions.putNull("nothing");
        ArrayNode list = extensions.putArray("list");
        list.add(3).add("Buôn Đôn").addObject().put("y", 2).put("x", 1);
        extensions.putObject("nested").putObject("deeper").put("crm", "X-17").putArray("empty");
        extensions.putObject("none");
        return extensions;
    }

    private static Map<String, JsonNode> extensionsByPath(JsonNode root) {
        Map<String, JsonNode> found = new TreeMap<>();
        collect(root, "$", found);
        return found;
    }

    private static void collect(JsonNode node, String path, Map<String, JsonNode> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("extensions")) {
                    found.put(path, field.getValue());
                } else {
                    collect(field.getValue(), path + "." + field.getKey(), found);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", found);
            }
        }
    }

    @Test
    void extensionsAtEveryLevelRoundTripEqual() {
        ObjectNode input = exampleTree();
        for (String path : EVERY_LEVEL) {
            at(input, path).set("extensions", awkwardExtensions(path));
        }

        Scenario read = ScenarioJson.parse(text(input), "extended.json");
        String written = ScenarioJson.toJson(read);
        Scenario readAgain = ScenarioJson.parse(written, "written.json");

        assertEquals(read, readAgain, "the model reads back equal");
        Map<String, JsonNode> before = extensionsByPath(input);
        assertEquals(EVERY_LEVEL.size(), before.size());
        assertEquals(before, extensionsByPath(tree(written)), "every extensions object is written back as read");
        assertEquals(written, ScenarioJson.toJson(readAgain), "writing is stable");
    }

    @Test
    void readExtensionsAreCanonicalSoEqualValuesAreEqual() {
        ObjectNode one = exampleTree();
        ObjectNode other = exampleTree();
        at(one, "$.needs[0]").set("extensions", tree("{\"b\": {\"d\": 1, \"c\": [2.50]}, \"a\": \"x\"}"));
        at(other, "$.needs[0]").set("extensions", tree("{\"a\":\"x\",\"b\":{\"c\":[2.50],\"d\":1}}"));

        Scenario first = ScenarioJson.parse(text(one), "one.json");
        assertEquals(first, ScenarioJson.parse(text(other), "other.json"));
        assertEquals("{\"a\":\"x\",\"b\":{\"c\":[2.50],\"d\":1}}",
                first.need("N-0001").extensions().json().orElseThrow());
        assertEquals(first.need("N-0001").extensions(), ScenarioJson.extensions("{ \"b\": {\"d\":1, \"c\":[2.50]}, \"a\":\"x\" }"));
    }

    @Test
    void extensionsAreHeldInTheModelAndAbsentOnesAreNone() {
        Scenario scenario = ScenarioJson.parse(ScenarioJsonTest.example(), "example.json");
        assertEquals("{\"crm\":\"X-17\"}", scenario.donor("D-02").extensions().json().orElseThrow(),
                "the contract example's donor extensions are kept");
        assertEquals(Extensions.NONE, scenario.donor("D-01").extensions());
        assertEquals(Extensions.NONE, scenario.extensions());
        assertFalse(ScenarioJson.toTree(scenario).has("extensions"), "no extensions, none written");
        assertTrue(ScenarioJson.toTree(scenario).get("donors").get(1).has("extensions"));
    }

    @Test
    void anEmptyExtensionsObjectIsKeptAsOne() {
        ObjectNode input = exampleTree();
        at(input, "$.needs[1]").putObject("extensions");
        Scenario scenario = ScenarioJson.parse(text(input), "empty.json");
        assertEquals("{}", scenario.need("N-0002").extensions().json().orElseThrow());
        assertEquals(NODES.objectNode(), at(tree(ScenarioJson.toJson(scenario)), "$.needs[1]").get("extensions"));
    }

    @Test
    void theEngineIgnoresExtensions() {
        ObjectNode input = exampleTree();
        for (String path : EVERY_LEVEL) {
            at(input, path).set("extensions", awkwardExtensions(path));
        }
        Scenario extended = ScenarioJson.parse(text(input), "extended.json");
        Scenario plain = ScenarioJson.parse(text(exampleTree()), "plain.json");
        assertNotEquals(plain, extended);
        assertEquals(GreedyAllocator.allocateBest(plain), GreedyAllocator.allocateBest(extended));
    }

    static Stream<Arguments> nonObjects() {
        List<Function<JsonNodeFactory, JsonNode>> values = List.of(
                f -> f.arrayNode().add(1), f -> f.textNode("{}"), f -> f.numberNode(7), f -> f.nullNode(),
                f -> f.booleanNode(true));
        return EVERY_LEVEL.stream().flatMap(path -> values.stream()
                .map(value -> Arguments.of(path, value.apply(NODES))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("nonObjects")
    void extensionsThatAreNotAnObjectAreReportedAtTheirPath(String path, JsonNode value) {
        ObjectNode input = exampleTree();
        at(input, path).set("extensions", value);

        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> ScenarioJson.parse(text(input), "bad.json"));
        assertEquals(1, error.problems().size(), error::getMessage);
        assertEquals(path + ".extensions", error.problems().get(0).path());
        assertTrue(error.problems().get(0).message().contains("must be a JSON object"), error::getMessage);
    }

    @Test
    void otherUnknownFieldsStayErrorsEvenBesideExtensions() {
        ObjectNode input = exampleTree();
        at(input, "$.offers[0].preferences").put("extension", "typo").putObject("extensions");
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> ScenarioJson.parse(text(input), "typo.json"));
        assertEquals("$.offers[0].preferences.extension", error.problems().get(0).path(), error::getMessage);
        assertEquals(1, error.problems().size(), error::getMessage);
    }

    @Test
    void extensionsFromTextMustBeAJsonObject() {
        assertThrows(IllegalArgumentException.class, () -> ScenarioJson.extensions("[1, 2]"));
        assertThrows(IllegalArgumentException.class, () -> ScenarioJson.extensions("{\"a\": }"));
        assertThrows(IllegalArgumentException.class, () -> ScenarioJson.extensions("{\"a\": 1, \"a\": 2}"));
    }

    @Test
    void extensionsWhoseTextIsNotJsonAreNamedWhenWriting() {
        Scenario scenario = ScenarioJson.parse(ScenarioJsonTest.example(), "example.json");
        Scenario broken = scenario.toBuilder().extensions(Extensions.ofJson("{not json}")).build();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ScenarioJson.toJson(broken));
        assertTrue(error.getMessage().startsWith("$.extensions"), error.getMessage());
    }
}
