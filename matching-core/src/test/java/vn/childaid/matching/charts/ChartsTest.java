package vn.childaid.matching.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.childaid.matching.Seeds;
import vn.childaid.matching.charts.HorizontalBarChart.Bar;
import vn.childaid.matching.charts.StackedBarChart.Row;

@ExtendWith(Seeds.NameTheSeed.class)
class ChartsTest {
    private static final NumberText ENGLISH = NumberText.of(Locale.ROOT);
    private static final String NASTY = "<b>\"Buôn Đôn\" & 'Ea Súp'</b>\u0001]]>";

    @Test
    void escapingReplacesEveryMarkupCharacterAndDropsControlCharacters() {
        assertEquals("&lt;b&gt;&quot;Buôn Đôn&quot; &amp; &#39;Ea Súp&#39;&lt;/b&gt;]]&gt;", Markup.escape(NASTY));
    }

    @Test
    void numbersHaveThousandsSeparatorsOfTheLocaleAndRoundHalfUp() {
        assertEquals("1,234,567", ENGLISH.whole(1_234_567L));
        assertEquals("1.234.567", NumberText.of(Locale.forLanguageTag("vi")).whole(1_234_567L));
        assertEquals("3", ENGLISH.whole(2.5));
        assertEquals("72.5%", ENGLISH.percent(72.5, 100));
        assertEquals("33.3%", ENGLISH.percent(1, 3));
        assertEquals("0%", ENGLISH.percent(5, 0));
    }

    @Test
    void barsAreProportionalToTheirValuesAndTitledForScreenReaders() {
        String svg = HorizontalBarChart.svg("Money by donor", List.of(Bar.of("A", 2_000_000, ENGLISH),
                Bar.of("B", 1_000_000, ENGLISH), Bar.of("C", 0, ENGLISH)), "none");

        Element root = parse(svg);
        List<Double> widths = rectWidths(root);
        assertEquals("Money by donor", root.getAttribute("aria-label"));
        assertEquals("Money by donor", firstChild(root, "title").getTextContent());
        assertEquals(3, widths.size());
        assertEquals(widths.get(0) / 2, widths.get(1), 0.1);
        assertEquals(0, widths.get(2));
        assertTrue(svg.contains(">2,000,000</text>"), svg);
        assertTrue(root.getAttribute("viewBox").startsWith("0 0 720 "), root.getAttribute("viewBox"));
    }

    @Test
    void negativeAndNonFiniteValuesDrawNoBarRatherThanBreakingTheChart() {
        String svg = HorizontalBarChart.svg("t", List.of(new Bar("a", -5, "-5"), new Bar("b", Double.NaN, "?"),
                new Bar("c", 10, "10")), "none");

        // The widest label is one character: 6.8 + 8 units of label column, 160 for the value, the rest for bars.
        assertEquals(List.of(0.0, 0.0, 545.2), rectWidths(parse(svg)));
    }

    @Test
    void anEmptyChartSaysSoInsteadOfDrawingNothing() {
        String svg = HorizontalBarChart.svg("Nobody", List.of(), "No donor yet");

        assertTrue(parse(svg).getTextContent().contains("No donor yet"));
    }

    @Test
    void stackedBarsFillTheirRowWhateverTheTotalAndWriteTheFirstPartsShare() {
        String svg = StackedBarChart.svg("Coverage by tier", List.of("funded", "partly", "unfunded"),
                List.of(new Row("critical", List.of(3.0, 1.0, 0.0)), new Row("important", List.of(10.0, 0.0, 30.0))),
                ENGLISH, "none");

        Element root = parse(svg);
        List<Element> parts = rects(root).stream().filter(rect -> rect.getElementsByTagName("title").getLength() == 1).toList();
        assertEquals(4, parts.size(), "zero-sized parts are not drawn");
        double critical = width(parts.get(0)) + width(parts.get(1));
        double important = width(parts.get(2)) + width(parts.get(3));
        assertEquals(critical, important, 0.2);
        assertEquals(width(parts.get(0)), 3 * width(parts.get(1)), 0.2);
        assertEquals("critical — funded: 3 (75%)", parts.get(0).getTextContent());
        assertTrue(svg.contains(">75%</text>") && svg.contains(">25%</text>"), svg);
        assertTrue(svg.contains(">important</text>"), "the widest label is sized to fit, not cut: " + svg);
    }

    @Test
    void aStackedRowWhoseValuesDoNotMatchThePartsIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> StackedBarChart.svg(
                "t", List.of("a", "b"), List.of(new Row("x", List.of(1.0))), ENGLISH, "none"));

        assertEquals("row 'x' has 1 values for 2 parts", refused.getMessage());
    }

    static Stream<LabelsCase> labels() {
        return Seeds.fixedThenFresh(12).mapToObj(LabelsCase::new);
    }

    /** Any label: markup characters, quotes, Vietnamese, emoji, control characters; long or empty. */
    record LabelsCase(long seed, List<String> labels) {
        private static final String ALPHABET = "aZ <>&\"'ĐđôưếỹQ\u0000\u0007\t\n]]>😀-=+@";

        LabelsCase(long seed) {
            this(seed, randomLabels(new SplittableRandom(seed)));
        }

        private static List<String> randomLabels(SplittableRandom random) {
            List<String> labels = new ArrayList<>();
            for (int i = random.nextInt(0, 8); i > 0; i--) {
                StringBuilder label = new StringBuilder();
                for (int length = random.nextInt(0, 80); length > 0; length--) {
                    label.appendCodePoint(ALPHABET.codePoints().toArray()[random.nextInt(
                            (int) ALPHABET.codePoints().count())]);
                }
                labels.add(label.toString());
            }
            return labels;
        }

        @Override
        public String toString() {
            return "seed=" + seed + ", " + labels.size() + " labels";
        }
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource("labels")
    void everyChartIsWellFormedXmlWhateverItsLabelsAndTheSameEachTime(LabelsCase labels) {
        String title = labels.labels().isEmpty() ? NASTY : labels.labels().get(0);
        List<Bar> bars = labels.labels().stream().map(label -> new Bar(label, label.length(), label)).toList();
        List<Row> rows = labels.labels().stream().map(label -> new Row(label, List.of(1.0, (double) label.length())))
                .toList();

        String barChart = HorizontalBarChart.svg(title, bars, title);
        String stacked = StackedBarChart.svg(title, List.of(title, "b"), rows, ENGLISH, title);

        // What an XML parser reads back: control characters gone, tabs and newlines in attributes read as spaces.
        String withoutControls = title.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "").replaceAll("[\t\n\r]", " ");
        assertEquals(withoutControls, parse(barChart).getAttribute("aria-label"));
        assertEquals(withoutControls, parse(stacked).getAttribute("aria-label"));
        assertEquals(barChart, HorizontalBarChart.svg(title, bars, title));
        assertEquals(stacked, StackedBarChart.svg(title, List.of(title, "b"), rows, ENGLISH, title));
        assertFalse(barChart.contains("<script") || stacked.contains("<script"));
    }

    static Element parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            return document.getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
        }
    }

    private static Element firstChild(Element parent, String name) {
        return (Element) parent.getElementsByTagName(name).item(0);
    }

    private static List<Element> rects(Element root) {
        NodeList nodes = root.getElementsByTagName("rect");
        List<Element> rects = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            rects.add((Element) nodes.item(i));
        }
        return rects;
    }

    private static List<Double> rectWidths(Element root) {
        return rects(root).stream().map(ChartsTest::width).toList();
    }

    private static double width(Element rect) {
        return Double.parseDouble(rect.getAttribute("width"));
    }
}
