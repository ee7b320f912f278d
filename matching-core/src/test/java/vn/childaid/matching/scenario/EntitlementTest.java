package vn.childaid.matching.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.childaid.matching.TestScenarios.ED_VILLAGE;
import static vn.childaid.matching.TestScenarios.R2_VILLAGE;
import static vn.childaid.matching.TestScenarios.R3_COMMUNE;
import static vn.childaid.matching.TestScenarios.R3_VILLAGE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.TestScenarios;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.csv.ScenarioCsv;
import vn.childaid.matching.engine.AllocationEngine;
import vn.childaid.matching.engine.SolveOptions;
import vn.childaid.matching.extensions.Extensions;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.CoveredBy;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAudit;

class EntitlementTest {
    /** A preschool child's lunches for a school year, as a need's unit cost. */
    private static final long LUNCH_YEAR = 3_000_000;
    /** Decree 105/2020: about 160,000 VND a month for nine months. */
    private static final long DECREE_105 = 1_440_000;

    /** The contract's example: lunch support for preschool children in ED villages and region-III communes. */
    static Entitlement decree105() {
        return Entitlement.builder("Decree 105/2020 lunch support").category(Category.NUTRITION)
                .ageBands(Set.of(AgeBand.PRESCHOOL)).especiallyDifficult(true).regions(Set.of(Region.III))
                .amountPerUnit(DECREE_105).build();
    }

    private static Need lunches(String id, String village, int children) {
        return Need.inVillage(id, village, Category.NUTRITION, AgeBand.PRESCHOOL, children, children, LUNCH_YEAR,
                Urgency.NORMAL);
    }

    private static Scenario.Builder lunchScenario(long cash) {
        return TestScenarios.areas("lunches")
                .need(lunches("N-ED", ED_VILLAGE, 10))
                .need(lunches("N-R2", R2_VILLAGE, 10))
                .offer(Offer.cash("O-1", "D-1", cash));
    }

    @Test
    void decree105AppliesToPreschoolLunchesInEspeciallyDifficultVillagesAndRegionIiiCommunesOnly() {
        Scenario scenario = TestScenarios.areas("places").entitlement(decree105())
                .need(lunches("N-ED", ED_VILLAGE, 4))
                .need(lunches("N-R3", R3_VILLAGE, 4))
                .need(lunches("N-R2", R2_VILLAGE, 4))
                .need(Need.inVillage("N-PRIMARY", ED_VILLAGE, Category.NUTRITION, AgeBand.PRIMARY, 4, 4, LUNCH_YEAR,
                        Urgency.NORMAL))
                .need(Need.inVillage("N-SUPPLIES", ED_VILLAGE, Category.SCHOOL_SUPPLIES, AgeBand.PRESCHOOL, 4, 4, 100_000,
                        Urgency.NORMAL))
                .build();

        assertEquals(LUNCH_YEAR - DECREE_105, scenario.need("N-ED").donorUnitCost());
        assertEquals(LUNCH_YEAR - DECREE_105, scenario.need("N-R3").donorUnitCost(), "region-III commune");
        assertEquals(LUNCH_YEAR, scenario.need("N-R2").donorUnitCost(), "region II, not especially difficult");
        assertEquals(LUNCH_YEAR, scenario.need("N-PRIMARY").donorUnitCost(), "another age band");
        assertEquals(100_000, scenario.need("N-SUPPLIES").donorUnitCost(), "another category");
        assertEquals(LUNCH_YEAR, scenario.need("N-ED").unitCost(), "the given cost is kept");
    }

    @Test
    void decree105LowersTheLineAmountsAndTheOfferUseByTheEntitlementPerUnit() {
        Plan without = GreedyAllocator.plan(lunchScenario(100_000_000).build());
        Scenario scenario = lunchScenario(100_000_000).entitlement(decree105()).build();
        Plan with = GreedyAllocator.plan(scenario);

        Allocation before = line(without, "N-ED");
        Allocation after = line(with, "N-ED");
        assertEquals(10, before.units());
        assertEquals(10, after.units());
        assertEquals(10 * LUNCH_YEAR, before.amount());
        assertEquals(10 * (LUNCH_YEAR - DECREE_105), after.amount());
        assertEquals(line(without, "N-R2").amount(), line(with, "N-R2").amount(), "no entitlement in region II");
        assertEquals(without.offers().get(0).used() - 10 * DECREE_105, with.offers().get(0).used());
        assertEquals(List.of(new CoveredBy("Decree 105/2020 lunch support", 0, 10 * DECREE_105)),
                with.need("N-ED").orElseThrow().coveredBy());
        assertEquals(List.of(), with.need("N-R2").orElseThrow().coveredBy());
        assertEquals(List.of(), PlanAudit.audit(scenario, with));
    }

    @Test
    void theSameMoneyReachesMoreChildrenWhenTheStatePaysPartOfEachLunch() {
        // Enough for 10 whole lunch years, or for 19 once the state pays 1,440,000 of each.
        SolveOptions quick = SolveOptions.defaults().withTimeLimit(Duration.ofSeconds(20))
                .withScoreCalculationLimit(5_000).withAssertScores(true);
        Scenario.Builder contended = TestScenarios.areas("contended")
                .need(lunches("N-ED", ED_VILLAGE, 30))
                .offer(Offer.cash("O-1", "D-1", 10 * LUNCH_YEAR));
        Scenario without = contended.build();
        Scenario with = contended.entitlement(decree105()).build();

        Plan before = AllocationEngine.solve(without, quick);
        Plan after = AllocationEngine.solve(with, quick);

        assertEquals(10, before.need("N-ED").orElseThrow().fundedUnits());
        assertEquals(19, after.need("N-ED").orElseThrow().fundedUnits());
        assertTrue(after.need("N-ED").orElseThrow().reached() > before.need("N-ED").orElseThrow().reached());
        assertEquals(19 * (LUNCH_YEAR - DECREE_105), after.offers().get(0).used());
        assertEquals(List.of(), PlanAudit.audit(with, after));
        Plan reread = PlanJson.parse(PlanJson.toJson(after), "plan.json");
        assertEquals(after.needs(), reread.needs(), "coveredBy survives the plan file");
        assertEquals(List.of(), PlanAudit.audit(with, reread));
    }

    @Test
    void aCoveredShareRaisesAlreadyCoveredAndAHandSetOneCombinesByTheLarger() {
        Entitlement half = Entitlement.builder("half").category(Category.NUTRITION).coveredShare(0.35).build();
        Entitlement exact = Entitlement.builder("exact").category(Category.SCHOOL_SUPPLIES).coveredShare(0.29).build();
        Scenario scenario = TestScenarios.areas("shares").entitlement(half).entitlement(exact)
                .need(lunches("N-1", ED_VILLAGE, 10))
                .need(lunches("N-2", ED_VILLAGE, 10).withAlreadyCovered(5))
                .need(lunches("N-3", ED_VILLAGE, 10).withAlreadyCovered(2))
                .need(Need.inVillage("N-4", ED_VILLAGE, Category.SCHOOL_SUPPLIES, AgeBand.ALL, 100, 100, 50_000, Urgency.NORMAL))
                .build();

        assertEquals(3, scenario.need("N-1").effectiveAlreadyCovered(), "0.35 × 10 rounded down");
        assertEquals(7, scenario.need("N-1").openUnits());
        assertEquals(0, scenario.need("N-1").alreadyCovered(), "the given field is kept");
        assertEquals(5, scenario.need("N-2").openUnits(), "the hand-set 5 is larger than 3");
        assertEquals(7, scenario.need("N-3").openUnits(), "3 is larger than the hand-set 2");
        assertEquals(71, scenario.need("N-4").openUnits(), "0.29 × 100 is 29 exactly, not 28.999…");
        assertEquals(LUNCH_YEAR, scenario.need("N-1").donorUnitCost(), "a covered share lowers no cost");
        Plan plan = GreedyAllocator.plan(scenario.toBuilder().offer(Offer.cash("O-1", "D-1", 1_000_000_000)).build());
        assertEquals(7, plan.need("N-1").orElseThrow().fundedUnits());
        assertEquals(List.of(new CoveredBy("half", 3, 0)), plan.need("N-1").orElseThrow().coveredBy());
    }

    @Test
    void severalAmountsPerUnitAddUpButNeverBelowZero() {
        Entitlement first = Entitlement.builder("first").category(Category.NUTRITION).amountPerUnit(2_000_000).build();
        Entitlement second = Entitlement.builder("second").category(Category.NUTRITION).amountPerUnit(2_000_000)
                .build();
        Scenario one = TestScenarios.areas("one").entitlement(first).need(lunches("N-1", ED_VILLAGE, 2)).build();
        Scenario two = one.toBuilder().entitlement(second).build();

        assertEquals(1_000_000, one.need("N-1").donorUnitCost());
        assertEquals(0, two.need("N-1").donorUnitCost());
        assertEquals(List.of(new EntitlementCover("first", 0, 2_000_000), new EntitlementCover("second", 0, 1_000_000)),
                two.need("N-1").coveredBy(), "the second pays only what is left of the unit cost");
    }

    @Test
    void commitmentsAreCheckedAgainstTheUnitsEntitlementsLeaveOpen() {
        Entitlement most = Entitlement.builder("most").category(Category.NUTRITION).coveredShare(0.8).build();
        InvalidScenarioException invalid = assertThrows(InvalidScenarioException.class, () -> TestScenarios
                .areas("committed").entitlement(most).need(lunches("N-1", ED_VILLAGE, 10))
                .offer(Offer.cash("O-1", "D-1", 100_000_000)).commitment(Commitment.of("O-1", "N-1", 5)).build());

        assertTrue(invalid.problems().stream().anyMatch(p -> p.path().equals("$.commitments[0]")
                && p.message().contains("only 2 are open")), invalid::getMessage);
    }

    @Test
    void scenarioWithEntitlementsRoundTripsThroughJsonAndCsvAndIsWrittenWithTheRuleNotItsEffect(@TempDir Path folder)
            throws Exception {
        Entitlement share = Entitlement.builder("Provincial school meals").category(Category.NUTRITION)
                .ageBands(Set.of(AgeBand.PRESCHOOL, AgeBand.PRIMARY)).areas(Set.of(R3_COMMUNE)).coveredShare(0.25)
                .placesExtensions(ScenarioJson.extensions("{\"source\": \"DOET\"}"))
                .extensions(ScenarioJson.extensions("{\"budgetLine\": 42}")).build();
        Scenario scenario = lunchScenario(20_000_000).entitlement(decree105()).entitlement(share).build();

        String json = ScenarioJson.toJson(scenario);
        assertEquals(scenario, ScenarioJson.parse(json, "scenario.json"));
        ScenarioCsv.write(scenario, folder);
        assertEquals(scenario, ScenarioCsv.read(folder));

        JsonNode written = new ObjectMapper().readTree(json);
        JsonNode need = written.get("needs").get(0);
        assertEquals(LUNCH_YEAR, need.get("unitCost").longValue(), "the given unit cost, not what donors pay");
        assertEquals(0, need.get("alreadyCovered").intValue(), "the hand-set value, not the covered share");
        assertFalse(need.has("coveredBy"));
        assertEquals(2, written.get("entitlements").size());
        assertEquals(DECREE_105, written.get("entitlements").get(0).get("amountPerUnit").longValue());
        assertEquals(0.25, written.get("entitlements").get(1).get("coveredShare").doubleValue());
        assertEquals("DOET", written.get("entitlements").get(1).get("places").get("extensions").get("source").asText());
    }

    @Test
    void aScenarioWithoutEntitlementsIsWrittenWithoutTheField() throws Exception {
        JsonNode written = new ObjectMapper().readTree(ScenarioJson.toJson(lunchScenario(1).build()));
        assertFalse(written.has("entitlements"));
    }

    @Test
    void badEntitlementsAreReportedWithTheirPaths() {
        String json = """
                {"formatVersion": 1, "name": "bad",
                 "communes": [{"code": "C1", "name": "C", "region": "III"}],
                 "villages": [{"code": "V1", "name": "V", "commune": "C1"}],
                 "entitlements": [
                   {"name": "unknown place", "category": "NUTRITION", "places": {"areas": ["NOWHERE"]}, "amountPerUnit": 1},
                   {"name": "too much", "category": "NUTRITION", "coveredShare": 1.5},
                   {"name": "both", "category": "NUTRITION", "coveredShare": 0.5, "amountPerUnit": 1000},
                   {"name": "neither", "category": "NUTRITION"},
                   {"name": "odd", "category": "SWEETS", "ageBands": ["TODDLER"], "coveredShare": 0.1,
                    "places": {"regions": ["IV"], "village": "V1"}},
                   {"name": "too much", "category": "NUTRITION", "amountPerUnit": 0}
                 ]}""";

        InvalidScenarioException invalid = assertThrows(InvalidScenarioException.class,
                () -> ScenarioJson.parse(json, "bad.json"));
        List<String> paths = invalid.problems().stream().map(Problem::path).toList();

        for (String path : List.of("$.entitlements[0].places.areas", "$.entitlements[1].coveredShare",
                "$.entitlements[2]", "$.entitlements[3]", "$.entitlements[4].category", "$.entitlements[4].ageBands[0]",
                "$.entitlements[4].places.regions[0]", "$.entitlements[4].places.village", "$.entitlements[5].name",
                "$.entitlements[5].amountPerUnit")) {
            assertTrue(paths.contains(path), () -> path + " in " + invalid.problems());
        }
        assertTrue(invalid.problems().stream().anyMatch(p -> p.message().contains("both coveredShare and amountPerUnit")));
        assertTrue(invalid.problems().stream().anyMatch(p -> p.message().contains("neither coveredShare nor amountPerUnit")));
        assertTrue(invalid.problems().stream().anyMatch(p -> p.message().contains("unknown area code")));
    }

    @Test
    void aBadEntitlementInTheCsvFolderIsReportedInEntitlementsJson(@TempDir Path folder) throws Exception {
        ScenarioCsv.write(lunchScenario(1).entitlement(decree105()).build(), folder);
        Path file = folder.resolve("entitlements.json");
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file)
                .replace("\"amountPerUnit\" : 1440000", "\"coveredShare\" : 2"));

        InvalidScenarioException invalid = assertThrows(InvalidScenarioException.class, () -> ScenarioCsv.read(folder));

        assertEquals(List.of("entitlements.json: $[0].coveredShare"),
                invalid.problems().stream().map(Problem::path).toList(), invalid::getMessage);
    }

    @Test
    void aNeedTakenIntoAnotherScenarioIsJudgedAfresh() {
        Scenario with = lunchScenario(1).entitlement(decree105()).build();
        Scenario elsewhere = TestScenarios.areas("elsewhere").need(with.need("N-ED")).build();

        assertEquals(LUNCH_YEAR, elsewhere.need("N-ED").donorUnitCost());
        assertEquals(lunches("N-ED", ED_VILLAGE, 10), elsewhere.need("N-ED"));
        assertEquals(Extensions.NONE, with.need("N-ED").extensions());
    }

    private static Allocation line(Plan plan, String need) {
        return plan.allocations().stream().filter(a -> a.need().equals(need)).findFirst().orElseThrow();
    }
}
