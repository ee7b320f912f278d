package vn.childaid.matching.report;

import java.util.List;
import java.util.Set;
import vn.childaid.matching.TestScenarios;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Commune;
import vn.childaid.matching.scenario.District;
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Province;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.scenario.Village;

/**
 * A small scenario whose report is worked out by hand: three needs (two critical ones in the
 * especially difficult village), a named cash donor, an anonymous cash donor and a committed gift
 * in kind.
 */
final class ReportScenarios {
    static final String SECRET_NAME = "Secret Benefactor Co";
    static final String SECRET_ID = "D-SECRET";

    private ReportScenarios() {}

    static Scenario scenario() {
        return Scenario.builder("report-example").year(2020).province(new Province("66", "Đắk Lắk"))
                .district(District.of(TestScenarios.DISTRICT, "Krông Bông"))
                .commune(Commune.inDistrict(TestScenarios.R3_COMMUNE, "Cư Pui", TestScenarios.DISTRICT, Region.III))
                .commune(Commune.inDistrict("24460", "Hòa Phong", TestScenarios.DISTRICT, Region.II))
                .village(Village.of(TestScenarios.ED_VILLAGE, "Buôn Khanh", TestScenarios.R3_COMMUNE, true))
                .village(Village.of(TestScenarios.R2_VILLAGE, "Thôn 1", "24460", false))
                .need(TestScenarios.need("N-1", TestScenarios.ED_VILLAGE, Category.NUTRITION, 10, 10, 100_000, Urgency.CRITICAL))
                .need(TestScenarios.need("N-2", TestScenarios.ED_VILLAGE, Category.HEALTHCARE, 4, 2, 500_000, Urgency.CRITICAL))
                .need(TestScenarios.need("N-3", TestScenarios.R2_VILLAGE, Category.NUTRITION, 6, 3, 200_000, Urgency.NORMAL))
                .donor(Donor.of("D-1", "=Women's Union", DonorType.MASS_ORGANIZATION))
                .donor(Donor.builder(SECRET_ID).name(SECRET_NAME).type(DonorType.ENTERPRISE).anonymous(true).build())
                .donor(Donor.of("D-3", "Youth Union", DonorType.MASS_ORGANIZATION))
                .offer(Offer.cash("O-1", "D-1", 1_000_000))
                .offer(Offer.cash("O-2", SECRET_ID, 600_000))
                .offer(Offer.inKind("O-3", "D-3", Category.NUTRITION, 5, 100_000))
                .commitment(Commitment.of("O-3", "N-3", 3))
                .build();
    }

    /** N-1 funded whole in cash, N-2 half by the anonymous donor, N-3 whole by the committed goods. */
    static Plan plan(Scenario scenario) {
        return PlanAssembler.assemble(scenario, List.of(Allocation.of("O-1", "N-1", 10, 1_000_000),
                Allocation.of("O-2", "N-2", 1, 500_000)), "hand-made", SolverStats.NONE);
    }

    /** The scenario with the donors named made anonymous, everything else as it was. */
    static Scenario withAnonymous(Scenario scenario, Set<String> donorIds) {
        Scenario.Builder builder = Scenario.builder(scenario.name()).policy(scenario.policy());
        scenario.year().ifPresent(builder::year);
        scenario.province().ifPresent(builder::province);
        scenario.districts().forEach(builder::district);
        scenario.communes().forEach(builder::commune);
        scenario.villages().forEach(builder::village);
        scenario.needs().forEach(builder::need);
        scenario.donors().forEach(donor -> builder.donor(donor.toBuilder()
                .anonymous(donor.anonymous() || donorIds.contains(donor.id())).build()));
        scenario.offers().forEach(builder::offer);
        scenario.commitments().forEach(builder::commitment);
        scenario.entitlements().forEach(builder::entitlement);
        return builder.extensions(scenario.extensions()).build();
    }
}
