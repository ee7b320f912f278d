package vn.childaid.matching.scenario;

import java.util.Objects;

/**
 * One thing wrong with an input: where (a JSON path such as {@code $.needs[3].quantity}, or a
 * file with line and column) and what.
 */
public record Problem(String path, String message) {
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** Longer values are cut in what problems say: an id is at most 100 characters, a name 1,000. */
    private static final int LONGEST_SHOWN = 60;

    /**
     * A value as a problem message quotes it: in single quotes, whole when short; when long, its
     * start and its length, so that a problem never repeats megabytes of input.
     */
    public static String shown(String value) {
        if (value.length() <= LONGEST_SHOWN) {
            return "'" + value + "'";
        }
        int end = Character.isHighSurrogate(value.charAt(LONGEST_SHOWN - 1)) ? LONGEST_SHOWN - 1 : LONGEST_SHOWN;
        return String.format(java.util.Locale.ROOT, "'%s…' (%,d characters)", value.substring(0, end), value.length());
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
