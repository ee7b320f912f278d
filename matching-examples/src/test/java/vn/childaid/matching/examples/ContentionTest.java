package vn.childaid.matching.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.policy.PolicyPreset;
import vn.childaid.matching.scenario.Scenario;

class ContentionTest {

    @Test
    void defaultGenerationIsStillTheCheckedInExampleByteForByte() throws IOException {
        String checkedIn = Files.readString(Path.of("examples", "daklak-2020.json"));
        assertEquals(checkedIn.strip(), ScenarioJson.toJson(DakLakGenerator.generate(ScenarioSize.PROVINCE, 2020)).strip());
        assertEquals(checkedIn.strip(), ScenarioJson.toJson(
                DakLakGenerator.generate(ScenarioSize.PROVINCE, 2020, Contention.AS_GENERATED)).strip());
    }

    @Test
    void theSameSettingsAndSeedGiveTheSameScenarioAndAnotherSeedAnother() {
        Contention contention = ContentionFamily.SMALL_TIER2_TIGHT.contention();
        assertEquals(ScenarioJson.toJson(DakLakGenerator.generate(ScenarioSize.SMALL, 5, contention)),
                ScenarioJson.toJson(DakLakGenerator.generate(ScenarioSize.SMALL, 5, contention)));
        assertNotEquals(ScenarioJson.toJson(DakLakGenerator.generate(ScenarioSize.SMALL, 5, contention)),
                ScenarioJson.toJson(DakLakGenerator.generate(ScenarioSize.SMALL, 6, contention)));
    }

    /** One case of the knobs' range: the settings, and the seed and size they are tried at. */
    record Case(String label, ScenarioSize size, long seed, int moneyTiers, double money, double minGrant, double needCap,
            double earmark, double especiallyDifficultOnly, double narrow, double eligible) {
        Contention contention() {
            return Contention.builder().moneyShare(moneyTiers, money).minGrantShare(minGrant).needCapShare(needCap)
                    .earmarkShare(earmark).especiallyDifficultOnlyShare(especiallyDifficultOnly).narrowCategoryShare(narrow)
                    .eligibleOffersPerNeed(eligible).build();
        }

        @Override
        public String toString() {
            return label + " (" + size + ", seed " + seed + ")";
        }
    }

    static Stream<Arguments> knobRange() {
        List<Case> cases = new ArrayList<>();
        long seed = 11;
        for (double share : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            cases.add(new Case("every share " + share, ScenarioSize.SMALL, seed++, 2, 0.8, share, share, share,
                    share, share, 8));
        }
        for (double money : new double[] {0.3, 0.7, 1.0, 1.5}) {
            for (int tiers = 1; tiers <= 3; tiers++) {
                cases.add(new Case("money " + money + " of tiers 1.." + tiers, ScenarioSize.SMALL, seed++, tiers, money,
                        0.4, 0.45, 0.5, 0.15, 0.2, 6));
            }
        }
        for (double eligible : new double[] {3, 5, 8, 12}) {
            cases.add(new Case("eligible " + eligible, ScenarioSize.SMALL, seed++, 2, 0.8, 0.4, 0.45, 0.5, 0.15, 0.2, eligible));
        }
        cases.add(new Case("tiny", ScenarioSize.TINY, seed++, 2, 0.8, 0.4, 0.45, 0.5, 0.15, 0.2, 3));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knobRange")
    void everyKnobGivesWhatItSaysAndTheScenarioValidates(Case knobs) {
        Scenario scenario = DakLakGenerator.generate(knobs.size(), knobs.seed(), knobs.contention());
        ContentionProfile measured = ContentionProfile.of(scenario);
        int offers = scenario.offers().size();
        double oneOffer = 1.0 / offers;
        // Each offer's worth is rounded (a million VND, a whole unit of goods), so coverage is near, not exact.
        assertEquals(knobs.money(), measured.coverageOfTopTiers(knobs.moneyTiers()), 0.02 * knobs.money(), "coverage");
        assertEquals(Math.round(knobs.minGrant() * offers) / (double) offers, measured.minGrantShare(), 1e-9, "minimum grants");
        assertEquals(Math.round(knobs.needCap() * offers) / (double) offers, measured.needCapShare(), 1e-9, "need caps");
        assertEquals(Math.round(knobs.earmark() * offers) / (double) offers, measured.earmarkShare(), oneOffer / 2,
                "earmarks (narrowing moves an earmark to a commune, never adds one)");
        assertEquals(Math.round(knobs.especiallyDifficultOnly() * offers) / (double) offers,
                measured.especiallyDifficultOnlyShare(), 1e-9, "especially-difficult-only");
        assertTrue(measured.narrowCategoryShare() >= Math.round(knobs.narrow() * offers) / (double) offers - 1e-9,
                "at least the narrow share: " + measured.narrowCategoryShare());
        // The narrowing stops at whichever of its last two steps is nearer; one step moves the mean by at most
        // the needs of one category of one offer, a few tenths on these sizes. It never widens: when the other
        // restrictions already leave fewer eligible offers, the mean stays what they leave.
        double tolerance = Math.max(0.6, 0.1 * knobs.eligible());
        Contention withoutTarget = knobs.contention().toBuilder().clearEligibleOffersPerNeed().build();
        double before = ContentionProfile.of(DakLakGenerator.generate(knobs.size(), knobs.seed(), withoutTarget))
                .eligibleOffersPerNeed();
        if (before >= knobs.eligible()) {
            assertEquals(knobs.eligible(), measured.eligibleOffersPerNeed(), tolerance, "eligible offers per need");
        } else {
            assertEquals(before, measured.eligibleOffersPerNeed(), 1e-9, "nothing widened");
        }
        assertTrue(scenario.offers().stream().allMatch(o -> o.minGrant() <= o.totalValue()), "minimum grant within worth");
        assertEquals(scenario, ScenarioJson.parse(ScenarioJson.toJson(scenario), knobs.label()), "validates and round-trips");
    }

    @Test
    void anUnreachableEligibilityTargetGivesTheNearestMeanWithoutWidening() {
        Contention wide = Contention.builder().eligibleOffersPerNeed(1000).build();
        Scenario scenario = DakLakGenerator.generate(ScenarioSize.SMALL, 3, wide);
        assertEquals(ContentionProfile.of(DakLakGenerator.generate(ScenarioSize.SMALL, 3)).eligibleOffersPerNeed(),
                ContentionProfile.of(scenario).eligibleOffersPerNeed(), 1e-9);
    }

    @Test
    void thePolicySettingRanksNeedsAndTheMoneyIsMeasuredInItsTiers() {
        Contention phase2 = Contention.builder().policy(PolicyPreset.PHASE_2_2022_2025.policy()).moneyShare(1, 0.5).build();
        Scenario scenario = DakLakGenerator.generate(ScenarioSize.SMALL, 4, phase2);
        assertEquals(PolicyPreset.PHASE_2_2022_2025.policy(), scenario.policy());
        assertEquals(0.5, ContentionProfile.of(scenario).coverageOfTopTiers(1), 0.01);
    }

    @ParameterizedTest
    @EnumSource(ContentionFamily.class)
    void everyMemberHasItsNameSizeAndCharacter(ContentionFamily member) {
        assertEquals(member, ContentionFamily.named(member.memberName()).orElseThrow());
        if (member.size() == ScenarioSize.PROVINCE) {
            return; // province members take seconds each; ContentionCharacter prints them
        }
        ContentionProfile measured = ContentionProfile.of(member.scenario(2020));
        double oneOffer = 1.0 / member.scenario(2020).offers().size();
        assertTrue(measured.minGrantShare() >= 0.35 && measured.minGrantShare() <= 0.5 + oneOffer, "minimum grants");
        assertTrue(measured.needCapShare() >= 0.3 && measured.needCapShare() <= 0.6 + oneOffer, "need caps");
        assertEquals(0.5, measured.earmarkShare(), 0.02, "half earmarked");
        assertTrue(measured.especiallyDifficultOnlyShare() > 0, "some especially-difficult-only");
        assertEquals(6, measured.eligibleOffersPerNeed(), 0.6, "about six eligible offers per need");
        double topTwo = measured.coverageOfTopTiers(2);
        assertTrue(member.name().endsWith("TIER1") ? measured.coverageOfTopTiers(1) < 0.9 : topTwo >= 0.7 && topTwo <= 0.9,
                "where the money runs out: " + measured.describe());
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        IllegalArgumentException share = assertThrows(IllegalArgumentException.class,
                () -> Contention.builder().minGrantShare(1.5));
        assertTrue(share.getMessage().startsWith("minimum-grant share"), share.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Contention.builder().moneyShare(0, 0.8));
        assertThrows(IllegalArgumentException.class, () -> Contention.builder().eligibleOffersPerNeed(0.5));
    }
}
