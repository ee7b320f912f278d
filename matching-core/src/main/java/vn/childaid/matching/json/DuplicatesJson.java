package vn.childaid.matching.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vn.childaid.matching.dedupe.CandidateGroup;
import vn.childaid.matching.dedupe.DuplicateCandidates;

/**
 * The {@code dedupe} report: {@code {"needs": [{"ids", "confidence", "reasons"}], "donors": [...],
 * "offers": [...], "resolved": [...]}}, written field by field (see the contract).
 */
public final class DuplicatesJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DuplicatesJson() {}

    /** The report of {@code candidates}, with {@code resolved} (one line per thing done; empty when nothing was resolved). */
    public static String toJson(DuplicateCandidates candidates, List<String> resolved) {
        ObjectNode root = MAPPER.createObjectNode();
        groups(root.putArray("needs"), candidates.needs());
        groups(root.putArray("donors"), candidates.donors());
        groups(root.putArray("offers"), candidates.offers());
        ArrayNode done = root.putArray("resolved");
        resolved.forEach(done::add);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report tree always serialises", e);
        }
    }

    private static void groups(ArrayNode into, List<CandidateGroup> groups) {
        for (CandidateGroup group : groups) {
            ObjectNode node = into.addObject();
            ArrayNode ids = node.putArray("ids");
            group.ids().forEach(ids::add);
            node.put("confidence", group.confidence());
            ArrayNode reasons = node.putArray("reasons");
            group.reasons().forEach(reasons::add);
        }
    }
}
