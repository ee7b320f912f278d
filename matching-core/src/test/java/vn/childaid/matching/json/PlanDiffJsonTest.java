package vn.childaid.matching.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.childaid.matching.RandomScenarios;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.policy.PolicyPreset;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.whatif.PlanDiff;

/** The diff document as written: it conforms to the published schema and holds what the diff says. */
class PlanDiffJsonTest {
    /** The greedy plan against the same lines less every other one, under phase 2 (other tiers). */
    private static PlanDiff diff(long seed) {
        Scenario before = RandomScenarios.generate(seed, 10, 6, 5);
        Scenario after = before.withPolicy(PolicyPreset.PHASE_2_2022_2025.policy());
        Plan plan = GreedyAllocator.plan(before);
        List<Allocation> kept = new ArrayList<>();
        for (int i = 0; i < plan.allocations().size(); i += 2) {
            kept.add(plan.allocations().get(i));
        }
        return PlanDiff.between(before, plan, after, PlanAssembler.fromLines(after, kept, "half", SolverStats.NONE));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void aWrittenDiffConformsToTheSchemaAndCarriesTheDiff(long seed) {
        PlanDiff diff = diff(seed);

        String json = PlanDiffJson.toJson(diff);

        List<String> errors = ContractSchemas.errors(ContractSchemas.DIFF, json);
        assertTrue(errors.isEmpty(), () -> String.join("\n", errors));
        JsonNode root = ContractSchemas.parse(json);
        assertEquals(diff.tiers().size(), root.get("tiers").size());
        assertEquals(diff.needs().size(), root.get("needs").size());
        assertEquals(diff.lines().removed(), root.get("lines").get("removed").asInt());
        assertEquals(diff.isEmpty(), root.get("identical").asBoolean());
        for (int i = 0; i < diff.lineChanges().size(); i++) {
            assertEquals(diff.lineChanges().get(i).kind().name(), root.get("lineChanges").get(i).get("change").asText());
        }
        for (int i = 0; i < diff.needs().size(); i++) {
            PlanDiff.NeedChange need = diff.needs().get(i);
            JsonNode node = root.get("needs").get(i);
            assertEquals(need.tier(), node.get("tier").asText());
            assertEquals(need.tierBefore().isPresent(), node.has("tierBefore"));
            assertEquals(need.unitsAfter(), node.get("unitsAfter").asLong());
        }
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"tiers", "needs", "lines", "lineChanges", "offers"})
    void theSchemaRequiresEveryPartTheIssueNames(String part) {
        ObjectNode root = (ObjectNode) ContractSchemas.parse(PlanDiffJson.toJson(diff(1)));
        root.remove(part);

        assertFalse(ContractSchemas.errors(ContractSchemas.DIFF, root).isEmpty(), part + " is required");
    }
}
