package vn.childaid.matching.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.json.ScenarioJson;

/**
 * The Đắk Lắk example shipped in {@code examples/} and the generator's scenarios conform to the
 * contract's published scenario schema ({@code docs/schema/} at the repository's root), so what we
 * hand integrators as examples is what the schema promises.
 */
class ContractSchemaConformanceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Schema scenarioSchema;

    /** Tests run in the module's folder; the schemas live one level up, beside the modules. */
    @BeforeAll
    static void loadTheScenarioSchema() throws IOException {
        Path directory = Path.of("..", "docs", "schema").toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("the contract's JSON Schemas are expected in " + directory
                    + " (docs/schema at the repository's root); run the tests from the module's folder");
        }
        JsonNode schema = MAPPER.readTree(Files.readString(directory.resolve("scenario.schema.json")));
        scenarioSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
    }

    private static List<String> errors(JsonNode scenario) {
        return scenarioSchema.validate(scenario).stream().map(Object::toString).toList();
    }

    private static void assertConforms(JsonNode scenario, String what) {
        List<String> errors = errors(scenario);
        assertTrue(errors.isEmpty(), () -> what + " should conform to the scenario schema, but:\n"
                + String.join("\n", errors.subList(0, Math.min(20, errors.size()))));
    }

    @Test
    void theCheckedInDakLakExampleConforms() throws IOException {
        Path example = Path.of("examples", "daklak-2020.json");
        assertConforms(MAPPER.readTree(Files.readString(example)), example.toString());
    }

    static Stream<Arguments> generatedScenarios() {
        return Stream.of(ScenarioSize.TINY, ScenarioSize.SMALL, ScenarioSize.PROVINCE)
                .flatMap(size -> Stream.of(1L, 2020L).map(seed -> Arguments.of(size, seed)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("generatedScenarios")
    void generatedScenariosConform(ScenarioSize size, long seed) throws IOException {
        String json = ScenarioJson.toJson(DakLakGenerator.generate(size, seed));
        assertConforms(MAPPER.readTree(json), size + " seed " + seed);
    }

    /** Guards the tests above against a schema that accepts anything. */
    @Test
    void theSchemaStillRejectsAnUnknownFieldInTheExample() throws IOException {
        ObjectNode example = (ObjectNode) MAPPER.readTree(Files.readString(Path.of("examples", "daklak-2020.json")));
        ((ObjectNode) example.get("offers").get(0)).put("earmark", "school meals");
        assertFalse(errors(example).isEmpty(), "an unknown offer field outside extensions must be rejected");
    }
}
