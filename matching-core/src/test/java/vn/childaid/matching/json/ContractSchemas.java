package vn.childaid.matching.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The published JSON Schemas of the contract ({@code docs/schema/} at the repository's root), read
 * from the repository itself rather than copied into test resources, so a test fails the moment
 * the published schema and what the code reads or writes part ways.
 */
final class ContractSchemas {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static final Schema SCENARIO = load("scenario.schema.json");
    static final Schema PLAN = load("plan.schema.json");
    static final Schema REPORT = load("report.schema.json");

    private ContractSchemas() {}

    /** Tests run in the module's folder; the schemas live one level up, beside the other modules. */
    static Path directory() {
        Path directory = Path.of("..", "docs", "schema").toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("the contract's JSON Schemas are expected in " + directory
                    + " (docs/schema at the repository's root); run the tests from the module's folder");
        }
        return directory;
    }

    private static Schema load(String file) {
        return REGISTRY.getSchema(parse(read(directory().resolve(file))));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
        }
    }

    /** Every schema error as "location: message"; empty when the document conforms. */
    static List<String> errors(Schema schema, String json) {
        return errors(schema, parse(json));
    }

    static List<String> errors(Schema schema, JsonNode json) {
        return schema.validate(json).stream().map(Object::toString).toList();
    }
}
