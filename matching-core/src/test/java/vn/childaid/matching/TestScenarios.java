package vn.childaid.matching;

import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.scenario.Commune;
import vn.childaid.matching.scenario.District;
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.scenario.Village;

/**
 * A small area tree for tests: district 645 with region-III commune 24457 (especially difficult
 * village 24457-01, ordinary village 24457-02) and region-II commune 24460 (village 24460-01).
 */
public final class TestScenarios {
    public static final String ED_VILLAGE = "24457-01";
    public static final String R3_VILLAGE = "24457-02";
    public static final String R2_VILLAGE = "24460-01";
    public static final String R3_COMMUNE = "24457";
    public static final String DISTRICT = "645";

    private TestScenarios() {}

    /** The area tree and two donors, no needs or offers yet. */
    public static Scenario.Builder areas(String name) {
        return Scenario.builder(name)
                .district(District.of(DISTRICT, "Krông Bông"))
                .commune(Commune.inDistrict(R3_COMMUNE, "Cư Pui", DISTRICT, Region.III))
                .commune(Commune.inDistrict("24460", "Hòa Phong", DISTRICT, Region.II))
                .village(Village.of(ED_VILLAGE, "Buôn Khanh", R3_COMMUNE, true))
                .village(Village.of(R3_VILLAGE, "Thôn 2", R3_COMMUNE, false))
                .village(Village.of(R2_VILLAGE, "Thôn 1", "24460", false))
                .donor(Donor.of("D-1", "Women's Union", DonorType.MASS_ORGANIZATION))
                .donor(Donor.of("D-2", "An enterprise", DonorType.ENTERPRISE))
                .donor(Donor.of("D-3", "Youth Union", DonorType.MASS_ORGANIZATION));
    }

    public static Need need(String id, String village, Category category, int children, int quantity, long unitCost,
            Urgency urgency) {
        return Need.inVillage(id, village, category, AgeBand.PRIMARY, children, quantity, unitCost, urgency);
    }
}
