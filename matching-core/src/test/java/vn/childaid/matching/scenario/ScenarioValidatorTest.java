package vn.childaid.matching.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.childaid.matching.TestScenarios.ED_VILLAGE;
import static vn.childaid.matching.TestScenarios.need;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.TestScenarios;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.policy.PriorityMode;

/** The contract decisions the validator makes: what it accepts, and what it refuses with the field to mend. */
class ScenarioValidatorTest {

    private static boolean mentions(InvalidScenarioException error, String path, String words) {
        return error.problems().stream().anyMatch(p -> p.path().equals(path) && p.message().contains(words));
    }

    @Test
    void anInKindOfferWhoseCategoriesLackItsOwnIsValidAndFundsNothing() {
        Scenario scenario = TestScenarios.areas("intersection")
                .need(need("N", ED_VILLAGE, Category.CLOTHING, 5, 5, 100_000, Urgency.HIGH))
                .offer(Offer.inKind("COATS", "D-1", Category.CLOTHING, 10, 100_000)
                        .withCategories(Set.of(Category.NUTRITION)))
                .build();
        assertFalse(scenario.isEligible(scenario.offer("COATS"), scenario.need("N")));
    }

    @Test
    void aPartialCommitmentOnAnIndivisibleNeedIsAccepted() {
        assertDoesNotThrow(() -> TestScenarios.areas("instalment")
                .need(need("HOUSE", ED_VILLAGE, Category.CHARITY_HOUSE, 5, 2, 60_000_000, Urgency.CRITICAL))
                .offer(Offer.cash("FUND", "D-1", 200_000_000))
                .commitment(Commitment.of("FUND", "HOUSE", 1))
                .build());
    }

    @Test
    void commitmentsBeyondAnOffersCapacityAreRefusedAtTheCommitment() {
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class, () -> TestScenarios.areas("over")
                .need(need("N", ED_VILLAGE, Category.NUTRITION, 5, 5, 1_000_000, Urgency.HIGH))
                .offer(Offer.cash("O", "D-1", 2_000_000))
                .commitment(Commitment.of("O", "N", 3))
                .build());
        assertTrue(mentions(error, "$.commitments[0]", "more than its 2000000"), error::getMessage);
    }

    @Test
    void weightedTierWeightsThatCouldOverflowTheScoreAreRefused() {
        Policy weighted = Policy.defaultPolicy().toBuilder().priorityMode(PriorityMode.WEIGHTED)
                .tierWeights(List.of(1_000_000_000L, 1L, 1L, 1L, 1L)).categoryWeights(Map.of(Category.NUTRITION, 1000.0))
                .build();
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class, () -> TestScenarios.areas("overflow")
                .policy(weighted)
                .need(need("N", ED_VILLAGE, Category.NUTRITION, 100_000, 100_000, 1_000, Urgency.HIGH))
                .offer(Offer.cash("O", "D-1", 1_000_000))
                .build());
        assertTrue(mentions(error, "$.policy.tierWeights", "too large for the score"), error::getMessage);
    }

    @Test
    void theSameWeightsFitWhenTheChildrenAreFew() {
        Policy weighted = Policy.defaultPolicy().toBuilder().priorityMode(PriorityMode.WEIGHTED)
                .tierWeights(List.of(1_000_000_000L, 1L, 1L, 1L, 1L)).categoryWeights(Map.of(Category.NUTRITION, 1000.0))
                .build();
        assertDoesNotThrow(() -> TestScenarios.areas("fits").policy(weighted)
                .need(need("N", ED_VILLAGE, Category.NUTRITION, 1_000, 1_000, 1_000, Urgency.HIGH))
                .offer(Offer.cash("O", "D-1", 1_000_000))
                .build());
    }

    @Test
    void preferenceWeightsTimesTheMoneyAtStakeMustFitTheScore() {
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class, () -> TestScenarios.areas("prefs")
                .need(need("N", ED_VILLAGE, Category.NUTRITION, 1_000, 1_000_000, 5_000_000, Urgency.HIGH))
                .offer(Offer.cash("O", "D-1", 1_000_000).withPreferences(Preferences.of(
                        Map.of(Category.NUTRITION, 1000.0), Map.of())))
                .build());
        assertTrue(mentions(error, "$.offers[0].preferences", "too large for the score"), error::getMessage);
    }

    @Test
    void needsCostingMoreThanTheEngineCanAddUpAreRefused() {
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class, () -> TestScenarios.areas("cost")
                .need(need("N1", ED_VILLAGE, Category.NUTRITION, 10, 2_000_000_000, 2_000_000_000L, Urgency.HIGH))
                .need(need("N2", ED_VILLAGE, Category.NUTRITION, 10, 2_000_000_000, 2_000_000_000L, Urgency.HIGH))
                .offer(Offer.cash("O", "D-1", 1_000_000))
                .build());
        assertTrue(mentions(error, "$.needs", "more than the"), error::getMessage);
    }

    @Test
    void idsAndNamesBuiltInJavaHaveTheContractsLengthLimitsToo() {
        String longId = "O".repeat(Scenario.MAX_ID_LENGTH + 1);
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class, () -> TestScenarios.areas("long")
                .need(need("N", ED_VILLAGE, Category.NUTRITION, 5, 5, 1_000_000, Urgency.HIGH))
                .donor(Donor.of("D-LONG", "x".repeat(Scenario.MAX_NAME_LENGTH + 1), DonorType.INDIVIDUAL))
                .offer(Offer.cash(longId, "D-1", 2_000_000))
                .commitment(Commitment.of(longId, "N", 1))
                .build());
        assertTrue(mentions(error, "$.offers[0].id", "is 101 characters long; an id or code has at most 100"), error::getMessage);
        assertTrue(mentions(error, "$.commitments[0].offer", "is 101 characters long"), error::getMessage);
        assertTrue(mentions(error, "$.donors[3].name", "is 1,001 characters long; a name has at most 1,000"),
                error::getMessage);
        assertTrue(error.problems().stream().noneMatch(p -> p.message().contains(longId)),
                "a long id is shown cut, not whole");
    }

    @Test
    void aCommitmentWhoseCostOverflowsIsReportedAsMoreThanTheNeedHasOpen() {
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class, () -> TestScenarios.areas("huge")
                .need(need("N", ED_VILLAGE, Category.CHARITY_HOUSE, 4, 4, 1_000_000_000_000_000_000L, Urgency.HIGH))
                .offer(Offer.cash("O", "D-1", Long.MAX_VALUE))
                .commitment(Commitment.of("O", "N", 100))
                .build());
        assertTrue(mentions(error, "$.commitments[0].units", "more than need 'N' has open"), error::getMessage);
    }
}
