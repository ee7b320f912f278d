package vn.childaid.matching.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;
import vn.childaid.matching.rules.Rule;

/** One test that each constraint penalises by exactly the right amount, one that it stays silent. */
class AllocationConstraintProviderTest {
    private final ConstraintVerifier<AllocationConstraintProvider, AllocationSolution> verifier =
            ConstraintVerifier.build(new AllocationConstraintProvider(), AllocationSolution.class, Lot.class,
                    OfferBudget.class);

    private static final AreaFact VILLAGE = new AreaFact("V", 10, 0);

    private static OfferBudget cash(String id, String donor, long capacity) {
        return new OfferBudget(id, donor, true, capacity, 0, 0, 0, Set.of());
    }

    private static OfferBudget goods(String id, long units, long unitValue) {
        return new OfferBudget(id, "D-" + id, false, units, unitValue, 0, 0, Set.of());
    }

    private static NeedFact need(String id, boolean divisible, long unitCost, int units, OfferBudget... offers) {
        return new NeedFact(id, divisible, unitCost, units, 0, 0, VILLAGE, 0, Set.of(), List.of(offers), Map.of());
    }

    private static Lot lot(NeedFact need, int index, int units, OfferBudget offer) {
        Lot lot = new Lot(need.id() + "#" + index, need, units, need.getTier(), 1000L * units, 0, 1000L * units,
                1000L * units);
        lot.setOffer(offer);
        return lot;
    }

    @Nested
    class Capacity {
        @Test
        void cashOverspendIsPenalisedInThousandsOfVnd() {
            OfferBudget offer = cash("O", "D", 1_000_000);
            NeedFact need = need("N", true, 300_000, 4, offer);
            verifier.verifyThat(AllocationConstraintProvider::cashOfferCapacity)
                    .given(offer, need, lot(need, 0, 1, offer), lot(need, 1, 3, offer))
                    .penalizesBy(200); // 1.2M given from 1M: 200 thousand VND over
        }

        @Test
        void cashWithinAmountIsSilent() {
            OfferBudget offer = cash("O", "D", 1_200_000);
            NeedFact need = need("N", true, 300_000, 4, offer);
            verifier.verifyThat(AllocationConstraintProvider::cashOfferCapacity)
                    .given(offer, need, lot(need, 0, 1, offer), lot(need, 1, 3, offer), lot(need, 2, 3, null))
                    .penalizesBy(0);
        }

        @Test
        void inKindOverQuantityIsPenalisedInUnits() {
            OfferBudget bikes = goods("B", 5, 1_500_000);
            NeedFact first = need("N1", true, 1_500_000, 4, bikes);
            NeedFact second = need("N2", true, 1_500_000, 3, bikes);
            verifier.verifyThat(AllocationConstraintProvider::inKindOfferCapacity)
                    .given(bikes, first, second, lot(first, 0, 4, bikes), lot(second, 0, 3, bikes))
                    .penalizesBy(2);
        }

        @Test
        void inKindWithinQuantityIsSilent() {
            OfferBudget bikes = goods("B", 7, 1_500_000);
            NeedFact first = need("N1", true, 1_500_000, 4, bikes);
            verifier.verifyThat(AllocationConstraintProvider::inKindOfferCapacity)
                    .given(bikes, first, lot(first, 0, 4, bikes))
                    .penalizesBy(0);
        }
    }

    @Nested
    class AllOrNothing {
        @Test
        void partlyFundedIndivisibleNeedIsPenalisedByTheMissingUnits() {
            OfferBudget offer = cash("O", "D", 1_000_000_000);
            NeedFact houses = need("H", false, 60_000_000, 3, offer);
            verifier.verifyThat(AllocationConstraintProvider::indivisibleNeedAllOrNothing)
                    .given(offer, houses, lot(houses, 0, 1, offer), lot(houses, 1, 2, null))
                    .penalizesBy(2);
        }

        @Test
        void wholeOrNothingIsSilent() {
            OfferBudget a = cash("A", "D1", 1_000_000_000);
            OfferBudget b = cash("B", "D2", 1_000_000_000);
            NeedFact whole = need("H1", false, 60_000_000, 3, a, b);
            NeedFact none = need("H2", false, 60_000_000, 3, a, b);
            NeedFact divisible = need("N", true, 1000, 3, a);
            verifier.verifyThat(AllocationConstraintProvider::indivisibleNeedAllOrNothing)
                    .given(a, b, whole, none, divisible, lot(whole, 0, 1, a), lot(whole, 1, 2, b),
                            lot(none, 0, 1, null), lot(none, 1, 2, null), lot(divisible, 0, 1, a), lot(divisible, 1, 2, null))
                    .penalizesBy(0);
        }

        @Test
        void committedUnitsMustBeCompleted() {
            OfferBudget offer = cash("O", "D", 1_000_000_000);
            NeedFact started = new NeedFact("H", false, 60_000_000, 2, 1, 0, VILLAGE, 0, Set.of("D"), List.of(offer),
                    Map.of());
            verifier.verifyThat(AllocationConstraintProvider::indivisibleNeedAllOrNothing)
                    .given(offer, started, lot(started, 0, 1, null), lot(started, 1, 1, null))
                    .penalizesBy(2);
        }

        @Test
        void partlyCommittedNeedNoOfferCanCompleteIsPenalisedByTheMissingUnits() {
            NeedFact stranded = new NeedFact("H", false, 60_000_000, 2, 1, 0, VILLAGE, 0, Set.of("D"), List.of(),
                    Map.of());
            verifier.verifyThat(AllocationConstraintProvider::committedNeedLeftShort)
                    .given(stranded)
                    .penalizesBy(2);
        }

        @Test
        void committedNeedsThatAreWholeOrCanBeCompletedAreSilent() {
            OfferBudget offer = cash("O", "D2", 1_000_000_000);
            NeedFact whole = new NeedFact("H1", false, 60_000_000, 0, 3, 0, VILLAGE, 0, Set.of("D"), List.of(), Map.of());
            NeedFact completable = new NeedFact("H2", false, 60_000_000, 2, 1, 0, VILLAGE, 0, Set.of("D"),
                    List.of(offer), Map.of());
            NeedFact divisible = new NeedFact("N", true, 1000, 2, 1, 0, VILLAGE, 0, Set.of("D"), List.of(), Map.of());
            verifier.verifyThat(AllocationConstraintProvider::committedNeedLeftShort)
                    .given(offer, whole, completable, divisible)
                    .penalizesBy(0);
        }
    }

    @Nested
    class RuleTable {
        @Test
        void everyHardRuleOfAPlansContentIsEnforcedByAConstraintOrByTheModel() {
            EnumSet<Rule> covered = EnumSet.noneOf(Rule.class);
            covered.addAll(AllocationConstraintProvider.RULE_OF_HARD_CONSTRAINT.values());
            covered.addAll(AllocationConstraintProvider.KEPT_BY_THE_MODEL);
            for (Rule rule : Rule.values()) {
                assertEquals(rule.isHard(), covered.contains(rule),
                        rule + ": a hard rule must map to a constraint or be kept by the model, and only those");
            }
        }

        @Test
        void aRuleIsEitherAConstraintsOrTheModels() {
            for (Rule rule : AllocationConstraintProvider.KEPT_BY_THE_MODEL) {
                assertFalse(
                        AllocationConstraintProvider.RULE_OF_HARD_CONSTRAINT.containsValue(rule), rule.name());
            }
        }
    }

    @Nested
    class MinimumGrant {
        private final OfferBudget picky = new OfferBudget("P", "D", true, 100_000_000, 0, 5_000_000, 0, Set.of());

        @Test
        void smallLineOnAPartlyFundedNeedIsPenalisedByTheShortfall() {
            NeedFact need = need("N", true, 1_000_000, 10, picky);
            verifier.verifyThat(AllocationConstraintProvider::minimumGrant)
                    .given(picky, need, lot(need, 0, 1, picky), lot(need, 1, 2, picky), lot(need, 2, 7, null))
                    .penalizesBy(2000); // 3M given, 5M minimum: 2,000 thousand short
        }

        @Test
        void smallLineThatCompletesTheNeedIsSilent() {
            NeedFact need = need("N", true, 1_000_000, 3, picky);
            verifier.verifyThat(AllocationConstraintProvider::minimumGrant)
                    .given(picky, need, lot(need, 0, 1, picky), lot(need, 1, 2, picky))
                    .penalizesBy(0);
        }

        @Test
        void lineAboveTheMinimumIsSilent() {
            NeedFact need = need("N", true, 1_000_000, 20, picky);
            verifier.verifyThat(AllocationConstraintProvider::minimumGrant)
                    .given(picky, need, lot(need, 0, 6, picky), lot(need, 1, 14, null))
                    .penalizesBy(0);
        }
    }

    @Nested
    class Limits {
        @Test
        void offerOverMaxNeedsIsPenalisedPerExtraNeed() {
            OfferBudget limited = new OfferBudget("L", "D", true, 100_000_000, 0, 0, 2, Set.of("N0"));
            NeedFact n1 = need("N1", true, 1000, 1, limited);
            NeedFact n2 = need("N2", true, 1000, 1, limited);
            NeedFact n0 = need("N0", true, 1000, 1, limited);
            verifier.verifyThat(AllocationConstraintProvider::maxNeedsPerOffer)
                    .given(limited, n0, n1, n2, lot(n0, 0, 1, limited), lot(n1, 0, 1, limited), lot(n2, 0, 1, limited))
                    .penalizesBy(1); // committed N0 (counted once) + N1 + N2 = 3 > 2
        }

        @Test
        void offerWithinMaxNeedsIsSilent() {
            OfferBudget limited = new OfferBudget("L", "D", true, 100_000_000, 0, 0, 2, Set.of());
            NeedFact n1 = need("N1", true, 1000, 2, limited);
            NeedFact n2 = need("N2", true, 1000, 1, limited);
            verifier.verifyThat(AllocationConstraintProvider::maxNeedsPerOffer)
                    .given(limited, n1, n2, lot(n1, 0, 1, limited), lot(n1, 1, 1, limited), lot(n2, 0, 1, limited))
                    .penalizesBy(0);
        }

        @Test
        void needOverMaxFundersIsPenalisedPerExtraDonor() {
            OfferBudget a = cash("A", "D1", 1_000_000);
            OfferBudget b = cash("B", "D2", 1_000_000);
            OfferBudget c = cash("C", "D3", 1_000_000);
            NeedFact need = new NeedFact("N", true, 1000, 3, 1, 0, VILLAGE, 2, Set.of("D0"), List.of(a, b, c), Map.of());
            verifier.verifyThat(AllocationConstraintProvider::maxFundersPerNeed)
                    .given(a, b, c, need, lot(need, 0, 1, a), lot(need, 1, 1, b), lot(need, 2, 1, c))
                    .penalizesBy(2); // committed D0 + D1, D2, D3 = 4 donors > 2
        }

        @Test
        void twoOffersOfOneDonorCountOnce() {
            OfferBudget a = cash("A", "D1", 1_000_000);
            OfferBudget b = cash("B", "D1", 1_000_000);
            NeedFact need = new NeedFact("N", true, 1000, 2, 0, 0, VILLAGE, 1, Set.of(), List.of(a, b), Map.of());
            verifier.verifyThat(AllocationConstraintProvider::maxFundersPerNeed)
                    .given(a, b, need, lot(need, 0, 1, a), lot(need, 1, 1, b))
                    .penalizesBy(0);
        }
    }

    @Nested
    class Stability {
        private NeedFact needWithPrevious(String id, Map<String, Integer> previousUnitsByOffer, OfferBudget... offers) {
            return new NeedFact(id, true, 1000, 10, 0, 0, VILLAGE, 0, Set.of(), List.of(offers), Map.of(),
                    previousUnitsByOffer);
        }

        @Test
        void eachPreviousLineWithOtherUnitsOrNoneCostsOne() {
            OfferBudget a = cash("A", "D1", 1_000_000);
            OfferBudget b = cash("B", "D2", 1_000_000);
            OfferBudget c = cash("C", "D3", 1_000_000);
            // Previously A gave 3, B gave 4, C gave 2. Now A gives 3 (kept), B gives 1 (changed), C nothing (dropped).
            NeedFact need = needWithPrevious("N", Map.of("A", 3, "B", 4, "C", 2), a, b, c);
            verifier.verifyThat(AllocationConstraintProvider::previousLinesChanged)
                    .given(a, b, c, need, lot(need, 0, 1, a), lot(need, 1, 2, a), lot(need, 2, 1, b),
                            lot(need, 3, 2, null), lot(need, 4, 4, null))
                    .penalizesBy(2);
        }

        @Test
        void aLineMadeOfSeveralLotsIsKeptWhenItsUnitsAreTheSame() {
            OfferBudget a = cash("A", "D1", 1_000_000);
            OfferBudget b = cash("B", "D2", 1_000_000);
            NeedFact need = needWithPrevious("N", Map.of("A", 3), a, b);
            // Lots of 1 and 2 on A make the previous 3 units; B's new line costs nothing on this level.
            verifier.verifyThat(AllocationConstraintProvider::previousLinesChanged)
                    .given(a, b, need, lot(need, 0, 1, a), lot(need, 1, 2, a), lot(need, 2, 4, b))
                    .penalizesBy(0);
        }

        @Test
        void aNeedWhoseLinesAreAllDroppedCostsEachOfThem() {
            OfferBudget a = cash("A", "D1", 1_000_000);
            OfferBudget b = cash("B", "D2", 1_000_000);
            NeedFact need = needWithPrevious("N", Map.of("A", 1, "B", 2), a, b);
            verifier.verifyThat(AllocationConstraintProvider::previousLinesChanged)
                    .given(a, b, need, lot(need, 0, 1, null), lot(need, 1, 2, null))
                    .penalizesBy(2);
        }

        @Test
        void needsWithoutPreviousLinesAreSilent() {
            OfferBudget a = cash("A", "D1", 1_000_000);
            NeedFact need = need("N", true, 1000, 3, a);
            verifier.verifyThat(AllocationConstraintProvider::previousLinesChanged)
                    .given(a, need, lot(need, 0, 1, a), lot(need, 1, 2, null))
                    .penalizesBy(0);
        }
    }

    @Nested
    class Priority {
        @Test
        void fundedLotsRewardTheirValueAtTheirLevel() {
            OfferBudget offer = cash("O", "D", 1_000_000);
            NeedFact need = need("N", true, 1000, 7, offer);
            verifier.verifyThat((provider, factory) -> provider.childrenReachedAtLevel(factory, 0))
                    .given(offer, need, lot(need, 0, 3, offer), lot(need, 1, 4, null))
                    .rewardsWith(3000);
        }

        @Test
        void otherLevelsAreSilent() {
            OfferBudget offer = cash("O", "D", 1_000_000);
            NeedFact need = need("N", true, 1000, 7, offer);
            verifier.verifyThat((provider, factory) -> provider.childrenReachedAtLevel(factory, 1))
                    .given(offer, need, lot(need, 0, 3, offer))
                    .rewardsWith(0);
        }

        @Test
        void especiallyDifficultLotsRewardTheirValue() {
            OfferBudget offer = cash("O", "D", 1_000_000);
            NeedFact need = need("N", true, 1000, 7, offer);
            Lot inEdVillage = new Lot("N#0", need, 2, 0, 2000, 2000, 2000, 2000);
            inEdVillage.setOffer(offer);
            verifier.verifyThat(AllocationConstraintProvider::especiallyDifficultFirst)
                    .given(offer, need, inEdVillage, lot(need, 1, 5, offer))
                    .rewardsWith(2000);
        }
    }

    @Nested
    class Soft {
        @Test
        void preferencesRewardWeightTimesThousandsOfVnd() {
            OfferBudget offer = cash("O", "D", 100_000_000);
            NeedFact need = new NeedFact("N", true, 1_000_000, 10, 0, 0, VILLAGE, 0, Set.of(), List.of(offer),
                    Map.of("O", 2500L));
            verifier.verifyThat(AllocationConstraintProvider::donorPreferences)
                    .given(offer, need, lot(need, 0, 4, offer))
                    .rewardsWith(10_000); // weight 2.5 × 4,000 thousand VND
        }

        @Test
        void unpreferredOfferEarnsNothing() {
            OfferBudget offer = cash("O", "D", 100_000_000);
            NeedFact need = need("N", true, 1_000_000, 10, offer);
            verifier.verifyThat(AllocationConstraintProvider::donorPreferences)
                    .given(offer, need, lot(need, 0, 4, offer))
                    .rewardsWith(0);
        }

        @Test
        void fairnessCostGrowsWithTheSquareOfAVillagesReach() {
            OfferBudget offer = cash("O", "D", 100_000_000);
            NeedFact need = need("N", true, 1000, 10, offer);
            // 10 children in the village; 4,000 milli-children reached: 4000² / (10 × 1000) = 1600
            verifier.verifyThat(AllocationConstraintProvider::fairnessAcrossVillages)
                    .given(offer, need, lot(need, 0, 4, offer), lot(need, 1, 6, null))
                    .penalizesBy(1600);
        }

        @Test
        void fairnessIsSilentWhenNothingIsFunded() {
            OfferBudget offer = cash("O", "D", 100_000_000);
            NeedFact need = need("N", true, 1000, 10, offer);
            verifier.verifyThat(AllocationConstraintProvider::fairnessAcrossVillages)
                    .given(offer, need, lot(need, 0, 4, null))
                    .penalizesBy(0);
        }

        @Test
        void eachDistinctDonorOfANeedCosts() {
            OfferBudget a = cash("A", "D1", 1_000_000);
            OfferBudget b = cash("B", "D1", 1_000_000);
            OfferBudget c = cash("C", "D2", 1_000_000);
            NeedFact need = need("N", true, 1000, 3, a, b, c);
            verifier.verifyThat(AllocationConstraintProvider::fewerFundersPerNeed)
                    .given(a, b, c, need, lot(need, 0, 1, a), lot(need, 1, 1, b), lot(need, 2, 1, c))
                    .penalizesBy(2);
        }

        @Test
        void eachOfferNeedPairIsOneLine() {
            OfferBudget a = cash("A", "D1", 1_000_000);
            OfferBudget b = cash("B", "D2", 1_000_000);
            NeedFact need = need("N", true, 1000, 7, a, b);
            verifier.verifyThat(AllocationConstraintProvider::fewerAllocationLines)
                    .given(a, b, need, lot(need, 0, 1, a), lot(need, 1, 2, a), lot(need, 2, 4, b))
                    .penalizesBy(2);
        }

        @Test
        void unfundedLotsMakeNoLines() {
            OfferBudget a = cash("A", "D1", 1_000_000);
            NeedFact need = need("N", true, 1000, 7, a);
            verifier.verifyThat(AllocationConstraintProvider::fewerAllocationLines)
                    .given(a, need, lot(need, 0, 1, null))
                    .penalizesBy(0);
        }
    }
}
