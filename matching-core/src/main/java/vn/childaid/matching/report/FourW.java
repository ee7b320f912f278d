package vn.childaid.matching.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.childaid.matching.files.CsvText;
import vn.childaid.matching.files.OutputFile;
import vn.childaid.matching.scenario.Province;

/**
 * The plan as a "Who does What, Where" table tagged with HXL 1.1 hashtags, for humanitarian
 * coordination tools and spreadsheets: a row of column titles (from {@link Words}), a row of
 * hashtags, then one row per allocation line ({@link PlanReport#lines()}). UTF-8 with a byte order
 * mark, so Excel reads the diacritics.
 *
 * <p>Children are written with at most {@value #CHILDREN_DECIMALS} decimals (a line's share of a
 * need's children is often fractional). A text cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is prefixed with {@code '} so that no spreadsheet runs it as
 * a formula (OWASP's advice on CSV injection). Number cells are never prefixed: every number in the
 * table is written by this class from a value ≥ 0, so none can start with one of those characters.
 */
public final class FourW {
    /** Decimals kept in the children columns. */
    public static final int CHILDREN_DECIMALS = 2;
    public static final String CURRENCY = "VND";

    private FourW() {}

    /** One column: its title's key in {@link Words}, its HXL hashtag, and its cell for a line. */
    private record Column(String titleKey, String hashtag, boolean text, Function<Row, String> cell) {}

    /** A line with what its cells need besides the line itself. */
    private record Row(ReportLine line, String province, Words words) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("report.4w.funderName", "#org+funder+name", true, row -> row.line().donor().label(row.words())),
            new Column("report.4w.funderType", "#org+funder+type", true, row -> row.line().donor().type().name()),
            new Column("report.4w.sector", "#sector+name", true, row -> row.line().category().name()),
            new Column("report.4w.province", "#adm1+name", true, Row::province),
            new Column("report.4w.district", "#adm2+name", true,
                    row -> row.line().district().map(AreaRef::name).orElse("")),
            new Column("report.4w.commune", "#adm3+name", true, row -> row.line().commune().name()),
            new Column("report.4w.communeCode", "#adm3+code", true, row -> row.line().commune().code()),
            new Column("report.4w.village", "#loc+name", true, row -> row.line().village().map(AreaRef::name).orElse("")),
            new Column("report.4w.villageCode", "#loc+code", true, row -> row.line().village().map(AreaRef::code).orElse("")),
            new Column("report.4w.targetedChildren", "#targeted+children", false, row -> children(row.line().children())),
            new Column("report.4w.reachedChildren", "#reached+children", false,
                    row -> row.line().committed() ? children(row.line().children()) : ""),
            new Column("report.4w.value", "#value", false, row -> String.valueOf(row.line().value())),
            new Column("report.4w.currency", "#currency+code", true, row -> CURRENCY),
            new Column("report.4w.modality", "#modality", true, row -> row.line().cash() ? "cash" : "in-kind"),
            new Column("report.4w.status", "#status", true, row -> row.line().committed() ? "committed" : "planned"),
            new Column("report.4w.need", "#meta+id", true, row -> row.line().need()));

    /** The HXL hashtags of the columns, in order. */
    public static List<String> hashtags() {
        return COLUMNS.stream().map(Column::hashtag).toList();
    }

    /** The table's rows: titles, hashtags, then one row per line. */
    public static List<List<String>> rows(PlanReport report, Words words) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS.stream().map(column -> guarded(words.get(column.titleKey()))).toList());
        rows.add(hashtags());
        String province = report.province().map(Province::name).orElse("");
        for (ReportLine line : report.lines()) {
            Row row = new Row(line, province, words);
            rows.add(COLUMNS.stream()
                    .map(column -> column.text() ? guarded(column.cell().apply(row)) : column.cell().apply(row))
                    .toList());
        }
        return rows;
    }

    /** The table as CSV text, starting with the byte order mark. */
    public static String toCsv(PlanReport report, Words words) {
        return CsvText.of(rows(report, words));
    }

    /** Writes the table to {@code file} through {@link OutputFile}: whole, or not at all. */
    public static void write(PlanReport report, Words words, Path file) {
        OutputFile.of(file).writeString(toCsv(report, words));
    }

    /**
     * The cell as a spreadsheet shows it, never as a formula: a leading {@code =}, {@code +},
     * {@code -}, {@code @}, tab or carriage return gets a {@code '} in front.
     */
    static String guarded(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    /** Children with at most {@link #CHILDREN_DECIMALS} decimals, trailing zeros dropped: 42, 13.33. */
    static String children(double value) {
        return BigDecimal.valueOf(value).setScale(CHILDREN_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
