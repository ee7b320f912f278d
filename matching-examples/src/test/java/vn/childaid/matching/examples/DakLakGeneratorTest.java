package vn.childaid.matching.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.scenario.Commune;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.scenario.Village;

class DakLakGeneratorTest {
    private static final Scenario PROVINCE = DakLakGenerator.generate(ScenarioSize.PROVINCE, 2020);

    @Test
    void provinceHasTheFiftyCommunesAndFourHundredFortyOneVillagesOfThePlan() {
        Set<String> regionThree = PROVINCE.communes().stream().filter(c -> c.region() == Region.III).map(Commune::code)
                .collect(Collectors.toSet());
        assertEquals(50, regionThree.size());
        long especiallyDifficult = PROVINCE.villages().stream().filter(Village::especiallyDifficult).count();
        assertEquals(441, especiallyDifficult);
        assertTrue(PROVINCE.villages().stream().filter(Village::especiallyDifficult).allMatch(v -> regionThree.contains(v.commune())),
                "especially difficult villages lie in region-III communes");
        assertTrue(PROVINCE.communes().stream().anyMatch(c -> c.region() != Region.III), "some region I/II communes");
        assertEquals(15, PROVINCE.districts().size());
        assertEquals(3_000, PROVINCE.needs().size());
        assertEquals(250, PROVINCE.offers().size());
    }

    @Test
    void provinceCoversEveryCategoryAndDonorKind() {
        assertEquals(EnumSet.allOf(Category.class),
                PROVINCE.needs().stream().map(Need::category).collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class))));
        assertEquals(EnumSet.allOf(DonorType.class), PROVINCE.donors().stream().map(d -> d.type())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DonorType.class))));
        assertTrue(PROVINCE.needs().stream().anyMatch(n -> !n.divisible()), "indivisible houses and playgrounds");
        assertTrue(PROVINCE.needs().stream().anyMatch(n -> n.alreadyCovered() > 0), "some state coverage");
        assertTrue(PROVINCE.offers().stream().anyMatch(o -> !o.isCash()), "in-kind offers");
        assertTrue(PROVINCE.offers().stream().anyMatch(Offer::especiallyDifficultOnly));
        assertTrue(PROVINCE.offers().stream().anyMatch(o -> o.minGrant() > 0));
        assertTrue(PROVINCE.offers().stream().anyMatch(o -> o.maxNeeds() > 0));
        assertTrue(PROVINCE.offers().stream().anyMatch(o -> !o.areas().isEmpty()), "earmarked offers");
        assertTrue(PROVINCE.offers().stream().anyMatch(o -> !o.preferences().isEmpty()));
    }

    @Test
    void offersCoverAboutHalfOfWhatTheNeedsCost() {
        double need = PROVINCE.needs().stream().mapToDouble(n -> (double) n.openUnits() * n.unitCost()).sum();
        double offered = PROVINCE.offers().stream().mapToDouble(o -> (double) o.totalValue()).sum();
        double ratio = offered / need;
        assertTrue(ratio >= 0.40 && ratio <= 0.70, "offers are " + ratio + " of the need");
    }

    @Test
    void sameSeedSameScenarioOtherSeedOtherScenario() {
        assertEquals(ScenarioJson.toJson(DakLakGenerator.generate(ScenarioSize.SMALL, 7)),
                ScenarioJson.toJson(DakLakGenerator.generate(ScenarioSize.SMALL, 7)));
        assertNotEquals(ScenarioJson.toJson(DakLakGenerator.generate(ScenarioSize.SMALL, 7)),
                ScenarioJson.toJson(DakLakGenerator.generate(ScenarioSize.SMALL, 8)));
    }

    @Test
    void everySizeValidatesAndHasAboutItsPromisedCounts() {
        for (ScenarioSize size : Arrays.asList(ScenarioSize.TINY, ScenarioSize.SMALL)) {
            Scenario scenario = DakLakGenerator.generate(size, 1);
            assertEquals(size.expectedNeeds(), scenario.needs().size());
            assertEquals(scenario, ScenarioJson.parse(ScenarioJson.toJson(scenario), size.name()), "validates and round-trips");
        }
    }
}
