package vn.childaid.matching.files;

import java.nio.file.Path;
import java.util.List;

/**
 * An output file that cannot or must not be written. The message is meant for the user as is:
 * {@code cannot write plan.json: would overwrite the input plan.json}, naming the path the user
 * gave (never a temporary file) and every reason at once.
 */
public final class OutputFileException extends RuntimeException {
    private final Path path;
    private final List<String> problems;

    OutputFileException(Path path, List<String> problems, Throwable cause) {
        super("cannot write " + path + ": " + String.join("; ", problems), cause);
        this.path = path;
        this.problems = List.copyOf(problems);
    }

    /** The output path as the user gave it. */
    public Path path() {
        return path;
    }

    /** Each reason the file cannot be written, in words. */
    public List<String> problems() {
        return problems;
    }
}
