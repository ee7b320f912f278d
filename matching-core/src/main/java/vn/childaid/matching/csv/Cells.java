package vn.childaid.matching.csv;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import vn.childaid.matching.scenario.Problem;

/**
 * Typed cells of one row. A problem is recorded as {@code file:line: column} with the cell quoted,
 * and reading goes on with a fallback so that the rest of the file is checked too. An empty cell,
 * or one of spaces only, is absent: the field takes its default, or is reported when required.
 * Text (ids, codes, names) is taken exactly as written; numbers, words of a list, true/false and
 * the like are taken without the spaces around them.
 */
final class Cells {
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");
    /** 1.800.000, 1,800,000, 1 800 000 (also with a no-break space): the thousands separators a locale adds. */
    private static final Pattern GROUPED = Pattern.compile("-?[0-9]{1,3}([.,\\s\u00A0\u202F])[0-9]{3}(\\1[0-9]{3})*");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("-?[0-9]+,[0-9]+");

    private final CsvTable table;
    private final CsvTable.Row row;
    private final List<Problem> problems;

    Cells(CsvTable table, CsvTable.Row row, List<Problem> problems) {
        this.table = table;
        this.row = row;
        this.problems = problems;
    }

    int line() {
        return row.line();
    }

    /** {@code file:line: column}, where problems of that cell are reported. */
    String at(String column) {
        return table.file().fileName() + ":" + row.line() + ": " + column;
    }

    /** {@code file:line}, where problems of the whole row are reported. */
    String atRow() {
        return table.file().fileName() + ":" + row.line();
    }

    void problem(String column, String message) {
        problems.add(new Problem(at(column), message));
    }

    private String raw(String column) {
        return table.cell(row, column);
    }

    boolean isPresent(String column) {
        return !raw(column).isBlank();
    }

    /** The cell exactly as written, when not blank. */
    Optional<String> text(String column) {
        String cell = raw(column);
        return cell.isBlank() ? Optional.empty() : Optional.of(cell);
    }

    /** As {@link #text}, reported when absent; "?" stands in then, never reaching a scenario. */
    String requiredText(String column) {
        return text(column).orElseGet(() -> missing(column, "?"));
    }

    private <T> T missing(String column, T fallback) {
        problem(column, "is required");
        return fallback;
    }

    /** A whole number in plain digits; {@code 1.800.000} is refused with the reason. */
    OptionalLong whole(String column) {
        Optional<String> cell = text(column).map(String::strip);
        if (cell.isEmpty()) {
            return OptionalLong.empty();
        }
        String value = cell.get();
        if (!WHOLE.matcher(value).matches()) {
            if (GROUPED.matcher(value).matches()) {
                problem(column, quote(value) + " has thousands separators, which are not allowed: write plain digits ("
                        + value.replaceAll("[^-0-9]", "") + ")");
            } else {
                problem(column, quote(value) + " is not a whole number (plain digits, e.g. 1800000)");
            }
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            problem(column, quote(value) + " is too large for a 64-bit integer");
            return OptionalLong.empty();
        }
    }

    long requiredWhole(String column) {
        if (!isPresent(column)) {
            return missing(column, 0L);
        }
        return whole(column).orElse(0);
    }

    /** A whole number that fits a count (32 bits). */
    Optional<Integer> count(String column) {
        OptionalLong value = whole(column);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.getAsLong() > Integer.MAX_VALUE || value.getAsLong() < Integer.MIN_VALUE) {
            problem(column, quote(raw(column).strip()) + " is too large for a count");
            return Optional.empty();
        }
        return Optional.of((int) value.getAsLong());
    }

    int requiredCount(String column) {
        if (!isPresent(column)) {
            return missing(column, 0);
        }
        return count(column).orElse(0);
    }

    /** A number with a point for decimals (weights). */
    OptionalDouble decimal(String column) {
        Optional<String> cell = text(column).map(String::strip);
        if (cell.isEmpty()) {
            return OptionalDouble.empty();
        }
        String value = cell.get();
        if (!DECIMAL.matcher(value).matches()) {
            if (DECIMAL_COMMA.matcher(value).matches()) {
                problem(column, quote(value) + " has a decimal comma: write the decimals after a point ("
                        + value.replace(',', '.') + ")");
            } else if (GROUPED.matcher(value).matches()) {
                problem(column, quote(value) + " has thousands separators, which are not allowed: write plain digits, "
                        + "and a point before decimals");
            } else {
                problem(column, quote(value) + " is not a number (plain digits, a point before decimals, e.g. 1.5)");
            }
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(value));
    }

    /** true or false, in any case (spreadsheets write TRUE and FALSE). */
    Optional<Boolean> bool(String column) {
        Optional<String> cell = text(column).map(String::strip);
        if (cell.isEmpty()) {
            return Optional.empty();
        }
        String value = cell.get().toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.equals("false")) {
            return Optional.of(value.equals("true"));
        }
        problem(column, quote(cell.get()) + " is not true or false");
        return Optional.empty();
    }

    <E extends Enum<E>> Optional<E> enumValue(String column, Class<E> type) {
        return text(column).map(String::strip).flatMap(value -> constant(column, value, type));
    }

    <E extends Enum<E>> Optional<E> requiredEnum(String column, Class<E> type) {
        if (!isPresent(column)) {
            problem(column, "is required (one of " + Arrays.toString(type.getEnumConstants()) + ")");
            return Optional.empty();
        }
        return enumValue(column, type);
    }

    private <E extends Enum<E>> Optional<E> constant(String column, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return Optional.of(constant);
            }
        }
        problem(column, quote(value) + " is not one of " + Arrays.toString(type.getEnumConstants()));
        return Optional.empty();
    }

    /** Words separated by ';' (spaces around them ignored); an empty cell is the empty list. */
    <E extends Enum<E>> Set<E> enumList(String column, Class<E> type) {
        return list(column, item -> constant(column, item, type));
    }

    /** Codes separated by ';' (spaces around them ignored). */
    Set<String> textList(String column) {
        return list(column, Optional::of);
    }

    private <T> Set<T> list(String column, Function<String, Optional<T>> item) {
        Set<T> items = new LinkedHashSet<>();
        Optional<String> cell = text(column);
        if (cell.isEmpty()) {
            return items;
        }
        // -1 keeps trailing empty items, so that "A;" is reported rather than read as "A".
        for (String part : cell.get().split(Pattern.quote(String.valueOf(CsvFile.LIST_SEPARATOR)), -1)) {
            String word = part.strip();
            if (word.isEmpty()) {
                problem(column, quote(cell.get()) + " has an empty item; separate items with a single '"
                        + CsvFile.LIST_SEPARATOR + "'");
                return items;
            }
            item.apply(word).ifPresent(items::add);
        }
        return items;
    }

    /** The value in quotes, line ends shown as such, so that an odd cell reads plainly in one line. */
    static String quote(String value) {
        return "\"" + value.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}
