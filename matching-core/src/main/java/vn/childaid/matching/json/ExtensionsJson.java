package vn.childaid.matching.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import vn.childaid.matching.extensions.Extensions;

/**
 * Turns {@code "extensions"} objects into {@link Extensions} and back. The text kept is canonical
 * (keys sorted at every depth, no spaces) so that equal JSON values make equal extensions, and
 * numbers are read as written ({@link ScenarioJson#READER}) so that none is rounded on the way.
 */
final class ExtensionsJson {
    private ExtensionsJson() {}

    /** The canonical extensions of a JSON object. */
    static Extensions of(JsonNode object) {
        if (!object.isObject()) {
            throw new IllegalArgumentException("extensions must be a JSON object, found " + object.getNodeType());
        }
        try {
            return Extensions.ofJson(ScenarioJson.MAPPER.writeValueAsString(sortedKeys(object)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** The JSON object the extensions hold; {@code where} names them if their text is not JSON. */
    static ObjectNode tree(Extensions extensions, String where) {
        String json = extensions.json().orElseThrow(() -> new IllegalArgumentException(where + " has no extensions"));
        try {
            JsonNode node = ScenarioJson.READER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(where + " must be a JSON object, found: " + json);
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode sortedKeys(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode sorted = ScenarioJson.MAPPER.createObjectNode();
            names.forEach(name -> sorted.set(name, sortedKeys(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode copy = ScenarioJson.MAPPER.createArrayNode();
            node.forEach(element -> copy.add(sortedKeys(element)));
            return copy;
        }
        return node;
    }
}
