package vn.childaid.matching.json;

import java.util.Comparator;
import java.util.List;
import vn.childaid.matching.scenario.Problem;

/**
 * Problems in the order of the document: by top-level field as the contract lists them, then by
 * list position; problems of one object keep the order they were found in (shape, then rules).
 */
final class ProblemOrder {
    private static final List<String> SECTIONS = List.of("formatVersion", "name", "year", "policy", "districts",
            "communes", "villages", "needs", "donors", "offers", "commitments", "extensions");
    private static final Comparator<Problem> DOCUMENT_ORDER =
            Comparator.comparingInt(ProblemOrder::section).thenComparingLong(ProblemOrder::position);

    private ProblemOrder() {}

    /** A stable sort: problems at the same place keep their relative order. */
    static List<Problem> sorted(List<Problem> problems) {
        return problems.stream().sorted(DOCUMENT_ORDER).toList();
    }

    /** 0 for the document itself and unknown top-level fields, then the contract's order. */
    private static int section(Problem problem) {
        String name = topLevelField(problem.path());
        return name == null ? 0 : SECTIONS.indexOf(name) + 1;
    }

    private static String topLevelField(String path) {
        if (!path.startsWith("$.")) {
            return null;
        }
        int end = 2;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
            end++;
        }
        return path.substring(2, end);
    }

    /** The list position in a top-level list; a problem about the whole list comes after its elements. */
    private static long position(Problem problem) {
        String path = problem.path();
        String name = topLevelField(path);
        if (name == null) {
            return -1;
        }
        int after = 2 + name.length();
        if (after == path.length()) {
            return Long.MAX_VALUE;
        }
        if (path.charAt(after) != '[') {
            return -1;
        }
        int close = path.indexOf(']', after);
        try {
            return Long.parseLong(path.substring(after + 1, close));
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
