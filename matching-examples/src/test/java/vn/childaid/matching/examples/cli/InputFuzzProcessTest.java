package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.examples.cli.CliRun.Result;
import vn.childaid.matching.json.ScenarioJson;

/**
 * The command line under broken scenario files, as users meet it: each case breaks a valid scenario
 * one way that always makes it invalid, then runs {@code validate} and {@code solve --out X} in new
 * JVMs of 256 MB. Both must exit 2 with a readable message and no stack trace, within the time
 * limit of {@link CliRun}, and X must never appear. The wider search, over many more mutations
 * and seeds, runs in-process in matching-core ({@code JsonFuzzProperties}); this one shows that
 * what holds there holds for the real command line too.
 */
class InputFuzzProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A small heap shows that no input makes the reader take memory out of proportion to the file. */
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final Pattern INTERNALS = Pattern.compile("\tat |Exception|java\\.|com\\.fasterxml|`|StreamRead|"
            + "JsonReadFeature|NullPointer|Cannot invoke");
    /** Where the cases' places are drawn from: the same cases every run, so a failure replays. */
    private static final long SEED = 20_251_109L;

    /** Each way of breaking a scenario that no reading may accept. */
    enum Breakage {
        WRONG_TYPE, MISSING_REQUIRED_FIELD, NOT_AN_OBJECT, FRACTION, HUGE_NUMBER, HUGE_EXPONENT, LONG_ID, LONG_NAME,
        DEEP_NESTING, NAN, TRAILING_GARBAGE, SECOND_DOCUMENT, INVALID_UTF8, LATIN1, UTF16, TRUNCATED, ZERO_BYTE, EMPTY
    }

    record Case(Breakage breakage, long seed) {
        @Override
        public String toString() {
            return breakage + " (seed " + seed + ")";
        }
    }

    static Stream<Case> cases() {
        SplittableRandom seeds = new SplittableRandom(SEED);
        return Arrays.stream(Breakage.values()).map(breakage -> new Case(breakage, seeds.nextLong()));
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBrokenScenarioIsRefusedWithExitTwoAReadableMessageAndNoFile(Case c) throws Exception {
        Path scenario = Files.write(dir.resolve("scenario.json"), broken(c));
        Path plan = dir.resolve("plan.json");
        // The two commands run side by side: each JVM spends most of its time starting.
        CompletableFuture<Result> validated = CompletableFuture.supplyAsync(
                () -> CliRun.inNewJvm(JVM, "validate", scenario.toString()));
        Result solved = CliRun.inNewJvm(JVM, "solve", scenario.toString(), "--time", "5s", "--out", plan.toString());
        for (Result result : List.of(validated.get(), solved)) {
            assertEquals(2, result.exitCode(), () -> c + ":\n" + result.out() + result.err());
            String said = result.out() + result.err();
            assertFalse(INTERNALS.matcher(said).find(), () -> c + " shows internals:\n" + said);
            assertTrue(said.length() < 20_000, () -> c + " says too much: " + said.length() + " characters");
            assertTrue(said.contains("path=") || said.contains("invalid: "), () -> c + " names no place:\n" + said);
        }
        assertFalse(Files.exists(plan), c + " left a plan");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(scenario), files.toList(), "nothing else is written beside the scenario");
        }
    }

    private static byte[] broken(Case c) throws IOException {
        SplittableRandom random = new SplittableRandom(c.seed());
        ObjectNode root = (ObjectNode) JSON.readTree(ScenarioJson.toJson(
                DakLakGenerator.generate(ScenarioSize.TINY, random.nextInt(1_000))));
        ObjectNode need = (ObjectNode) pick(root.withArray("needs"), random);
        ObjectNode offer = (ObjectNode) pick(root.withArray("offers"), random);
        String requiredCount = random.nextBoolean() ? "children" : "quantity";
        switch (c.breakage()) {
            case WRONG_TYPE -> need.put(requiredCount, "twelve");
            case MISSING_REQUIRED_FIELD -> need.remove(random.nextBoolean() ? "id" : "unitCost");
            case NOT_AN_OBJECT -> root.withArray("offers").set(random.nextInt(root.withArray("offers").size()), "O-0001");
            case FRACTION -> need.put(requiredCount, new BigDecimal("2.5"));
            case HUGE_NUMBER -> need.put(requiredCount, new java.math.BigInteger("9".repeat(1 + random.nextInt(900))));
            case HUGE_EXPONENT -> offer.put("minGrant", new BigDecimal("1e999999999"));
            case LONG_ID -> need.put("id", "N".repeat(101 + random.nextInt(5_000_000)));
            case LONG_NAME -> root.put("name", "Đắk Lắk ".repeat(130 + random.nextInt(1_000_000)));
            default -> { } // broken as bytes below
        }
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        int at = random.nextInt(bytes.length);
        int depth = 201 + random.nextInt(200_000);
        return switch (c.breakage()) {
            case DEEP_NESTING -> new String(bytes, StandardCharsets.UTF_8).replaceFirst("\\{", "{\"extensions\": {\"x\": "
                    + "[".repeat(depth) + "]".repeat(depth) + "},").getBytes(StandardCharsets.UTF_8);
            case NAN -> new String(bytes, StandardCharsets.UTF_8).replaceFirst("\"amount\" : \\d+",
                    "\"amount\" : " + (random.nextBoolean() ? "NaN" : "-Infinity")).getBytes(StandardCharsets.UTF_8);
            case TRAILING_GARBAGE -> concat(bytes, "\n,\"more\": 1}".getBytes(StandardCharsets.UTF_8));
            case SECOND_DOCUMENT -> concat(bytes, bytes);
            case INVALID_UTF8 -> concat(concat(Arrays.copyOf(bytes, at), new byte[] {(byte) 0xC0, (byte) 0xAF}),
                    Arrays.copyOfRange(bytes, at, bytes.length));
            case LATIN1 -> new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
            case UTF16 -> new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
            case TRUNCATED -> Arrays.copyOf(bytes, at);
            case ZERO_BYTE -> concat(concat(Arrays.copyOf(bytes, at), new byte[] {0}), Arrays.copyOfRange(bytes, at, bytes.length));
            case EMPTY -> new byte[0];
            default -> bytes;
        };
    }

    private static com.fasterxml.jackson.databind.JsonNode pick(ArrayNode array, SplittableRandom random) {
        return array.get(random.nextInt(array.size()));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
