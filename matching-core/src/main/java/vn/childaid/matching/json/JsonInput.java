package vn.childaid.matching.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Problem;

/**
 * Turns a file or text into one JSON tree, or into a problem a user can act on: too big (with the
 * limit and how to raise it), not UTF-8 (with where), not JSON (with line and column, in words
 * rather than the parser's setting names), or followed by more content. Shared by scenario and
 * plan reading so that both refuse the same things the same way.
 */
final class JsonInput {
    /** Files above this many bytes are refused before they are read: 256 MiB, some ten national scenarios. */
    static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    /** The system property that changes {@link #DEFAULT_MAX_BYTES}: bytes, or a number with k, m or g. */
    static final String MAX_BYTES_PROPERTY = "matching.maxInputBytes";
    /**
     * Objects and arrays within each other, at most. A scenario needs six levels; the rest is room
     * for extensions. Kept well below the writer's own limit, so what was read can be written back.
     */
    static final int MAX_NESTING = 200;
    /** A Java array holds at most about this many bytes, whatever limit is asked for. */
    private static final long LARGEST_READABLE = Integer.MAX_VALUE - 16L;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Pattern SIZE = Pattern.compile("(\\d{1,18})\\s*([kmg]?)i?b?", Pattern.CASE_INSENSITIVE);

    private JsonInput() {}

    /** The limit set by {@link #MAX_BYTES_PROPERTY}, or the default; a value that is no size is a problem. */
    static long maxBytesFromProperty(String source) {
        String value = System.getProperty(MAX_BYTES_PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_MAX_BYTES;
        }
        Matcher size = SIZE.matcher(value.strip());
        if (!size.matches()) {
            throw invalid(source, "cannot be read: -D" + MAX_BYTES_PROPERTY + "=" + Texts.shown(value)
                    + " is not a size; write bytes, or a number followed by k, m or g (for example 512m)");
        }
        long number = Long.parseLong(size.group(1));
        int shift = switch (size.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return number > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : number << shift;
    }

    /**
     * The JSON value in {@code file}, read only if it is at most {@code maxBytes} long.
     *
     * @throws InvalidScenarioException naming the file and what is wrong with it
     */
    static JsonNode readFile(Path file, long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the size limit must be positive, not " + maxBytes);
        }
        String source = file.toString();
        long limit = Math.min(maxBytes, LARGEST_READABLE);
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw invalid(source, "cannot be read: it is a directory");
            }
            long size = Files.isRegularFile(file) ? Files.size(file) : -1;
            if (size > limit) {
                throw tooLarge(source, size, maxBytes);
            }
            try (InputStream in = Files.newInputStream(file)) {
                if (size >= 0) {
                    bytes = new byte[(int) size]; // exactly the file, not a growing buffer copied at the end
                    bytes = java.util.Arrays.copyOf(bytes, in.readNBytes(bytes, 0, bytes.length));
                } else {
                    bytes = in.readNBytes((int) limit); // a pipe or device: bounded, its size unknown ahead
                }
                if (in.read() != -1) {
                    throw size >= 0 ? invalid(source, "cannot be read: it grew while it was read; try again")
                            : tooLarge(source, -1, maxBytes);
                }
            }
        } catch (IOException e) {
            throw invalid(source, "cannot be read: " + Texts.ioReason(e));
        }
        return parse(bytes, source);
    }

    /** The JSON value of {@code text}; {@code source} names it in problems. */
    static JsonNode parse(String text, String source) {
        return parse(text.getBytes(StandardCharsets.UTF_8), source);
    }

    /** The JSON value of UTF-8 {@code bytes} (a byte-order mark is skipped); exactly one value, nothing after it. */
    static JsonNode parse(byte[] bytes, String source) {
        int start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
        requireUtf8(bytes, start, source);
        for (int i = start; i < Math.min(bytes.length, start + 4); i++) {
            // Checked here because the parser would take a zero byte this early for UTF-16 or UTF-32.
            if (bytes[i] == 0) {
                throw invalid(at(source, bytes, i), "is not JSON text: it holds a zero byte (is it a binary file?)");
            }
        }
        JsonParser parser = null;
        try {
            parser = ScenarioJson.READER.createParser(bytes, start, bytes.length - start);
            JsonNode root = ScenarioJson.READER.readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw invalid(source, "is empty: a JSON document was expected");
            }
            JsonToken more;
            try {
                more = parser.nextToken();
            } catch (JsonProcessingException e) {
                more = JsonToken.NOT_AVAILABLE; // whatever follows, it is more than one document
            }
            if (more != null) {
                throw invalid(at(source, bytes, offset(parser.currentTokenLocation(), parser, start)),
                        "has more after the end of its JSON document (two documents joined, or something appended?);"
                                + " a file holds exactly one");
            }
            return root;
        } catch (JsonProcessingException e) {
            long offset = offset(e.getLocation(), parser, start);
            throw invalid(at(source, bytes, offset), "is not valid JSON: " + inWords(e));
        } catch (IOException e) {
            throw invalid(source, "cannot be read: " + Texts.ioReason(e));
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // Reading from memory: nothing to release.
                }
            }
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Byte offset (from the start of {@code bytes}) of a parser location, or -1 when unknown. */
    private static long offset(JsonLocation location, JsonParser parser, int start) {
        JsonLocation known = location != null && location.getByteOffset() >= 0 ? location
                : parser != null ? parser.currentLocation() : null;
        return known == null || known.getByteOffset() < 0 ? -1 : known.getByteOffset() + start;
    }

    /** Refuses bytes that are not UTF-8, naming the first bad byte's offset, line and column. */
    private static void requireUtf8(byte[] bytes, int start, String source) {
        if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xFE}) || startsWith(bytes, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
            throw invalid(source, "is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(8192); // only checked, never kept
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                int bad = in.position();
                StringBuilder shown = new StringBuilder();
                for (int i = bad; i < Math.min(bytes.length, bad + result.length()); i++) {
                    shown.append(String.format(Locale.ROOT, " 0x%02X", bytes[i] & 0xFF));
                }
                throw invalid(at(source, bytes, bad), String.format(Locale.ROOT, "is not UTF-8 text: the byte%s%s at "
                                + "byte offset %,d cannot be read as UTF-8 (was it saved as Windows-1258, Latin-1 or "
                                + "another code page?); save it as UTF-8", result.length() == 1 ? "" : "s", shown, bad));
            }
            if (result.isUnderflow()) {
                break;
            }
            out.clear();
        }
        out.clear();
        if (decoder.flush(out).isError()) {
            throw invalid(source, "is not UTF-8 text: it ends inside a character; save it as UTF-8");
        }
    }

    /** {@code source:line:column} for a byte offset (columns count characters, as editors do), or {@code source}. */
    private static String at(String source, byte[] bytes, long offset) {
        if (offset < 0 || offset > bytes.length) {
            return source;
        }
        int line = 1;
        int column = 1;
        for (int i = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) { // a byte that starts a character, not one that continues it
                column++;
            }
        }
        return source + ":" + line + ":" + column;
    }

    private static final Pattern NESTING = Pattern.compile("nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");
    private static final Pattern NON_NUMBER = Pattern.compile("Non-standard token '([^']*)'");
    private static final Pattern TOO_LONG = Pattern.compile("(Number value|String value|Name) length \\((\\d+)\\) exceeds "
            + "the maximum (?:allowed|length) \\((\\d+)");
    private static final Pattern SOURCE_MARKER = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");
    private static final Pattern SETTING = Pattern.compile("`[^`]*`|\\(from [^)]*\\)|[;:,]?\\s*enable [^;)]*");

    /**
     * The parser's complaint in a user's words. Its messages name its own settings
     * ({@code StreamReadConstraints}, {@code JsonReadFeature}...) that a user of a command line cannot
     * change; those are replaced by what is wrong with the file.
     */
    static String inWords(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher nesting = NESTING.matcher(message);
        if (e instanceof StreamConstraintsException && nesting.find()) {
            return "objects and arrays are nested more than " + nesting.group(2) + " levels deep";
        }
        Matcher nonNumber = NON_NUMBER.matcher(message);
        if (nonNumber.find()) {
            return Texts.shown(nonNumber.group(1)) + " is not a JSON number (JSON has no NaN or Infinity);"
                    + " write a finite number";
        }
        Matcher tooLong = TOO_LONG.matcher(message);
        if (tooLong.find()) {
            String what = switch (tooLong.group(1)) {
                case "Number value" -> "a number of %,d digits; at most %,d are read";
                case "String value" -> "a string of %,d characters or more; at most %,d are read";
                default -> "a field name of %,d characters; at most %,d are read";
            };
            return String.format(Locale.ROOT, what, Long.parseLong(tooLong.group(2)), Long.parseLong(tooLong.group(3)));
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "the file ends before its JSON is complete (was it cut short?)";
        }
        if (message.startsWith("Duplicate field")) {
            return message.replace("Duplicate field", "an object repeats the key");
        }
        String words = SOURCE_MARKER.matcher(message).replaceAll("line $1, column $2");
        words = SETTING.matcher(words).replaceAll("").strip();
        return words.isEmpty() ? "the parser stopped here" : words;
    }

    private static InvalidScenarioException tooLarge(String source, long size, long maxBytes) {
        String actual = size >= 0 ? "is " + Texts.bytes(size) : "is larger than " + Texts.bytes(maxBytes);
        String raise = maxBytes >= LARGEST_READABLE ? " (files above 2 GiB cannot be read at all)"
                : "; to read it, raise the limit: java -D" + MAX_BYTES_PROPERTY + "=" + suggestedLimit(size, maxBytes)
                        + " -jar matching.jar ..., or pass a larger limit to read(file, maxBytes)";
        return invalid(source, "is too large to read: it " + actual + ", more than the limit of " + Texts.bytes(maxBytes)
                + raise);
    }

    /** A round limit in MiB above the file's size (or twice the old limit when the size is unknown). */
    private static String suggestedLimit(long size, long maxBytes) {
        long wanted = size >= 0 ? size : maxBytes * 2;
        long mebibytes = Math.min((LARGEST_READABLE >> 20), (wanted >> 20) + 1);
        return mebibytes + "m";
    }

    private static InvalidScenarioException invalid(String path, String message) {
        return new InvalidScenarioException(List.of(new Problem(path, message)));
    }
}
