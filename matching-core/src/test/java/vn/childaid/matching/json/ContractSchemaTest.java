package vn.childaid.matching.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.childaid.matching.RandomScenarios;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.report.PeriodReport;
import vn.childaid.matching.report.PlanReport;
import vn.childaid.matching.report.YearInput;
import vn.childaid.matching.engine.AllocationEngine;
import vn.childaid.matching.engine.SolveOptions;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Scenario;

/**
 * The published JSON Schemas ({@code docs/schema/}) against what the code reads and writes: the
 * contract's example and every scenario and plan the library writes conform, and the schemas are
 * strict where the contract is (so they are not vacuous).
 */
class ContractSchemaTest {
    private static String solvedPlan;

    @BeforeAll
    static void solveTheExample() {
        Scenario scenario = ScenarioJson.parse(ScenarioJsonTest.example(), "contract-example.json");
        Plan plan = AllocationEngine.solve(scenario, SolveOptions.defaults()
                .withTimeLimit(Duration.ofSeconds(2)).withScoreCalculationLimit(5_000).withRandomSeed(1));
        solvedPlan = PlanJson.toJson(plan);
    }

    private static ObjectNode exampleTree() {
        return (ObjectNode) ContractSchemas.parse(ScenarioJsonTest.example());
    }

    private static ObjectNode element(JsonNode root, String array, int index) {
        return (ObjectNode) root.get(array).get(index);
    }

    private static void assertConforms(com.networknt.schema.Schema schema, String json, String what) {
        List<String> errors = ContractSchemas.errors(schema, json);
        assertTrue(errors.isEmpty(), () -> what + " should conform to the schema, but:\n" + String.join("\n", errors));
    }

    // ---- Scenarios ----

    @Test
    void theContractsExampleConformsToTheScenarioSchema() {
        assertConforms(ContractSchemas.SCENARIO, ScenarioJsonTest.example(), "contract-example.json");
    }

    @Test
    void theExampleWrittenBackByScenarioJsonConforms() {
        Scenario scenario = ScenarioJson.parse(ScenarioJsonTest.example(), "contract-example.json");
        assertConforms(ContractSchemas.SCENARIO, ScenarioJson.toJson(scenario), "the example written by ScenarioJson");
    }

    /** Random scenarios use every kind of field: in-kind offers, eligibility limits, preferences, commitments. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void scenariosWrittenByScenarioJsonConform(long seed) {
        Scenario scenario = RandomScenarios.generate(seed, 12, 8, 6);
        assertConforms(ContractSchemas.SCENARIO, ScenarioJson.toJson(scenario), "random scenario " + seed);
    }

    @Test
    void anUnknownFieldOutsideExtensionsIsRejectedByTheSchemaAndTheReader() {
        ObjectNode root = exampleTree();
        element(root, "needs", 0).put("colour", "red");
        String json = root.toString();

        List<String> errors = ContractSchemas.errors(ContractSchemas.SCENARIO, json);
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("/needs/0") && e.contains("'colour'")),
                () -> "the schema should name the unknown field, got " + errors);
        assertThrows(InvalidScenarioException.class, () -> ScenarioJson.parse(json, "colour.json"));
    }

    @Test
    void extensionsAreAcceptedOnEveryObjectByTheSchemaAndTheReader() {
        ObjectNode root = exampleTree();
        ObjectNode anything = root.objectNode().put("colour", "red");
        anything.putArray("tags").add(1).add("two");
        anything.putObject("nested").putNull("nothing");
        Consumer<JsonNode> extend = node -> ((ObjectNode) node).set("extensions", anything.deepCopy());
        extend.accept(root);
        ObjectNode policy = (ObjectNode) root.get("policy");
        extend.accept(policy);
        ObjectNode tier = policy.putArray("tiers").addObject().put("name", "ED");
        tier.put("especiallyDifficult", true);
        extend.accept(tier);
        for (String array : List.of("districts", "communes", "villages", "needs", "donors", "offers", "commitments")) {
            root.get(array).forEach(extend);
        }
        extend.accept(element(root, "offers", 0).get("preferences"));
        String json = root.toString();

        assertConforms(ContractSchemas.SCENARIO, json, "a scenario with extensions everywhere");
        assertDoesNotThrow(() -> ScenarioJson.parse(json, "extended.json"));
    }

    @Test
    void aWholeNumberWrittenWithAZeroFractionIsAnInteger() {
        ObjectNode root = exampleTree();
        element(root, "needs", 0).put("children", 42.0);
        element(root, "commitments", 0).put("units", 10.0);
        assertConforms(ContractSchemas.SCENARIO, root.toString(), "counts written as 42.0");

        element(root, "needs", 0).put("children", 42.5);
        assertFalse(ContractSchemas.errors(ContractSchemas.SCENARIO, root.toString()).isEmpty(),
                "42.5 children is not a count");
    }

    static Stream<Arguments> scenariosTheSchemaRejects() {
        String longId = "N-" + "9".repeat(99);
        String longName = "x".repeat(1001);
        return Stream.of(
                rejected("another format version", r -> r.put("formatVersion", 2), "/formatVersion"),
                rejected("no format version", r -> r.remove("formatVersion"), "'formatVersion'"),
                rejected("no name", r -> r.remove("name"), "'name'"),
                rejected("a blank name", r -> r.put("name", "  "), "/name"),
                rejected("a name over 1,000 characters", r -> r.put("name", longName), "/name"),
                rejected("an id over 100 characters", r -> element(r, "needs", 0).put("id", longId), "/needs/0/id"),
                rejected("a need in a village and a commune", r -> element(r, "needs", 0).put("commune", "24457"), "/needs/0:"),
                rejected("a need in no place", r -> element(r, "needs", 2).remove("commune"), "/needs/2:"),
                rejected("zero children", r -> element(r, "needs", 0).put("children", 0), "/needs/0/children"),
                rejected("a negative unit cost", r -> element(r, "needs", 0).put("unitCost", -1), "/needs/0/unitCost"),
                rejected("a count beyond 32 bits", r -> element(r, "needs", 0).put("quantity", 3_000_000_000L), "/needs/0/quantity"),
                rejected("an unknown category", r -> element(r, "needs", 0).put("category", "FOOD"), "/needs/0/category"),
                rejected("a string for a number", r -> element(r, "needs", 0).put("children", "many"), "/needs/0/children"),
                rejected("a cash offer with a quantity", r -> element(r, "offers", 0).put("quantity", 3), "/offers/0:"),
                rejected("a cash offer without an amount", r -> element(r, "offers", 0).remove("amount"), "'amount'"),
                rejected("an in-kind offer with an amount", r -> element(r, "offers", 1).put("amount", 3), "/offers/1:"),
                rejected("an in-kind offer without a category", r -> element(r, "offers", 1).remove("category"), "'category'"),
                rejected("an in-kind offer without a quantity", r -> element(r, "offers", 1).remove("quantity"), "'quantity'"),
                rejected("a preference weight over 1000", r -> ((ObjectNode) element(r, "offers", 0).get("preferences")
                        .get("categories")).put("NUTRITION", 1000.5), "/offers/0/preferences/categories/NUTRITION"),
                rejected("a preference for an unknown category", r -> ((ObjectNode) element(r, "offers", 0)
                        .get("preferences").get("categories")).put("FOOD", 1), "'FOOD'"),
                rejected("a negative minimum grant", r -> element(r, "offers", 0).put("minGrant", -1), "/offers/0/minGrant"),
                rejected("a commitment of no units", r -> element(r, "commitments", 0).put("units", 0), "/commitments/0/units"),
                rejected("a tier weight over 1e9", r -> ((ObjectNode) r.get("policy")).putArray("tierWeights")
                        .add(2_000_000_000L).add(1), "/policy/tierWeights/0"),
                rejected("a negative tier weight", r -> ((ObjectNode) r.get("policy")).putArray("tierWeights")
                        .add(-1).add(1), "/policy/tierWeights/0"),
                rejected("a category weight over 1000", r -> ((ObjectNode) r.get("policy")).putObject("categoryWeights")
                        .put("NUTRITION", 1001), "/policy/categoryWeights/NUTRITION"),
                rejected("eight tiers besides the other tier", r -> {
                    ArrayNode tiers = ((ObjectNode) r.get("policy")).putArray("tiers");
                    for (int i = 0; i < 8; i++) {
                        tiers.addObject().put("name", "T" + i);
                    }
                }, "/policy/tiers"),
                rejected("an unknown policy field", r -> ((ObjectNode) r.get("policy")).put("strict", true), "'strict'"),
                rejected("extensions that are not an object", r -> r.put("extensions", "note"), "/extensions"));
    }

    /** {@code named}: a JSON pointer to the field at fault, or the quoted name of a missing or unknown one. */
    private static Arguments rejected(String what, Consumer<ObjectNode> change, String named) {
        ObjectNode root = exampleTree();
        change.accept(root);
        return Arguments.of(what, root.toString(), named);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenariosTheSchemaRejects")
    void theScenarioSchemaRejects(String what, String json, String named) {
        List<String> errors = ContractSchemas.errors(ContractSchemas.SCENARIO, json);
        assertTrue(errors.stream().anyMatch(e -> e.contains(named)),
                () -> what + ": expected an error naming '" + named + "', got " + errors);
    }

    /** The contract's prose shows examples; integrators copy them, so they must conform too. */
    @Test
    void theContractsOwnExamplesConform() throws IOException {
        String contract = Files.readString(ContractSchemas.directory().resolveSibling("contract.md"));
        Matcher block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(contract);
        int scenarios = 0;
        int plans = 0;
        while (block.find()) {
            JsonNode example = ContractSchemas.parse(block.group(1));
            // A scenario or a plan names its format version; other examples (a dedupe report) do not.
            if (example.has("donors") && example.has("formatVersion")) {
                assertConforms(ContractSchemas.SCENARIO, block.group(1), "the scenario example in contract.md");
                assertEquals(ContractSchemas.parse(ScenarioJsonTest.example()), example,
                        "the contract's scenario example is the test resource contract-example.json");
                scenarios++;
            } else if (example.has("allocations") && example.has("formatVersion")) {
                assertConforms(ContractSchemas.PLAN, block.group(1), "the plan example in contract.md");
                plans++;
            }
        }
        assertEquals(1, scenarios, "scenario examples in contract.md");
        assertEquals(1, plans, "plan examples in contract.md");
    }

    @Test
    void aScenarioWithEntitlementsAndItsPlanConform() {
        Scenario scenario = vn.childaid.matching.TestScenarios.areas("entitled")
                .entitlement(vn.childaid.matching.scenario.Entitlement.builder("Decree 105/2020 lunch support")
                        .category(vn.childaid.matching.classification.Category.NUTRITION)
                        .ageBands(java.util.Set.of(vn.childaid.matching.classification.AgeBand.PRESCHOOL))
                        .especiallyDifficult(true).regions(java.util.Set.of(vn.childaid.matching.classification.Region.III))
                        .amountPerUnit(1_440_000).build())
                .entitlement(vn.childaid.matching.scenario.Entitlement.builder("share")
                        .category(vn.childaid.matching.classification.Category.NUTRITION).coveredShare(0.5)
                        .areas(java.util.Set.of(vn.childaid.matching.TestScenarios.R3_COMMUNE)).build())
                .need(vn.childaid.matching.scenario.Need.inVillage("N-1", vn.childaid.matching.TestScenarios.ED_VILLAGE,
                        vn.childaid.matching.classification.Category.NUTRITION,
                        vn.childaid.matching.classification.AgeBand.PRESCHOOL, 10, 10, 3_000_000,
                        vn.childaid.matching.classification.Urgency.NORMAL))
                .offer(vn.childaid.matching.scenario.Offer.cash("O-1", "D-1", 10_000_000)).build();
        String json = ScenarioJson.toJson(scenario);
        assertConforms(ContractSchemas.SCENARIO, json, "a scenario with entitlements");
        String plan = PlanJson.toJson(vn.childaid.matching.baseline.GreedyAllocator.plan(scenario));
        assertConforms(ContractSchemas.PLAN, plan, "a plan with coveredBy");
        assertEquals(2, ContractSchemas.parse(plan).get("needs").get(0).get("coveredBy").size());

        ObjectNode both = (ObjectNode) ContractSchemas.parse(json);
        ((ObjectNode) both.get("entitlements").get(0)).put("coveredShare", 0.5);
        assertFalse(ContractSchemas.errors(ContractSchemas.SCENARIO, both).isEmpty(), "both coveredShare and amountPerUnit");
        ObjectNode share = (ObjectNode) ContractSchemas.parse(json);
        ((ObjectNode) share.get("entitlements").get(1)).put("coveredShare", 1.5);
        assertFalse(ContractSchemas.errors(ContractSchemas.SCENARIO, share).isEmpty(), "a share above 1");
    }

    // ---- Plans ----

    @Test
    void aPlanSolvedAndWrittenByPlanJsonConformsToThePlanSchema() {
        assertConforms(ContractSchemas.PLAN, solvedPlan, "the solved example's plan");
        JsonNode plan = ContractSchemas.parse(solvedPlan);
        assertEquals(3, plan.get("needs").size(), "every need of the example is in the plan");
        assertTrue(plan.get("feasible").asBoolean(), "the example has a feasible plan");
    }

    @Test
    void aPlanMissingNeedsIsRejected() {
        ObjectNode plan = (ObjectNode) ContractSchemas.parse(solvedPlan);
        plan.remove("needs");
        List<String> errors = ContractSchemas.errors(ContractSchemas.PLAN, plan);
        assertTrue(errors.stream().anyMatch(e -> e.contains("'needs'")), () -> "expected 'needs' to be required, got " + errors);
    }

    @Test
    void planFieldsUnknownToThisVersionAreTolerated() {
        ObjectNode plan = (ObjectNode) ContractSchemas.parse(solvedPlan);
        plan.put("explanations", "added by a later writer");
        ((ObjectNode) plan.get("allocations").get(0)).put("deliveredOn", "2020-09-05");
        ((ObjectNode) plan.get("solver")).putObject("extensions").put("host", "a");
        assertConforms(ContractSchemas.PLAN, plan.toString(), "a plan with fields this version does not know");
    }

    @Test
    void aPlanFromBeforeRuleViolationsAndTheNewerSolverFieldsConforms() {
        ObjectNode plan = (ObjectNode) ContractSchemas.parse(solvedPlan);
        plan.remove("ruleViolations");
        ((ObjectNode) plan.get("solver")).remove(List.of("constructionMillis", "randomSeed"));
        assertConforms(ContractSchemas.PLAN, plan.toString(), "an older version-1 plan");
    }

    static Stream<Arguments> ruleViolations() {
        return Stream.of(
                Arguments.of("{\"rule\":\"CAPACITY\",\"offer\":\"O-01\",\"excess\":5000,\"unit\":\"VND\",\"message\":\"m\"}", true),
                Arguments.of("{\"rule\":\"CAPACITY\",\"offer\":\"O-02\",\"excess\":3,\"unit\":\"units\",\"message\":\"m\"}", true),
                Arguments.of("{\"rule\":\"COMMITMENT\",\"offer\":\"O-01\",\"need\":\"N-0001\",\"excess\":-2,\"unit\":\"units\",\"message\":\"m\"}", true),
                Arguments.of("{\"rule\":\"MAX_NEEDS\",\"offer\":\"O-01\",\"excess\":1,\"unit\":\"needs\",\"message\":\"m\"}", true),
                Arguments.of("{\"rule\":\"MAX_FUNDERS\",\"need\":\"N-0001\",\"excess\":1,\"unit\":\"donors\",\"message\":\"m\"}", true),
                Arguments.of("{\"rule\":\"REPORTED_NUMBERS\",\"excess\":0.5,\"unit\":\"children\",\"message\":\"m\"}", true),
                Arguments.of("{\"rule\":\"MAX_NEEDS\",\"offer\":\"O-01\",\"excess\":1,\"unit\":\"VND\",\"message\":\"m\"}", false),
                Arguments.of("{\"rule\":\"MIN_GRANT\",\"offer\":\"O-01\",\"need\":\"N-0001\",\"excess\":1,\"unit\":\"units\",\"message\":\"m\"}", false),
                Arguments.of("{\"rule\":\"DOUBLE_FUNDING\",\"need\":\"N-0001\",\"excess\":1,\"unit\":\"units\",\"message\":\"m\"}", false),
                Arguments.of("{\"rule\":\"OPEN_UNITS\",\"need\":\"N-0001\",\"unit\":\"units\",\"message\":\"m\"}", false));
    }

    @ParameterizedTest(name = "{0} conforms: {1}")
    @MethodSource("ruleViolations")
    void ruleViolationsNameAKnownRuleWithItsUnit(String violation, boolean conforms) {
        ObjectNode plan = (ObjectNode) ContractSchemas.parse(solvedPlan);
        plan.put("feasible", false);
        plan.putArray("ruleViolations").add(ContractSchemas.parse(violation));
        List<String> errors = ContractSchemas.errors(ContractSchemas.PLAN, plan);
        assertEquals(conforms, errors.isEmpty(), () -> violation + " → " + errors);
    }

    // ---- Reports ----

    private static String exampleReport() {
        Scenario scenario = ScenarioJson.parse(ScenarioJsonTest.mutated(root -> {
            root.putObject("province").put("code", "66").put("name", "Đắk Lắk");
            element(root, "donors", 1).put("anonymous", true);
        }), "contract-example.json");
        return PlanReportJson.toJson(PlanReport.of(scenario, PlanJson.parse(solvedPlan, "plan.json")));
    }

    @Test
    void theReportOfTheSolvedExampleConforms() {
        assertConforms(ContractSchemas.REPORT, exampleReport(), "the example's report");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void reportsOfRandomScenariosAndTheirPeriodConform(long seed) {
        Scenario scenario = RandomScenarios.generate(seed, 12, 8, 6);
        Plan plan = GreedyAllocator.plan(scenario);
        assertConforms(ContractSchemas.REPORT, PlanReportJson.toJson(PlanReport.of(scenario, plan)), "report " + seed);
        PeriodReport period = PlanReport.years(List.of(new YearInput(2022, scenario, plan),
                new YearInput(2023, scenario, plan)));
        assertConforms(ContractSchemas.REPORT, PlanReportJson.toJson(period), "period report " + seed);
    }

    @Test
    void theReportSchemaRefusesANamedAnonymousDonorAndMissingOrUnknownFields() {
        ObjectNode named = (ObjectNode) ContractSchemas.parse(exampleReport());
        ObjectNode anonymous = (ObjectNode) named.get("byDonor").get(1);
        assertTrue(anonymous.get("anonymous").asBoolean(), "the example's second donor is anonymous");
        anonymous.put("id", "D-02");
        assertFalse(ContractSchemas.errors(ContractSchemas.REPORT, named).isEmpty(), "an anonymous donor with an id");

        ObjectNode noMoney = (ObjectNode) ContractSchemas.parse(exampleReport());
        noMoney.remove("money");
        assertFalse(ContractSchemas.errors(ContractSchemas.REPORT, noMoney).isEmpty(), "money is required");

        ObjectNode unknown = (ObjectNode) ContractSchemas.parse(exampleReport());
        unknown.put("surprise", 1);
        assertFalse(ContractSchemas.errors(ContractSchemas.REPORT, unknown).isEmpty(), "an unknown field");
    }
}
