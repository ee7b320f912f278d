package vn.childaid.matching.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.RandomScenarios;
import vn.childaid.matching.Seeds;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Problem;
import vn.childaid.matching.scenario.Scenario;

/**
 * Hostile input, in this JVM: valid scenarios and plans mutated at random (fields dropped, wrong
 * types, huge numbers, deep nesting, long strings, trailing bytes, bad encodings, a byte-order
 * mark, truncation), then read from a file. Reading either gives a value that writes back and reads
 * back equal, or throws {@link InvalidScenarioException} whose every problem reads as words: never
 * another exception, never a Java class name or null-pointer text, always within a few seconds.
 */
@ExtendWith(Seeds.NameTheSeed.class)
class JsonFuzzProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final String DEEP_MARKER = "deep-nesting-goes-here";
    /** What a message must never hold: parser settings, Java types, null-pointer text, stack frames. */
    private static final Pattern UNREADABLE = Pattern.compile("Exception|java\\.|com\\.fasterxml|jackson|`\\w+\\.\\w|"
            + "StreamRead|JsonReadFeature|Cannot invoke|because \"|\\bat [a-z]+\\.|^null$|: null$|\\$[A-Z]\\w*@",
            Pattern.CASE_INSENSITIVE);

    @TempDir
    Path dir;

    /** One case: a seed, from which the document, the mutations and their places are all drawn. */
    record Case(long seed, List<Mutation> mutations) {
        static Case of(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            List<Mutation> mutations = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                mutations.add(Mutation.values()[random.nextInt(Mutation.values().length)]);
            }
            return new Case(seed, List.copyOf(mutations));
        }

        @Override
        public String toString() {
            return "seed=" + seed + ", " + mutations;
        }
    }

    /** The ways a document is broken; tree mutations first, then byte mutations of the written text. */
    enum Mutation {
        DROP_FIELD, WRONG_TYPE, HUGE_NUMBER, INTEGRAL_DECIMAL, FRACTION, LONG_STRING, DEEP_NESTING, UNKNOWN_FIELD,
        NON_OBJECT_ELEMENT, DUPLICATE_ELEMENT, TRAILING_BYTES, SECOND_DOCUMENT, INVALID_UTF8, LATIN1, UTF16,
        BYTE_ORDER_MARK, TRUNCATED, FLIPPED_BYTE, ZERO_BYTE, EMPTY
    }

    static Stream<Case> scenarioReadingNeverFailsUnreadably() {
        return Seeds.fixedThenFresh(200).mapToObj(Case::of);
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void scenarioReadingNeverFailsUnreadably(Case c) throws IOException {
        SplittableRandom random = new SplittableRandom(c.seed());
        Scenario valid = RandomScenarios.generate(c.seed(), 1 + random.nextInt(6), 1 + random.nextInt(4), 20);
        ObjectNode tree = (ObjectNode) JSON.readTree(ScenarioJson.toJson(valid));
        Path file = dir.resolve("scenario.json");
        Files.write(file, mutate(tree, c.mutations(), random));
        Scenario read = readOrProblems(() -> ScenarioJson.read(file));
        if (read != null) {
            assertEquals(read, ScenarioJson.parse(ScenarioJson.toJson(read), "again.json"),
                    "whatever is read writes back and reads back equal");
        }
    }

    static Stream<Case> planReadingNeverFailsUnreadably() {
        return Seeds.fixedThenFresh(100).mapToObj(Case::of);
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void planReadingNeverFailsUnreadably(Case c) throws IOException {
        SplittableRandom random = new SplittableRandom(c.seed());
        Plan valid = GreedyAllocator.plan(RandomScenarios.generate(c.seed(), 1 + random.nextInt(6), 1 + random.nextInt(4), 20));
        ObjectNode tree = (ObjectNode) JSON.readTree(PlanJson.toJson(valid));
        Path file = dir.resolve("plan.json");
        Files.write(file, mutate(tree, c.mutations(), random));
        Plan read = readOrProblems(() -> PlanJson.read(file));
        if (read != null) {
            assertEquals(read, PlanJson.parse(PlanJson.toJson(read), "again.json"));
        }
    }

    /** The value read, or null when refused with readable problems; anything else fails the case. */
    private static <T> T readOrProblems(java.util.function.Supplier<T> reading) {
        return assertTimeoutPreemptively(BOUND, () -> {
            try {
                return reading.get();
            } catch (InvalidScenarioException invalid) {
                assertFalse(invalid.problems().isEmpty(), "refused without a problem");
                for (Problem problem : invalid.problems()) {
                    String line = problem.toString();
                    assertFalse(UNREADABLE.matcher(problem.path()).find() || UNREADABLE.matcher(problem.message()).find(),
                            () -> "not in a user's words: " + line);
                    assertTrue(line.length() < 1_500, () -> "too long a problem: " + line.substring(0, 300) + "…");
                }
                return null;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                fail("reading threw " + e + " instead of reporting problems", e);
                return null;
            }
        });
    }

    /** The tree with every mutation applied, as the bytes of a file. */
    static byte[] mutate(ObjectNode tree, List<Mutation> mutations, SplittableRandom random) {
        for (Mutation mutation : mutations) {
            mutateTree(tree, mutation, random);
        }
        byte[] bytes;
        try {
            bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Written as text: a tree that deep is more than the JSON writer itself takes.
        bytes = new String(bytes, StandardCharsets.UTF_8).replace("\"" + DEEP_MARKER + "\"", nested(random))
                .getBytes(StandardCharsets.UTF_8);
        for (Mutation mutation : mutations) {
            bytes = mutateBytes(bytes, mutation, random);
        }
        return bytes;
    }

    private static void mutateTree(ObjectNode root, Mutation mutation, SplittableRandom random) {
        switch (mutation) {
            case DROP_FIELD -> withRandomField(root, random, (object, name) -> object.remove(name));
            case WRONG_TYPE -> withRandomField(root, random, (object, name) -> object.set(name, strange(random)));
            case HUGE_NUMBER -> withRandomField(root, random, (object, name) -> object.set(name, switch (random.nextInt(5)) {
                case 0 -> JsonNodeFactory.instance.numberNode(new BigDecimal("1e999999999"));
                case 1 -> JsonNodeFactory.instance.numberNode(new BigInteger("9".repeat(400)));
                case 2 -> JsonNodeFactory.instance.numberNode(new BigDecimal("-1e-999999999"));
                case 3 -> JsonNodeFactory.instance.numberNode(Long.MIN_VALUE);
                default -> JsonNodeFactory.instance.numberNode(new BigDecimal("1e308").multiply(BigDecimal.TEN));
            }));
            case INTEGRAL_DECIMAL -> withRandomField(root, random, (object, name) -> {
                if (object.get(name).isIntegralNumber()) {
                    object.put(name, new BigDecimal(object.get(name).bigIntegerValue()).setScale(1 + random.nextInt(3)));
                }
            });
            case FRACTION -> withRandomField(root, random, (object, name) -> object.put(name, new BigDecimal("2.5")));
            case LONG_STRING -> withRandomField(root, random, (object, name) ->
                    object.put(name, "é".repeat(random.nextInt(2) == 0 ? 101 + random.nextInt(1000) : 200_000)));
            case DEEP_NESTING -> withRandomField(root, random, (object, name) -> object.put(name, DEEP_MARKER));
            case UNKNOWN_FIELD -> randomObject(root, random).put("surprise" + random.nextInt(100), random.nextInt());
            case NON_OBJECT_ELEMENT -> randomArray(root, random).ifPresent(array -> {
                if (!array.isEmpty()) {
                    array.set(random.nextInt(array.size()), strange(random));
                }
            });
            case DUPLICATE_ELEMENT -> randomArray(root, random).ifPresent(array -> {
                if (!array.isEmpty()) {
                    array.add(array.get(random.nextInt(array.size())).deepCopy());
                }
            });
            default -> { } // a byte mutation
        }
    }

    private static byte[] mutateBytes(byte[] bytes, Mutation mutation, SplittableRandom random) {
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        return switch (mutation) {
            case TRAILING_BYTES -> concat(bytes, switch (random.nextInt(4)) {
                case 0 -> "garbage".getBytes(StandardCharsets.UTF_8);
                case 1 -> "}".getBytes(StandardCharsets.UTF_8);
                case 2 -> new byte[] {(byte) 0xFF, 0, 1};
                default -> "\n  \t\r\n".getBytes(StandardCharsets.UTF_8); // white space: still one document
            });
            case SECOND_DOCUMENT -> concat(bytes, bytes);
            case INVALID_UTF8 -> insert(bytes, at, switch (random.nextInt(4)) {
                case 0 -> new byte[] {(byte) 0xFF};
                case 1 -> new byte[] {(byte) 0xC3}; // a lead byte without its continuation
                case 2 -> new byte[] {(byte) 0xC0, (byte) 0xAF}; // an overlong '/'
                default -> new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}; // a lone surrogate
            });
            case LATIN1 -> new String(bytes, StandardCharsets.UTF_8).replaceFirst("\\{", "{ \"note\": \"Krông Bông\",")
                    .getBytes(StandardCharsets.ISO_8859_1);
            case UTF16 -> new String(bytes, StandardCharsets.UTF_8).getBytes(random.nextBoolean()
                    ? StandardCharsets.UTF_16 : StandardCharsets.UTF_16LE);
            case BYTE_ORDER_MARK -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
            case TRUNCATED -> Arrays.copyOf(bytes, at);
            case FLIPPED_BYTE -> {
                byte[] copy = bytes.clone();
                if (copy.length > 0) {
                    copy[at] = (byte) random.nextInt(256);
                }
                yield copy;
            }
            case ZERO_BYTE -> insert(bytes, random.nextInt(3) == 0 ? 0 : at, new byte[] {0});
            case EMPTY -> random.nextBoolean() ? new byte[0] : "   \n".getBytes(StandardCharsets.UTF_8);
            default -> bytes; // a tree mutation
        };
    }

    private static JsonNode strange(SplittableRandom random) {
        return switch (random.nextInt(7)) {
            case 0 -> JsonNodeFactory.instance.textNode("not what was expected");
            case 1 -> JsonNodeFactory.instance.numberNode(-7);
            case 2 -> JsonNodeFactory.instance.booleanNode(true);
            case 3 -> JsonNodeFactory.instance.nullNode();
            case 4 -> JsonNodeFactory.instance.arrayNode().add(1).add("two");
            case 5 -> JsonNodeFactory.instance.objectNode().put("x", 1);
            default -> JsonNodeFactory.instance.textNode("");
        };
    }

    /** Arrays within arrays, sometimes deeper than the reader takes, as JSON text. */
    private static String nested(SplittableRandom random) {
        int depth = random.nextInt(2) == 0 ? 1 + random.nextInt(150) : 300 + random.nextInt(100_000);
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** Every object in the tree, in document order. */
    private static List<ObjectNode> objects(JsonNode node, List<ObjectNode> into) {
        if (node.isObject()) {
            into.add((ObjectNode) node);
        }
        if (node.isContainerNode()) {
            node.forEach(child -> objects(child, into));
        }
        return into;
    }

    private static ObjectNode randomObject(ObjectNode root, SplittableRandom random) {
        List<ObjectNode> all = objects(root, new ArrayList<>());
        return all.get(random.nextInt(all.size()));
    }

    private static java.util.Optional<ArrayNode> randomArray(ObjectNode root, SplittableRandom random) {
        List<ArrayNode> arrays = new ArrayList<>();
        objects(root, new ArrayList<>()).forEach(object -> object.forEach(child -> {
            if (child.isArray()) {
                arrays.add((ArrayNode) child);
            }
        }));
        return arrays.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(arrays.get(random.nextInt(arrays.size())));
    }

    private static void withRandomField(ObjectNode root, SplittableRandom random,
            java.util.function.BiConsumer<ObjectNode, String> change) {
        List<ObjectNode> withFields = objects(root, new ArrayList<>()).stream().filter(o -> !o.isEmpty()).toList();
        ObjectNode object = withFields.get(random.nextInt(withFields.size()));
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        change.accept(object, names.get(random.nextInt(names.size())));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        return concat(concat(Arrays.copyOf(bytes, at), inserted), Arrays.copyOfRange(bytes, at, bytes.length));
    }
}
