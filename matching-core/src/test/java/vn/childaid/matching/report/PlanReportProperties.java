package vn.childaid.matching.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.RandomScenarios.Case;
import vn.childaid.matching.Seeds;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.json.PlanReportJson;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.HardRuleAudit;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.rules.Objective;
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * Over random scenarios, some donors anonymous, with the greedy's plan (feasible) and with random
 * lines (any: over capacity, unknown ids, changed commitments): every total of the report is the
 * sum of the plan's countable lines, however it is grouped; the 4W table's totals are the same;
 * and no anonymous donor's name or id appears in the JSON or the table.
 */
@ExtendWith(Seeds.NameTheSeed.class)
class PlanReportProperties {
    static Stream<Case> totalsAreSumsOfTheLines() {
        return Case.cases(120, 8, 6);
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void totalsAreSumsOfTheLines(Case c) throws IOException {
        Random random = new Random(c.seed());
        Scenario scenario = anonymise(c.scenario(6), random);
        for (Plan plan : List.of(GreedyAllocator.plan(scenario), PlanAssembler.fromLines(scenario,
                randomLines(random, scenario), "random", SolverStats.NONE))) {
            PlanReport report = PlanReport.of(scenario, plan);
            List<Allocation> countable = plan.allocations().stream()
                    .filter(line -> HardRuleAudit.countable(scenario, line)).toList();
            checkMoney(scenario, report, countable);
            checkChildren(scenario, report, countable);
            checkUnmet(scenario, report, countable);
            checkRoll(report);
            checkFourW(report, countable);
            checkAnonymity(scenario, report);
            if (plan.feasible()) {
                assertTrue(report.feasible());
                for (int tier = 0; tier < plan.tiers().size(); tier++) {
                    assertAgree(plan.tiers().get(tier).reached(), report.byTier().get(tier).reached(),
                            "tier " + tier + " as the plan reports it");
                }
            }
        }
    }

    private static void checkMoney(Scenario scenario, PlanReport report, List<Allocation> lines) {
        long cash = lines.stream().filter(l -> scenario.offer(l.offer()).isCash()).mapToLong(Allocation::amount).sum();
        long inKind = lines.stream().filter(l -> !scenario.offer(l.offer()).isCash()).mapToLong(Allocation::amount).sum();
        long offered = scenario.offers().stream().mapToLong(Offer::totalValue).sum();
        assertEquals(cash, report.money().allocatedCash());
        assertEquals(inKind, report.money().allocatedInKind());
        assertEquals(offered, report.money().offered());
        assertEquals(report.money(), report.byDonor().stream().map(DonorTotal::money).reduce(Money.ZERO, Money::plus));
        assertEquals(report.money(), report.byDonorType().stream().map(DonorTypeTotal::money)
                .reduce(Money.ZERO, Money::plus));
        assertEquals(scenario.donors().size(), report.byDonorType().stream().mapToInt(DonorTypeTotal::donors).sum());
        assertEquals(report.money().allocated(), report.lines().stream().mapToLong(ReportLine::value).sum());
    }

    private static void checkChildren(Scenario scenario, PlanReport report, List<Allocation> lines) {
        double children = lines.stream().mapToDouble(line -> {
            Need need = scenario.need(line.need());
            return Objective.reached(need.children(), need.quantity(), line.units());
        }).sum();
        assertEquals(lines.size(), report.lines().size());
        assertAgree(children, report.childrenReached(), "children reached");
        for (List<Reach> grouping : List.of(report.byCategory(), report.byAgeBand(), report.byTier(),
                report.byDistrict(), report.byCommune())) {
            assertAgree(children, sum(grouping, Reach::reached), "reached by " + grouping);
            assertEquals(report.children(), grouping.stream().mapToLong(Reach::children).sum());
            assertEquals(scenario.needs().size(), grouping.stream().mapToInt(Reach::needs).sum());
        }
        assertAgree(children, sum(report.byDonor(), DonorTotal::childrenReached), "reached by donor");
    }

    private static void checkUnmet(Scenario scenario, PlanReport report, List<Allocation> lines) {
        long missing = 0;
        for (Need need : scenario.needs()) {
            long funded = lines.stream().filter(l -> l.need().equals(need.id())).mapToLong(Allocation::units).sum();
            missing += Math.max(0, need.openUnits() - funded);
        }
        assertEquals(missing, report.unmet().stream().mapToLong(Unmet::units).sum());
        assertEquals(missing, report.unmetNeeds().stream().mapToLong(UnmetNeed::units).sum());
        assertEquals(report.unmet().stream().mapToLong(Unmet::vnd).sum(),
                report.unmetNeeds().stream().mapToLong(UnmetNeed::vnd).sum());
        for (VillageCoverage row : report.especiallyDifficultCoverage()) {
            assertEquals(row.villagesWithCriticalNeeds(), row.villagesCovered() + row.villagesLacking().size());
            assertTrue(row.villagesWithCriticalNeeds() <= row.villagesWithNeeds());
        }
    }

    private static void checkRoll(PlanReport report) {
        for (List<HonourRoll.Group> ranking : List.of(report.honourRoll().byValue(), report.honourRoll().byChildren())) {
            assertEquals(report.byDonor().size(), ranking.stream().mapToInt(g -> g.entries().size()).sum());
        }
        for (HonourRoll.Group group : report.honourRoll().byValue()) {
            for (int i = 1; i < group.entries().size(); i++) {
                assertTrue(group.entries().get(i - 1).allocated() >= group.entries().get(i).allocated());
            }
        }
        for (HonourRoll.Group group : report.honourRoll().byChildren()) {
            for (int i = 1; i < group.entries().size(); i++) {
                assertTrue(group.entries().get(i - 1).childrenReached() >= group.entries().get(i).childrenReached());
            }
        }
    }

    private static void checkFourW(PlanReport report, List<Allocation> lines) throws IOException {
        List<List<String>> rows = FourWTest.parse(FourW.toCsv(report, Words.english()));
        List<List<String>> body = rows.subList(2, rows.size());
        assertEquals(lines.size(), body.size());
        assertEquals(lines.stream().mapToLong(Allocation::amount).sum(),
                body.stream().mapToLong(row -> Long.parseLong(row.get(11))).sum());
        double targeted = body.stream().mapToDouble(row -> Double.parseDouble(row.get(9))).sum();
        // Each cell is rounded to 2 decimals: the sum may drift by half a hundredth a row.
        assertEquals(report.childrenReached(), targeted, 0.005 * body.size() + 1e-9);
    }

    private static void checkAnonymity(Scenario scenario, PlanReport report) {
        String json = PlanReportJson.toJson(report);
        String csv = FourW.toCsv(report, Words.english());
        for (Donor donor : scenario.donors()) {
            if (donor.anonymous()) {
                for (String text : List.of(json, csv)) {
                    assertFalse(text.contains(donor.name()), donor.name() + " named");
                    assertFalse(text.contains("\"" + donor.id() + "\"") || csv.contains(donor.id() + ","), donor.id());
                }
            }
        }
    }

    /** The scenario with each donor made anonymous by chance. */
    private static Scenario anonymise(Scenario scenario, Random random) {
        Set<String> chosen = new HashSet<>();
        scenario.donors().forEach(donor -> {
            if (random.nextBoolean()) {
                chosen.add(donor.id());
            }
        });
        return ReportScenarios.withAnonymous(scenario, chosen);
    }

    /** Lines of any offer for any need, some unknown or below one unit, commitments kept or changed. */
    private static List<Allocation> randomLines(Random random, Scenario scenario) {
        List<Allocation> lines = new ArrayList<>(PlanAssembler.committedLines(scenario));
        int count = random.nextInt(10);
        for (int i = 0; i < count; i++) {
            Offer offer = scenario.offers().get(random.nextInt(scenario.offers().size()));
            Need need = scenario.needs().get(random.nextInt(scenario.needs().size()));
            int units = random.nextInt(15) == 0 ? 0 : 1 + random.nextInt(need.quantity());
            String offerId = random.nextInt(20) == 0 ? "O-unknown" : offer.id();
            lines.add(Allocation.builder(offerId, need.id()).units(units)
                    .amount(units * offer.unitAmount(need)).committed(random.nextInt(12) == 0).build());
        }
        return lines;
    }

    private static <T> double sum(List<T> items, ToDoubleFunction<T> figure) {
        return items.stream().mapToDouble(figure).sum();
    }

    private static void assertAgree(double expected, double actual, String what) {
        assertTrue(Objective.agree(expected, actual), what + ": expected " + expected + ", was " + actual);
    }
}
