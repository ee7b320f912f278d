package vn.childaid.matching.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.childaid.matching.whatif.PlanDiff;
import vn.childaid.matching.whatif.PlanDiff.CategoryChange;
import vn.childaid.matching.whatif.PlanDiff.DistrictChange;
import vn.childaid.matching.whatif.PlanDiff.LineChange;
import vn.childaid.matching.whatif.PlanDiff.NeedChange;
import vn.childaid.matching.whatif.PlanDiff.OfferChange;
import vn.childaid.matching.whatif.PlanDiff.TierChange;

/**
 * Writes a {@link PlanDiff} as the contract's diff document ({@code docs/contract.md}, section
 * "diff"; {@code docs/schema/diff.schema.json}), field by field, so renaming a Java accessor can
 * never change the wire format.
 */
public final class PlanDiffJson {
    /** The diff document's own format version, written so that a later change of shape can be told apart. */
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanDiffJson() {}

    public static String toJson(PlanDiff diff) {
        try {
            return MAPPER.writeValueAsString(toTree(diff)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a diff tree always serialises", e);
        }
    }

    static ObjectNode toTree(PlanDiff diff) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("scenarioBefore", diff.scenarioBefore());
        root.put("scenarioAfter", diff.scenarioAfter());
        root.put("identical", diff.isEmpty());
        ArrayNode tiers = root.putArray("tiers");
        for (TierChange tier : diff.tiers()) {
            tiers.addObject().put("name", tier.name()).put("before", tier.before()).put("after", tier.after())
                    .put("valueBefore", tier.valueBefore()).put("valueAfter", tier.valueAfter());
        }
        ArrayNode categories = root.putArray("categories");
        for (CategoryChange category : diff.categories()) {
            categories.addObject().put("category", category.category().name()).put("before", category.before())
                    .put("after", category.after());
        }
        ArrayNode districts = root.putArray("districts");
        for (DistrictChange district : diff.districts()) {
            districts.addObject().put("code", district.code()).put("name", district.name())
                    .put("before", district.before()).put("after", district.after());
        }
        ArrayNode needs = root.putArray("needs");
        for (NeedChange need : diff.needs()) {
            ObjectNode node = needs.addObject().put("id", need.id()).put("tier", need.tier());
            need.tierBefore().ifPresent(tier -> node.put("tierBefore", tier));
            need.tierAfter().ifPresent(tier -> node.put("tierAfter", tier));
            node.put("unitsBefore", need.unitsBefore()).put("unitsAfter", need.unitsAfter())
                    .put("reachedBefore", need.reachedBefore()).put("reachedAfter", need.reachedAfter());
        }
        ArrayNode offers = root.putArray("offers");
        for (OfferChange offer : diff.offers()) {
            offers.addObject().put("id", offer.id()).put("usedBefore", offer.usedBefore())
                    .put("usedAfter", offer.usedAfter());
        }
        root.putObject("lines").put("kept", diff.lines().kept()).put("added", diff.lines().added())
                .put("removed", diff.lines().removed()).put("changed", diff.lines().changed());
        ArrayNode lineChanges = root.putArray("lineChanges");
        for (LineChange line : diff.lineChanges()) {
            lineChanges.addObject().put("offer", line.offer()).put("need", line.need())
                    .put("change", line.kind().name()).put("unitsBefore", line.unitsBefore())
                    .put("unitsAfter", line.unitsAfter());
        }
        return root;
    }
}
