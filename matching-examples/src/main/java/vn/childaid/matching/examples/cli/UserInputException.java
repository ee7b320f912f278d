package vn.childaid.matching.examples.cli;

/** A problem with what the user asked for (a missing file, a bad option value): exit code 2, no stack trace. */
final class UserInputException extends RuntimeException {
    UserInputException(String message) {
        super(message);
    }

    /** The file, or this exception naming what was expected there. */
    static java.nio.file.Path requireFile(java.nio.file.Path file, String what) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new UserInputException("no " + what + " file at " + file);
        }
        return file;
    }
}
