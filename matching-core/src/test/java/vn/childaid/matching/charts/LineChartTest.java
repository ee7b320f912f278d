package vn.childaid.matching.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import vn.childaid.matching.charts.LineChart.Point;

class LineChartTest {
    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document document) {
        NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static LineChart tiersAgainstMoney(String... names) {
        LineChart.Builder chart = LineChart.builder("Tiers against money").xLabel("offered, VND").yLabel("children");
        for (int s = 0; s < names.length; s++) {
            List<Point> points = new ArrayList<>();
            for (int step = 0; step <= 10; step++) {
                points.add(new Point(2_000_000_000L + step * 400_000_000L, (s + 1) * 100.0 * step));
            }
            chart.series(names[s], points);
        }
        return chart.build();
    }

    @Test
    void theSvgIsWellFormedWithOnePolylinePerSeriesEachThroughEveryPoint() throws Exception {
        Document svg = parse(tiersAgainstMoney("ED-critical", "ED", "R3", "OTHER").toSvg());

        NodeList lines = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline");
        assertEquals(4, lines.getLength());
        for (int i = 0; i < lines.getLength(); i++) {
            String points = lines.item(i).getAttributes().getNamedItem("points").getNodeValue();
            assertEquals(11, points.split(" ").length, points);
        }
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        assertTrue(texts(svg).containsAll(List.of("ED-critical", "ED", "R3", "OTHER", "offered, VND", "children")),
                "legend and axis labels: " + texts(svg));
    }

    @Test
    void tickValuesAreRoundAndWrittenWithThousandsSeparators() throws Exception {
        List<String> texts = texts(parse(tiersAgainstMoney("ED").toSvg()));

        assertTrue(texts.contains("2,000,000,000"), texts::toString);
        assertTrue(texts.contains("6,000,000,000"), texts::toString);
        assertTrue(texts.contains("1,000"), texts::toString);
        assertTrue(texts.contains("0"), texts::toString);
    }

    @Test
    void fractionalStepsShowTheirDecimalsWithoutFloatingPointDebris() throws Exception {
        LineChart chart = LineChart.builder("small").series("s", List.of(new Point(0.1, 0.1), new Point(0.7, 0.3))).build();

        List<String> texts = texts(parse(chart.toSvg()));

        assertTrue(texts.contains("0.3"), texts::toString);
        assertTrue(texts.stream().noneMatch(t -> t.contains("0000")), texts::toString);
    }

    @Test
    void everyStringIsEscapedSoNoNameCanInjectMarkup() throws Exception {
        String hostile = "<script>alert('x')</script> & \"Hội\" \u0007";
        LineChart chart = LineChart.builder(hostile).xLabel(hostile).yLabel(hostile)
                .series(hostile, List.of(new Point(1, 1))).build();

        String svg = chart.toSvg();
        Document document = parse(svg);

        assertFalse(svg.contains("<script"), svg);
        assertEquals(0, document.getElementsByTagNameNS("*", "script").getLength());
        assertTrue(texts(document).contains("<script>alert('x')</script> & \"Hội\" \uFFFD"), texts(document)::toString);
    }

    @Test
    void theSameChartGivesTheSameBytes() {
        assertEquals(tiersAgainstMoney("A", "B").toSvg(), tiersAgainstMoney("A", "B").toSvg());
    }

    @Test
    void aSinglePointOrNoSeriesStillDrawsAChart() throws Exception {
        Document one = parse(LineChart.builder("one").series("only", List.of(new Point(5, 0))).build().toSvg());
        Document none = parse(LineChart.builder("none").build().toSvg());

        assertEquals(1, one.getElementsByTagNameNS("*", "circle").getLength());
        assertEquals(0, none.getElementsByTagNameNS("*", "polyline").getLength());
    }

    @Test
    void aPointMustBeFinite() {
        assertThrows(IllegalArgumentException.class, () -> new Point(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new Point(1, Double.POSITIVE_INFINITY));
    }
}
