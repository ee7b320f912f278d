package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.NeedOutcome;
import vn.childaid.matching.plan.NeedStatus;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * The report page as a planner opens it: made by the packaged jar, then opened in a real headless
 * Chromium. It must render without a console message or error, draw every chart at a visible size
 * (measured after layout and seen in the painted pixels), and show the plan's own totals.
 *
 * <p>Skipped where no Chromium is installed, unless {@code CI=true}: the build machines install it
 * (see {@code .ci/run}), and there a missing browser must fail rather than quietly skip the check.
 */
class ReportPageBrowserIT {
    private static final int PAGE_WIDTH = 1200;
    /** Where the screenshot is kept for people to look at (and CI to archive). */
    private static final Path SCREENSHOT = Path.of("target", "browser", "report-page.png");

    @TempDir
    Path dir;

    private Scenario scenario;
    private Plan plan;
    private Path scenarioFile;
    private Path planFile;

    @BeforeEach
    void writeASmallProvinceAndTheGreedyPlan() {
        scenario = DakLakGenerator.generate(ScenarioSize.SMALL, 12);
        plan = GreedyAllocator.plan(scenario);
        scenarioFile = dir.resolve("scenario.json");
        planFile = dir.resolve("plan.json");
        ScenarioJson.write(scenario, scenarioFile);
        PlanJson.write(plan, planFile);
    }

    @Test
    void thePageRendersCleanlyDrawsEveryChartAndShowsThePlansTotals() throws Exception {
        Path executable = chromiumOrSkip();
        Path page = dir.resolve("report.html");
        CliRun.Result made = CliRun.inJar("report", planFile.toString(), "--scenario", scenarioFile.toString(), "--html",
                page.toString());
        assertEquals(0, made.exitCode(), made.err());
        String html = Files.readString(page);

        try (HeadlessChromium browser = HeadlessChromium.start(executable, dir)) {
            HeadlessChromium.Tab tab = browser.open(page, PAGE_WIDTH);
            BufferedImage screenshot = tab.screenshot();
            Files.createDirectories(SCREENSHOT.getParent());
            ImageIO.write(screenshot, "png", SCREENSHOT.toFile());

            assertEquals(List.of(), tab.problems(), "console messages or errors while rendering");
            assertEquals(0, tab.evaluate("document.scripts.length").asInt());
            assertChartsVisible(tab, screenshot, countOf(html, "<svg "));
            assertTotalsAreThePlans(tab);

            tab.emulatePrint(PAGE_WIDTH);
            assertChartsVisible(tab, tab.screenshot(), countOf(html, "<svg "));
            assertEquals(List.of(), tab.problems(), "console messages or errors when laid out for print");
        }
    }

    private void assertChartsVisible(HeadlessChromium.Tab tab, BufferedImage screenshot, int chartsInFile)
            throws Exception {
        JsonNode charts = tab.evaluate("""
                Array.from(document.querySelectorAll('svg')).map(svg => {
                  const box = svg.getBoundingClientRect();
                  const style = getComputedStyle(svg);
                  return {label: svg.getAttribute('aria-label'), x: box.left + scrollX, y: box.top + scrollY,
                          width: box.width, height: box.height,
                          shown: style.display !== 'none' && style.visibility === 'visible' && style.opacity === '1'};
                })""");
        assertTrue(chartsInFile >= 6, "the page has a chart per section: " + chartsInFile);
        assertEquals(chartsInFile, charts.size(), "every chart in the file is in the document");
        for (JsonNode chart : charts) {
            String label = chart.path("label").asText();
            assertTrue(chart.path("shown").asBoolean(), label + " is hidden");
            assertTrue(chart.path("width").asDouble() >= 300 && chart.path("height").asDouble() >= 20,
                    label + " is too small to read: " + chart);
            int inked = inkedPixels(screenshot, chart);
            assertTrue(inked >= 200, label + " paints almost nothing (" + inked + " non-white pixels): " + chart);
        }
    }

    /** Pixels inside the chart's box that are not (nearly) white: its bars and its words. */
    private static int inkedPixels(BufferedImage image, JsonNode box) {
        int left = (int) Math.floor(box.path("x").asDouble());
        int top = (int) Math.floor(box.path("y").asDouble());
        int right = Math.min(image.getWidth(), (int) Math.ceil(left + box.path("width").asDouble()));
        int bottom = Math.min(image.getHeight(), (int) Math.ceil(top + box.path("height").asDouble()));
        int inked = 0;
        for (int y = Math.max(0, top); y < bottom; y++) {
            for (int x = Math.max(0, left); x < right; x++) {
                int rgb = image.getRGB(x, y);
                int red = (rgb >> 16) & 0xff;
                int green = (rgb >> 8) & 0xff;
                int blue = rgb & 0xff;
                inked += red + green + blue < 3 * 230 ? 1 : 0;
            }
        }
        return inked;
    }

    private void assertTotalsAreThePlans(HeadlessChromium.Tab tab) throws Exception {
        long offered = scenario.offers().stream().mapToLong(Offer::totalValue).sum();
        long allocated = plan.allocations().stream().mapToLong(Allocation::amount).sum();
        double reached = plan.needs().stream().mapToDouble(NeedOutcome::reached).sum();
        long funded = plan.needs().stream().filter(need -> need.status() == NeedStatus.FUNDED).count();
        assertTrue(allocated > 0, "the greedy plan allocates something");

        assertEquals(offered, number(shown(tab, "total-offered")));
        assertEquals(allocated, number(shown(tab, "total-allocated")));
        assertEquals(Math.round(reached), number(shown(tab, "total-reached")));
        assertEquals(String.format(Locale.ROOT, "%,d of %,d", funded, plan.needs().size()),
                shown(tab, "total-funded-needs"));
        assertTrue(Pattern.matches("\\d{1,3}(,\\d{3})*", shown(tab, "total-allocated")),
                "thousands separators: " + shown(tab, "total-allocated"));
    }

    /** The text as rendered (innerText: what a reader sees, not the markup). */
    private static String shown(HeadlessChromium.Tab tab, String id) throws Exception {
        JsonNode text = tab.evaluate("document.getElementById('" + id + "').innerText");
        assertTrue(text.isTextual(), "no element #" + id + " on the page");
        return text.asText().strip();
    }

    private static long number(String shown) {
        return Long.parseLong(shown.replace(",", ""));
    }

    private static int countOf(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static Path chromiumOrSkip() {
        boolean onCi = "true".equals(System.getenv("CI"));
        var found = HeadlessChromium.find();
        if (found.isEmpty() && onCi) {
            fail("CI=true but no Chromium is installed (install Debian's 'chromium' package, or set CHROMIUM)");
        }
        assumeTrue(found.isPresent(), "no Chromium installed: the browser check is skipped outside CI");
        return found.get();
    }
}
