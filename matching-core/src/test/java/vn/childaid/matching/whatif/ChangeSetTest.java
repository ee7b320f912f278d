package vn.childaid.matching.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.TestScenarios;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.json.ChangeSetJson;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.policy.PolicyPreset;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Problem;
import vn.childaid.matching.scenario.Scenario;

/** Each operation of a change set: what it does to a scenario, and each error it reports with its path. */
class ChangeSetTest {
    /**
     * Donors D-1 and D-3 (mass organisations), D-2 (an enterprise). O-1 (D-1, 10 M VND) carries a
     * commitment of 2 units to N-1; O-2 (D-2, 3,000,001 VND, minGrant 1 M); O-3 (D-2, 7 in-kind
     * units of clothing); O-4 (D-3, 1 M VND).
     */
    static Scenario scenario() {
        return TestScenarios.areas("what-if base")
                .need(TestScenarios.need("N-1", TestScenarios.ED_VILLAGE, Category.NUTRITION, 10, 10, 500_000, Urgency.HIGH))
                .need(TestScenarios.need("N-2", TestScenarios.R3_VILLAGE, Category.CLOTHING, 5, 5, 300_000, Urgency.NORMAL))
                .need(TestScenarios.need("N-3", TestScenarios.R2_VILLAGE, Category.SCHOLARSHIP, 4, 4, 1_000_000, Urgency.CRITICAL))
                .offer(Offer.cash("O-1", "D-1", 10_000_000))
                .offer(Offer.cash("O-2", "D-2", 3_000_001).withMinGrant(1_000_000))
                .offer(Offer.inKind("O-3", "D-2", Category.CLOTHING, 7, 300_000))
                .offer(Offer.cash("O-4", "D-3", 1_000_000))
                .commitment(Commitment.of("O-1", "N-1", 2))
                .build();
    }

    private static Scenario apply(String changesJson) {
        return apply(changesJson, Optional.empty());
    }

    private static Scenario apply(String changesJson, Optional<Plan> plan) {
        return ChangeSetJson.read(changeSet(changesJson), "test.changes.json").applyTo(scenario(), plan);
    }

    private static String changeSet(String changesJson) {
        return "{\"formatVersion\": 1, \"name\": \"test\", \"changes\": [" + changesJson + "]}";
    }

    private static List<Problem> problemsOf(String changesJson) {
        return problemsOf(changesJson, Optional.empty());
    }

    private static List<Problem> problemsOf(String changesJson, Optional<Plan> plan) {
        return assertThrows(InvalidChangeSetException.class, () -> apply(changesJson, plan)).problems();
    }

    private static void assertProblem(List<Problem> problems, String path, String words) {
        assertTrue(problems.stream().anyMatch(p -> p.path().equals(path) && p.message().contains(words)),
                () -> "expected a problem at " + path + " saying '" + words + "', got:\n" + problems);
    }

    // ---- Each operation's effect ----

    @Test
    void anEmptyChangeSetLeavesTheScenarioEqual() {
        assertEquals(scenario(), apply(""));
    }

    @Test
    void removeOfferWithdrawsOnlyThatOffer() {
        Scenario changed = apply("{\"op\": \"removeOffer\", \"offer\": \"O-4\"}");
        assertEquals(List.of("O-1", "O-2", "O-3"), changed.offers().stream().map(Offer::id).toList());
    }

    @Test
    void scaleOffersByDonorTypeRoundsDownAndLeavesTheRestAlone() {
        Scenario changed = apply("{\"op\": \"scaleOffers\", \"factor\": 1.2, \"donorType\": \"ENTERPRISE\"}");
        assertEquals(3_600_001, changed.offer("O-2").amount(), "3,000,001 × 1.2 = 3,600,001.2, rounded down");
        assertEquals(8, changed.offer("O-3").quantity(), "7 × 1.2 = 8.4 units, rounded down");
        assertEquals(10_000_000, changed.offer("O-1").amount());
        assertEquals(1_000_000, changed.offer("O-4").amount());
        assertEquals(1_000_000, changed.offer("O-2").minGrant(), "the minimum grant is the donor's term, unscaled");
    }

    @Test
    void scaleOffersIsExactInDecimalsNotInBinaryFractions() {
        // 0.1 × 3 is 0.30000000000000004 in doubles; 1.1 × 1,000,000 must still be 1,100,000, not 1,099,999.
        Scenario changed = apply("{\"op\": \"scaleOffers\", \"factor\": 1.1, \"offers\": [\"O-4\"]}");
        assertEquals(1_100_000, changed.offer("O-4").amount());
    }

    @Test
    void scaleOffersCombinesItsSelectorsWithAnd() {
        Scenario changed = apply("{\"op\": \"scaleOffers\", \"factor\": 2, \"donor\": \"D-2\", \"offers\": [\"O-3\", \"O-4\"]}");
        assertEquals(14, changed.offer("O-3").quantity());
        assertEquals(1_000_000, changed.offer("O-4").amount(), "O-4 is not D-2's");
        assertEquals(3_000_001, changed.offer("O-2").amount(), "O-2 is not among the offers named");
    }

    @Test
    void scaleOffersWithoutSelectorScalesEveryOffer() {
        Scenario changed = apply("{\"op\": \"scaleOffers\", \"factor\": 0.5}");
        assertEquals(5_000_000, changed.offer("O-1").amount());
        assertEquals(1_500_000, changed.offer("O-2").amount());
        assertEquals(3, changed.offer("O-3").quantity());
        assertEquals(500_000, changed.offer("O-4").amount());
    }

    @Test
    void scaleOffersByOneIsTheIdentity() {
        assertEquals(scenario(), apply("{\"op\": \"scaleOffers\", \"factor\": 1}"));
    }

    @Test
    void addDonorThenAddOfferFromIt() {
        Scenario changed = apply("""
                {"op": "addDonor", "donor": {"id": "D-90", "name": "Công ty TNHH Hòa Bình", "type": "ENTERPRISE"}},
                {"op": "addOffer", "offer": {"id": "O-900", "donor": "D-90", "kind": "CASH", "amount": 500000000}}""");
        assertEquals(DonorType.ENTERPRISE, changed.donor("D-90").type());
        assertEquals(500_000_000, changed.offer("O-900").amount());
        assertEquals("D-90", changed.offer("O-900").donor());
    }

    @Test
    void updateOfferSetsOnlyTheFieldsGiven() {
        Scenario changed = apply("{\"op\": \"updateOffer\", \"offer\": \"O-2\", \"set\": {\"amount\": 6500000, \"areas\": [\"645\"]}}");
        Offer offer = changed.offer("O-2");
        assertEquals(6_500_000, offer.amount());
        assertEquals(java.util.Set.of("645"), offer.areas());
        assertEquals(1_000_000, offer.minGrant());
        assertEquals("D-2", offer.donor());
    }

    @Test
    void nullInSetClearsAnOptionalFieldToItsDefault() {
        Scenario changed = apply("{\"op\": \"updateOffer\", \"offer\": \"O-2\", \"set\": {\"minGrant\": null}}");
        assertEquals(0, changed.offer("O-2").minGrant());
    }

    @Test
    void updateOfferToAnotherKindDropsTheOtherKindsFields() {
        Scenario changed = apply("""
                {"op": "updateOffer", "offer": "O-4", "set": {"kind": "IN_KIND", "category": "NUTRITION", "quantity": 3}}""");
        Offer offer = changed.offer("O-4");
        assertFalse(offer.isCash());
        assertEquals(3, offer.quantity());
        assertEquals(0, offer.amount());
    }

    @Test
    void removeDonorRemovesItsOffersToo() {
        Scenario changed = apply("{\"op\": \"removeDonor\", \"donor\": \"D-2\"}");
        assertTrue(changed.donors().stream().noneMatch(d -> d.id().equals("D-2")));
        assertEquals(List.of("O-1", "O-4"), changed.offers().stream().map(Offer::id).toList());
    }

    @Test
    void addNeedRemoveNeedAndUpdateNeed() {
        Scenario changed = apply("""
                {"op": "addNeed", "need": {"id": "N-9001", "village": "24457-01", "category": "CLOTHING",
                 "children": 30, "quantity": 30, "unitCost": 400000}},
                {"op": "removeNeed", "need": "N-2"},
                {"op": "updateNeed", "need": "N-3", "set": {"urgency": "HIGH", "commune": "24457"}}""");
        assertEquals(List.of("N-1", "N-3", "N-9001"), changed.needs().stream().map(n -> n.id()).toList());
        assertEquals(Urgency.HIGH, changed.need("N-3").urgency());
        assertEquals(Optional.of("24457"), changed.need("N-3").commune());
        assertEquals(Optional.empty(), changed.need("N-3").village(), "a commune given replaces the village");
        assertEquals(30, changed.need("N-9001").quantity());
    }

    @Test
    void setPolicyReplacesTheWholePolicy() {
        Scenario changed = apply("{\"op\": \"setPolicy\", \"policy\": {\"preset\": \"PHASE_2_2022_2025\"}}");
        assertEquals(PolicyPreset.PHASE_2_2022_2025.policy().tiers(), changed.policy().tiers());
        assertEquals(Optional.of("PHASE_2_2022_2025"), changed.policy().preset());
    }

    @Test
    void commitLinesAddsCommitmentsAndMergesWithTheSamePair() {
        Scenario changed = apply("""
                {"op": "commitLines", "lines": [{"offer": "O-1", "need": "N-1", "units": 3},
                                                {"offer": "O-4", "need": "N-2", "units": 1}]}""");
        assertEquals(List.of(Commitment.of("O-1", "N-1", 5), Commitment.of("O-4", "N-2", 1)), changed.commitments());
    }

    /** A plan of the base scenario: its commitment, 4 more units O-1 → N-1 and 3 units O-2 → N-3. */
    private static Plan previousPlan() {
        return PlanAssembler.assemble(scenario(), List.of(Allocation.of("O-1", "N-1", 4, 2_000_000),
                Allocation.of("O-2", "N-3", 3, 3_000_000)), "0hard/0soft", SolverStats.NONE);
    }

    @Test
    void commitLinesByOffersCommitsThePlansLinesNotYetCommitted() {
        Scenario changed = apply("{\"op\": \"commitLines\", \"offers\": [\"O-1\", \"O-2\"]}", Optional.of(previousPlan()));
        assertEquals(List.of(Commitment.of("O-1", "N-1", 6), Commitment.of("O-2", "N-3", 3)), changed.commitments());
    }

    @Test
    void commitLinesMayCommitPartOfAPlansLine() {
        Scenario changed = apply("{\"op\": \"commitLines\", \"lines\": [{\"offer\": \"O-2\", \"need\": \"N-3\", \"units\": 1}]}",
                Optional.of(previousPlan()));
        assertEquals(Commitment.of("O-2", "N-3", 1), changed.commitments().get(1));
    }

    @Test
    void theIssuesExampleAppliesToTheBaseScenarioAdapted() {
        Scenario changed = apply("""
                {"op": "removeOffer", "offer": "O-4"},
                {"op": "scaleOffers", "factor": 1.2, "donorType": "ENTERPRISE"},
                {"op": "addDonor", "donor": {"id": "D-90", "name": "Công ty TNHH Hòa Bình", "type": "ENTERPRISE"}},
                {"op": "addOffer", "offer": {"id": "O-900", "donor": "D-90", "kind": "CASH", "amount": 500000000}},
                {"op": "updateOffer", "offer": "O-2", "set": {"amount": 6500000}},
                {"op": "removeDonor", "donor": "D-3"},
                {"op": "addNeed", "need": {"id": "N-9001", "village": "24457-01", "category": "CLOTHING", "children": 30, "quantity": 30, "unitCost": 400000}},
                {"op": "removeNeed", "need": "N-2"},
                {"op": "updateNeed", "need": "N-3", "set": {"urgency": "CRITICAL"}},
                {"op": "setPolicy", "policy": {"preset": "PHASE_2_2022_2025"}},
                {"op": "commitLines", "lines": [{"offer": "O-1", "need": "N-1", "units": 1}]}""");
        assertEquals(List.of("O-1", "O-2", "O-3", "O-900"), changed.offers().stream().map(Offer::id).toList());
        assertEquals(6_500_000, changed.offer("O-2").amount(), "the update after the scaling wins");
    }

    // ---- Errors, each with its path ----

    @Test
    void anUnknownIdIsAnErrorAtTheChangesField() {
        List<Problem> problems = problemsOf("""
                {"op": "removeOffer", "offer": "O-99"},
                {"op": "removeNeed", "need": "N-99"},
                {"op": "removeDonor", "donor": "D-99"},
                {"op": "updateOffer", "offer": "O-98", "set": {"amount": 1}},
                {"op": "updateNeed", "need": "N-98", "set": {"children": 1}},
                {"op": "scaleOffers", "factor": 2, "donor": "D-97", "offers": ["O-1", "O-97"]}""");
        assertProblem(problems, "$.changes[0].offer", "no offer 'O-99' in the scenario");
        assertProblem(problems, "$.changes[1].need", "no need 'N-99'");
        assertProblem(problems, "$.changes[2].donor", "no donor 'D-99'");
        assertProblem(problems, "$.changes[3].offer", "no offer 'O-98'");
        assertProblem(problems, "$.changes[4].need", "no need 'N-98'");
        assertProblem(problems, "$.changes[5].donor", "no donor 'D-97'");
        assertProblem(problems, "$.changes[5].offers[1]", "no offer 'O-97'");
        assertEquals(7, problems.size(), () -> "all problems at once, nothing else: " + problems);
    }

    @Test
    void anIdRemovedByAnEarlierChangeIsUnknownAndSaysWhichChangeRemovedIt() {
        List<Problem> problems = problemsOf("""
                {"op": "removeDonor", "donor": "D-3"},
                {"op": "updateOffer", "offer": "O-4", "set": {"amount": 5}}""");
        assertProblem(problems, "$.changes[1].offer", "$.changes[0] removed it");
    }

    @Test
    void removingWhatCarriesCommitmentsIsAnError() {
        List<Problem> problems = problemsOf("""
                {"op": "removeOffer", "offer": "O-1"},
                {"op": "removeNeed", "need": "N-1"},
                {"op": "removeDonor", "donor": "D-1"}""");
        assertProblem(problems, "$.changes[0].offer", "carries commitments (to 'N-1')");
        assertProblem(problems, "$.changes[1].need", "carries commitments (from 'O-1')");
        assertProblem(problems, "$.changes[2].donor", "offers carrying commitments ('O-1')");
    }

    @Test
    void addingAnIdThatExistsIsAnError() {
        List<Problem> problems = problemsOf("""
                {"op": "addDonor", "donor": {"id": "D-1", "name": "again", "type": "INDIVIDUAL"}},
                {"op": "addOffer", "offer": {"id": "O-1", "donor": "D-1", "kind": "CASH", "amount": 1}},
                {"op": "addNeed", "need": {"id": "N-1", "village": "24457-01", "category": "CLOTHING", "children": 1, "quantity": 1, "unitCost": 1}}""");
        assertProblem(problems, "$.changes[0].donor.id", "donor 'D-1' is already in the scenario");
        assertProblem(problems, "$.changes[1].offer.id", "offer 'O-1' is already");
        assertProblem(problems, "$.changes[2].need.id", "need 'N-1' is already");
    }

    @Test
    void whatLeavesTheScenarioInvalidIsNamedAtTheChangeThatCausedIt() {
        List<Problem> problems = problemsOf("""
                {"op": "addOffer", "offer": {"id": "O-9", "donor": "D-404", "kind": "CASH", "amount": 1}},
                {"op": "addNeed", "need": {"id": "N-9", "village": "nowhere", "category": "CLOTHING", "children": 1, "quantity": 1, "unitCost": 1}},
                {"op": "updateNeed", "need": "N-1", "set": {"quantity": 1}},
                {"op": "updateNeed", "need": "N-2", "set": {"alreadyCovered": 6}},
                {"op": "updateOffer", "offer": "O-1", "set": {"amount": 999999}},
                {"op": "setPolicy", "policy": {"tiers": [{"name": "A"}, {"name": "A"}]}}""");
        assertProblem(problems, "$.changes[0].offer.donor", "unknown donor 'D-404'");
        assertProblem(problems, "$.changes[1].need.village", "unknown village 'nowhere'");
        assertProblem(problems, "$.changes[2]", "commitments give need 'N-1' 2 units but only 1 are open");
        assertProblem(problems, "$.changes[3].set.alreadyCovered", "is 6, more than quantity 5");
        assertProblem(problems, "$.changes[4]", "commitments use 1000000 VND of offer 'O-1', more than its 999999");
        assertProblem(problems, "$.changes[5].policy.tiers[1].name", "duplicate tier name 'A'");
        assertEquals(List.of(0, 1, 2, 3, 4, 5), problems.stream().map(p -> Integer.parseInt(p.path().substring(10, 11))).toList(),
                () -> "in the change set's order, one each: " + problems);
    }

    @Test
    void aFieldSetToAValueTheContractRefusesIsAnErrorAtThatField() {
        List<Problem> problems = problemsOf("{\"op\": \"updateNeed\", \"need\": \"N-1\", \"set\": {\"village\": \"nowhere\"}}");
        assertProblem(problems, "$.changes[0].set.village", "unknown village 'nowhere'");
    }

    @Test
    void scalingBelowCommitmentsOrTheMinimumGrantIsAnErrorNamingTheOffer() {
        List<Problem> problems = problemsOf("""
                {"op": "scaleOffers", "factor": 0.09, "offers": ["O-1"]},
                {"op": "scaleOffers", "factor": 0.3, "offers": ["O-2"]}""");
        assertProblem(problems, "$.changes[0]", "commitments use 1000000 VND of offer 'O-1', more than its 900000");
        assertProblem(problems, "$.changes[1]", "scaling offer 'O-2' by 0.3 leaves it worth 900000 VND, below its minGrant 1000000");
    }

    @Test
    void scalingThatSelectsNothingIsAnError() {
        assertProblem(problemsOf("{\"op\": \"scaleOffers\", \"factor\": 2, \"donorType\": \"INDIVIDUAL\"}"),
                "$.changes[0]", "selects no offer");
    }

    @Test
    void commitLinesByOffersNeedsAPlan() {
        assertProblem(problemsOf("{\"op\": \"commitLines\", \"offers\": [\"O-1\"]}"), "$.changes[0].offers",
                "no previous plan was given");
    }

    @Test
    void committingLinesThePlanDoesNotHoldIsAnError() {
        List<Problem> problems = problemsOf("""
                {"op": "commitLines", "lines": [{"offer": "O-4", "need": "N-2", "units": 1},
                                                {"offer": "O-2", "need": "N-3", "units": 4}]},
                {"op": "commitLines", "offers": ["O-3"]},
                {"op": "commitLines", "offers": ["O-1"]},
                {"op": "commitLines", "offers": ["O-1"]}""", Optional.of(previousPlan()));
        assertProblem(problems, "$.changes[0].lines[0]", "holds no line from offer 'O-4' to need 'N-2'");
        assertProblem(problems, "$.changes[0].lines[1].units", "is 4, more than the 3 units");
        assertProblem(problems, "$.changes[1].offers[0]", "has no line from offer 'O-3'");
        assertProblem(problems, "$.changes[3].offers[0]", "has no line from offer 'O-1' that is not committed yet");
        assertEquals(4, problems.size(), () -> problems.toString());
    }

    @Test
    void committingMoreThanTheOfferHasIsAnErrorAtTheLine() {
        List<Problem> problems = problemsOf("{\"op\": \"commitLines\", \"lines\": [{\"offer\": \"O-4\", \"need\": \"N-3\", \"units\": 2}]}");
        assertProblem(problems, "$.changes[0].lines[0]", "commitments use 2000000 VND of offer 'O-4', more than its 1000000");
    }
}
