package vn.childaid.matching.charts;

import java.util.Locale;

/**
 * The parts every chart shares: the opening tag (sized by a {@code viewBox}, so the chart scales to
 * the page and prints sharply; titled for screen readers), numbers written the same on every
 * machine, and labels cut to fit their column.
 */
final class Svg {
    /** Chart width in user units; the page scales it to the column. */
    static final int WIDTH = 720;
    static final int FONT_SIZE = 12;
    /** A generous average advance of a 12 px sans-serif character: labels are cut before they overlap the bars. */
    static final double CHARACTER_WIDTH = 6.8;
    static final String FONT = "font-family=\"sans-serif\" font-size=\"" + FONT_SIZE + "\"";

    private Svg() {}

    /** The opening {@code <svg>} tag and its {@code <title>}; close it with {@code </svg>}. */
    static void open(StringBuilder svg, String title, double height) {
        String escapedTitle = Markup.escape(title);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(number(height)).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(number(height)).append("\" aria-label=\"").append(escapedTitle)
                .append("\">").append("<title>").append(escapedTitle).append("</title>");
    }

    /** A coordinate with at most one decimal and a dot, whatever the default locale. */
    static String number(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.format(Locale.ROOT, "%.1f", rounded);
    }

    /** {@code text} cut to at most {@code characters}, with an ellipsis when cut (the full text stays in a tooltip). */
    static String fit(String text, int characters) {
        if (text.codePointCount(0, text.length()) <= characters) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, Math.max(1, characters - 1))) + "…";
    }

    /** How wide {@code text} is likely drawn, in user units. */
    static double textWidth(String text) {
        return text.codePointCount(0, text.length()) * CHARACTER_WIDTH;
    }

    /** How many characters fit in {@code width} (at least 4, at most {@code most}); a hair of slack so 9 × 6.8 fits in 61.2. */
    static int charactersFitting(double width, int most) {
        return (int) Math.max(4, Math.min(most, Math.floor(width / CHARACTER_WIDTH + 1e-6)));
    }

    /** Zero for what cannot be drawn as a length: negative, NaN or infinite values. */
    static double drawable(double value) {
        return Double.isFinite(value) && value > 0 ? value : 0;
    }
}
