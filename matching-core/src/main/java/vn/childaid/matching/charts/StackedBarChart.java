package vn.childaid.matching.charts;

import java.util.List;
import java.util.Objects;

/**
 * Coverage as full-width bars split into parts, one bar per labelled row: for each tier or
 * district, the share of needs funded, partly funded and left unfunded. Every bar is 100% of its
 * row, so rows of different sizes compare by share; the share of the first part is written after
 * each bar, and every part's count is in its tooltip. A legend names the parts. Output is a
 * self-contained SVG element, the same for the same input.
 */
public final class StackedBarChart {
    /** Colours told apart in grey print and by most colour-blind readers: dark blue, amber, light grey, then more. */
    static final List<String> PART_COLOURS = List.of("#1f5f99", "#e3a21a", "#d0d0d0", "#7b4f9d", "#4f9d69");
    private static final int LEGEND_HEIGHT = 24;
    private static final int ROW_HEIGHT = 22;
    private static final int BAR_HEIGHT = 14;
    private static final int PADDING = 6;
    private static final int MOST_LABEL_CHARACTERS = 38;
    private static final double SHARE_COLUMN = 70;

    private StackedBarChart() {}

    /**
     * One bar: its label and the size of each part, in the order of the chart's parts.
     *
     * @param values one per part; negative or non-finite values count as zero
     */
    public record Row(String label, List<Double> values) {
        public Row {
            Objects.requireNonNull(label, "label");
            values = List.copyOf(values);
        }

        double total() {
            return values.stream().mapToDouble(Svg::drawable).sum();
        }
    }

    /**
     * The chart as an {@code <svg>} element titled {@code title}.
     *
     * @param parts the parts' names, as many as each row has values (at most five)
     * @param numbers writes the counts and shares
     * @throws IllegalArgumentException when a row's values do not match the parts
     */
    public static String svg(String title, List<String> parts, List<Row> rows, NumberText numbers, String emptyText) {
        if (parts.isEmpty() || parts.size() > PART_COLOURS.size()) {
            throw new IllegalArgumentException("a stacked bar chart has 1 to " + PART_COLOURS.size() + " parts, not "
                    + parts.size());
        }
        for (Row row : rows) {
            if (row.values().size() != parts.size()) {
                throw new IllegalArgumentException("row '" + row.label() + "' has " + row.values().size()
                        + " values for " + parts.size() + " parts");
            }
        }
        StringBuilder svg = new StringBuilder(512 + rows.size() * 600);
        Svg.open(svg, title, LEGEND_HEIGHT + Math.max(1, rows.size()) * ROW_HEIGHT + 2 * PADDING);
        legend(svg, parts);
        if (rows.isEmpty()) {
            svg.append("<text x=\"0\" y=\"").append(PADDING + LEGEND_HEIGHT + 15).append("\" ").append(Svg.FONT)
                    .append(" fill=\"#555\">").append(Markup.escape(emptyText)).append("</text>");
        }
        double labelColumn = Math.min(Svg.WIDTH * 0.4, rows.stream()
                .mapToDouble(row -> Svg.textWidth(Svg.fit(row.label(), MOST_LABEL_CHARACTERS))).max().orElse(0) + 8);
        int labelCharacters = Svg.charactersFitting(labelColumn - 8, MOST_LABEL_CHARACTERS);
        double barSpace = Svg.WIDTH - labelColumn - SHARE_COLUMN;
        for (int index = 0; index < rows.size(); index++) {
            Row row = rows.get(index);
            double top = PADDING + LEGEND_HEIGHT + index * ROW_HEIGHT;
            double total = row.total();
            svg.append("<g><text x=\"").append(Svg.number(labelColumn - 6)).append("\" y=\"")
                    .append(Svg.number(top + 15)).append("\" text-anchor=\"end\" ").append(Svg.FONT).append('>')
                    .append(Markup.escape(Svg.fit(row.label(), labelCharacters))).append("</text>");
            // An empty row still shows where its bar would be, so it does not read as a missing chart.
            svg.append("<rect x=\"").append(Svg.number(labelColumn)).append("\" y=\"")
                    .append(Svg.number(top + (ROW_HEIGHT - BAR_HEIGHT) / 2.0)).append("\" width=\"")
                    .append(Svg.number(barSpace)).append("\" height=\"").append(BAR_HEIGHT)
                    .append("\" fill=\"none\" stroke=\"#999\" stroke-width=\"0.5\"/>");
            double x = labelColumn;
            for (int part = 0; part < parts.size(); part++) {
                double value = Svg.drawable(row.values().get(part));
                double length = total > 0 ? barSpace * value / total : 0;
                if (length > 0) {
                    svg.append("<rect x=\"").append(Svg.number(x)).append("\" y=\"")
                            .append(Svg.number(top + (ROW_HEIGHT - BAR_HEIGHT) / 2.0)).append("\" width=\"")
                            .append(Svg.number(length)).append("\" height=\"").append(BAR_HEIGHT).append("\" fill=\"")
                            .append(PART_COLOURS.get(part)).append("\"><title>")
                            .append(Markup.escape(row.label() + " — " + parts.get(part) + ": " + numbers.whole(value)
                                    + " (" + numbers.percent(value, total) + ")"))
                            .append("</title></rect>");
                }
                x += length;
            }
            svg.append("<text x=\"").append(Svg.number(labelColumn + barSpace + 6)).append("\" y=\"")
                    .append(Svg.number(top + 15)).append("\" ").append(Svg.FONT).append('>')
                    .append(Markup.escape(numbers.percent(Svg.drawable(row.values().get(0)), total)))
                    .append("</text></g>");
        }
        return svg.append("</svg>").toString();
    }

    private static void legend(StringBuilder svg, List<String> parts) {
        double x = 0;
        for (int part = 0; part < parts.size(); part++) {
            String name = Svg.fit(parts.get(part), 40);
            svg.append("<rect x=\"").append(Svg.number(x)).append("\" y=\"").append(PADDING + 2)
                    .append("\" width=\"12\" height=\"12\" fill=\"").append(PART_COLOURS.get(part)).append("\"/>")
                    .append("<text x=\"").append(Svg.number(x + 16)).append("\" y=\"").append(PADDING + 12).append("\" ")
                    .append(Svg.FONT).append('>').append(Markup.escape(name)).append("</text>");
            x += 16 + Svg.textWidth(name) + 18;
        }
    }
}
