package vn.childaid.matching.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.childaid.matching.TestScenarios.ED_VILLAGE;
import static vn.childaid.matching.TestScenarios.need;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.TestScenarios;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Problem;
import vn.childaid.matching.scenario.Scenario;

/** A plan file read as carefully as a scenario: one document, UTF-8, guarded fields, words not types. */
class PlanJsonInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Scenario SCENARIO = TestScenarios.areas("plans")
            .need(need("N-1", ED_VILLAGE, Category.NUTRITION, 10, 10, 1_000_000, Urgency.CRITICAL))
            .offer(Offer.cash("O-1", "D-1", 12_000_000))
            .build();

    @TempDir
    Path dir;

    private static ObjectNode tree() throws IOException {
        return (ObjectNode) JSON.readTree(PlanJson.toJson(GreedyAllocator.plan(SCENARIO)));
    }

    private static List<Problem> problemsOf(String json) {
        return assertThrows(InvalidScenarioException.class, () -> PlanJson.parse(json, "p.json")).problems();
    }

    @Test
    void contentAfterThePlanIsRefused() throws IOException {
        String plan = PlanJson.toJson(GreedyAllocator.plan(SCENARIO));
        List<Problem> problems = problemsOf(plan + plan);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).path().matches("p\\.json:\\d+:\\d+"), problems::toString);
        assertTrue(problems.get(0).message().contains("more after the end"));
    }

    @Test
    void aPlanFileInLatin1IsRefusedWithItsPlace() throws IOException {
        String plan = PlanJson.toJson(GreedyAllocator.plan(SCENARIO)).replace("\"plans\"", "\"Krông Bông\"");
        Path file = Files.write(dir.resolve("plan.json"), plan.getBytes(StandardCharsets.ISO_8859_1));
        Problem problem = assertThrows(InvalidScenarioException.class, () -> PlanJson.read(file)).problems().get(0);
        assertTrue(problem.path().matches(".*plan\\.json:3:\\d+"), problem::toString);
        assertTrue(problem.message().startsWith("is not UTF-8 text"), problem::toString);
    }

    @Test
    void aFractionWhereACountBelongsIsRefusedNamingTheField() throws IOException {
        ObjectNode root = tree();
        ((ObjectNode) root.get("allocations").get(0)).put("units", new BigDecimal("2.5"));
        List<Problem> problems = problemsOf(root.toString());
        assertEquals("p.json: $.allocations[0].units", problems.get(0).path());
        assertEquals("must be a whole number, found the number 2.5", problems.get(0).message());
    }

    @Test
    void aCountBeyond32BitsIsRefusedNotCutShort() throws IOException {
        ObjectNode root = tree();
        ((ObjectNode) root.get("allocations").get(0)).put("units", 1L << 40);
        ((ObjectNode) root.get("needs").get(0)).put("openUnits", new BigDecimal("1e999999999"));
        List<Problem> problems = problemsOf(root.toString());
        assertEquals(List.of("p.json: $.allocations[0].units", "p.json: $.needs[0].openUnits"),
                problems.stream().map(Problem::path).toList(), problems::toString);
        assertEquals("is too large for a count: 1099511627776", problems.get(0).message());
        assertTrue(problems.get(1).message().startsWith("is too large for a 64-bit integer"), problems::toString);
    }

    @Test
    void extensionsThatAreNotAnObjectAreReportedAtTheTopToo() throws IOException {
        ObjectNode root = tree();
        root.put("extensions", 3);
        List<Problem> problems = problemsOf(root.toString());
        assertEquals("p.json: $.extensions", problems.get(0).path());
        assertEquals("must be a JSON object, found the number 3", problems.get(0).message());
    }

    @Test
    void aBrokenPlanIsDescribedByItsFieldsNeverByJavaTypes() throws IOException {
        ObjectNode root = tree();
        root.putNull("scenario");
        root.set("allocations", JSON.createArrayNode().add(7).add(JSON.createObjectNode().putNull("offer")));
        ((ObjectNode) root.get("needs").get(0)).put("status", 5).put("reached", "far");
        root.set("solver", JSON.createArrayNode());
        root.set("ruleViolations", JSON.createArrayNode().add(JSON.createObjectNode().put("rule", 1)));
        root.set("violations", JSON.createArrayNode().addNull());
        List<Problem> problems = problemsOf(root.toString());
        assertTrue(problems.size() >= 8, problems::toString);
        for (Problem problem : problems) {
            assertTrue(problem.path().startsWith("p.json: $."), problem::toString);
            assertFalse(problem.message().matches("(?s).*(Exception|java\\.|NullPointer|Cannot invoke|NUMBER|ARRAY|"
                    + "com\\.fasterxml).*"), problem::toString);
        }
        assertTrue(problems.contains(new Problem("p.json: $.allocations[0]", "must be an object, found the number 7")),
                problems::toString);
        assertTrue(problems.contains(new Problem("p.json: $.solver", "must be an object, found an array")), problems::toString);
    }

    @Test
    void aPlanAboveTheSizeLimitIsRefusedBeforeReading() throws IOException {
        Path file = dir.resolve("plan.json");
        Plan plan = GreedyAllocator.plan(SCENARIO);
        PlanJson.write(plan, file);
        Problem problem = assertThrows(InvalidScenarioException.class, () -> PlanJson.read(file, 100)).problems().get(0);
        assertTrue(problem.message().startsWith("is too large to read"), problem::toString);
        assertEquals(plan, PlanJson.read(file, Files.size(file)));
    }

    @Test
    void aPlanThatIsNotAnObjectSaysWhatItIs() {
        assertEquals(List.of(new Problem("p.json: $", "a plan must be a JSON object, found an array")), problemsOf("[1, 2]"));
        assertEquals("p.json: $.formatVersion", problemsOf("{\"formatVersion\": \"1\"}").get(0).path());
        Plan plan = PlanJson.parse("{\"formatVersion\": 1.0, \"scenario\": \"s\", \"feasible\": true, \"allocations\": [],"
                + " \"needs\": [], \"offers\": [], \"tiers\": []}", "p.json");
        assertEquals("s", plan.scenario());
    }
}
