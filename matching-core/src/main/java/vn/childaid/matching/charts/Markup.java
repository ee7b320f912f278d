package vn.childaid.matching.charts;

/**
 * Escaping for text put into HTML or SVG (XML), in element content and in quoted attribute values
 * alike: one helper, so no page or chart can forget a case. Names in a scenario come from people
 * and spreadsheets; a village called {@code <b>} or {@code "A & B"} must print as written.
 */
public final class Markup {
    private Markup() {}

    /**
     * {@code text} with {@code & < > " '} replaced by entities, and control characters that XML 1.0
     * forbids dropped (an SVG holding one would not parse at all).
     */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
