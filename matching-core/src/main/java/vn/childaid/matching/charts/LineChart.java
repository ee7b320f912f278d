package vn.childaid.matching.charts;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A line chart as a self-contained SVG document: one polyline (with a marker on each point) per
 * series, axes with round tick values written with thousands separators, axis labels and a legend.
 * Every string is XML-escaped; there are no scripts and nothing is fetched. The same chart always
 * gives the same bytes: numbers are written in a fixed locale and precision, colours in series order.
 *
 * <pre>{@code
 * String svg = LineChart.builder("Children reached against money offered")
 *         .xLabel("offered, VND").yLabel("children reached")
 *         .series("ED-critical", List.of(new LineChart.Point(1e9, 120), new LineChart.Point(2e9, 180)))
 *         .build().toSvg();
 * }</pre>
 */
public final class LineChart {
    /** Okabe–Ito colours: told apart also by readers with colour-blindness; repeated past eight series. */
    private static final List<String> COLOURS = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
            "#56B4E9", "#000000", "#F0E442");
    private static final int TICKS = 5;
    /** A 12-pixel sans-serif digit or separator is at most this wide. */
    private static final int CHARACTER_PIXELS = 7;
    private static final int LEFT = 100;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final int LEGEND_WIDTH = 190;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series;
    private final int width;
    private final int height;

    private LineChart(Builder builder) {
        this.title = builder.title;
        this.xLabel = builder.xLabel;
        this.yLabel = builder.yLabel;
        this.series = List.copyOf(builder.series);
        this.width = builder.width;
        this.height = builder.height;
    }

    /** A builder of a chart titled {@code title}; add series, labels and a size. */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** One point of a series. */
    public record Point(double x, double y) {
        public Point {
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("a chart point must be finite, was (" + x + ", " + y + ")");
            }
        }
    }

    /** A named line, its points drawn in the order given. */
    public record Series(String name, List<Point> points) {
        public Series {
            Objects.requireNonNull(name, "name");
            points = List.copyOf(points);
        }
    }

    public List<Series> series() {
        return series;
    }

    /** The chart as an SVG document (UTF-8 text). */
    public String toSvg() {
        List<Point> all = series.stream().flatMap(s -> s.points().stream()).toList();
        int plotRight = width - LEGEND_WIDTH;
        Axis x = Axis.fitting(all.stream().mapToDouble(Point::x).min().orElse(0),
                all.stream().mapToDouble(Point::x).max().orElse(1), false, plotRight - LEFT);
        Axis y = Axis.over(all.stream().mapToDouble(Point::y).min().orElse(0),
                all.stream().mapToDouble(Point::y).max().orElse(1), true, TICKS);
        int plotBottom = height - BOTTOM;
        Frame frame = new Frame(x, y, LEFT, plotRight, TOP, plotBottom);

        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("<text x=\"").append(width / 2).append("\" y=\"24\" text-anchor=\"middle\" font-size=\"16\">")
                .append(escape(title)).append("</text>\n");
        drawAxes(svg, frame);
        for (int i = 0; i < series.size(); i++) {
            drawSeries(svg, frame, series.get(i), COLOURS.get(i % COLOURS.size()));
        }
        drawLegend(svg, plotRight + 20, TOP);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void drawAxes(StringBuilder svg, Frame frame) {
        svg.append("<g stroke=\"#cccccc\" stroke-width=\"1\">\n");
        for (BigDecimal tick : frame.y().ticks()) {
            double at = frame.toY(tick.doubleValue());
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(number(at)).append("\" x2=\"")
                    .append(frame.right()).append("\" y2=\"").append(number(at)).append("\"/>\n");
        }
        svg.append("</g>\n");
        svg.append("<g stroke=\"#333333\" stroke-width=\"1\">\n");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(frame.bottom()).append("\" x2=\"")
                .append(frame.right()).append("\" y2=\"").append(frame.bottom()).append("\"/>\n");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(frame.bottom()).append("\"/>\n");
        svg.append("</g>\n");
        for (BigDecimal tick : frame.x().ticks()) {
            svg.append("<text x=\"").append(number(frame.toX(tick.doubleValue()))).append("\" y=\"")
                    .append(frame.bottom() + 18).append("\" text-anchor=\"middle\">")
                    .append(escape(frame.x().label(tick))).append("</text>\n");
        }
        for (BigDecimal tick : frame.y().ticks()) {
            svg.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(number(frame.toY(tick.doubleValue()) + 4))
                    .append("\" text-anchor=\"end\">").append(escape(frame.y().label(tick))).append("</text>\n");
        }
        svg.append("<text x=\"").append((LEFT + frame.right()) / 2).append("\" y=\"").append(height - 16)
                .append("\" text-anchor=\"middle\">").append(escape(xLabel)).append("</text>\n");
        svg.append("<text x=\"16\" y=\"").append((TOP + frame.bottom()) / 2)
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ").append((TOP + frame.bottom()) / 2)
                .append(")\">").append(escape(yLabel)).append("</text>\n");
    }

    private static void drawSeries(StringBuilder svg, Frame frame, Series line, String colour) {
        svg.append("<g>\n<title>").append(escape(line.name())).append("</title>\n");
        StringBuilder points = new StringBuilder();
        for (Point point : line.points()) {
            if (!points.isEmpty()) {
                points.append(' ');
            }
            points.append(number(frame.toX(point.x()))).append(',').append(number(frame.toY(point.y())));
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                .append(points).append("\"/>\n");
        for (Point point : line.points()) {
            svg.append("<circle cx=\"").append(number(frame.toX(point.x()))).append("\" cy=\"")
                    .append(number(frame.toY(point.y()))).append("\" r=\"3\" fill=\"").append(colour).append("\"/>\n");
        }
        svg.append("</g>\n");
    }

    private void drawLegend(StringBuilder svg, int left, int top) {
        for (int i = 0; i < series.size(); i++) {
            int y = top + 10 + i * 20;
            String colour = COLOURS.get(i % COLOURS.size());
            svg.append("<rect x=\"").append(left).append("\" y=\"").append(y - 9).append("\" width=\"18\" height=\"4\" fill=\"")
                    .append(colour).append("\"/>\n");
            svg.append("<text x=\"").append(left + 24).append("\" y=\"").append(y - 3).append("\">")
                    .append(escape(series.get(i).name())).append("</text>\n");
        }
    }

    /** Coordinates with two decimals in a fixed locale: the same chart, the same bytes. */
    private static String number(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.equals("-0.00") ? "0.00" : text;
    }

    /**
     * Text for XML character data and attribute values: markup characters escaped, and characters
     * XML 1.0 forbids (most control characters, lone surrogates) replaced by U+FFFD, so that any
     * name a scenario holds keeps the document well-formed.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate(c)
                            || c == '\uFFFE' || c == '\uFFFF') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The plot area and the two axes' ranges: data to pixels. */
    private record Frame(Axis x, Axis y, int left, int right, int top, int bottom) {
        double toX(double value) {
            return left + (value - x.low()) / (x.high() - x.low()) * (right - left);
        }

        double toY(double value) {
            return bottom - (value - y.low()) / (y.high() - y.low()) * (bottom - top);
        }
    }

    /** An axis from {@code low} to {@code high}, both round multiples of {@code step}. */
    private record Axis(double low, double high, BigDecimal step) {
        /**
         * As {@link #over}, with as many ticks (five at most) as leave room between their labels
         * on an axis {@code pixels} long: VND amounts in the billions have long labels.
         */
        static Axis fitting(double min, double max, boolean fromZero, int pixels) {
            Axis axis = over(min, max, fromZero, TICKS);
            for (int ticks = TICKS - 1; ticks >= 1 && !axis.labelsFit(pixels); ticks--) {
                axis = over(min, max, fromZero, ticks);
            }
            return axis;
        }

        private boolean labelsFit(int pixels) {
            List<BigDecimal> ticks = ticks();
            int widest = ticks.stream().mapToInt(tick -> label(tick).length()).max().orElse(0);
            return ticks.size() <= 1 || (widest * CHARACTER_PIXELS + 12) * (ticks.size() - 1) <= pixels;
        }

        /** Round ticks over the data's range; {@code fromZero} keeps 0 in view (amounts, not positions). */
        static Axis over(double min, double max, boolean fromZero, int ticks) {
            if (fromZero) {
                min = Math.min(0, min);
                max = Math.max(0, max);
            }
            if (max - min <= 0) {
                double pad = Math.max(1, Math.abs(max) / 10);
                min -= fromZero && min == 0 ? 0 : pad;
                max += pad;
            }
            BigDecimal step = niceStep((max - min) / ticks);
            BigDecimal low = BigDecimal.valueOf(Math.floor(min / step.doubleValue())).multiply(step);
            BigDecimal high = BigDecimal.valueOf(Math.ceil(max / step.doubleValue())).multiply(step);
            return new Axis(low.doubleValue(), high.doubleValue(), step);
        }

        /** 1, 2 or 5 times a power of ten, the least not below {@code rough}. */
        private static BigDecimal niceStep(double rough) {
            int exponent = (int) Math.floor(Math.log10(rough));
            BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(exponent);
            double fraction = rough / power.doubleValue();
            int nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
            return power.multiply(BigDecimal.valueOf(nice));
        }

        /** The tick values, exact: stepping in decimals leaves no 0.30000000000000004 to print. */
        List<BigDecimal> ticks() {
            List<BigDecimal> ticks = new ArrayList<>();
            BigDecimal first = new BigDecimal(Double.toString(low)).divide(step).setScale(0, java.math.RoundingMode.HALF_UP)
                    .multiply(step);
            for (BigDecimal tick = first; tick.doubleValue() <= high + step.doubleValue() / 2; tick = tick.add(step)) {
                ticks.add(tick);
            }
            return ticks;
        }

        /** A tick value with thousands separators and as many decimals as the step needs. */
        String label(BigDecimal tick) {
            int decimals = Math.max(0, step.stripTrailingZeros().scale());
            DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                    DecimalFormatSymbols.getInstance(Locale.ROOT));
            return format.format(tick);
        }
    }

    /** Collects a chart's parts. */
    public static final class Builder {
        private final String title;
        private String xLabel = "";
        private String yLabel = "";
        private final List<Series> series = new ArrayList<>();
        private int width = 760;
        private int height = 440;

        private Builder(String title) {
            this.title = Objects.requireNonNull(title, "title");
        }

        public Builder xLabel(String label) { this.xLabel = Objects.requireNonNull(label, "label"); return this; }
        public Builder yLabel(String label) { this.yLabel = Objects.requireNonNull(label, "label"); return this; }

        /** Adds a line, drawn after (above) the ones added before. */
        public Builder series(String name, List<Point> points) {
            series.add(new Series(name, points));
            return this;
        }

        /** The picture's size in pixels; the legend takes the right-most 190. */
        public Builder size(int widthPixels, int heightPixels) {
            if (widthPixels < LEFT + LEGEND_WIDTH + 100 || heightPixels < TOP + BOTTOM + 100) {
                throw new IllegalArgumentException("a chart needs at least " + (LEFT + LEGEND_WIDTH + 100) + " × "
                        + (TOP + BOTTOM + 100) + " pixels, was " + widthPixels + " × " + heightPixels);
            }
            this.width = widthPixels;
            this.height = heightPixels;
            return this;
        }

        public LineChart build() {
            return new LineChart(this);
        }
    }
}
