package vn.childaid.matching.files;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

/**
 * CSV text as spreadsheets open it without asking: a UTF-8 byte order mark (Excel takes the file
 * for UTF-8 only with it), commas, CRLF line ends, and quotes only where a cell needs them. The
 * scenario folder's files and the report's 4W table are written this one way.
 */
public final class CsvText {
    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withColumnSeparator(',').withLineSeparator("\r\n");
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private CsvText() {}

    /** The rows as CSV text starting with the byte order mark; write it as UTF-8. */
    public static String of(List<List<String>> rows) {
        StringWriter text = new StringWriter();
        text.write(BYTE_ORDER_MARK);
        try (SequenceWriter out = CSV.writer(SCHEMA).writeValues(text)) {
            for (List<String> row : rows) {
                out.write(row);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return text.toString();
    }
}
