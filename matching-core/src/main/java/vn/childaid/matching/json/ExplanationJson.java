package vn.childaid.matching.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import vn.childaid.matching.explain.CouldFund;
import vn.childaid.matching.explain.Explanation;
import vn.childaid.matching.explain.Funder;
import vn.childaid.matching.explain.NeedExplanation;
import vn.childaid.matching.explain.OfferExplanation;
import vn.childaid.matching.explain.OfferReason;
import vn.childaid.matching.explain.Share;
import vn.childaid.matching.files.OutputFile;

/**
 * Writes explanations as the contract's {@code explain} document ({@code docs/contract.md},
 * {@code docs/schema/explain.schema.json}): {@code {"formatVersion", "scenario", "audit", "needs",
 * "offers"}}. Written field by field, so renaming a Java accessor can never change the wire format.
 * Offers are named by id, never by donor.
 */
public final class ExplanationJson {
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = ScenarioJson.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private ExplanationJson() {}

    public static String toJson(Explanation explanation) {
        try {
            return MAPPER.writeValueAsString(toTree(explanation));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an explanation tree always serialises", e);
        }
    }

    /**
     * Writes the explanation to {@code file} whole or not at all (see {@link OutputFile}).
     *
     * @throws vn.childaid.matching.files.OutputFileException naming {@code file} and why it cannot be written
     */
    public static void write(Explanation explanation, Path file) {
        OutputFile.of(file).writeString(toJson(explanation));
    }

    static ObjectNode toTree(Explanation explanation) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("scenario", explanation.scenario());
        ObjectNode audit = root.putObject("audit");
        audit.put("passed", explanation.audit().isEmpty());
        audit.put("feasible", explanation.feasible());
        audit.put("anotherScenario", explanation.belongsToAnotherScenario());
        ArrayNode foreign = audit.putArray("foreign");
        explanation.foreign().forEach(foreign::add);
        ArrayNode problems = audit.putArray("problems");
        explanation.audit().forEach(violation -> problems.add(PlanJson.toTree(violation)));
        ArrayNode needs = root.putArray("needs");
        explanation.needs().forEach(need -> needs.add(need(need)));
        ArrayNode offers = root.putArray("offers");
        explanation.offers().forEach(offer -> offers.add(offer(offer)));
        return root;
    }

    private static ObjectNode need(NeedExplanation need) {
        ObjectNode node = MAPPER.createObjectNode().put("id", need.id()).put("tier", need.tier())
                .put("status", need.status().name()).put("openUnits", need.openUnits())
                .put("fundedUnits", need.fundedUnits()).put("coveredUnits", need.coveredUnits());
        ArrayNode funders = node.putArray("funders");
        for (Funder funder : need.funders()) {
            funders.addObject().put("offer", funder.offer()).put("units", funder.units());
        }
        ArrayNode offers = node.putArray("offers");
        for (OfferReason reason : need.offers()) {
            ObjectNode entry = offers.addObject().put("offer", reason.offer()).put("code", reason.code().name());
            reason.rule().ifPresent(rule -> entry.put("rule", rule.name()));
            entry.put("detail", reason.detail());
        }
        return node.put("sentence", need.sentence());
    }

    private static ObjectNode offer(OfferExplanation offer) {
        ObjectNode node = MAPPER.createObjectNode().put("id", offer.id())
                .put("kind", offer.inKind() ? "IN_KIND" : "CASH").put("used", offer.used())
                .put("remaining", offer.remaining());
        if (offer.inKind()) {
            node.put("usedUnits", offer.usedUnits()).put("remainingUnits", offer.remainingUnits());
        }
        shares(node.putArray("byTier"), "tier", offer.byTier(), offer.inKind());
        shares(node.putArray("byCategory"), "category", offer.byCategory(), offer.inKind());
        shares(node.putArray("byDistrict"), "district", offer.byDistrict(), offer.inKind());
        ArrayNode couldFund = node.putArray("couldFund");
        for (CouldFund could : offer.couldFund()) {
            couldFund.addObject().put("need", could.need()).put("units", could.units()).put("code", could.code().name());
        }
        return node;
    }

    /** Each share as {@code {key: name, vnd, units}}; units only in kind; a district share of no district has no key. */
    private static void shares(ArrayNode array, String key, List<Share> shares, boolean inKind) {
        for (Share share : shares) {
            ObjectNode entry = array.addObject();
            if (!share.key().equals(Share.NO_DISTRICT)) {
                entry.put(key, share.key());
            }
            entry.put("vnd", share.vnd());
            if (inKind) {
                entry.put("units", share.units());
            }
        }
    }
}
