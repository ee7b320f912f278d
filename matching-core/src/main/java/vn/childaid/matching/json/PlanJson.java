package vn.childaid.matching.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Problem;

/**
 * Writes and reads plans in the v1 JSON contract. Plans are written atomically: a reader of the
 * file sees the old plan or the new one, never half of one.
 */
public final class PlanJson {
    private static final ObjectMapper MAPPER = ScenarioJson.MAPPER.copy()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private PlanJson() {}

    public static String toJson(Plan plan) {
        ObjectNode tree = MAPPER.createObjectNode();
        tree.put("formatVersion", Plan.FORMAT_VERSION);
        tree.setAll((ObjectNode) MAPPER.valueToTree(plan));
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan tree always serialises", e);
        }
    }

    /**
     * Writes the plan to {@code file} whole or not at all (see {@link vn.childaid.matching.files.OutputFile}).
     *
     * @throws vn.childaid.matching.files.OutputFileException naming {@code file} and why it cannot be written
     */
    public static void write(Plan plan, Path file) {
        vn.childaid.matching.files.OutputFile.of(file).writeString(toJson(plan));
    }

    /** Reads a plan file; a broken one is reported as problems with file, line and column or path. */
    public static Plan read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new InvalidScenarioException(List.of(new Problem(file.toString(), "cannot be read: " + e.getMessage())));
        }
    }

    public static Plan parse(String json, String source) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (!tree.isObject()) {
                throw new InvalidScenarioException(List.of(new Problem(source + ": $", "a plan must be a JSON object")));
            }
            JsonNode version = ((ObjectNode) tree).remove("formatVersion");
            if (version == null || version.asInt() != Plan.FORMAT_VERSION) {
                throw new InvalidScenarioException(List.of(new Problem(source + ": $.formatVersion",
                        "this engine reads plan format version " + Plan.FORMAT_VERSION + ", found " + version)));
            }
            return MAPPER.treeToValue(tree, Plan.class);
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException(List.of(new Problem(source + ": $" + jsonPath(e),
                    e.getOriginalMessage())));
        }
    }

    private static String jsonPath(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            StringBuilder path = new StringBuilder();
            for (var reference : mapping.getPath()) {
                path.append(reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]");
            }
            return path.toString();
        }
        return "";
    }
}
