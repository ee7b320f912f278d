package vn.childaid.matching.charts;

import java.util.List;
import java.util.Objects;

/**
 * One horizontal bar per labelled value, longest bar for the largest value, the value written after
 * each bar: donors by money given, areas by children reached. Bars keep the order given. Output is
 * a self-contained SVG element (no scripts, fonts or links) and the same for the same input.
 */
public final class HorizontalBarChart {
    private static final int ROW_HEIGHT = 22;
    private static final int BAR_HEIGHT = 14;
    private static final int PADDING = 6;
    private static final int MOST_LABEL_CHARACTERS = 38;
    private static final double VALUE_COLUMN = 160;
    static final String BAR_COLOUR = "#3b6ea5";

    private HorizontalBarChart() {}

    /**
     * One bar.
     *
     * @param label what the bar stands for
     * @param value its length; negative or non-finite values are drawn as no bar
     * @param valueText the value as people read it ({@link NumberText}), written after the bar
     */
    public record Bar(String label, double value, String valueText) {
        public Bar {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(valueText, "valueText");
        }

        /** A bar for a whole number, written with {@code numbers}' thousands separators. */
        public static Bar of(String label, double value, NumberText numbers) {
            return new Bar(label, value, numbers.whole(value));
        }
    }

    /**
     * The chart as an {@code <svg>} element titled {@code title} (its {@code <title>} and {@code
     * aria-label}); with no bars, a line saying {@code emptyText}.
     */
    public static String svg(String title, List<Bar> bars, String emptyText) {
        StringBuilder svg = new StringBuilder(256 + bars.size() * 320);
        if (bars.isEmpty()) {
            Svg.open(svg, title, ROW_HEIGHT + 2 * PADDING);
            svg.append("<text x=\"0\" y=\"").append(PADDING + 15).append("\" ").append(Svg.FONT).append(" fill=\"#555\">")
                    .append(Markup.escape(emptyText)).append("</text></svg>");
            return svg.toString();
        }
        double labelColumn = Math.min(Svg.WIDTH * 0.4, bars.stream()
                .mapToDouble(bar -> Svg.textWidth(Svg.fit(bar.label(), MOST_LABEL_CHARACTERS))).max().orElse(0) + 8);
        double barSpace = Svg.WIDTH - labelColumn - VALUE_COLUMN;
        int labelCharacters = Svg.charactersFitting(labelColumn - 8, MOST_LABEL_CHARACTERS);
        double largest = bars.stream().mapToDouble(bar -> Svg.drawable(bar.value())).max().orElse(0);
        Svg.open(svg, title, bars.size() * ROW_HEIGHT + 2 * PADDING);
        for (int row = 0; row < bars.size(); row++) {
            Bar bar = bars.get(row);
            double top = PADDING + row * ROW_HEIGHT;
            double length = largest > 0 ? barSpace * Svg.drawable(bar.value()) / largest : 0;
            String tooltip = Markup.escape(bar.label() + ": " + bar.valueText());
            svg.append("<g><title>").append(tooltip).append("</title>")
                    .append("<text x=\"").append(Svg.number(labelColumn - 6)).append("\" y=\"")
                    .append(Svg.number(top + 15)).append("\" text-anchor=\"end\" ").append(Svg.FONT).append('>')
                    .append(Markup.escape(Svg.fit(bar.label(), labelCharacters))).append("</text>")
                    .append("<rect x=\"").append(Svg.number(labelColumn)).append("\" y=\"")
                    .append(Svg.number(top + (ROW_HEIGHT - BAR_HEIGHT) / 2.0)).append("\" width=\"")
                    .append(Svg.number(length)).append("\" height=\"").append(BAR_HEIGHT).append("\" fill=\"")
                    .append(BAR_COLOUR).append("\"/>")
                    .append("<text x=\"").append(Svg.number(labelColumn + length + 6)).append("\" y=\"")
                    .append(Svg.number(top + 15)).append("\" ").append(Svg.FONT).append('>')
                    .append(Markup.escape(bar.valueText())).append("</text></g>");
        }
        return svg.append("</svg>").toString();
    }
}
