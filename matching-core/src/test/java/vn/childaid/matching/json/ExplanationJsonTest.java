package vn.childaid.matching.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.childaid.matching.RandomScenarios;
import vn.childaid.matching.TestScenarios;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.explain.Explainer;
import vn.childaid.matching.explain.Explanation;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/** The explain document: its fields as the contract names them, and conformance to its published schema. */
class ExplanationJsonTest {
    private static void assertConforms(String json, String what) {
        List<String> errors = ContractSchemas.errors(ContractSchemas.EXPLAIN, json);
        assertTrue(errors.isEmpty(), () -> what + " should conform to explain.schema.json, but:\n" + String.join("\n", errors));
    }

    /** Random scenarios give every code, in-kind offers, needs no offer may fund and commitments. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void explanationsOfRandomScenariosConform(long seed) {
        Scenario scenario = RandomScenarios.generate(seed, 12, 8, 6);

        Explanation explanation = Explainer.of(scenario, GreedyAllocator.plan(scenario)).all();

        assertConforms(ExplanationJson.toJson(explanation), "the explanation of random scenario " + seed);
    }

    @Test
    void theDocumentHasTheContractsFields() {
        Scenario scenario = TestScenarios.areas("fields")
                .need(TestScenarios.need("N", TestScenarios.ED_VILLAGE, Category.NUTRITION, 10, 4, 100_000, Urgency.NORMAL))
                .need(TestScenarios.need("N-X", TestScenarios.R3_VILLAGE, Category.SCHOLARSHIP, 3, 1, 100_000, Urgency.NORMAL))
                .offer(Offer.cash("O-1", "D-1", 250_000).withCategories(java.util.Set.of(Category.NUTRITION))).offer(Offer.inKind("O-2", "D-2", Category.NUTRITION, 1, 80_000))
                .build();
        var plan = PlanAssembler.fromLines(scenario, List.of(Allocation.of("O-1", "N", 2, 200_000)), "t", SolverStats.NONE);

        String json = ExplanationJson.toJson(Explainer.of(scenario, plan).all());
        JsonNode root = ContractSchemas.parse(json);

        assertConforms(json, "the explanation");
        assertEquals(1, root.get("formatVersion").asInt());
        assertTrue(root.get("audit").get("passed").asBoolean());
        JsonNode need = root.get("needs").get(0);
        assertEquals("N", need.get("id").asText());
        assertEquals("PARTIAL", need.get("status").asText());
        assertEquals(4, need.get("openUnits").asInt());
        assertEquals(2, need.get("fundedUnits").asInt());
        assertEquals(0, need.get("coveredUnits").asInt());
        assertEquals("O-1", need.get("funders").get(0).get("offer").asText());
        assertEquals(2, need.get("funders").get(0).get("units").asInt());
        assertEquals("CAPACITY", need.get("offers").get(0).get("code").asText());
        assertFalse(need.get("offers").get(0).has("rule"), "rule only with ELIGIBILITY");
        assertEquals("ROOM_LEFT", need.get("offers").get(1).get("code").asText());
        JsonNode excluded = root.get("needs").get(1).get("offers").get(1);
        assertEquals("ELIGIBILITY", excluded.get("code").asText());
        assertEquals("IN_KIND_CATEGORY", excluded.get("rule").asText());
        JsonNode cash = root.get("offers").get(0);
        assertEquals("CASH", cash.get("kind").asText());
        assertEquals(200_000, cash.get("used").asLong());
        assertEquals(50_000, cash.get("remaining").asLong());
        assertEquals(TestScenarios.DISTRICT, cash.get("byDistrict").get(0).get("district").asText());
        assertEquals(200_000, cash.get("byCategory").get(0).get("vnd").asLong());
        assertFalse(cash.get("byCategory").get(0).has("units"), "units only in kind");
        JsonNode goods = root.get("offers").get(1);
        assertEquals(1, goods.get("remainingUnits").asInt());
        assertEquals("N", goods.get("couldFund").get(0).get("need").asText());
        assertEquals(1, goods.get("couldFund").get(0).get("units").asInt());
        assertEquals("ROOM_LEFT", goods.get("couldFund").get(0).get("code").asText());
    }

    @Test
    void theSchemaHoldsEligibilityAndItsSubRuleTogether() {
        Scenario scenario = TestScenarios.areas("schema")
                .need(TestScenarios.need("N", TestScenarios.ED_VILLAGE, Category.NUTRITION, 10, 4, 100_000, Urgency.NORMAL))
                .offer(Offer.cash("O-1", "D-1", 250_000)).build();
        ObjectNode root = (ObjectNode) ContractSchemas.parse(
                ExplanationJson.toJson(Explainer.of(scenario, GreedyAllocator.plan(scenario)).all()));
        ObjectNode reason = (ObjectNode) root.get("needs").get(0).get("offers").get(0);
        assertTrue(ContractSchemas.errors(ContractSchemas.EXPLAIN, root).isEmpty(), "as written");

        reason.put("code", "ELIGIBILITY").remove("rule");
        assertFalse(ContractSchemas.errors(ContractSchemas.EXPLAIN, root).isEmpty(), "ELIGIBILITY without its sub-rule");
        reason.put("code", "CAPACITY").put("rule", "AREA");
        assertFalse(ContractSchemas.errors(ContractSchemas.EXPLAIN, root).isEmpty(), "a sub-rule with another code");
        reason.put("code", "TOO_BAD").remove("rule");
        assertFalse(ContractSchemas.errors(ContractSchemas.EXPLAIN, root).isEmpty(), "an unknown code");
    }
}
