package vn.childaid.matching.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.TestScenarios;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.json.ExplanationJson;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.NeedStatus;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.report.Words;
import vn.childaid.matching.scenario.EligibilityRule;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/** One tiny scenario per code and per eligibility sub-rule, and what explanations show around them. */
class ExplainerTest {
    private static final long UNIT_COST = 100_000;

    /** A nutrition need of {@code quantity} units of 100,000 VND for primary-school children in a village. */
    private static Need need(String id, String village, int quantity) {
        return TestScenarios.need(id, village, Category.NUTRITION, 10, quantity, UNIT_COST, Urgency.NORMAL);
    }

    private static Need indivisible(String id, int quantity) {
        return need(id, TestScenarios.ED_VILLAGE, quantity).toBuilder().divisible(false).build();
    }

    private static Plan plan(Scenario scenario, Allocation... lines) {
        return PlanAssembler.fromLines(scenario, List.of(lines), "test", SolverStats.NONE);
    }

    private static Allocation line(String offer, String need, int units) {
        return Allocation.of(offer, need, units, units * UNIT_COST);
    }

    /** The explanation of need {@code N} in the plan. */
    private static NeedExplanation explainN(Scenario scenario, Plan plan) {
        return Explainer.of(scenario, plan).need("N").needs().get(0);
    }

    private static void assertFilled(String text) {
        assertFalse(text.isBlank(), "no words");
        assertFalse(text.contains("{") || text.contains("}"), () -> "an argument left unfilled: " + text);
    }

    static Stream<Arguments> oneScenarioPerCode() {
        Scenario capacity = TestScenarios.areas("capacity").need(need("N", TestScenarios.ED_VILLAGE, 10))
                .offer(Offer.cash("O-1", "D-1", 550_000)).build();
        Scenario maxNeeds = TestScenarios.areas("maxNeeds").need(need("N-A", TestScenarios.ED_VILLAGE, 2))
                .need(need("N", TestScenarios.ED_VILLAGE, 2)).offer(Offer.cash("O-1", "D-1", 10_000_000).withMaxNeeds(1))
                .build();
        Scenario maxFunders = TestScenarios.areas("maxFunders").policy(Policy.defaultPolicy().withMaxFundersPerNeed(1))
                .need(need("N", TestScenarios.ED_VILLAGE, 5)).offer(Offer.cash("O-1", "D-1", 200_000))
                .offer(Offer.cash("O-2", "D-2", 10_000_000)).build();
        Scenario minGrant = TestScenarios.areas("minGrant").need(need("N", TestScenarios.ED_VILLAGE, 10))
                .offer(Offer.cash("O-1", "D-1", 300_000).withMinGrant(500_000)).build();
        Scenario allOrNothing = TestScenarios.areas("allOrNothing").need(indivisible("N", 4))
                .offer(Offer.cash("O-1", "D-1", 300_000)).build();
        Scenario roomLeft = TestScenarios.areas("roomLeft").need(need("N", TestScenarios.ED_VILLAGE, 4))
                .offer(Offer.cash("O-1", "D-1", 1_000_000)).build();
        return Stream.of(
                Arguments.of(Reason.CAPACITY, capacity, plan(capacity, line("O-1", "N", 5)), "50,000 VND left"),
                Arguments.of(Reason.MAX_NEEDS, maxNeeds, plan(maxNeeds, line("O-1", "N-A", 2)), "maxNeeds 1"),
                Arguments.of(Reason.MAX_FUNDERS, maxFunders, plan(maxFunders, line("O-1", "N", 2)), "maxFundersPerNeed 1"),
                Arguments.of(Reason.MIN_GRANT, minGrant, plan(minGrant), "300,000 VND, below its minimum grant of 500,000"),
                Arguments.of(Reason.ALL_OR_NOTHING, allOrNothing, plan(allOrNothing), "needs 4 more units at once"),
                Arguments.of(Reason.ROOM_LEFT, roomLeft, plan(roomLeft), "could give 4 more units (400,000 VND)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneScenarioPerCode")
    void eachCodeIsGivenWhereItsRuleStopsTheOffer(Reason code, Scenario scenario, Plan plan, String detailSays) {
        NeedExplanation need = explainN(scenario, plan);

        OfferReason last = need.offers().get(need.offers().size() - 1);
        assertEquals(code, last.code(), () -> need.toString());
        assertEquals(Optional.empty(), last.rule());
        assertTrue(last.detail().contains(detailSays), () -> "detail: " + last.detail());
        assertFilled(last.detail());
        assertFilled(need.sentence());
        assertTrue(need.sentence().startsWith("Need N ("), need.sentence());
    }

    @Test
    void capacitySaysWhichTiersUsedTheOffer() {
        Scenario scenario = TestScenarios.areas("capacity").need(need("N", TestScenarios.ED_VILLAGE, 10))
                .need(need("N-R2", TestScenarios.R2_VILLAGE, 3)).offer(Offer.cash("O-1", "D-1", 550_000)).build();
        Plan plan = plan(scenario, line("O-1", "N", 2), line("O-1", "N-R2", 3));
        String edTier = plan.need("N").orElseThrow().tier();
        String r2Tier = plan.need("N-R2").orElseThrow().tier();

        String detail = explainN(scenario, plan).offers().get(0).detail();

        assertTrue(detail.contains(edTier + " 200,000 VND") && detail.contains(r2Tier + " 300,000 VND"), detail);
    }

    @Test
    void anIndivisibleNeedTheOffersCanCompleteTogetherIsRoomLeftForEach() {
        Scenario scenario = TestScenarios.areas("together").need(indivisible("N", 4))
                .offer(Offer.cash("O-1", "D-1", 300_000)).offer(Offer.cash("O-2", "D-2", 300_000)).build();

        NeedExplanation need = explainN(scenario, plan(scenario));

        assertEquals(List.of(Reason.ROOM_LEFT, Reason.ROOM_LEFT), need.offers().stream().map(OfferReason::code).toList());
        assertTrue(need.offers().get(0).detail().contains("together for 6"), need.offers().get(0).detail());
    }

    @Test
    void anOfferWhoseLineCanGrowIsNotStoppedByItsMinimumGrant() {
        Scenario scenario = TestScenarios.areas("grow").need(need("N", TestScenarios.ED_VILLAGE, 10))
                .offer(Offer.cash("O-1", "D-1", 700_000).withMinGrant(500_000)).build();

        NeedExplanation need = explainN(scenario, plan(scenario, line("O-1", "N", 5)));

        assertEquals(Reason.ROOM_LEFT, need.offers().get(0).code(), need.toString());
    }

    @Test
    void theCodesAreTheFirstThatAppliesInTheContractsOrder() {
        // Out of money and at its maxNeeds: CAPACITY comes first.
        Scenario scenario = TestScenarios.areas("order").need(need("N-A", TestScenarios.ED_VILLAGE, 2))
                .need(need("N", TestScenarios.ED_VILLAGE, 2)).offer(Offer.cash("O-1", "D-1", 200_000).withMaxNeeds(1))
                .build();

        NeedExplanation need = explainN(scenario, plan(scenario, line("O-1", "N-A", 2)));

        assertEquals(Reason.CAPACITY, need.offers().get(0).code());
    }

    static Stream<Arguments> oneOfferExcludedPerSubRule() {
        return Stream.of(
                Arguments.of(EligibilityRule.IN_KIND_CATEGORY, Offer.inKind("O-1", "D-1", Category.CLOTHING, 5, 100_000),
                        "gives CLOTHING goods; the need is NUTRITION"),
                Arguments.of(EligibilityRule.CATEGORY, Offer.cash("O-1", "D-1", 1_000_000)
                        .withCategories(EnumSet.of(Category.SCHOLARSHIP, Category.HEALTHCARE)),
                        "funds only HEALTHCARE, SCHOLARSHIP; the need is NUTRITION"),
                Arguments.of(EligibilityRule.AGE_BAND, Offer.cash("O-1", "D-1", 1_000_000).withAgeBands(Set.of(AgeBand.PRESCHOOL)),
                        "funds only age bands PRESCHOOL; the need is for PRIMARY"),
                Arguments.of(EligibilityRule.ESPECIALLY_DIFFICULT_ONLY,
                        Offer.cash("O-1", "D-1", 1_000_000).withEspeciallyDifficultOnly(true),
                        TestScenarios.R3_VILLAGE + " is not one"),
                Arguments.of(EligibilityRule.AREA, Offer.cash("O-1", "D-1", 1_000_000).withAreas(Set.of("24460")),
                        "funds only in 24460; the need is in " + TestScenarios.R3_VILLAGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneOfferExcludedPerSubRule")
    void whenNoOfferIsEligibleEachIsListedWithTheSubRuleThatExcludesIt(EligibilityRule rule, Offer offer, String detailSays) {
        Scenario scenario = TestScenarios.areas("eligibility").need(need("N", TestScenarios.R3_VILLAGE, 3)).offer(offer)
                .build();

        NeedExplanation need = explainN(scenario, plan(scenario));

        assertEquals(List.of(new OfferReason("O-1", Reason.ELIGIBILITY, Optional.of(rule), need.offers().get(0).detail())),
                need.offers());
        assertTrue(need.offers().get(0).detail().contains(detailSays), need.offers().get(0).detail());
        assertTrue(need.noOfferEligible());
        assertFilled(need.sentence());
        assertTrue(need.sentence().contains("No offer may fund it"), need.sentence());
        assertEquals(Optional.of(rule), scenario.whyIneligible(offer, scenario.need("N")));
        assertFalse(scenario.isEligible(offer, scenario.need("N")));
    }

    @Test
    void whyIneligibleNamesTheFirstFailingSubRuleAndIsEmptyForAnEligibleOffer() {
        Offer wrongCategoryAndArea = Offer.cash("O-1", "D-1", 1_000_000).withCategories(Set.of(Category.SCHOLARSHIP))
                .withAreas(Set.of("24460"));
        Offer open = Offer.cash("O-2", "D-1", 1_000_000).withAreas(Set.of(TestScenarios.DISTRICT));
        Scenario scenario = TestScenarios.areas("first").need(need("N", TestScenarios.R3_VILLAGE, 3))
                .offer(wrongCategoryAndArea).offer(open).build();
        Need need = scenario.need("N");

        assertEquals(Optional.of(EligibilityRule.CATEGORY), scenario.whyIneligible(wrongCategoryAndArea, need));
        assertEquals(Optional.empty(), scenario.whyIneligible(open, need));
        assertTrue(scenario.isEligible(open, need));
    }

    @Test
    void aFundedNeedAskedForHasItsFundersAndNoReasons() {
        Scenario scenario = TestScenarios.areas("funded").need(need("N", TestScenarios.ED_VILLAGE, 3).withAlreadyCovered(1))
                .offer(Offer.cash("O-1", "D-1", 1_000_000)).offer(Offer.cash("O-2", "D-2", 1_000_000)).build();

        NeedExplanation need = explainN(scenario, plan(scenario, line("O-2", "N", 1), line("O-1", "N", 1)));

        assertEquals(NeedStatus.FUNDED, need.status());
        assertEquals(List.of(new Funder("O-1", 1), new Funder("O-2", 1)), need.funders(), "in scenario order");
        assertEquals(2, need.openUnits());
        assertEquals(1, need.coveredUnits());
        assertEquals(List.of(), need.offers());
        assertTrue(need.sentence().contains("is fully funded: 2 of 2 open units"), need.sentence());
    }

    @Test
    void allExplainsTheNeedsNotFullyFundedInTierOrderAndEveryOffer() {
        Scenario scenario = TestScenarios.areas("all").need(need("N-R2", TestScenarios.R2_VILLAGE, 2))
                .need(need("N-ED", TestScenarios.ED_VILLAGE, 2)).need(need("N-done", TestScenarios.ED_VILLAGE, 1))
                .offer(Offer.cash("O-1", "D-1", 100_000)).offer(Offer.cash("O-2", "D-2", 100_000)).build();

        Explanation explanation = Explainer.of(scenario, plan(scenario, line("O-1", "N-done", 1))).all();

        assertEquals(List.of("N-ED", "N-R2"), explanation.needs().stream().map(NeedExplanation::id).toList());
        assertEquals(List.of("O-1", "O-2"), explanation.offers().stream().map(OfferExplanation::id).toList());
        assertEquals(java.util.Map.of(Reason.CAPACITY, 2L, Reason.ROOM_LEFT, 2L), explanation.codeCounts());
    }

    @Test
    void anOfferShowsWhereItWentWhatRemainsAndWhatItCouldStillFund() {
        Scenario scenario = TestScenarios.areas("offer").need(need("N-ED", TestScenarios.ED_VILLAGE, 2))
                .need(TestScenarios.need("N-R2", TestScenarios.R2_VILLAGE, Category.SCHOLARSHIP, 5, 3, 200_000, Urgency.NORMAL))
                .need(need("N-open", TestScenarios.R3_VILLAGE, 4))
                .offer(Offer.cash("O-1", "D-1", 1_000_000)).build();
        Plan plan = plan(scenario, line("O-1", "N-ED", 2), Allocation.of("O-1", "N-R2", 2, 400_000));

        OfferExplanation offer = Explainer.of(scenario, plan).offer("O-1").offers().get(0);

        assertEquals(600_000, offer.used());
        assertEquals(400_000, offer.remaining());
        assertEquals(List.of(new Share(plan.need("N-ED").orElseThrow().tier(), 200_000, 0),
                new Share(plan.need("N-R2").orElseThrow().tier(), 400_000, 0)), offer.byTier());
        assertEquals(List.of(new Share("NUTRITION", 200_000, 0), new Share("SCHOLARSHIP", 400_000, 0)), offer.byCategory());
        assertEquals(List.of(new Share(TestScenarios.DISTRICT, 600_000, 0)), offer.byDistrict());
        assertEquals(List.of(new CouldFund("N-R2", 1, Reason.ROOM_LEFT), new CouldFund("N-open", 4, Reason.ROOM_LEFT)),
                offer.couldFund().stream().sorted(java.util.Comparator.comparing(CouldFund::need)).toList());
    }

    @Test
    void anInKindOfferCountsItsGoodsAndTheirValue() {
        Scenario scenario = TestScenarios.areas("inKind").need(need("N", TestScenarios.ED_VILLAGE, 5))
                .offer(Offer.inKind("O-1", "D-1", Category.NUTRITION, 8, 50_000)).build();
        Plan plan = plan(scenario, Allocation.of("O-1", "N", 3, 150_000));

        OfferExplanation offer = Explainer.of(scenario, plan).offer("O-1").offers().get(0);

        assertTrue(offer.inKind());
        assertEquals(3, offer.usedUnits());
        assertEquals(5, offer.remainingUnits());
        assertEquals(150_000, offer.used());
        assertEquals(250_000, offer.remaining());
        assertEquals(List.of(new Share("NUTRITION", 150_000, 3)), offer.byCategory());
    }

    @Test
    void anUnknownNeedOrOfferIsRefusedByName() {
        Scenario scenario = TestScenarios.areas("unknown").need(need("N", TestScenarios.ED_VILLAGE, 1))
                .offer(Offer.cash("O-1", "D-1", 100_000)).build();
        Explainer explainer = Explainer.of(scenario, plan(scenario));

        assertTrue(assertThrows(IllegalArgumentException.class, () -> explainer.need("N-9")).getMessage().contains("N-9"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> explainer.offer("O-9")).getMessage().contains("O-9"));
    }

    @Test
    void aPlanOfAnotherScenarioOrBreakingRulesIsSaidToBeSoFirst() {
        Scenario scenario = TestScenarios.areas("mine").need(need("N", TestScenarios.ED_VILLAGE, 3))
                .offer(Offer.cash("O-1", "D-1", 100_000)).build();
        Plan overdrawn = plan(scenario, line("O-1", "N", 2));
        Plan foreign = Plan.builder("theirs").feasible(false).score("x").allocations(List.of(line("O-9", "N", 1)))
                .solver(SolverStats.NONE).build();

        Explanation broken = Explainer.of(scenario, overdrawn).all();
        Explanation theirs = Explainer.of(scenario, foreign).all();

        assertFalse(broken.feasible());
        assertFalse(broken.belongsToAnotherScenario());
        List<String> brokenWarnings = ExplanationText.of(Words.english()).warnings(broken);
        assertEquals(1, brokenWarnings.size());
        assertTrue(ExplanationText.of(Words.english()).render(broken, true).startsWith("WARNING: the plan does not pass the audit"));
        assertTrue(theirs.belongsToAnotherScenario());
        assertEquals(2, theirs.foreign().size(), () -> theirs.foreign().toString());
        assertTrue(theirs.foreign().get(0).contains("'theirs', not 'mine'"), theirs.foreign().get(0));
        assertTrue(theirs.foreign().get(1).contains("O-9"), theirs.foreign().get(1));
        assertTrue(ExplanationText.of(Words.english()).render(theirs, true)
                .startsWith("WARNING: this plan belongs to another scenario"));
    }

    @Test
    void noDonorIsNamedInTheTextOrTheJson() {
        Scenario scenario = TestScenarios.areas("donors").policy(Policy.defaultPolicy().withMaxFundersPerNeed(1))
                .need(need("N", TestScenarios.ED_VILLAGE, 5)).offer(Offer.cash("O-1", "D-1", 200_000))
                .offer(Offer.cash("O-2", "D-2", 10_000_000)).build();
        Explanation explanation = Explainer.of(scenario, plan(scenario, line("O-1", "N", 2))).all();

        String text = ExplanationText.of(Words.english()).render(explanation, true);
        String json = ExplanationJson.toJson(explanation);

        for (var donor : scenario.donors()) {
            for (String written : List.of(text, json)) {
                assertFalse(written.contains(donor.id()) || written.contains(donor.name()),
                        () -> "donor " + donor.id() + " named in " + written);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void everyCodeHasItsWords(Reason code) {
        assertTrue(Words.english().has("explain.code." + code.name()), code.name());
        if (code != Reason.ELIGIBILITY) {
            assertTrue(Words.english().has("explain.detail." + code.name())
                    || Words.english().has("explain.detail." + code.name() + ".cash"), code.name());
        }
    }

    @ParameterizedTest
    @EnumSource(EligibilityRule.class)
    void everySubRuleHasItsWords(EligibilityRule rule) {
        assertTrue(Words.english().has("explain.rule." + rule.name()), rule.name());
        assertTrue(Words.english().has("explain.detail." + rule.name()), rule.name());
    }

    @Test
    void theTextShowsEachNeedWithItsFundersSentenceAndOneLinePerOffer() {
        Scenario scenario = TestScenarios.areas("text").need(need("N", TestScenarios.ED_VILLAGE, 10))
                .offer(Offer.cash("O-1", "D-1", 550_000)).offer(Offer.inKind("O-2", "D-2", Category.NUTRITION, 2, 50_000))
                .build();
        Plan plan = plan(scenario, line("O-1", "N", 5), Allocation.of("O-2", "N", 2, 100_000));

        String text = ExplanationText.of(Words.english()).render(Explainer.of(scenario, plan).all(), true);

        assertFilled(text);
        List<String> lines = text.lines().toList();
        assertEquals("Reasons given to the eligible offers of 1 need not fully funded: CAPACITY 2", lines.get(0));
        assertTrue(lines.contains("  funders: O-1 (5 units), O-2 (2 units)"), text);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("  O-1  CAPACITY  50,000 VND left")), text);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("  O-2  CAPACITY  all 2 units given")), text);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("O-2  in kind: used 2 units (100,000 VND), 0 units")), text);
    }
}
