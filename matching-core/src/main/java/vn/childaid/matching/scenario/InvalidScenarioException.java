package vn.childaid.matching.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario was rejected; {@link #problems()} lists every problem found, not just the first. */
public final class InvalidScenarioException extends RuntimeException {
    private final List<Problem> problems;

    public InvalidScenarioException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The message lists this many problems at most, so that it stays readable and small; {@link #problems()} has all. */
    public static final int MOST_PROBLEMS_IN_MESSAGE = 100;

    private static String describe(List<Problem> problems) {
        String listed = problems.stream().limit(MOST_PROBLEMS_IN_MESSAGE).map(p -> "  " + p)
                .collect(Collectors.joining("\n"));
        if (problems.size() > MOST_PROBLEMS_IN_MESSAGE) {
            listed += String.format(java.util.Locale.ROOT, "%n  … and %,d more", problems.size() - MOST_PROBLEMS_IN_MESSAGE);
        }
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the scenario:\n" + listed;
    }
}
