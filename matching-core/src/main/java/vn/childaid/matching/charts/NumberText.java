package vn.childaid.matching.charts;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as people read them: whole numbers with thousands separators ({@code 1,234,567} in
 * English, {@code 1.234.567} in Vietnamese), percentages with at most one decimal. Rounding is half
 * up and independent of the machine's default locale, so a page renders the same everywhere.
 */
public final class NumberText {
    private final Locale locale;

    private NumberText(Locale locale) {
        this.locale = locale;
    }

    /** Numbers in {@code locale}'s separators; {@link Locale#ROOT} gives the English ones. */
    public static NumberText of(Locale locale) {
        return new NumberText(locale);
    }

    /** {@code value} rounded to a whole number, with thousands separators. */
    public String whole(double value) {
        return format("#,##0", value);
    }

    /** {@code value} with thousands separators. */
    public String whole(long value) {
        return format("#,##0", value);
    }

    /** {@code part / whole} as a percentage with at most one decimal, e.g. {@code 72.5%}; {@code 0%} of nothing. */
    public String percent(double part, double whole) {
        double share = whole > 0 ? 100 * part / whole : 0;
        return format("#,##0.#", share) + "%";
    }

    private String format(String pattern, Object value) {
        // DecimalFormat is not thread-safe: one per call keeps this class immutable.
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(locale));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
