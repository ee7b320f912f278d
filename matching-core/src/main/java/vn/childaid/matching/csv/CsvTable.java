package vn.childaid.matching.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.childaid.matching.scenario.Problem;

/**
 * One CSV file as read: its header and its data rows, each with the physical line it starts on
 * (the header is line 1; a quoted cell may span lines, so rows and lines differ). Blank rows, empty
 * or of empty cells only, are skipped: spreadsheets leave them behind. Everything wrong with the
 * file's text or header is reported, and then the file yields no table.
 */
final class CsvTable {
    private static final CsvFactory FACTORY = new CsvFactory();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** A data row: the line it starts on and its cells, as many as the header has columns. */
    record Row(int line, List<String> cells) {}

    private final CsvFile file;
    private final List<String> header;
    private final Map<String, Integer> columnIndex;
    private final List<Row> rows;

    private CsvTable(CsvFile file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i), i);
        }
        this.columnIndex = index;
    }

    /**
     * Reads a file's bytes: UTF-8 with or without a byte order mark, any line ends, RFC 4180 quoting,
     * cells separated by ',' or ';' as the header line shows. Reports into {@code problems} and returns
     * empty when the text or the header is wrong; a row with the wrong number of cells is reported and
     * left out.
     */
    static Optional<CsvTable> read(CsvFile file, byte[] bytes, List<Problem> problems) {
        Optional<String> text = decode(file.fileName(), bytes, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        char delimiter = delimiterOf(firstLine(text.get()));
        List<Row> lines = new ArrayList<>();
        if (!parse(file, text.get(), delimiter, lines, problems)) {
            return Optional.empty();
        }
        if (lines.isEmpty() || isBlank(lines.get(0).cells())) {
            problems.add(new Problem(file.fileName() + ":1", "the header line is missing; it names the columns: "
                    + String.join(",", file.columns())));
            return Optional.empty();
        }
        List<String> header = lines.get(0).cells();
        if (!headerIsSound(file, header, problems)) {
            return Optional.empty();
        }
        List<Row> rows = new ArrayList<>();
        for (Row row : lines.subList(1, lines.size())) {
            if (isBlank(row.cells())) {
                continue;
            }
            if (row.cells().size() != header.size()) {
                problems.add(new Problem(file.fileName() + ":" + row.line(), "has " + row.cells().size()
                        + (row.cells().size() == 1 ? " cell" : " cells") + ", but the header has " + header.size()
                        + " columns (a cell holding the delimiter '" + delimiter + "' must be quoted)"));
                continue;
            }
            rows.add(row);
        }
        return Optional.of(new CsvTable(file, header, rows));
    }

    CsvFile file() {
        return file;
    }

    List<Row> rows() {
        return rows;
    }

    boolean hasColumn(String column) {
        return columnIndex.containsKey(column);
    }

    /** The row's cell in this column, as written; "" when the file has no such column. */
    String cell(Row row, String column) {
        Integer index = columnIndex.get(column);
        return index == null ? "" : row.cells().get(index);
    }

    private static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }

    /**
     * The text of a file in strict UTF-8, without its byte order mark: a file saved in a legacy code
     * page would otherwise turn Vietnamese letters into others. Reports the line of the first bad byte.
     */
    static Optional<String> decode(String fileName, byte[] bytes, List<Problem> problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            problems.add(new Problem(fileName + ":" + line, "is not UTF-8 text (byte " + (in.position() + 1) + "); "
                    + (fileName.endsWith(".csv") ? "save the sheet as \"CSV UTF-8\"" : "save it as UTF-8")));
            return Optional.empty();
        }
        out.flip();
        String text = out.toString();
        return Optional.of(!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text);
    }

    private static String firstLine(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(0, end);
    }

    /**
     * ';' when the header line has more semicolons than commas outside quotes (Excel writes ';' where
     * the locale's decimal mark is a comma, as in Vietnam), else ','. Column names hold neither.
     */
    static char delimiterOf(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** Every record of the text, header included, with the line it starts on; false when the text is not CSV. */
    private static boolean parse(CsvFile file, String text, char delimiter, List<Row> into, List<Problem> problems) {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter).withQuoteChar('"');
        int rowStart = 1;
        try (JsonParser parser = FACTORY.createParser(text)) {
            ((CsvParser) parser).setSchema(schema);
            List<String> cells = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_ARRAY -> cells = new ArrayList<>();
                    case VALUE_STRING -> {
                        if (cells.isEmpty()) {
                            rowStart = parser.currentTokenLocation().getLineNr();
                        }
                        cells.add(parser.getText());
                    }
                    case END_ARRAY -> into.add(new Row(rowStart, List.copyOf(cells)));
                    default -> throw new IllegalStateException("a CSV parser without a schema gives rows of strings, not " + token);
                }
            }
            return true;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null || at.getLineNr() < 1 ? rowStart : at.getLineNr();
            String started = line == rowStart ? "" : " (in the row that starts on line " + rowStart + ")";
            problems.add(new Problem(file.fileName() + ":" + line, "is not valid CSV" + started + ": "
                    + e.getOriginalMessage()));
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private static boolean headerIsSound(CsvFile file, List<String> header, List<Problem> problems) {
        String at = file.fileName() + ":1";
        int before = problems.size();
        Set<String> seen = new LinkedHashSet<>();
        for (String column : header) {
            if (column.isBlank()) {
                problems.add(new Problem(at, "a column has no name (is there a delimiter at the end of the header?)"));
            } else if (!file.columns().contains(column)) {
                problems.add(new Problem(at + ": " + column, "unknown column (known columns: "
                        + String.join(", ", file.columns()) + ")"));
            } else if (!seen.add(column)) {
                problems.add(new Problem(at + ": " + column, "the column is given twice"));
            }
        }
        for (String column : file.requiredColumns()) {
            if (!header.contains(column)) {
                problems.add(new Problem(at + ": " + column, "the column is missing; every row needs it"));
            }
        }
        if (file == CsvFile.PREFERENCES && !header.contains("category") && !header.contains("area")) {
            problems.add(new Problem(at, "needs a 'category' or an 'area' column, or both"));
        }
        return problems.size() == before;
    }
}
