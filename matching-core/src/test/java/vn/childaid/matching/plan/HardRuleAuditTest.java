package vn.childaid.matching.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.childaid.matching.TestScenarios.ED_VILLAGE;
import static vn.childaid.matching.TestScenarios.R2_VILLAGE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.ContractOracle;
import vn.childaid.matching.ContractOracle.Broken;
import vn.childaid.matching.TestScenarios;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.rules.Rule;
import vn.childaid.matching.rules.RuleViolation;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * Every rule of the contract broken once on purpose, each in a row of its own, and held exactly at
 * its boundary in another: the audit must report exactly that rule, naming the right offer and need,
 * with the right excess and unit, and the independent {@link ContractOracle} must agree (for the
 * hard rules). The figures a plan reports ({@link Rule#REPORTED_NUMBERS}) are checked through
 * {@link PlanAudit}, one wrong figure per row.
 */
class HardRuleAuditTest {
    // Needs. All in the especially difficult village of a region-III commune unless said otherwise.
    private static final String MEALS = "MEALS"; // 10 units at 100,000 VND, primary school
    private static final String R2_MEALS = "R2-MEALS"; // the same in an ordinary region-II village
    private static final String ANY_AGE = "ANY-AGE"; // the same for children of every age (band ALL)
    private static final String COVERED = "COVERED"; // 10 units, 6 covered by another programme: 4 open
    private static final String HOUSE = "HOUSE"; // 2 houses at 30,000,000 VND, all or nothing
    private static final String BOOKS = "BOOKS"; // 10 units of school supplies at 50,000 VND
    private static final String PLEDGED = "PLEDGED"; // like MEALS; committed to in the pledged scenario

    // Offers. Cash unless said otherwise.
    private static final String CASH = "O-CASH"; // D-1, 1,000,000 VND: exactly MEALS
    private static final String GOODS = "O-GOODS"; // D-2, 10 units of nutrition in kind at 50,000 VND
    private static final String BIG = "O-BIG"; // D-3, more than anything here costs
    private static final String HOUSING = "O-HOUSING"; // charity houses only
    private static final String OTHER_COMMUNE = "O-OTHER-COMMUNE"; // needs in region-II commune 24460 only
    private static final String DISTRICT = "O-DISTRICT"; // needs in district 645 only: all of them
    private static final String PRESCHOOL = "O-PRESCHOOL"; // preschool children only
    private static final String PRIMARY = "O-PRIMARY"; // primary-school children only
    private static final String EVERY_AGE = "O-EVERY-AGE"; // age bands [ALL]
    private static final String ED_ONLY = "O-ED-ONLY"; // especially difficult villages only
    private static final String SUPPLIES = "O-SUPPLIES"; // D-2, school supplies in kind
    private static final String NARROW_GOODS = "O-NARROW-GOODS"; // nutrition in kind, categories [SCHOOL_SUPPLIES]
    private static final String MIN = "O-MIN"; // D-2, minGrant 500,000 VND
    private static final String GOODS_MIN = "O-GOODS-MIN"; // D-2, nutrition in kind at 50,000 VND, minGrant 200,000
    private static final String ONE_NEED = "O-ONE-NEED"; // D-2, maxNeeds 1
    private static final String FOURTH = "O-FOURTH"; // the only offer of donor D-4
    private static final String PLEDGE = "O-PLEDGE"; // D-1, holds the pledged scenario's commitments

    private static final String VND = RuleViolation.Units.VND;
    private static final String UNITS = RuleViolation.Units.UNITS;

    /** No commitments; the default policy (at most 3 donors per need). */
    private static final Scenario PLAIN = plainScenario();

    /**
     * {@link #PLAIN} with commitments: 3 units of PLEDGED; 1 of the 2 houses (partial, so a plan must
     * complete it); and two on R2-MEALS that would break minGrant and eligibility as new lines.
     */
    private static final Scenario PLEDGED_SCENARIO = PLAIN.toBuilder()
            .commitment(Commitment.of(PLEDGE, PLEDGED, 3))
            .commitment(Commitment.of(PLEDGE, HOUSE, 1))
            .commitment(Commitment.of(MIN, R2_MEALS, 1))
            .commitment(Commitment.of(ED_ONLY, R2_MEALS, 1))
            .build();

    private static Scenario plainScenario() {
        return TestScenarios.areas("audit")
                .donor(Donor.of("D-4", "A fourth donor", DonorType.INDIVIDUAL))
                .need(meals(MEALS, ED_VILLAGE, AgeBand.PRIMARY))
                .need(meals(R2_MEALS, R2_VILLAGE, AgeBand.PRIMARY))
                .need(meals(ANY_AGE, ED_VILLAGE, AgeBand.ALL))
                .need(meals(COVERED, ED_VILLAGE, AgeBand.PRIMARY).withAlreadyCovered(6))
                .need(Need.inVillage(HOUSE, ED_VILLAGE, Category.CHARITY_HOUSE, AgeBand.PRIMARY, 5, 2, 30_000_000,
                        Urgency.CRITICAL))
                .need(Need.inVillage(BOOKS, ED_VILLAGE, Category.SCHOOL_SUPPLIES, AgeBand.PRIMARY, 10, 10, 50_000,
                        Urgency.NORMAL))
                .need(meals(PLEDGED, ED_VILLAGE, AgeBand.PRIMARY))
                .offer(Offer.cash(CASH, "D-1", 1_000_000))
                .offer(Offer.inKind(GOODS, "D-2", Category.NUTRITION, 10, 50_000))
                .offer(Offer.cash(BIG, "D-3", 1_000_000_000))
                .offer(Offer.cash(HOUSING, "D-1", 100_000_000).withCategories(Set.of(Category.CHARITY_HOUSE)))
                .offer(Offer.cash(OTHER_COMMUNE, "D-1", 10_000_000).withAreas(Set.of("24460")))
                .offer(Offer.cash(DISTRICT, "D-1", 10_000_000).withAreas(Set.of(TestScenarios.DISTRICT)))
                .offer(Offer.cash(PRESCHOOL, "D-1", 10_000_000).withAgeBands(Set.of(AgeBand.PRESCHOOL)))
                .offer(Offer.cash(PRIMARY, "D-1", 10_000_000).withAgeBands(Set.of(AgeBand.PRIMARY)))
                .offer(Offer.cash(EVERY_AGE, "D-1", 10_000_000).withAgeBands(Set.of(AgeBand.ALL)))
                .offer(Offer.cash(ED_ONLY, "D-1", 10_000_000).withEspeciallyDifficultOnly(true))
                .offer(Offer.inKind(SUPPLIES, "D-2", Category.SCHOOL_SUPPLIES, 20, 50_000))
                .offer(Offer.inKind(NARROW_GOODS, "D-2", Category.NUTRITION, 20, 50_000)
                        .withCategories(Set.of(Category.SCHOOL_SUPPLIES)))
                .offer(Offer.cash(MIN, "D-2", 10_000_000).withMinGrant(500_000))
                .offer(Offer.inKind(GOODS_MIN, "D-2", Category.NUTRITION, 20, 50_000).withMinGrant(200_000))
                .offer(Offer.cash(ONE_NEED, "D-2", 10_000_000).withMaxNeeds(1))
                .offer(Offer.cash(FOURTH, "D-4", 10_000_000))
                .offer(Offer.cash(PLEDGE, "D-1", 100_000_000))
                .build();
    }

    private static Need meals(String id, String village, AgeBand ageBand) {
        return Need.inVillage(id, village, Category.NUTRITION, ageBand, 10, 10, 100_000, Urgency.CRITICAL);
    }

    /** What the audit says of one broken rule, without the words. */
    private record Finding(Rule rule, Optional<String> offer, Optional<String> need, double excess, String unit) {
        static Finding of(RuleViolation violation) {
            return new Finding(violation.rule(), violation.offer(), violation.need(), violation.excess(), violation.unit());
        }

        Broken broken() {
            return new Broken(rule.name(), offer, need);
        }

        /** Everything but the excess, which is compared within a rounding error. */
        String identity() {
            return rule + offer.map(id -> " offer=" + id).orElse("") + need.map(id -> " need=" + id).orElse("")
                    + " [" + unit + "]";
        }
    }

    private static Finding ofLine(Rule rule, String offer, String need, double excess, String unit) {
        return new Finding(rule, Optional.of(offer), Optional.of(need), excess, unit);
    }

    private static Finding ofOffer(Rule rule, String offer, double excess, String unit) {
        return new Finding(rule, Optional.of(offer), Optional.empty(), excess, unit);
    }

    private static Finding ofNeed(Rule rule, String need, double excess, String unit) {
        return new Finding(rule, Optional.empty(), Optional.of(need), excess, unit);
    }

    private static Finding ofPlan(Rule rule, double excess, String unit) {
        return new Finding(rule, Optional.empty(), Optional.empty(), excess, unit);
    }

    /** Lines of a scenario and what the audit must find in them: nothing, or one rule. */
    private record Row(Scenario scenario, List<Allocation> lines, List<Finding> expected) {
    }

    private static Arguments row(String name, Scenario scenario, List<Allocation> lines, Finding... expected) {
        return Arguments.of(Named.of(name, new Row(scenario, lines, List.of(expected))));
    }

    private static Arguments silent(String name, Scenario scenario, List<Allocation> lines) {
        return row(name, scenario, lines);
    }

    /** A new line worth what its units are: units × unitCost for cash, units × unitValue in kind. */
    private static Allocation line(String offer, String need, int units) {
        return Allocation.of(offer, need, units, amount(offer, need, units));
    }

    private static Allocation committed(String offer, String need, int units) {
        return Allocation.committed(offer, need, units, amount(offer, need, units));
    }

    private static long amount(String offerId, String needId, int units) {
        Optional<Offer> offer = PLAIN.findOffer(offerId);
        Optional<Need> need = PLAIN.findNeed(needId);
        if (offer.isEmpty() || need.isEmpty()) {
            return 0;
        }
        return units * (offer.get().isCash() ? need.get().unitCost() : offer.get().unitValue());
    }

    /** The pledged scenario's commitments as carried, and the second house completing the pledged one. */
    private static List<Allocation> pledgesKept() {
        return List.of(committed(PLEDGE, PLEDGED, 3), committed(PLEDGE, HOUSE, 1), committed(MIN, R2_MEALS, 1),
                committed(ED_ONLY, R2_MEALS, 1), line(BIG, HOUSE, 1));
    }

    /** {@link #pledgesKept()} with its first line (3 units of PLEDGED) replaced by {@code instead}. */
    private static List<Allocation> pledgedLinesWith(Allocation... instead) {
        List<Allocation> lines = new ArrayList<>(Arrays.asList(instead));
        lines.addAll(pledgesKept().subList(1, pledgesKept().size()));
        return lines;
    }

    private static List<Allocation> pledgesKeptWithout(Allocation dropped) {
        List<Allocation> lines = new ArrayList<>(pledgesKept());
        assertTrue(lines.remove(dropped), "the line to drop is among those kept");
        return lines;
    }

    static Stream<Arguments> eachRuleBrokenOnce() {
        return Stream.of(
                row("CAPACITY: a cash offer gives 100,000 VND beyond its amount", PLAIN,
                        List.of(line(CASH, MEALS, 10), line(CASH, R2_MEALS, 1)), ofOffer(Rule.CAPACITY, CASH, 100_000, VND)),
                row("CAPACITY: an in-kind offer gives a unit beyond its quantity", PLAIN,
                        List.of(line(GOODS, MEALS, 6), line(GOODS, R2_MEALS, 5)), ofOffer(Rule.CAPACITY, GOODS, 1, UNITS)),
                row("OPEN_UNITS: two offers fund the same unit (double funding)", PLAIN,
                        List.of(line(BIG, MEALS, 6), line(CASH, MEALS, 5)), ofNeed(Rule.OPEN_UNITS, MEALS, 1, UNITS)),
                row("OPEN_UNITS: units already covered elsewhere are not open", PLAIN,
                        List.of(line(BIG, COVERED, 5)), ofNeed(Rule.OPEN_UNITS, COVERED, 1, UNITS)),
                row("ALL_OR_NOTHING: one of two houses funded", PLAIN,
                        List.of(line(BIG, HOUSE, 1)), ofNeed(Rule.ALL_OR_NOTHING, HOUSE, 1, UNITS)),
                row("ALL_OR_NOTHING: a partial commitment on an indivisible need left uncompleted", PLEDGED_SCENARIO,
                        pledgesKeptWithout(line(BIG, HOUSE, 1)), ofNeed(Rule.ALL_OR_NOTHING, HOUSE, 1, UNITS)),
                row("ELIGIBILITY: a category the offer excludes", PLAIN,
                        List.of(line(HOUSING, MEALS, 2)), ofLine(Rule.ELIGIBILITY, HOUSING, MEALS, 2, UNITS)),
                row("ELIGIBILITY: an area the offer excludes", PLAIN,
                        List.of(line(OTHER_COMMUNE, MEALS, 2)), ofLine(Rule.ELIGIBILITY, OTHER_COMMUNE, MEALS, 2, UNITS)),
                row("ELIGIBILITY: an age band the offer excludes", PLAIN,
                        List.of(line(PRESCHOOL, MEALS, 2)), ofLine(Rule.ELIGIBILITY, PRESCHOOL, MEALS, 2, UNITS)),
                row("ELIGIBILITY: a need of age band ALL from an offer for one band", PLAIN,
                        List.of(line(PRIMARY, ANY_AGE, 2)), ofLine(Rule.ELIGIBILITY, PRIMARY, ANY_AGE, 2, UNITS)),
                row("ELIGIBILITY: an ordinary village from an especially-difficult-only offer", PLAIN,
                        List.of(line(ED_ONLY, R2_MEALS, 2)), ofLine(Rule.ELIGIBILITY, ED_ONLY, R2_MEALS, 2, UNITS)),
                row("ELIGIBILITY: goods of another category", PLAIN,
                        List.of(line(SUPPLIES, MEALS, 2)), ofLine(Rule.ELIGIBILITY, SUPPLIES, MEALS, 2, UNITS)),
                row("ELIGIBILITY: goods whose categories lack their own category", PLAIN,
                        List.of(line(NARROW_GOODS, MEALS, 2)), ofLine(Rule.ELIGIBILITY, NARROW_GOODS, MEALS, 2, UNITS)),
                row("MIN_GRANT: a cash line 300,000 VND short, the need not fully funded", PLAIN,
                        List.of(line(MIN, MEALS, 2)), ofLine(Rule.MIN_GRANT, MIN, MEALS, 300_000, VND)),
                row("MIN_GRANT: goods valued at their unit value, 50,000 VND short", PLAIN,
                        List.of(line(GOODS_MIN, MEALS, 3)), ofLine(Rule.MIN_GRANT, GOODS_MIN, MEALS, 50_000, VND)),
                row("MIN_GRANT: each line is judged alone, not the pair's sum", PLAIN,
                        List.of(line(MIN, MEALS, 3), line(MIN, MEALS, 3)),
                        ofLine(Rule.MIN_GRANT, MIN, MEALS, 200_000, VND), ofLine(Rule.MIN_GRANT, MIN, MEALS, 200_000, VND)),
                row("MAX_NEEDS: an offer of maxNeeds 1 funds two needs", PLAIN,
                        List.of(line(ONE_NEED, MEALS, 1), line(ONE_NEED, R2_MEALS, 1)),
                        ofOffer(Rule.MAX_NEEDS, ONE_NEED, 1, RuleViolation.Units.NEEDS)),
                row("MAX_FUNDERS: four donors on one need, the policy allows three", PLAIN,
                        List.of(line(CASH, MEALS, 1), line(GOODS, MEALS, 1), line(BIG, MEALS, 1), line(FOURTH, MEALS, 1)),
                        ofNeed(Rule.MAX_FUNDERS, MEALS, 1, RuleViolation.Units.DONORS)),
                row("COMMITMENT: fewer units than promised", PLEDGED_SCENARIO,
                        pledgedLinesWith(committed(PLEDGE, PLEDGED, 2)), ofLine(Rule.COMMITMENT, PLEDGE, PLEDGED, -1, UNITS)),
                row("COMMITMENT: more units than promised", PLEDGED_SCENARIO,
                        pledgedLinesWith(committed(PLEDGE, PLEDGED, 4)), ofLine(Rule.COMMITMENT, PLEDGE, PLEDGED, 1, UNITS)),
                row("COMMITMENT: missing from the plan", PLEDGED_SCENARIO,
                        pledgedLinesWith(), ofLine(Rule.COMMITMENT, PLEDGE, PLEDGED, -3, UNITS)),
                row("COMMITMENT: carried as a new line, not marked committed", PLEDGED_SCENARIO,
                        pledgedLinesWith(line(PLEDGE, PLEDGED, 3)), ofLine(Rule.COMMITMENT, PLEDGE, PLEDGED, -3, UNITS)),
                row("REFERENCE: an unknown offer", PLAIN,
                        List.of(line("O-NOPE", MEALS, 1)), ofLine(Rule.REFERENCE, "O-NOPE", MEALS, 1, UNITS)),
                row("REFERENCE: an unknown need", PLAIN,
                        List.of(line(CASH, "N-NOPE", 1)), ofLine(Rule.REFERENCE, CASH, "N-NOPE", 1, UNITS)),
                row("REFERENCE: a line of 0 units", PLAIN,
                        List.of(line(CASH, MEALS, 0)), ofLine(Rule.REFERENCE, CASH, MEALS, 0, UNITS)),
                row("REFERENCE: a line of −1 units", PLAIN,
                        List.of(line(CASH, MEALS, -1)), ofLine(Rule.REFERENCE, CASH, MEALS, -1, UNITS)),
                row("REFERENCE: a committed line that is no commitment", PLAIN,
                        List.of(committed(CASH, MEALS, 1)), ofLine(Rule.REFERENCE, CASH, MEALS, 1, UNITS)));
    }

    static Stream<Arguments> eachRuleHeldAtItsBoundary() {
        return Stream.of(
                silent("CAPACITY: a cash offer gives exactly its amount", PLAIN, List.of(line(CASH, MEALS, 10))),
                silent("CAPACITY: an in-kind offer gives exactly its quantity", PLAIN,
                        List.of(line(GOODS, MEALS, 6), line(GOODS, R2_MEALS, 4))),
                silent("OPEN_UNITS: two offers fund exactly the open units", PLAIN,
                        List.of(line(BIG, MEALS, 6), line(CASH, MEALS, 4))),
                silent("OPEN_UNITS: exactly the units not already covered", PLAIN, List.of(line(BIG, COVERED, 4))),
                silent("ALL_OR_NOTHING: two houses funded whole by two offers", PLAIN,
                        List.of(line(BIG, HOUSE, 1), line(HOUSING, HOUSE, 1))),
                silent("ALL_OR_NOTHING: a partial commitment completed; commitments not re-judged", PLEDGED_SCENARIO,
                        pledgesKept()),
                silent("ELIGIBILITY: the category the offer allows", PLAIN, List.of(line(HOUSING, HOUSE, 2))),
                silent("ELIGIBILITY: the commune the offer allows", PLAIN, List.of(line(OTHER_COMMUNE, R2_MEALS, 2))),
                silent("ELIGIBILITY: the district the offer allows holds the village", PLAIN,
                        List.of(line(DISTRICT, MEALS, 2))),
                silent("ELIGIBILITY: the age band the offer allows", PLAIN, List.of(line(PRIMARY, MEALS, 2))),
                silent("ELIGIBILITY: age bands [ALL] take any band, ALL too", PLAIN,
                        List.of(line(EVERY_AGE, MEALS, 2), line(EVERY_AGE, ANY_AGE, 2))),
                silent("ELIGIBILITY: no age bands take a need of band ALL", PLAIN, List.of(line(CASH, ANY_AGE, 2))),
                silent("ELIGIBILITY: an especially difficult village", PLAIN, List.of(line(ED_ONLY, MEALS, 2))),
                silent("ELIGIBILITY: goods of the need's category", PLAIN, List.of(line(SUPPLIES, BOOKS, 2))),
                silent("MIN_GRANT: a cash line of exactly minGrant", PLAIN, List.of(line(MIN, MEALS, 5))),
                silent("MIN_GRANT: goods worth exactly minGrant", PLAIN, List.of(line(GOODS_MIN, MEALS, 4))),
                silent("MIN_GRANT: a small line is exempt when its need ends fully funded", PLAIN,
                        List.of(line(MIN, MEALS, 2), line(CASH, MEALS, 8))),
                silent("MAX_NEEDS: two lines for the one need allowed", PLAIN,
                        List.of(line(ONE_NEED, MEALS, 1), line(ONE_NEED, MEALS, 2))),
                silent("MAX_FUNDERS: four offers of three donors", PLAIN,
                        List.of(line(CASH, MEALS, 1), line(ED_ONLY, MEALS, 1), line(GOODS, MEALS, 1), line(BIG, MEALS, 1))),
                silent("COMMITMENT: carried in two committed lines that sum to the promise", PLEDGED_SCENARIO,
                        pledgedLinesWith(committed(PLEDGE, PLEDGED, 1), committed(PLEDGE, PLEDGED, 2))),
                silent("COMMITMENT: kept, and topped up by a new line of the same pair", PLEDGED_SCENARIO,
                        pledgedLinesWith(committed(PLEDGE, PLEDGED, 3), line(PLEDGE, PLEDGED, 2))),
                silent("REFERENCE: a line of 1 unit of a known offer and need", PLAIN, List.of(line(CASH, MEALS, 1))),
                silent("no lines at all", PLAIN, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"eachRuleBrokenOnce", "eachRuleHeldAtItsBoundary"})
    void auditReportsExactlyTheRuleBroken(Row row) {
        List<RuleViolation> violations = HardRuleAudit.audit(row.scenario(), row.lines());

        assertFindings(row.expected(), violations);
        Set<String> codes = row.expected().stream().map(finding -> finding.rule().name()).collect(Collectors.toSet());
        assertEquals(codes, violations.stream().map(v -> v.rule().name()).collect(Collectors.toSet()));
        violations.forEach(violation -> assertFalse(violation.message().isBlank(), "a message for people"));
        assertEquals(row.expected().stream().map(Finding::broken).collect(Collectors.toSet()),
                ContractOracle.broken(row.scenario(), row.lines()), "the independent oracle agrees");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"eachRuleBrokenOnce", "eachRuleHeldAtItsBoundary"})
    void planAuditOfTheAssembledPlanReportsTheSameRule(Row row) {
        Plan plan = PlanAssembler.fromLines(row.scenario(), row.lines(), "test", SolverStats.NONE);

        assertEquals(row.expected().isEmpty(), plan.feasible());
        assertFindings(row.expected(), PlanAudit.audit(row.scenario(), plan));
        assertFindings(row.expected(), plan.ruleViolations());
    }

    /** A committed line that is no commitment is reported, then judged as a new line. */
    @Test
    void aCommittedLineThatIsNoCommitmentIsJudgedAsANewLine() {
        List<Allocation> ineligible = List.of(committed(HOUSING, MEALS, 2));
        assertFindings(List.of(ofLine(Rule.REFERENCE, HOUSING, MEALS, 2, UNITS), ofLine(Rule.ELIGIBILITY, HOUSING, MEALS, 2, UNITS)),
                HardRuleAudit.audit(PLAIN, ineligible));
        assertEquals(Set.of("REFERENCE", "ELIGIBILITY"), ContractOracle.brokenRules(PLAIN, ineligible));

        List<Allocation> small = List.of(committed(MIN, MEALS, 2));
        assertFindings(List.of(ofLine(Rule.REFERENCE, MIN, MEALS, 2, UNITS), ofLine(Rule.MIN_GRANT, MIN, MEALS, 300_000, VND)),
                HardRuleAudit.audit(PLAIN, small));
        assertEquals(Set.of("REFERENCE", "MIN_GRANT"), ContractOracle.brokenRules(PLAIN, small));
    }

    // ---- Reported numbers: a feasible plan whose one reported figure is wrong ----

    /** MEALS and the two houses funded whole (tier ED-critical), 4 of R2-MEALS' 10 units (tier OTHER). */
    private static final Plan TRUE_PLAN = PlanAssembler.fromLines(PLAIN,
            List.of(line(CASH, MEALS, 10), line(GOODS, R2_MEALS, 4), line(BIG, HOUSE, 2)), "test", SolverStats.NONE);

    /** A plan edited from {@link #TRUE_PLAN}, and what {@link PlanAudit} must find in it. */
    private record Edit(UnaryOperator<Plan> edit, List<Finding> expected) {
    }

    private static Arguments edit(String name, UnaryOperator<Plan> edit, Finding... expected) {
        return Arguments.of(Named.of(name, new Edit(edit, List.of(expected))));
    }

    static Stream<Arguments> eachReportedFigureWrongOnce() {
        return Stream.of(
                edit("nothing changed", plan -> plan),
                edit("REPORTED_NUMBERS: a line's amount", plan -> withLines(plan, line -> line.offer().equals(CASH)
                                ? line.toBuilder().amount(900_000).build() : line),
                        ofLine(Rule.REPORTED_NUMBERS, CASH, MEALS, -100_000, VND)),
                edit("REPORTED_NUMBERS: a need's fundedUnits", plan -> withNeed(plan, MEALS, need -> need.toBuilder()
                                .fundedUnits(9).build()),
                        ofNeed(Rule.REPORTED_NUMBERS, MEALS, -1, UNITS)),
                edit("REPORTED_NUMBERS: a need's status", plan -> withNeed(plan, MEALS, need -> need.toBuilder()
                                .status(NeedStatus.PARTIAL).build()),
                        ofNeed(Rule.REPORTED_NUMBERS, MEALS, 0, UNITS)),
                edit("REPORTED_NUMBERS: a need's reached", plan -> withReached(plan, MEALS, 11),
                        ofNeed(Rule.REPORTED_NUMBERS, MEALS, 1, RuleViolation.Units.CHILDREN)),
                edit("REPORTED_NUMBERS: a need's reached, just beyond the relative tolerance",
                        plan -> withReached(plan, MEALS, 10 + 2e-5),
                        ofNeed(Rule.REPORTED_NUMBERS, MEALS, 2e-5, RuleViolation.Units.CHILDREN)),
                edit("a need's reached, just within the relative tolerance (1e-6 × 10)",
                        plan -> withReached(plan, MEALS, 10 + 5e-6)),
                edit("REPORTED_NUMBERS: an offer's used", plan -> withOffers(plan, use -> use.id().equals(CASH)
                                ? use.toBuilder().used(1_100_000).build() : use),
                        ofOffer(Rule.REPORTED_NUMBERS, CASH, 100_000, VND)),
                edit("REPORTED_NUMBERS: a tier's value", plan -> withTiers(plan, tier -> tier.name().equals("ED-critical")
                                ? tier.toBuilder().value(tier.value() + 1).build() : tier),
                        ofPlan(Rule.REPORTED_NUMBERS, 1, RuleViolation.Units.CHILDREN)),
                edit("REPORTED_NUMBERS: feasible", plan -> copy(plan, false, plan.scenario(), plan.allocations(),
                                plan.needs(), plan.offers(), plan.tiers()),
                        ofPlan(Rule.REPORTED_NUMBERS, -1, UNITS)),
                edit("REPORTED_NUMBERS: a need missing", plan -> copy(plan, plan.feasible(), plan.scenario(),
                                plan.allocations(), plan.needs().stream().filter(n -> !n.id().equals(R2_MEALS)).toList(),
                                plan.offers(), plan.tiers()),
                        ofNeed(Rule.REPORTED_NUMBERS, R2_MEALS, 0, UNITS)),
                edit("REFERENCE: a plan for another scenario", plan -> copy(plan, plan.feasible(), "another",
                                plan.allocations(), plan.needs(), plan.offers(), plan.tiers()),
                        ofPlan(Rule.REFERENCE, 0, UNITS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eachReportedFigureWrongOnce")
    void planAuditReportsExactlyTheFigureThatIsWrong(Edit edit) {
        Plan plan = edit.edit().apply(TRUE_PLAN);

        assertFindings(edit.expected(), PlanAudit.audit(PLAIN, plan));
        assertEquals(Set.of(), ContractOracle.broken(PLAIN, plan.allocations()), "the lines themselves keep every rule");
    }

    private static Plan copy(Plan plan, boolean feasible, String scenario, List<Allocation> lines, List<NeedOutcome> needs,
            List<OfferUse> offers, List<TierTotal> tiers) {
        return Plan.builder(scenario).feasible(feasible).score(plan.score()).allocations(lines).needs(needs)
                .offers(offers).tiers(tiers).violations(plan.violations()).ruleViolations(plan.ruleViolations())
                .solver(plan.solver()).build();
    }

    private static Plan withLines(Plan plan, UnaryOperator<Allocation> change) {
        return copy(plan, plan.feasible(), plan.scenario(), plan.allocations().stream().map(change).toList(), plan.needs(),
                plan.offers(), plan.tiers());
    }

    private static Plan withNeed(Plan plan, String id, UnaryOperator<NeedOutcome> change) {
        return copy(plan, plan.feasible(), plan.scenario(), plan.allocations(),
                plan.needs().stream().map(need -> need.id().equals(id) ? change.apply(need) : need).toList(),
                plan.offers(), plan.tiers());
    }

    private static Plan withReached(Plan plan, String id, double reached) {
        return withNeed(plan, id, need -> need.toBuilder().reached(reached).build());
    }

    private static Plan withOffers(Plan plan, UnaryOperator<OfferUse> change) {
        return copy(plan, plan.feasible(), plan.scenario(), plan.allocations(), plan.needs(),
                plan.offers().stream().map(change).toList(), plan.tiers());
    }

    private static Plan withTiers(Plan plan, UnaryOperator<TierTotal> change) {
        return copy(plan, plan.feasible(), plan.scenario(), plan.allocations(), plan.needs(), plan.offers(),
                plan.tiers().stream().map(change).toList());
    }

    /** The violations name exactly the expected rules, ids and units in order, with the excess to a rounding error. */
    private static void assertFindings(List<Finding> expected, List<RuleViolation> violations) {
        List<Finding> found = violations.stream().map(Finding::of).toList();
        assertEquals(expected.stream().map(Finding::identity).toList(), found.stream().map(Finding::identity).toList(),
                () -> "found " + found);
        for (int i = 0; i < expected.size(); i++) {
            double excess = expected.get(i).excess();
            assertEquals(excess, found.get(i).excess(), 1e-9 * Math.max(1, Math.abs(excess)), () -> "excess of " + found);
        }
    }

    /** The rows above are exhaustive: every hard rule is broken in some row and held in another. */
    @Test
    void everyHardRuleHasARowBreakingItAndOneHoldingIt() {
        Set<String> broken = new TreeSet<>();
        eachRuleBrokenOnce().forEach(arguments -> broken.add(rowOf(arguments).expected().get(0).rule().name()));
        Set<String> held = new TreeSet<>();
        eachRuleHeldAtItsBoundary().forEach(arguments -> {
            String name = ((Named<?>) arguments.get()[0]).getName();
            held.add(name.substring(0, Math.max(0, name.indexOf(':'))));
        });
        Set<String> hard = Arrays.stream(Rule.values()).filter(Rule::isHard).map(Rule::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(hard, broken);
        held.remove("");
        assertEquals(hard, held);
    }

    private static Row rowOf(Arguments arguments) {
        return (Row) ((Named<?>) arguments.get()[0]).getPayload();
    }

    /** A plan from elsewhere may hold any number: a line worth more VND than can be counted is a reference problem, not a crash. */
    @org.junit.jupiter.api.Test
    void aLineTooLargeToCountIsAReferenceProblem() {
        Allocation huge = Allocation.of(BIG, HOUSE, Integer.MAX_VALUE, 0); // 2^31 houses at 30M VND: over 2^53 VND
        List<RuleViolation> found = HardRuleAudit.audit(PLAIN, List.of(huge));
        assertEquals(List.of(Rule.REFERENCE), found.stream().map(RuleViolation::rule).toList());
        Plan plan = PlanAssembler.fromLines(PLAIN, List.of(huge), "", SolverStats.NONE);
        assertEquals(0, plan.need(HOUSE).orElseThrow().fundedUnits(), "an uncountable line counts toward nothing");
    }

    /** Counts beyond an int from a plan file saturate in the figures; the audit still names the rule. */
    @org.junit.jupiter.api.Test
    void aNeedFundedBeyondAnyCountIsDoubleFundingNotACrash() {
        Scenario free = vn.childaid.matching.TestScenarios.areas("free")
                .need(vn.childaid.matching.TestScenarios.need("FREE", vn.childaid.matching.TestScenarios.ED_VILLAGE,
                        vn.childaid.matching.classification.Category.SCHOOL_SUPPLIES, 5, 5, 0,
                        vn.childaid.matching.classification.Urgency.HIGH))
                .offer(vn.childaid.matching.scenario.Offer.cash("ANY", "D-1", 1_000))
                .build();
        List<Allocation> lines = List.of(Allocation.of("ANY", "FREE", Integer.MAX_VALUE, 0),
                Allocation.of("ANY", "FREE", Integer.MAX_VALUE, 0));
        assertEquals(List.of(Rule.OPEN_UNITS), HardRuleAudit.audit(free, lines).stream().map(RuleViolation::rule).toList());
        Plan plan = PlanAssembler.fromLines(free, lines, "", SolverStats.NONE);
        assertEquals(Integer.MAX_VALUE, plan.need("FREE").orElseThrow().fundedUnits());
    }
}
