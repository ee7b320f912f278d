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

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
