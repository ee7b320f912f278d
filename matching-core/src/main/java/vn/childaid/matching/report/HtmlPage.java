package vn.childaid.matching.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.childaid.matching.charts.Markup;

/**
 * A self-contained HTML page put together from escaped parts: a header, a row of headline totals,
 * then sections of a chart and a table. It holds no scripts and refers to nothing outside itself
 * (its content security policy forbids both, so a page edited by hand cannot start fetching
 * either), which is what lets it open offline and travel by e-mail. Every text given is escaped
 * here; only chart SVG, made by the charts package from escaped parts, goes in as it is.
 */
final class HtmlPage {
    /** Styles for screen and print; the print rules keep sections and table rows whole and drop colour backgrounds. */
    static final String STYLE = """
            :root { color-scheme: light; }
            body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; color: #1a1a1a; background: #fff;
                   margin: 0 auto; padding: 1.5rem; max-width: 64rem; line-height: 1.4; }
            h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
            h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
            h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
            .meta { color: #444; margin: 0; }
            .alarm { border: 3px solid #b00020; background: #fdecee; color: #5a0010; padding: .6rem 1rem;
                     margin: 1rem 0; font-weight: bold; }
            .alarm ul { margin: .3rem 0 0; font-weight: normal; }
            .ok { color: #1f6b35; font-weight: bold; }
            dl.totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .6rem; margin: 1rem 0; }
            dl.totals div { border: 1px solid #ccc; padding: .5rem .8rem; }
            dl.totals dt { color: #444; font-size: .9rem; }
            dl.totals dd { margin: 0; font-size: 1.3rem; font-weight: bold; }
            figure { margin: .5rem 0 1rem; }
            svg.chart { display: block; width: 100%; max-width: 720px; height: auto; }
            p.note { color: #444; margin: .3rem 0; }
            table { border-collapse: collapse; width: 100%; font-size: .9rem; }
            th, td { border-bottom: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
            th { background: #f2f2f2; }
            td:first-child { white-space: nowrap; }
            td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
            td.number { white-space: nowrap; }
            footer { margin-top: 2rem; color: #555; font-size: .85rem; }
            @media print {
              body { max-width: none; padding: 0; font-size: 10pt; }
              h2, h3 { break-after: avoid; }
              section, figure, tr, dl.totals div { break-inside: avoid; }
              thead { display: table-header-group; }
              .alarm { background: none; }
              th { background: none; border-bottom: 2px solid #000; }
            }
            """;
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    private final String language;
    private final String title;
    private final StringBuilder body = new StringBuilder(64 * 1024);

    /**
     * @param language the page's language tag ({@code en}, {@code vi}), so screen readers and
     *     hyphenation use the right one
     * @param title the browser tab's and the top heading's text
     */
    HtmlPage(String language, String title) {
        this.language = Objects.requireNonNull(language, "language");
        this.title = Objects.requireNonNull(title, "title");
    }

    /** The top heading and the lines under it. */
    HtmlPage heading(List<String> lines) {
        body.append("<header><h1>").append(Markup.escape(title)).append("</h1>\n");
        for (String line : lines) {
            body.append("<p class=\"meta\">").append(Markup.escape(line)).append("</p>\n");
        }
        body.append("</header>\n");
        return this;
    }

    /** A box no reader can miss, with a list of what is wrong (an infeasible plan, another scenario's plan). */
    HtmlPage alarm(String headline, List<String> details) {
        body.append("<div class=\"alarm\" role=\"alert\"><p>").append(Markup.escape(headline)).append("</p>");
        if (!details.isEmpty()) {
            body.append("<ul>");
            details.forEach(detail -> body.append("<li>").append(Markup.escape(detail)).append("</li>"));
            body.append("</ul>");
        }
        body.append("</div>\n");
        return this;
    }

    /** A quiet line saying all is well. */
    HtmlPage reassurance(String text) {
        body.append("<p class=\"ok\">").append(Markup.escape(text)).append("</p>\n");
        return this;
    }

    /** Headline figures, each in a box; their {@code id}s let a reader's tool (and our browser test) find them. */
    HtmlPage totals(List<Total> totals) {
        body.append("<dl class=\"totals\">");
        for (Total total : totals) {
            body.append("<div><dt>").append(Markup.escape(total.label())).append("</dt><dd id=\"")
                    .append(Markup.escape(total.id())).append("\">").append(Markup.escape(total.text()))
                    .append("</dd></div>");
        }
        body.append("</dl>\n");
        return this;
    }

    /** A section: heading, an optional note, an optional chart (SVG from the charts package), an optional table. */
    HtmlPage section(Section section) {
        String heading = section.subsection() ? "h3" : "h2";
        body.append("<section id=\"").append(Markup.escape(section.id())).append("\"><").append(heading).append('>')
                .append(Markup.escape(section.heading())).append("</").append(heading).append(">\n");
        section.note().forEach(note -> body.append("<p class=\"note\">").append(Markup.escape(note)).append("</p>\n"));
        if (!section.chartSvg().isEmpty()) {
            body.append("<figure>").append(section.chartSvg()).append("</figure>\n");
        }
        if (section.table() != null) {
            section.table().appendTo(body);
        }
        body.append("</section>\n");
        return this;
    }

    /** The footer line. */
    HtmlPage footer(String text) {
        body.append("<footer>").append(Markup.escape(text)).append("</footer>\n");
        return this;
    }

    /** The whole page. */
    String html() {
        return "<!DOCTYPE html>\n<html lang=\"" + Markup.escape(language) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CONTENT_SECURITY_POLICY + "\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Markup.escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
                + body + "</body>\n</html>\n";
    }

    /** A headline figure: its element id, its label and its value as people read it. */
    record Total(String id, String label, String text) {}

    /**
     * One section of the page; {@code chartSvg} may be empty and {@code table} null. A subsection's
     * heading ranks under the section before it.
     */
    record Section(String id, String heading, List<String> note, String chartSvg, Table table, boolean subsection) {
        Section {
            note = List.copyOf(note);
            Objects.requireNonNull(chartSvg, "chartSvg");
        }

        Section(String id, String heading, List<String> note, String chartSvg, Table table) {
            this(id, heading, note, chartSvg, table, false);
        }
    }

    /** A table whose columns are text or numbers (numbers are right-aligned). */
    static final class Table {
        private final List<String> headings;
        private final List<Boolean> numeric;
        private final List<List<String>> rows = new ArrayList<>();

        private Table(List<String> headings, List<Boolean> numeric) {
            this.headings = headings;
            this.numeric = numeric;
        }

        /** Columns named {@code headings}; the first {@code textColumns} hold text, the rest numbers. */
        static Table of(List<String> headings, int textColumns) {
            List<Boolean> numeric = new ArrayList<>();
            for (int column = 0; column < headings.size(); column++) {
                numeric.add(column >= textColumns);
            }
            return new Table(List.copyOf(headings), numeric);
        }

        Table row(List<String> cells) {
            if (cells.size() != headings.size()) {
                throw new IllegalArgumentException(cells.size() + " cells for " + headings.size() + " columns");
            }
            rows.add(List.copyOf(cells));
            return this;
        }

        int size() {
            return rows.size();
        }

        private void appendTo(StringBuilder html) {
            html.append("<table><thead><tr>");
            for (int column = 0; column < headings.size(); column++) {
                html.append(numeric.get(column) ? "<th class=\"number\" scope=\"col\">" : "<th scope=\"col\">")
                        .append(Markup.escape(headings.get(column))).append("</th>");
            }
            html.append("</tr></thead>\n<tbody>\n");
            for (List<String> row : rows) {
                html.append("<tr>");
                for (int column = 0; column < row.size(); column++) {
                    html.append(numeric.get(column) ? "<td class=\"number\">" : "<td>")
                            .append(Markup.escape(row.get(column))).append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</tbody></table>\n");
        }
    }
}
