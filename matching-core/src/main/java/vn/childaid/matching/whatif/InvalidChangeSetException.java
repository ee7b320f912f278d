package vn.childaid.matching.whatif;

import java.util.List;
import java.util.stream.Collectors;
import vn.childaid.matching.scenario.Problem;

/**
 * A change set could not be read or applied; {@link #problems()} lists every problem found, each
 * with its JSON path in the change set ({@code $.changes[3].offer}), or in the changed scenario
 * when no change can be blamed.
 */
public final class InvalidChangeSetException extends RuntimeException {
    /** The message lists this many problems at most, so that it stays readable; {@link #problems()} has all. */
    public static final int MOST_PROBLEMS_IN_MESSAGE = 100;

    private final List<Problem> problems;

    public InvalidChangeSetException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        String listed = problems.stream().limit(MOST_PROBLEMS_IN_MESSAGE).map(p -> "  " + p)
                .collect(Collectors.joining("\n"));
        if (problems.size() > MOST_PROBLEMS_IN_MESSAGE) {
            listed += String.format(java.util.Locale.ROOT, "%n  … and %,d more", problems.size() - MOST_PROBLEMS_IN_MESSAGE);
        }
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the change set:\n" + listed;
    }
}
