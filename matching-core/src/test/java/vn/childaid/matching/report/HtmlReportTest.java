package vn.childaid.matching.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.TestScenarios;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Province;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.scenario.Village;

class HtmlReportTest {
    private static final String NASTY_SCENARIO = "<script>alert(\"x\")</script> & Co";
    private static final String NASTY_VILLAGE = "<img src=x onerror=alert(1)> Buôn 'Ea'";
    private static final String SECRET_DONOR = "Secret Benefactor";
    private static final Words ENGLISH = Words.english();

    @TempDir
    Path dir;

    /** Needs in two especially difficult villages, more than the offers can fund; one donor anonymous. */
    private static Scenario scenario() {
        return TestScenarios.areas(NASTY_SCENARIO)
                .village(Village.of("24457-09", NASTY_VILLAGE, TestScenarios.R3_COMMUNE, true))
                .donor(Donor.builder("D-9").name(SECRET_DONOR).type(DonorType.INDIVIDUAL).anonymous(true).build())
                .need(TestScenarios.need("N-1", TestScenarios.ED_VILLAGE, Category.NUTRITION, 12, 10, 1_500_000,
                        Urgency.CRITICAL))
                .need(TestScenarios.need("N-2", "24457-09", Category.NUTRITION, 40, 20, 5_000_000, Urgency.CRITICAL))
                .need(TestScenarios.need("N-3", TestScenarios.R2_VILLAGE, Category.HEALTHCARE, 8, 4, 750_000,
                        Urgency.HIGH))
                .offer(Offer.cash("O-1", "D-1", 15_000_000))
                .offer(Offer.cash("O-2", "D-2", 3_000_000))
                .offer(Offer.cash("O-9", "D-9", 4_000_000))
                .build();
    }

    @Test
    void theHeadlineTotalsAreThePlansWithThousandsSeparators() {
        Scenario scenario = scenario();
        Plan plan = GreedyAllocator.plan(scenario);

        String html = HtmlReport.render(PlanReport.of(scenario, plan), ENGLISH);

        long allocated = plan.allocations().stream().mapToLong(Allocation::amount).sum();
        double reached = plan.needs().stream().mapToDouble(need -> need.reached()).sum();
        assertTrue(allocated > 1_000, "the fixture allocates something");
        assertEquals(String.format("%,d", allocated), total(html, "total-allocated"));
        assertEquals("22,000,000", total(html, "total-offered"));
        assertEquals(String.format("%,d", Math.round(reached)), total(html, "total-reached"));
        assertEquals("60", total(html, "total-children"));
    }

    @Test
    void everyNameIsEscapedSoNoMarkupFromTheScenarioReachesThePage() {
        Scenario scenario = scenario();

        String html = HtmlReport.render(PlanReport.of(scenario, GreedyAllocator.plan(scenario)), ENGLISH);

        assertFalse(html.contains("<script"), "no script element, not even from a name");
        assertFalse(html.contains("<img"), "no image element, not even from a name");
        assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co"));
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt; Buôn &#39;Ea&#39;"), "the village is named, escaped");
        String lacking = html.substring(html.indexOf("<section id=\"hardest-villages-lacking\">"));
        assertTrue(lacking.substring(0, lacking.indexOf("</section>")).contains("<td>N-2</td>"),
                "the unfunded need of the especially difficult village is listed under them");
    }

    @Test
    void thePageFetchesNothingAndForbidsScriptsAndFetching() {
        Scenario scenario = scenario();

        String html = HtmlReport.render(PlanReport.of(scenario, GreedyAllocator.plan(scenario)), ENGLISH);

        assertFalse(Pattern.compile("<[^>]*\\s(?:src|href|srcset|action|poster|data)\\s*=").matcher(html).find(),
                "no element refers to anything");
        for (String fetching : List.of("url(", "@import", "<link", "<iframe", "<object", "<embed", "<image", "<use")) {
            assertFalse(html.contains(fetching), fetching);
        }
        // The one address on the page names the SVG namespace; browsers never fetch it.
        assertEquals(html.split("http://www.w3.org/2000/svg", -1).length - 1, html.split("https?://", -1).length - 1);
        assertTrue(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
        assertTrue(html.contains("@media print"));
    }

    @Test
    void anAnonymousDonorIsThankedWithoutTheirName() {
        Scenario scenario = scenario();

        String html = HtmlReport.render(PlanReport.of(scenario, GreedyAllocator.plan(scenario)), ENGLISH);

        assertFalse(html.contains(SECRET_DONOR));
        assertFalse(html.contains("D-9") || html.contains("O-9"), "nor their donor or offer id");
        assertTrue(html.contains("<td>Anonymous donor</td>"));
        assertTrue(html.contains("<td>Women&#39;s Union</td>"));
    }

    @Test
    void theSamePlanGivesTheSamePageWithTheLibraryVersionAndNoClock() {
        Scenario scenario = scenario();
        Plan plan = GreedyAllocator.plan(scenario);

        String first = HtmlReport.render(PlanReport.of(scenario, plan), ENGLISH);
        String second = HtmlReport.render(PlanReport.of(scenario, plan), ENGLISH);

        assertEquals(first, second);
        assertTrue(first.contains("Made by the matching library " + LibraryVersion.current()));
        assertFalse(LibraryVersion.current().equals("unknown") || LibraryVersion.current().contains("$"),
                LibraryVersion.current());
    }

    @Test
    void aSoundPlanSaysSoQuietlyAndRaisesNoAlarm() {
        Scenario scenario = scenario();

        String html = HtmlReport.render(PlanReport.of(scenario, GreedyAllocator.plan(scenario)), ENGLISH);

        assertFalse(html.contains("class=\"alarm\""));
        assertTrue(html.contains(ENGLISH.get("page.sound")));
    }

    @Test
    void anInfeasiblePlanIsAnnouncedBeforeAnyFigure() {
        Scenario scenario = scenario();
        Plan greedy = GreedyAllocator.plan(scenario);
        List<Allocation> lines = new ArrayList<>(greedy.allocations());
        lines.add(Allocation.of("O-2", "N-3", 4, 3_000_000)); // more than O-2 has left after the greedy's lines
        lines.add(Allocation.of("O-1", "N-3", 4, 3_000_000));
        Plan overspent = greedy.toBuilder().allocations(lines).build();

        String html = HtmlReport.render(PlanReport.of(scenario, overspent), ENGLISH);

        int alarm = html.indexOf("class=\"alarm\"");
        assertTrue(alarm > 0 && alarm < html.indexOf("class=\"totals\""), "the alarm comes before the totals");
        assertTrue(html.contains(ENGLISH.get("page.infeasible")));
        assertFalse(html.contains(ENGLISH.get("page.sound")));
    }

    @Test
    void anotherScenariosPlanIsAnnounced() {
        Scenario scenario = scenario();
        Plan greedy = GreedyAllocator.plan(scenario);
        Plan foreign = Plan.builder("another scenario").feasible(greedy.feasible()).score(greedy.score())
                .allocations(greedy.allocations()).needs(greedy.needs()).offers(greedy.offers()).tiers(greedy.tiers())
                .solver(greedy.solver()).build();

        String html = HtmlReport.render(PlanReport.of(scenario, foreign), ENGLISH);

        assertTrue(html.contains("class=\"alarm\""));
        assertTrue(html.contains("This plan was made for another scenario, not for &#39;" + "&lt;script&gt;"));
    }

    @Test
    void aPlanWhoseLinesHoldButWhoseFiguresDoNotIsFlaggedButNotCalledInfeasible() {
        Scenario scenario = scenario();
        Plan misreported = GreedyAllocator.plan(scenario).toBuilder().tiers(List.of()).build();

        String html = HtmlReport.render(PlanReport.of(scenario, misreported), ENGLISH);

        assertTrue(html.contains(ENGLISH.get("page.problemsOnly").replace("'", "&#39;")));
        assertFalse(html.contains(ENGLISH.get("page.infeasible")));
    }

    @Test
    void theHeaderNamesTheProvinceAndYearAndAFullyFundedPlanHasNoUnmetNeeds() {
        Scenario scenario = TestScenarios.areas("Đắk Lắk 2023").year(2023).province(new Province("66", "Đắk Lắk"))
                .need(TestScenarios.need("N-1", TestScenarios.ED_VILLAGE, Category.NUTRITION, 12, 10, 100_000,
                        Urgency.CRITICAL))
                .offer(Offer.cash("O-1", "D-1", 5_000_000))
                .build();

        String html = HtmlReport.render(PlanReport.of(scenario, GreedyAllocator.plan(scenario)), ENGLISH);

        assertTrue(html.contains("<p class=\"meta\">Province: Đắk Lắk</p>"));
        assertTrue(html.contains("<p class=\"meta\">Year 2023</p>"));
        assertTrue(html.contains(ENGLISH.get("page.unmet.none")));
        assertTrue(html.contains(ENGLISH.get("page.hardestLacking.none")));
        assertEquals(5, html.split("<svg ", -1).length - 1, "no chart of unmet needs when none is unmet");
    }

    @Test
    void theReasonsGivenForUnmetNeedsStandBesideThemEscaped() {
        Scenario scenario = scenario();
        PlanReport report = PlanReport.of(scenario, GreedyAllocator.plan(scenario));

        String plain = HtmlReport.render(report, ENGLISH);
        String explained = HtmlReport.render(report, ENGLISH, java.util.Map.of("N-2", "Offers ran <out> & more"));

        assertFalse(plain.contains(ENGLISH.get("page.column.why")), "no reasons, no column");
        assertEquals(2, explained.split("<td>Offers ran &lt;out&gt; &amp; more</td>", -1).length - 1,
                "in the largest unmet needs and in what the hardest villages lack");
        assertTrue(explained.contains("<th scope=\"col\">" + ENGLISH.get("page.column.why") + "</th>"));
    }

    @Test
    void everySectionHasAHeadingAndEveryChartATitle() {
        Scenario scenario = scenario();

        String html = HtmlReport.render(PlanReport.of(scenario, GreedyAllocator.plan(scenario)), ENGLISH);

        for (String section : List.of("tiers", "districts", "hardest-villages", "unmet-needs", "donor-use", "honour-roll")) {
            assertTrue(html.contains("<section id=\"" + section + "\"><h2>"), section);
        }
        int charts = html.split("<svg ", -1).length - 1;
        assertEquals(6, charts);
        assertEquals(charts, html.split("role=\"img\" viewBox=\"0 0 720 [0-9.]+\" width=\"720\" height=\"[0-9.]+\" aria-label=\"[^\"]+\"><title>", -1).length - 1);
    }

    @Test
    void writingGoesThroughAnOutputFileAndLeavesTheWholePage() throws Exception {
        Scenario scenario = scenario();
        PlanReport report = PlanReport.of(scenario, GreedyAllocator.plan(scenario));
        Path page = dir.resolve("pages/report.html");

        HtmlReport.write(report, ENGLISH, page);

        assertEquals(HtmlReport.render(report, ENGLISH), Files.readString(page, StandardCharsets.UTF_8));
        try (var listing = Files.list(page.getParent())) {
            assertEquals(List.of(page), listing.toList(), "no temporary file left behind");
        }
    }

    private static String total(String html, String id) {
        Matcher matcher = Pattern.compile("<dd id=\"" + id + "\">([^<]*)</dd>").matcher(html);
        assertTrue(matcher.find(), id);
        return matcher.group(1);
    }
}
