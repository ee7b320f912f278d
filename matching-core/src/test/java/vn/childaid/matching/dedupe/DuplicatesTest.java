package vn.childaid.matching.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Commune;
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.scenario.Village;

class DuplicatesTest {
    private static Need need(String id, String village, int children, int quantity, String reporter) {
        return Need.builder(id).village(village).category(Category.NUTRITION).ageBand(AgeBand.PRESCHOOL)
                .children(children).quantity(quantity).unitCost(1_000_000).reportedBy(reporter).build();
    }

    private static Scenario.Builder area() {
        return Scenario.builder("dedupe").commune(Commune.of("C1", "Cư Pui", Region.III))
                .village(Village.of("V1", "Buôn Khanh", "C1", true)).village(Village.of("V2", "Buôn Ea", "C1", false))
                .donor(Donor.of("D1", "Hội LHPN tỉnh", DonorType.MASS_ORGANIZATION));
    }

    @ParameterizedTest(name = "children {0} and {1}: candidates {2}")
    @CsvSource({"100, 80, true", "100, 79, false", "80, 100, true", "10, 8, true", "10, 7, false", "1, 1, true"})
    void needsAreCandidatesWhenChildrenDifferByAtMostTwentyPercent(int a, int b, boolean candidates) {
        Scenario scenario = area().need(need("N1", "V1", a, 5, "DOET")).need(need("N2", "V1", b, 5, "DOLISA")).build();
        assertEquals(candidates, Duplicates.find(scenario).needs().size() == 1);
    }

    @ParameterizedTest(name = "quantity {0} and {1}: candidates {2}")
    @CsvSource({"50, 40, true", "50, 39, false", "5, 4, true", "5, 3, false"})
    void needsAreCandidatesWhenQuantityDiffersByAtMostTwentyPercent(int a, int b, boolean candidates) {
        Scenario scenario = area().need(need("N1", "V1", 100, a, "DOET")).need(need("N2", "V1", 100, b, "DOLISA")).build();
        assertEquals(candidates, Duplicates.find(scenario).needs().size() == 1);
    }

    @Test
    void needsInOtherVillagesOrAgeBandsAreNeverCandidates() {
        Scenario scenario = area().need(need("N1", "V1", 100, 5, "DOET")).need(need("N2", "V2", 100, 5, "DOLISA"))
                .need(need("N3", "V1", 100, 5, "DOLISA").toBuilder().ageBand(AgeBand.PRIMARY).build()).build();
        assertTrue(Duplicates.find(scenario).needs().isEmpty());
    }

    @Test
    void anotherReporterRaisesConfidenceAboveLikely() {
        Need a = need("N1", "V1", 100, 5, "DOET");
        double sameReporter = Duplicates.needConfidence(a, need("N2", "V1", 90, 5, "DOET"));
        double otherReporter = Duplicates.needConfidence(a, need("N2", "V1", 90, 5, "DOLISA"));
        assertTrue(otherReporter > sameReporter, otherReporter + " vs " + sameReporter);
        assertTrue(otherReporter >= Duplicates.LIKELY, "a copy by another agency is likely: " + otherReporter);
        assertTrue(sameReporter < Duplicates.LIKELY, "one agency's two reports are not: " + sameReporter);
        // Even at the 20% boundary a copy by another agency with the same cost is likely.
        assertTrue(Duplicates.needConfidence(a, need("N2", "V1", 80, 4, "DOLISA")) >= Duplicates.LIKELY);
    }

    @Test
    void mergeTakesTheLargerOfEachCountNeverTheSum() {
        Scenario scenario = area().need(need("N1", "V1", 90, 10, "DOET").withAlreadyCovered(2))
                .need(need("N2", "V1", 100, 9, "DOLISA").withAlreadyCovered(3)).build();
        Resolved resolved = Duplicates.resolve(scenario, Resolution.MERGE);
        assertEquals(1, resolved.scenario().needs().size());
        Need merged = resolved.scenario().needs().get(0);
        assertEquals("N1", merged.id());
        assertEquals(100, merged.children());
        assertEquals(10, merged.quantity());
        assertEquals(3, merged.alreadyCovered());
        assertEquals(1, resolved.actions().size());
    }

    @Test
    void keepLargerKeepsMoreChildrenThenMoreUnitsThenTheSmallerId() {
        Scenario moreChildren = area().need(need("N1", "V1", 90, 10, "DOET")).need(need("N2", "V1", 100, 9, "DOLISA")).build();
        assertEquals(List.of("N2"), ids(Duplicates.resolve(moreChildren, Resolution.KEEP_LARGER).scenario()));
        Scenario moreUnits = area().need(need("N1", "V1", 100, 9, "DOET")).need(need("N2", "V1", 100, 10, "DOLISA")).build();
        assertEquals(List.of("N2"), ids(Duplicates.resolve(moreUnits, Resolution.KEEP_LARGER).scenario()));
        Scenario equal = area().need(need("N2", "V1", 100, 9, "DOET")).need(need("N1", "V1", 100, 9, "DOLISA")).build();
        assertEquals(List.of("N1"), ids(Duplicates.resolve(equal, Resolution.KEEP_LARGER).scenario()));
    }

    @Test
    void keepLargerNeverDropsANeedWithCommitments() {
        Scenario scenario = area().need(need("N1", "V1", 90, 10, "DOET")).need(need("N2", "V1", 100, 10, "DOLISA"))
                .offer(Offer.cash("O1", "D1", 5_000_000)).commitment(Commitment.of("O1", "N1", 2)).build();
        Resolved resolved = Duplicates.resolve(scenario, Resolution.KEEP_LARGER);
        assertEquals(List.of("N1", "N2"), ids(resolved.scenario()));
        assertTrue(resolved.actions().get(0).contains("commitments"), resolved.actions().toString());
    }

    @Test
    void mergedDonorsKeepTheFirstIdAndTheirOffersArePointedAtIt() {
        Scenario scenario = area().donor(Donor.of("D2", "Hội Liên hiệp Phụ nữ tỉnh Đắk Lắk", DonorType.MASS_ORGANIZATION))
                .donor(Donor.of("D3", "Hội LHPN tỉnh", DonorType.CHARITY_FUND))
                .offer(Offer.cash("O1", "D2", 5_000_000)).offer(Offer.cash("O2", "D3", 6_000_000)).build();
        DuplicateCandidates found = Duplicates.find(scenario);
        assertEquals(List.of(List.of("D1", "D2")), found.donors().stream().map(CandidateGroup::ids).toList(),
                "D3 is of another type");
        Resolved resolved = Duplicates.resolve(scenario, Resolution.KEEP_LARGER);
        assertEquals(List.of("D1", "D3"), resolved.scenario().donors().stream().map(Donor::id).toList());
        assertEquals("D1", resolved.scenario().offer("O1").donor());
        assertEquals("D3", resolved.scenario().offer("O2").donor());
    }

    @Test
    void offersRepeatedByOneDonorAfterMergingAreCandidates() {
        Scenario scenario = area().donor(Donor.of("D2", "Hoi Lien hiep Phu nu", DonorType.MASS_ORGANIZATION))
                .offer(Offer.cash("O1", "D1", 5_000_000)).offer(Offer.cash("O2", "D2", 5_000_000))
                .offer(Offer.cash("O3", "D1", 5_000_001)).build();
        List<CandidateGroup> offers = Duplicates.find(scenario).offers();
        assertEquals(List.of(List.of("O1", "O2")), offers.stream().map(CandidateGroup::ids).toList());
        Resolved resolved = Duplicates.resolve(scenario, Resolution.MERGE);
        assertEquals(List.of("O1", "O3"), resolved.scenario().offers().stream().map(Offer::id).toList());
    }

    /**
     * Property over seeded random scenarios full of near-copies and commitments: resolving always
     * gives a valid scenario (it is built, so validated), keeps every committed unit on some
     * offer–need line, and under keep-larger keeps every need that had commitments.
     */
    @Test
    void resolvingNeverLeavesAnInvalidScenarioNorDropsACommittedNeed() {
        for (long seed = 1; seed <= 200; seed++) {
            Scenario scenario = randomScenario(new Random(seed));
            for (Resolution resolution : Resolution.values()) {
                Resolved resolved;
                try {
                    resolved = Duplicates.resolve(scenario, resolution, 0);
                } catch (RuntimeException e) {
                    fail("seed " + seed + ", " + resolution.label() + ": " + e, e);
                    return;
                }
                Scenario clean = resolved.scenario();
                assertEquals(committedUnits(scenario), committedUnits(clean), "seed " + seed + ", " + resolution.label());
                for (Commitment commitment : scenario.commitments()) {
                    if (resolution == Resolution.KEEP_LARGER) {
                        assertTrue(clean.findNeed(commitment.need()).isPresent(),
                                "seed " + seed + ": committed need " + commitment.need() + " dropped");
                    }
                }
                assertTrue(clean.needs().size() <= scenario.needs().size());
            }
        }
    }

    private static int committedUnits(Scenario scenario) {
        return scenario.commitments().stream().mapToInt(Commitment::units).sum();
    }

    private static Scenario randomScenario(Random random) {
        Scenario.Builder builder = area().donor(Donor.of("D2", "Hội Liên hiệp Phụ nữ", DonorType.MASS_ORGANIZATION));
        List<Need> needs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int children = 50 + random.nextInt(15);
            int quantity = 5 + random.nextInt(2);
            Need need = need("N" + i, random.nextBoolean() ? "V1" : "V2", children, quantity,
                    random.nextBoolean() ? "DOET" : "DOLISA");
            needs.add(need);
            builder.need(need);
        }
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Offer offer = Offer.cash("O" + i, random.nextBoolean() ? "D1" : "D2", 4_000_000L * (1 + random.nextInt(2)));
            offers.add(offer);
            builder.offer(offer);
        }
        Map<String, Integer> left = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            Need need = needs.get(random.nextInt(needs.size()));
            Offer offer = offers.get(random.nextInt(offers.size()));
            int units = 1 + random.nextInt(2);
            int needLeft = left.getOrDefault(need.id(), need.openUnits());
            int offerLeft = left.getOrDefault(offer.id(), (int) (offer.amount() / need.unitCost()));
            if (units <= needLeft && units <= offerLeft) {
                left.put(need.id(), needLeft - units);
                left.put(offer.id(), offerLeft - units);
                builder.commitment(Commitment.of(offer.id(), need.id(), units));
            }
        }
        return builder.build();
    }

    private static List<String> ids(Scenario scenario) {
        return scenario.needs().stream().map(Need::id).toList();
    }
}
