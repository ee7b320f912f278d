package vn.childaid.matching.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import vn.childaid.matching.extensions.Extensions;
import vn.childaid.matching.scenario.Problem;

/**
 * Reads typed fields out of a JSON tree, recording a {@link Problem} with the JSON path for every
 * unknown field, missing field or wrong type instead of stopping. Readers return a fallback after
 * a problem so that reading can go on and find the rest.
 *
 * <p>It counts the problems that cost a value (a missing field, a wrong type) apart from those
 * that do not (an unknown field, bad extensions), so that a caller can tell which objects were
 * read with a fallback in them: {@link #valueProblemCount()} before and after reading one.
 */
final class NodeReader {
    /** Field that may hold any JSON object, kept but not read: the contract's extension point. */
    static final String EXTENSIONS = "extensions";
    /** Stands for a text that could not be read, so that an object can still be built and checked. */
    static final String UNREAD = "?";

    private final List<Problem> problems = new ArrayList<>();
    private int valueProblems;

    List<Problem> problems() {
        return problems;
    }

    /** Problems so far that left a field with a fallback value instead of the file's. */
    int valueProblemCount() {
        return valueProblems;
    }

    /** A problem that leaves a fallback in place of a value. */
    void problem(String path, String message) {
        problems.add(new Problem(path, message));
        valueProblems++;
    }

    /** A problem that costs no value: the object reads the same without it. */
    void harmlessProblem(String path, String message) {
        problems.add(new Problem(path, message));
    }

    /** Checks {@code node} is an object with only known fields (and {@code extensions}). */
    boolean object(JsonNode node, String path, Set<String> known) {
        if (node == null || !node.isObject()) {
            problem(path, "must be an object, found " + describe(node));
            return false;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name) && !name.equals(EXTENSIONS)) {
                harmlessProblem(path + "." + pathKey(name), "unknown field (known fields: " + String.join(", ", known)
                        + "; put anything else under '" + EXTENSIONS + "')");
            }
        }
        return true;
    }

    /**
     * The {@code extensions} of an object, kept as read; {@link Extensions#NONE} when absent. Anything
     * but a JSON object there is a problem at its path: other systems' data is kept only whole.
     */
    Extensions extensions(JsonNode parent, String path) {
        JsonNode node = parent.get(EXTENSIONS);
        if (node == null) {
            return Extensions.NONE;
        }
        if (!node.isObject()) {
            harmlessProblem(path + "." + EXTENSIONS, "must be a JSON object, found " + describe(node));
            return Extensions.NONE;
        }
        return ExtensionsJson.of(node);
    }

    static Set<String> fields(String... names) {
        return new LinkedHashSet<>(Arrays.asList(names));
    }

    /** A field name as a path shows it: whole when it is short, cut otherwise. */
    static String pathKey(String name) {
        return name.length() <= 100 ? name : name.substring(0, 40) + "…";
    }

    /** What was found, in words, never longer than a line. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "the string " + Texts.shown(node.asText());
            case NUMBER -> "the number " + number(node);
            case BOOLEAN -> node.asText();
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().toString().toLowerCase();
        };
    }

    Optional<String> optionalText(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problem(path + "." + field, "must be a non-empty string, found " + describe(node));
            return Optional.of(UNREAD); // something was given: an unread value, not an absent one
        }
        return Optional.of(node.asText());
    }

    String text(JsonNode parent, String field, String path) {
        if (!parent.hasNonNull(field)) { // null is no value in the contract: absent
            problem(path + "." + field, "is required");
            return UNREAD;
        }
        return optionalText(parent, field, path).orElse(UNREAD);
    }

    long longValue(JsonNode parent, String field, String path, Optional<Long> fallback) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (fallback.isEmpty()) {
                problem(path + "." + field, "is required");
                return 0;
            }
            return fallback.get();
        }
        return wholeNumber(node, path + "." + field).orElse(0L);
    }

    /**
     * A whole number: an integer, or a decimal with a zero fraction ({@code 2.0}), as JSON Schema
     * counts it; anything else is a problem at {@code path}.
     */
    Optional<Long> wholeNumber(JsonNode node, String path) {
        if (!node.isIntegralNumber() && !(node.isNumber() && isWhole(node))) {
            problem(path, "must be a whole number, found " + describe(node));
            return Optional.empty();
        }
        if (!node.canConvertToLong()) {
            problem(path, "is too large for a 64-bit integer: " + number(node));
            return Optional.empty();
        }
        return Optional.of(node.isIntegralNumber() ? node.longValue() : node.decimalValue().longValueExact());
    }

    /** Whether a decimal has no fraction; a huge exponent ({@code 1e999999999}) is checked without expanding it. */
    private static boolean isWhole(JsonNode node) {
        if (!node.isBigDecimal()) {
            double value = node.doubleValue();
            return Double.isFinite(value) && value == Math.rint(value);
        }
        java.math.BigDecimal value = node.decimalValue();
        return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
    }

    /** A number's text, cut when long (a number may have up to a thousand digits). */
    static String number(JsonNode node) {
        String text = node.isBigDecimal() ? node.decimalValue().toString() : node.asText();
        return text.length() <= 40 ? text : text.substring(0, 30) + "… (" + text.length() + " characters)";
    }

    int intValue(JsonNode parent, String field, String path, Optional<Integer> fallback) {
        long value = longValue(parent, field, path, fallback.map(Integer::longValue));
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            problem(path + "." + field, "is too large for a count: " + value);
            return 0;
        }
        return (int) value;
    }

    boolean bool(JsonNode parent, String field, String path, boolean fallback) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            problem(path + "." + field, "must be true or false, found " + describe(node));
            return fallback;
        }
        return node.booleanValue();
    }

    double number(JsonNode node, String path) {
        if (!node.isNumber()) {
            problem(path, "must be a number, found " + describe(node));
            return 0;
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            problem(path, "is too large a number: " + number(node));
            return 0;
        }
        return value + 0.0; // -0.0 (from -0 or a tiny negative number) reads as 0, as JSON writes it back
    }

    <E extends Enum<E>> Optional<E> optionalEnum(JsonNode parent, String field, String path, Class<E> type) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return enumOf(node, path + "." + field, type);
    }

    <E extends Enum<E>> E enumValue(JsonNode parent, String field, String path, Class<E> type, E fallback) {
        if (!parent.hasNonNull(field)) {
            problem(path + "." + field, "is required (one of " + Arrays.toString(type.getEnumConstants()) + ")");
            return fallback;
        }
        return optionalEnum(parent, field, path, type).orElse(fallback);
    }

    <E extends Enum<E>> Optional<E> enumOf(JsonNode node, String path, Class<E> type) {
        if (node.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(node.asText())) {
                    return Optional.of(constant);
                }
            }
        }
        problem(path, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", found " + describe(node));
        return Optional.empty();
    }

    /** Each element of an array field (absent means empty), read by {@code element} with its path. */
    <T> List<T> list(JsonNode parent, String field, String path, BiFunction<JsonNode, String, Optional<T>> element) {
        JsonNode node = parent.get(field);
        List<T> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            return items;
        }
        if (!node.isArray()) {
            problem(path + "." + field, "must be an array, found " + describe(node));
            return items;
        }
        for (int i = 0; i < node.size(); i++) {
            element.apply(node.get(i), path + "." + field + "[" + i + "]").ifPresent(items::add);
        }
        return items;
    }

    <E extends Enum<E>> Set<E> enumSet(JsonNode parent, String field, String path, Class<E> type) {
        return new LinkedHashSet<>(list(parent, field, path, (node, at) -> enumOf(node, at, type)));
    }

    Set<String> textSet(JsonNode parent, String field, String path) {
        return new LinkedHashSet<>(list(parent, field, path, (node, at) -> {
            if (!node.isTextual() || node.asText().isBlank()) {
                problem(at, "must be a non-empty string, found " + describe(node));
                return Optional.empty();
            }
            return Optional.of(node.asText());
        }));
    }

    /** An object of name → number, keys parsed by {@code key} (empty result = bad key, reported there). */
    <K> Map<K, Double> weights(JsonNode parent, String field, String path, Function<String, Optional<K>> key) {
        JsonNode node = parent.get(field);
        Map<K, Double> weights = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return weights;
        }
        if (!node.isObject()) {
            problem(path + "." + field, "must be an object of weights, found " + describe(node));
            return weights;
        }
        node.fields().forEachRemaining(entry -> {
            String at = path + "." + field + "." + pathKey(entry.getKey());
            double weight = number(entry.getValue(), at);
            key.apply(entry.getKey()).ifPresent(k -> weights.put(k, weight));
        });
        return weights;
    }

    /** Parses a map key as an enum constant, reporting a bad one at {@code path}. */
    <E extends Enum<E>> Function<String, Optional<E>> enumKey(String path, Class<E> type) {
        return name -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    return Optional.of(constant);
                }
            }
            problem(path + "." + pathKey(name), "is not one of " + Arrays.toString(type.getEnumConstants()));
            return Optional.empty();
        };
    }
}
