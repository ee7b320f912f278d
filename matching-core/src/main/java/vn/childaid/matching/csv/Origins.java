package vn.childaid.matching.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.childaid.matching.scenario.Problem;

/**
 * Where each part of a scenario read from CSV came from, so that a problem the scenario reports at
 * a JSON path is shown where the user can fix it: {@code $.needs[16].quantity} becomes
 * {@code needs.csv:18: quantity}. Element i of an array is the i-th data row of its file (blank
 * rows skipped), whose line was recorded when it was read.
 */
final class Origins {
    private static final Pattern ELEMENT = Pattern.compile("\\$\\.(\\w+)\\[(\\d+)\\](?:\\.(.+))?");
    private static final Pattern PREFERENCE = Pattern.compile("preferences(?:\\.(categories|areas)\\.(.+))?");

    private int scenarioLine = 2;
    private final Map<String, List<Integer>> linesByArray = new HashMap<>();
    /** Offer index → "categories|KEY" or "areas|KEY" → line in preferences.csv. */
    private final Map<Integer, Map<String, Integer>> preferenceLines = new HashMap<>();

    void scenarioRow(int line) {
        scenarioLine = line;
    }

    /** Records that the next element of {@code file}'s array came from this line. */
    void element(CsvFile file, int line) {
        linesByArray.computeIfAbsent(file.jsonArray().orElseThrow(), k -> new ArrayList<>()).add(line);
    }

    /** Records that a weight of offer {@code offerIndex}'s preferences came from this line of preferences.csv. */
    void preference(int offerIndex, String part, String key, int line) {
        preferenceLines.computeIfAbsent(offerIndex, k -> new java.util.LinkedHashMap<>()).put(part + "|" + key, line);
    }

    /** How many rows of {@code file} became elements. */
    int size(CsvFile file) {
        return linesByArray.getOrDefault(file.jsonArray().orElseThrow(), List.of()).size();
    }

    /** The same problem, placed in the file it came from; a path we cannot place is kept as it is. */
    Problem locate(Problem problem) {
        String path = problem.path();
        if (path.equals("$.name") || path.equals("$.year") || path.equals("$.formatVersion")) {
            return new Problem(CsvFile.SCENARIO.fileName() + ":" + scenarioLine + ": " + path.substring(2), problem.message());
        }
        if (path.equals("$.policy") || path.startsWith("$.policy.") || path.startsWith("$.policy[")) {
            return new Problem(CsvFile.POLICY_JSON + ": $" + path.substring("$.policy".length()), problem.message());
        }
        if (path.equals("$.entitlements") || path.startsWith("$.entitlements[")) {
            return new Problem(CsvFile.ENTITLEMENTS_JSON + ": $" + path.substring("$.entitlements".length()),
                    problem.message());
        }
        if (path.endsWith(".extensions")) {
            return new Problem(CsvFile.EXTENSIONS_JSON + ": " + path, problem.message());
        }
        Matcher element = ELEMENT.matcher(path);
        if (element.matches()) {
            return locateElement(element.group(1), Integer.parseInt(element.group(2)),
                    Optional.ofNullable(element.group(3)), problem.message()).orElse(problem);
        }
        if (path.startsWith("$.") && CsvFile.ofJsonArray(path.substring(2)).isPresent()) {
            return new Problem(CsvFile.ofJsonArray(path.substring(2)).get().fileName(), problem.message());
        }
        return problem;
    }

    private Optional<Problem> locateElement(String array, int index, Optional<String> field, String message) {
        Optional<CsvFile> file = CsvFile.ofJsonArray(array);
        List<Integer> lines = linesByArray.getOrDefault(array, List.of());
        if (file.isEmpty() || index >= lines.size()) {
            return Optional.empty();
        }
        String row = file.get().fileName() + ":" + lines.get(index);
        if (field.isEmpty()) {
            return Optional.of(new Problem(row, message));
        }
        Matcher preference = PREFERENCE.matcher(field.get());
        if (file.get() == CsvFile.OFFERS && preference.matches()) {
            return Optional.of(locatePreference(index, preference, message).orElse(new Problem(row, message)));
        }
        return Optional.of(new Problem(row + ": " + field.get(), message));
    }

    /**
     * A weight's problem goes to its row in preferences.csv: an unknown area to the {@code area} cell,
     * anything else (a weight out of range, weights too large together) to the {@code weight} cell.
     */
    private Optional<Problem> locatePreference(int offerIndex, Matcher preference, String message) {
        Map<String, Integer> lines = preferenceLines.getOrDefault(offerIndex, Map.of());
        String file = CsvFile.PREFERENCES.fileName();
        if (preference.group(1) == null) {
            return lines.values().stream().findFirst().map(line -> new Problem(file + ":" + line + ": weight", message));
        }
        String part = preference.group(1);
        Integer line = lines.get(part + "|" + preference.group(2));
        if (line == null) {
            return Optional.empty();
        }
        String column = message.startsWith("unknown") ? (part.equals("areas") ? "area" : "category") : "weight";
        return Optional.of(new Problem(file + ":" + line + ": " + column, message));
    }
}
