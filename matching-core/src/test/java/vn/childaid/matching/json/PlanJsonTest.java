package vn.childaid.matching.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.childaid.matching.TestScenarios.ED_VILLAGE;
import static vn.childaid.matching.TestScenarios.need;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.TestScenarios;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.extensions.Extensions;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.rules.Rule;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/** Plans on the wire: written field by field, read tolerantly, every problem reported with its path. */
class PlanJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Scenario SCENARIO = TestScenarios.areas("plans")
            .need(need("N-1", ED_VILLAGE, Category.NUTRITION, 10, 10, 1_000_000, Urgency.CRITICAL))
            .need(need("N-2", ED_VILLAGE, Category.HEALTHCARE, 4, 4, 2_000_000, Urgency.HIGH))
            .offer(Offer.cash("O-1", "D-1", 12_000_000))
            .build();

    private static ObjectNode tree(Plan plan) throws Exception {
        return (ObjectNode) JSON.readTree(PlanJson.toJson(plan));
    }

    @Test
    void aPlanWrittenOutReadsBackEqual() {
        Plan plan = GreedyAllocator.plan(SCENARIO);
        assertEquals(plan, PlanJson.parse(PlanJson.toJson(plan), "plan.json"));
    }

    @Test
    void aBrokenPlansRuleViolationsRoundTrip() {
        Plan broken = PlanAssembler.assemble(SCENARIO, List.of(Allocation.of("O-1", "N-1", 11, 11_000_000),
                Allocation.of("O-1", "N-2", 2, 4_000_000)), "hand-made", SolverStats.NONE);
        assertFalse(broken.feasible());
        assertEquals(List.of(Rule.OPEN_UNITS, Rule.CAPACITY),
                broken.ruleViolations().stream().map(v -> v.rule()).toList());
        Plan read = PlanJson.parse(PlanJson.toJson(broken), "plan.json");
        assertEquals(broken.ruleViolations(), read.ruleViolations());
    }

    @Test
    void theWireNamesAreTheContractsAndExcessIsAWholeNumberWhenItIsOne() throws Exception {
        Plan broken = PlanAssembler.assemble(SCENARIO, List.of(Allocation.of("O-1", "N-2", 7, 14_000_000)),
                "hand-made", SolverStats.NONE);
        ObjectNode root = tree(broken);
        JsonNode violation = root.get("ruleViolations").get(0);
        assertEquals("OPEN_UNITS", violation.get("rule").asText());
        assertEquals("N-2", violation.get("need").asText());
        assertFalse(violation.has("offer"), "a rule about a need names no offer");
        assertTrue(violation.get("excess").isIntegralNumber());
        assertEquals(3, violation.get("excess").asLong());
        assertEquals("units", violation.get("unit").asText());
        for (String field : List.of("formatVersion", "scenario", "feasible", "score", "allocations", "needs", "offers",
                "tiers", "violations", "ruleViolations", "solver")) {
            assertTrue(root.has(field), field);
        }
    }

    @Test
    void fieldsThisVersionDoesNotKnowAreIgnored() throws Exception {
        ObjectNode root = tree(GreedyAllocator.plan(SCENARIO));
        root.put("explanations", "from a newer writer");
        ((ObjectNode) root.get("needs").get(0)).put("why", "top tier");
        Plan read = PlanJson.parse(root.toString(), "plan.json");
        assertEquals(GreedyAllocator.plan(SCENARIO).needs().size(), read.needs().size());
    }

    @Test
    void extensionsOnEveryPlanObjectSurviveARoundTrip() throws Exception {
        ObjectNode root = tree(GreedyAllocator.plan(SCENARIO));
        root.putObject("extensions").put("approvedBy", "DOLISA").put("ratio", 0.1234567890123456789);
        for (String list : List.of("allocations", "needs", "offers", "tiers")) {
            ((ObjectNode) root.get(list).get(0)).putObject("extensions").putArray("tags").add(list);
        }
        Plan read = PlanJson.parse(root.toString(), "plan.json");
        assertTrue(read.extensions().isPresent());
        assertTrue(read.allocations().get(0).extensions().isPresent());
        JsonNode written = JSON.readTree(PlanJson.toJson(read));
        assertEquals(root.get("extensions").get("approvedBy"), written.get("extensions").get("approvedBy"));
        for (String list : List.of("allocations", "needs", "offers", "tiers")) {
            assertEquals(root.get(list).get(0).get("extensions"), written.get(list).get(0).get("extensions"), list);
        }
        assertEquals(read, PlanJson.parse(written.toString(), "again.json"));
    }

    @Test
    void everyBrokenFieldIsReportedWithItsPath() throws Exception {
        ObjectNode root = tree(GreedyAllocator.plan(SCENARIO));
        ((ObjectNode) root.get("allocations").get(0)).put("units", "many");
        ((ObjectNode) root.get("needs").get(1)).put("status", "DONE");
        ((ObjectNode) root.get("tiers").get(0)).remove("value");
        root.put("feasible", "yes");
        root.putArray("offers").add(3);
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> PlanJson.parse(root.toString(), "p.json"));
        List<String> paths = error.problems().stream().map(p -> p.path()).toList();
        assertEquals(List.of("p.json: $.feasible", "p.json: $.allocations[0].units", "p.json: $.needs[1].status",
                "p.json: $.offers[0]", "p.json: $.tiers[0].value"), paths);
    }

    @Test
    void aWholeNumberWrittenWithAZeroFractionIsAccepted() throws Exception {
        ObjectNode root = tree(GreedyAllocator.plan(SCENARIO));
        String json = root.toString().replace("\"units\":10,", "\"units\":10.0,");
        assertTrue(json.contains("10.0"));
        assertEquals(10, PlanJson.parse(json, "p.json").allocations().get(0).units());
    }

    @Test
    void anotherFormatVersionIsRefusedByName() throws Exception {
        ObjectNode root = tree(GreedyAllocator.plan(SCENARIO));
        root.put("formatVersion", 2);
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class,
                () -> PlanJson.parse(root.toString(), "p.json"));
        assertEquals("p.json: $.formatVersion", error.problems().get(0).path());
    }

    @Test
    void aPlansOwnExtensionsCanBeSetInJava() {
        Plan plan = GreedyAllocator.plan(SCENARIO).toBuilder().extensions(Extensions.ofJson("{\"batch\":7}")).build();
        assertEquals(plan, PlanJson.parse(PlanJson.toJson(plan), "p.json"));
    }
}
