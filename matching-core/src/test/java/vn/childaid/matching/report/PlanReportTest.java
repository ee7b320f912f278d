package vn.childaid.matching.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.Scenario;

/** A report worked out by hand ({@link ReportScenarios}), figure by figure. */
class PlanReportTest {
    private final Scenario scenario = ReportScenarios.scenario();
    private final PlanReport report = PlanReport.of(scenario, ReportScenarios.plan(scenario));

    @Test
    void aSoundPlanIsFeasibleAndTheScenarios() {
        assertTrue(report.feasible());
        assertTrue(report.belongsToScenario());
        assertEquals(0, report.violations());
        assertEquals("Đắk Lắk", report.province().orElseThrow().name());
        assertEquals(2020, report.year().getAsInt());
    }

    @Test
    void moneyIsSplitByCashAndKindAndByDonorAndType() {
        assertEquals(new Money(1_600_000, 500_000, 1_500_000, 300_000), report.money());
        assertEquals(List.of(DonorType.MASS_ORGANIZATION, DonorType.ENTERPRISE),
                report.byDonorType().stream().map(DonorTypeTotal::type).toList(), "types in the contract's order");
        DonorTypeTotal mass = report.byDonorType().get(0);
        assertEquals(2, mass.donors());
        assertEquals(new Money(1_000_000, 500_000, 1_000_000, 300_000), mass.money());
        assertEquals(16.0, mass.childrenReached(), 1e-9);
        assertEquals(new Money(600_000, 0, 500_000, 0), report.byDonor().get(1).money());
    }

    @Test
    void anAnonymousDonorCarriesNeitherNameNorId() {
        DonorRef secret = report.byDonor().get(1).donor();
        assertTrue(secret.anonymous());
        assertEquals(Optional.empty(), secret.id());
        assertEquals(Optional.empty(), secret.name());
        assertEquals("Anonymous donor", secret.label(Words.english()));
        assertEquals(Optional.empty(), report.lines().get(2).donor().id());
        assertFalse(report.toString().contains(ReportScenarios.SECRET_NAME));
    }

    @Test
    void childrenAreCountedPerLineAndSummedByEveryGrouping() {
        assertEquals(List.of(6.0, 10.0, 2.0), report.lines().stream().map(ReportLine::children).toList(),
                "children × units / quantity: 6×3/3 (the commitment, first as in the plan), 10×10/10, 4×1/2");
        assertEquals(18.0, report.childrenReached(), 1e-9);
        assertEquals(20, report.children());
        Reach nutrition = report.byCategory().get(Category.NUTRITION.ordinal());
        assertEquals(new Reach("NUTRITION", "NUTRITION", 2, 2, 16, 16.0), nutrition);
        Reach district = report.byDistrict().get(0);
        assertEquals(new Reach("645", "Krông Bông", 3, 2, 20, 18.0), district);
        assertEquals(1, report.byDistrict().size(), "no row for needs without a district when there are none");
        assertEquals(List.of(12.0, 6.0), report.byCommune().stream().map(Reach::reached).toList());
        assertEquals(scenario.policy().tierNames(), report.byTier().stream().map(Reach::key).toList());
        assertEquals(12.0, report.byTier().get(0).reached(), 1e-9, "both critical needs of the ED village are tier 1");
    }

    @Test
    void aHardestVillageIsCoveredInACategoryOnlyWhenEveryCriticalNeedIsFunded() {
        VillageCoverage nutrition = report.especiallyDifficultCoverage().get(Category.NUTRITION.ordinal());
        VillageCoverage health = report.especiallyDifficultCoverage().get(Category.HEALTHCARE.ordinal());
        VillageCoverage houses = report.especiallyDifficultCoverage().get(Category.CHARITY_HOUSE.ordinal());

        assertEquals(1, report.especiallyDifficultVillages());
        assertEquals(new VillageCoverage(Category.NUTRITION, 1, 1, 1, List.of()), nutrition);
        assertEquals(new VillageCoverage(Category.HEALTHCARE, 1, 1, 0, List.of(new AreaRef("24457-01", "Buôn Khanh"))),
                health);
        assertEquals(new VillageCoverage(Category.CHARITY_HOUSE, 0, 0, 0, List.of()), houses);
    }

    @Test
    void unmetNeedIsCountedInUnitsChildrenAndVnd() {
        assertEquals(1, report.unmet().size());
        Unmet unmet = report.unmet().get(0);
        assertEquals(new AreaRef("24457", "Cư Pui"), unmet.commune());
        assertEquals(Category.HEALTHCARE, unmet.category());
        assertEquals(1, unmet.units());
        assertEquals(2.0, unmet.children(), 1e-9);
        assertEquals(500_000, unmet.vnd());
        assertEquals(List.of("N-2"), report.unmetNeeds().stream().map(UnmetNeed::need).toList());
    }

    @Test
    void theHonourRollRanksEachTypeByValueAndByChildren() {
        HonourRoll.Group mass = report.honourRoll().byValue().get(0);
        assertEquals(DonorType.MASS_ORGANIZATION, mass.type());
        assertEquals(List.of(Optional.of("D-1"), Optional.of("D-3")),
                mass.entries().stream().map(e -> e.donor().id()).toList());
        assertEquals(List.of(1, 2), mass.entries().stream().map(HonourRoll.Entry::rank).toList());
        HonourRoll.Entry anonymous = report.honourRoll().byValue().get(1).entries().get(0);
        assertEquals(new HonourRoll.Entry(1, report.byDonor().get(1).donor(), 500_000, 600_000, 2.0), anonymous);
    }

    @Test
    void theChildrenRankingCanDifferFromTheValueRanking() {
        // D-3's goods reach 6 children; give D-1's cash to a need whose children cost more.
        Plan plan = PlanAssembler.assemble(scenario, List.of(Allocation.of("O-1", "N-2", 1, 500_000)), "hand-made",
                SolverStats.NONE);
        PlanReport other = PlanReport.of(scenario, plan);
        assertEquals(List.of(Optional.of("D-1"), Optional.of("D-3")), other.honourRoll().byValue().get(0).entries()
                .stream().map(e -> e.donor().id()).toList());
        assertEquals(List.of(Optional.of("D-3"), Optional.of("D-1")), other.honourRoll().byChildren().get(0).entries()
                .stream().map(e -> e.donor().id()).toList());
    }

    @Test
    void anInfeasiblePlanOrAnotherScenariosPlanIsReportedSo() {
        Plan overspent = PlanAssembler.assemble(scenario, List.of(Allocation.of("O-2", "N-2", 2, 1_000_000)),
                "hand-made", SolverStats.NONE);
        PlanReport broken = PlanReport.of(scenario, overspent);
        assertFalse(broken.feasible(), "O-2 gives 1,000,000 of its 600,000");
        assertTrue(broken.violations() > 0);
        assertTrue(broken.belongsToScenario());

        Plan foreign = ReportScenarios.plan(scenario).toBuilder().build();
        PlanReport elsewhere = PlanReport.of(scenario, renamed(foreign, "another scenario"));
        assertFalse(elsewhere.belongsToScenario());
        assertTrue(elsewhere.feasible(), "its lines keep the rules; only its name is another's");
        assertEquals(1, elsewhere.violations());
    }

    private static Plan renamed(Plan plan, String scenarioName) {
        return Plan.builder(scenarioName).feasible(plan.feasible()).score(plan.score()).allocations(plan.allocations())
                .needs(plan.needs()).offers(plan.offers()).tiers(plan.tiers()).violations(plan.violations())
                .ruleViolations(plan.ruleViolations()).solver(plan.solver()).build();
    }

    @Test
    void yearsAddUpMoneyAndChildYears() {
        Plan plan = ReportScenarios.plan(scenario);
        PeriodReport period = PlanReport.years(List.of(new YearInput(2020, scenario, plan),
                new YearInput(2021, scenario, plan)));

        assertEquals(List.of(2020, 2021), period.years().stream().map(r -> r.year().getAsInt()).toList());
        assertEquals(report.money().plus(report.money()), period.money());
        assertEquals(36.0, period.childYears(), 1e-9);
        assertTrue(period.allFeasible());
        assertEquals(4, period.byDonorType().get(0).donors(), "donors counted once a year");
    }
}
