package vn.childaid.matching.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.childaid.matching.RandomScenarios;
import vn.childaid.matching.TestScenarios;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.csv.SweepCsv;
import vn.childaid.matching.engine.SolveOptions;
import vn.childaid.matching.plan.PlanAudit;
import vn.childaid.matching.report.Words;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.whatif.BudgetSweep.OfferSelection;
import vn.childaid.matching.whatif.BudgetSweep.Step;

class BudgetSweepTest {
    /** Few score calculations: the sweep's bookkeeping is under test, not the solver's quality. */
    private static final SolveOptions QUICK = SolveOptions.defaults().withTimeLimit(Duration.ofMinutes(1))
            .withScoreCalculationLimit(300).withRandomSeed(1);

    private static List<String> decimals(List<BigDecimal> values) {
        return values.stream().map(BigDecimal::toPlainString).toList();
    }

    @Test
    void factorsStepInExactDecimalsFromStartToEndIncluded() {
        assertEquals(List.of("0.5", "0.6", "0.7", "0.8", "0.9", "1.0", "1.1", "1.2", "1.3", "1.4", "1.5"),
                decimals(BudgetSweep.factors("0.5:1.5:0.1")));
        assertEquals(List.of("0.1", "0.4", "0.7", "1.0"), decimals(BudgetSweep.factors("0.1:1.1:0.3")),
                "an end the step does not land on is not passed");
        assertEquals(List.of("1.0"), decimals(BudgetSweep.factors("1:1:0.5")), "written with the step's decimals");
        assertEquals(List.of("1.2"), decimals(BudgetSweep.factors("1.2")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.5:1.5", "a:1:0.1", "1.5:0.5:0.1", "0.5:1.5:0", "0.5:1.5:-0.1", "-1:1:0.5", "0:1000:0.1", "1:2:x"})
    void aBadFactorRangeIsRefusedSayingWhy(String range) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> BudgetSweep.factors(range));
        assertTrue(refused.getMessage().contains("'" + range + "'"), refused.getMessage());
    }

    @Test
    void theWithdrawalTableLeavesAnAnonymousDonorsIdOut() {
        Scenario named = twoDonorTypes();
        String json = vn.childaid.matching.json.ScenarioJson.toJson(named);
        Scenario base = vn.childaid.matching.json.ScenarioJson.parse(
                json.replaceFirst("\"id\"\\s*:\\s*\"D-2\",", "\"id\": \"D-2\", \"anonymous\": true,"), "test");
        assertTrue(base.donor("D-2").anonymous(), "the test made D-2 anonymous");

        List<Step> steps = BudgetSweep.withdrawingEach(base, 1, QUICK).run(BudgetSweep.StepListener.NONE);
        String table = SweepCsv.withdrawals(base, steps);

        assertTrue(table.lines().skip(1).anyMatch(row -> row.startsWith("O-3,,700000,")), table);
        assertFalse(table.contains("D-2"), table);
    }

    private static Scenario twoDonorTypes() {
        return TestScenarios.areas("money")
                .need(TestScenarios.need("N-1", TestScenarios.ED_VILLAGE, Category.NUTRITION, 10, 10, 100_000, Urgency.CRITICAL))
                .need(TestScenarios.need("N-2", TestScenarios.R3_VILLAGE, Category.CLOTHING, 8, 8, 100_000, Urgency.NORMAL))
                .offer(Offer.cash("O-1", "D-1", 333_333))
                .offer(Offer.cash("O-2", "D-2", 500_001))
                .offer(Offer.inKind("O-3", "D-2", Category.CLOTHING, 7, 100_000))
                .build();
    }

    @Test
    void scalingRoundsDownToWholeVndAndUnitsAndTouchesOnlyTheSelectedOffers() {
        Scenario scaled = BudgetSweep.scaled(twoDonorTypes(), OfferSelection.ofDonorType(DonorType.ENTERPRISE),
                new BigDecimal("0.5"));

        assertEquals(333_333, scaled.offer("O-1").amount(), "a mass organisation's offer is not selected");
        assertEquals(250_000, scaled.offer("O-2").amount(), "500,001 × 0.5 rounds down");
        assertEquals(3, scaled.offer("O-3").quantity(), "7 units × 0.5 rounds down");
        assertEquals(333_333, BudgetSweep.scaled(twoDonorTypes(), OfferSelection.ofDonor("D-1"), new BigDecimal("1.000001"))
                .offer("O-1").amount(), "333,333.333333 rounds down");
    }

    @Test
    void aSweepThatWouldBreakTheScenarioIsRefusedBeforeSolvingNamingEachFactor() {
        // At 0.1 the in-kind offer O-3 keeps no unit.
        InvalidScenarioException refused = assertThrows(InvalidScenarioException.class, () -> BudgetSweep.scaling(
                twoDonorTypes(), OfferSelection.all(), BudgetSweep.factors("0.1:0.2:0.1"), QUICK));

        assertEquals(1, refused.problems().size(), refused::getMessage);
        assertTrue(refused.problems().get(0).path().startsWith("factor 0.1: $.offers[2].quantity"), refused::getMessage);
    }

    @Test
    void anUnknownDonorOrASelectionOfNothingIsRefused() {
        InvalidScenarioException unknown = assertThrows(InvalidScenarioException.class, () -> BudgetSweep.scaling(
                twoDonorTypes(), OfferSelection.ofDonor("D-9"), List.of(BigDecimal.ONE), QUICK));
        InvalidScenarioException none = assertThrows(InvalidScenarioException.class, () -> BudgetSweep.scaling(
                twoDonorTypes(), OfferSelection.ofDonorType(DonorType.INDIVIDUAL), List.of(BigDecimal.ONE), QUICK));

        assertTrue(unknown.getMessage().contains("no donor 'D-9'"), unknown::getMessage);
        assertTrue(none.getMessage().contains("selects no offer"), none::getMessage);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 8})
    void everyStepsPlanPassesTheAuditAndItsMoneyIsTheScaledOffers(long seed) {
        Scenario base = RandomScenarios.generate(seed, 10, 5, 5);
        List<BigDecimal> factors = BudgetSweep.factors("1:2:0.5");
        List<Integer> told = new ArrayList<>();

        List<Step> steps = BudgetSweep.scaling(base, OfferSelection.all(), factors, QUICK)
                .run((index, count, step) -> told.add(index));

        assertEquals(List.of(0, 1, 2), told);
        assertEquals(factors, steps.stream().map(step -> step.factor().orElseThrow()).toList());
        for (Step step : steps) {
            assertEquals(List.of(), PlanAudit.audit(step.scenario(), step.plan()), "factor " + step.factor());
            BigDecimal factor = step.factor().orElseThrow();
            long expected = base.offers().stream().mapToLong(offer -> {
                BigDecimal capacity = BigDecimal.valueOf(offer.capacity()).multiply(factor).setScale(0, java.math.RoundingMode.FLOOR);
                return offer.isCash() ? capacity.longValueExact() : capacity.longValueExact() * offer.unitValue();
            }).sum();
            assertEquals(expected, step.offeredVnd(), "factor " + factor);
        }
    }

    @Test
    void theCsvHasAHeaderOfFactorMoneyTiersAndNeedsAndOneRowPerStep() {
        Scenario base = RandomScenarios.generate(5, 8, 4, 4);
        List<Step> steps = BudgetSweep.scaling(base, OfferSelection.all(), BudgetSweep.factors("1:2:0.25"), QUICK)
                .run(BudgetSweep.StepListener.NONE);
        List<String> tiers = base.policy().tierNames();

        List<String> lines = SweepCsv.scaling(tiers, steps).lines().toList();

        List<String> header = new ArrayList<>(List.of("\uFEFFfactor", "offeredVnd"));
        header.addAll(tiers);
        header.add("needsFunded");
        assertEquals(String.join(",", header), lines.get(0));
        assertEquals(1 + 5, lines.size());
        assertEquals(List.of("1.00", "1.25", "1.50", "1.75", "2.00"),
                lines.stream().skip(1).map(line -> line.split(",")[0]).toList());
        for (int i = 0; i < steps.size(); i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(header.size(), cells.length);
            assertEquals(Long.toString(steps.get(i).offeredVnd()), cells[1]);
            assertEquals(steps.get(i).plan().tiers().get(0).value(), Double.parseDouble(cells[2]), 1e-6);
            assertEquals(Integer.toString(steps.get(i).needsFunded()), cells[cells.length - 1]);
        }
    }

    @Test
    void theChartIsWellFormedWithOnePolylinePerTier() throws Exception {
        Scenario base = RandomScenarios.generate(5, 8, 4, 4);
        List<Step> steps = BudgetSweep.scaling(base, OfferSelection.all(), BudgetSweep.factors("1:1.2:0.1"), QUICK)
                .run(BudgetSweep.StepListener.NONE);

        String svg = BudgetSweep.chart(base.policy().tierNames(), steps, Words.english()).toSvg();

        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals(base.policy().tierNames().size(), document.getElementsByTagNameNS("*", "polyline").getLength());
    }

    @Test
    void withdrawingEachSolvesTheScenarioThenEachLargestUncommittedOfferAlone() {
        Scenario base = twoDonorTypes().toBuilder().offer(Offer.cash("O-4", "D-3", 900_000))
                .commitment(Commitment.of("O-4", "N-1", 1)).build();

        List<Step> steps = BudgetSweep.withdrawingEach(base, 2, QUICK).run(BudgetSweep.StepListener.NONE);

        assertEquals(3, steps.size());
        assertEquals(Optional.empty(), steps.get(0).withdrawn());
        assertEquals(List.of("O-3", "O-2"), steps.stream().skip(1).map(step -> step.withdrawn().orElseThrow().id()).toList(),
                "by value (O-3: 700,000 VND, O-2: 500,001), O-4 passed over: it carries a commitment");
        for (Step step : steps) {
            assertEquals(List.of(), PlanAudit.audit(step.scenario(), step.plan()));
            step.withdrawn().ifPresent(offer -> assertTrue(step.scenario().findOffer(offer.id()).isEmpty()));
        }
        List<String> rows = SweepCsv.withdrawals(base, steps).lines().toList();
        assertTrue(rows.get(0).startsWith("\uFEFFoffer,donor,offerVnd,"), rows.get(0));
        assertTrue(rows.get(1).startsWith("O-3,D-2,700000,"), rows.get(1));
    }

    @Test
    void cancellingKeepsTheStepsDoneAndSolvesNoMore() {
        Scenario base = RandomScenarios.generate(5, 8, 4, 4);
        BudgetSweep sweep = BudgetSweep.scaling(base, OfferSelection.all(), BudgetSweep.factors("1:2:0.1"), QUICK);

        List<Step> steps = sweep.run((index, count, step) -> {
            if (index == 1) {
                sweep.cancel();
            }
        });

        assertEquals(11, sweep.stepCount());
        assertEquals(2, steps.size());
        assertTrue(sweep.isCancelled());
        assertEquals(List.of("1.0", "1.1"), decimals(Stream.of(steps.get(0), steps.get(1))
                .map(step -> step.factor().orElseThrow()).toList()));
    }
}
