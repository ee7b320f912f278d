package vn.childaid.matching.examples.cli;

/** A problem with what the user asked for (a missing file, a bad option value): exit code 2, no stack trace. */
final class UserInputException extends RuntimeException {
    UserInputException(String message) {
        super(message);
    }
}
