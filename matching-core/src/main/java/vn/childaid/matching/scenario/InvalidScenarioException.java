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

    private static String describe(List<Problem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the scenario:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
