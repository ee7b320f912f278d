package vn.childaid.matching.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Problem;
import vn.childaid.matching.scenario.Scenario;

/**
 * Reading hostile or careless input: every problem at once without follow-on noise, one document
 * per file, UTF-8 only (a byte-order mark allowed), a nesting and a size limit, integral decimals
 * accepted, ids and names limited in length, and every refusal in words a user can act on.
 */
class ScenarioJsonInputTest {
    @TempDir
    Path dir;

    private static String example() {
        return ScenarioJsonTest.example();
    }

    private static String mutated(Consumer<ObjectNode> change) {
        return ScenarioJsonTest.mutated(change);
    }

    private static ObjectNode at(ObjectNode root, String array, int index) {
        return ScenarioJsonTest.at(root, array, index);
    }

    private static List<Problem> problemsOf(String json) {
        return assertThrows(InvalidScenarioException.class, () -> ScenarioJson.parse(json, "s.json")).problems();
    }

    private static List<String> pathsOf(String json) {
        return problemsOf(json).stream().map(Problem::path).toList();
    }

    private static Problem onlyProblemOf(Path file) {
        List<Problem> problems = assertThrows(InvalidScenarioException.class, () -> ScenarioJson.read(file)).problems();
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }

    private Path file(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("scenario.json"), bytes);
    }

    // ---- Every problem at once (defect 4) ----

    @Test
    void anUnknownFieldAndATypeErrorHideNoProblemOfTheRules() {
        String json = mutated(r -> {
            r.put("colour", "red");
            at(r, "needs", 0).put("children", "many");
            at(r, "needs", 0).put("village", "nowhere");
            at(r, "needs", 1).put("quantity", -3);
            at(r, "needs", 2).put("id", "N-0001");
            at(r, "offers", 0).put("amount", 1_000_000);
        });
        List<Problem> problems = problemsOf(json);
        assertEquals(List.of("$.colour", "$.needs[0].children", "$.needs[0].village", "$.needs[1].quantity",
                "$.needs[2].id", "$.commitments[0]"), problems.stream().map(Problem::path).toList(), problems::toString);
        assertTrue(problems.get(2).message().contains("unknown village"));
        assertTrue(problems.get(3).message().contains("must be ≥ 1"));
        assertTrue(problems.get(4).message().contains("duplicate need id"));
        assertTrue(problems.get(5).message().contains("more than its 1000000"), problems.get(5)::toString);
    }

    @Test
    void aValueThatCouldNotBeReadCausesNoProblemOfItsOwnFallback() {
        // A quantity of "ten" stands in as 0: neither "must be ≥ 1" nor the commitment's 10 units
        // beyond 0 open units may be reported, only the type.
        assertEquals(List.of("$.needs[0].quantity"), pathsOf(mutated(r -> at(r, "needs", 0).put("quantity", "ten"))));
        // An amount of "lots" stands in as 0: the commitment it pays is not over capacity on that account.
        assertEquals(List.of("$.offers[0].amount"), pathsOf(mutated(r -> at(r, "offers", 0).put("amount", "lots"))));
        // A village given as a number is a type problem, not a need without a place.
        assertEquals(List.of("$.needs[0].village"), pathsOf(mutated(r -> at(r, "needs", 0).put("village", 7))));
        // A commitment's unreadable units do not stop the other commitments' totals being checked.
        assertEquals(List.of("$.commitments[0].units", "$.commitments[1]"), pathsOf(mutated(r -> {
            at(r, "commitments", 0).put("units", "some");
            ((ArrayNode) r.get("commitments")).addObject().put("offer", "O-02").put("need", "N-0002").put("units", 31);
        })));
    }

    @Test
    void aReferenceToAnIdThatCouldNotBeReadIsNotCalledUnknown() {
        assertEquals(List.of("$.needs[0].id"), pathsOf(mutated(r -> at(r, "needs", 0).put("id", 1))));
        assertEquals(List.of("$.villages[0]"), pathsOf(mutated(r -> ((ArrayNode) r.get("villages")).set(0, "Buôn Khanh"))));
        assertEquals(List.of("$.offers"), pathsOf(mutated(r -> r.put("offers", "O-01, O-02"))));
        // A reference into a list whose ids were all read is still checked.
        assertEquals(List.of("$.needs[0].id", "$.offers[1].donor"), pathsOf(mutated(r -> {
            at(r, "needs", 0).put("id", 1);
            at(r, "offers", 1).put("donor", "D-99");
        })));
    }

    @Test
    void anElementThatIsNotAnObjectKeepsTheOthersPathsRight() {
        String json = mutated(r -> {
            ArrayNode needs = (ArrayNode) r.get("needs");
            needs.insert(0, 42);
            at(r, "needs", 2).put("quantity", 0);
        });
        List<Problem> problems = problemsOf(json);
        assertEquals(List.of("$.needs[0]", "$.needs[2].quantity"), problems.stream().map(Problem::path).toList(),
                problems::toString);
        assertTrue(problems.get(0).message().contains("must be an object, found the number 42"));
    }

    @Test
    void anUnreadableTierWeightKeepsTheCountOfWeights() {
        String json = mutated(r -> {
            ObjectNode policy = (ObjectNode) r.get("policy");
            ArrayNode weights = policy.put("priorityMode", "WEIGHTED").putArray("tierWeights");
            weights.add(1000).add("high").add(100).add(10).add(1);
        });
        assertEquals(List.of("$.policy.tierWeights[1]"), pathsOf(json));
    }

    @Test
    void nullForARequiredFieldIsReportedAsMissing() {
        List<Problem> problems = problemsOf(mutated(r -> at(r, "offers", 1).putNull("donor")));
        assertEquals("$.offers[1].donor", problems.get(0).path());
        assertEquals("is required", problems.get(0).message());
        assertEquals(1, problems.size(), problems::toString);
    }

    @Test
    void builderProblemsListWhatBuildWouldThrowWithoutThrowing() {
        Scenario.Builder broken = ScenarioJson.parse(example(), "s.json").toBuilder()
                .need(vn.childaid.matching.scenario.Need.builder("N-0001").village("24457-07")
                        .category(vn.childaid.matching.classification.Category.NUTRITION).children(1).quantity(1).build());
        List<Problem> problems = broken.problems();
        assertEquals(List.of("$.needs[3].id"), problems.stream().map(Problem::path).toList());
        assertEquals(problems, assertThrows(InvalidScenarioException.class, broken::build).problems());
        assertEquals(List.of(), ScenarioJson.parse(example(), "s.json").toBuilder().problems());
    }

    // ---- One document, nothing after it (defect 5) ----

    @Test
    void twoScenariosJoinedAreRefusedWhereTheSecondStarts() throws IOException {
        String once = example().strip();
        Problem problem = onlyProblemOf(file((once + "\n" + once).getBytes(StandardCharsets.UTF_8)));
        int lines = (int) once.lines().count();
        assertEquals(dir.resolve("scenario.json") + ":" + (lines + 1) + ":1", problem.path());
        assertTrue(problem.message().contains("more after the end of its JSON document"), problem::toString);
    }

    @Test
    void garbageAfterTheDocumentIsRefusedButWhiteSpaceIsNot() throws IOException {
        Problem problem = onlyProblemOf(file((example().strip() + " xyz").getBytes(StandardCharsets.UTF_8)));
        assertTrue(problem.message().contains("more after the end"), problem::toString);
        assertTrue(problem.path().matches(".*scenario\\.json:\\d+:\\d+"), problem::toString);
        assertTrue(onlyProblemOf(file((example().strip() + "}").getBytes(StandardCharsets.UTF_8))).message()
                .contains("more after the end"));
        ScenarioJson.read(file((example() + "\n\n \t\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEmptyFileSaysSo() throws IOException {
        assertEquals("is empty: a JSON document was expected", onlyProblemOf(file(new byte[0])).message());
        assertEquals("is empty: a JSON document was expected", onlyProblemOf(file(" \n".getBytes(StandardCharsets.UTF_8))).message());
    }

    // ---- Encodings and the parser's limits in words (defect 10) ----

    @Test
    void latin1BytesAreRefusedNamingTheFileLineColumnAndByteOffset() throws IOException {
        String text = example();
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        // "Krông Bông" is on the district's line; 'ô' is one byte in Latin-1 and no valid UTF-8.
        int offset = text.indexOf("Krông") + 2; // one byte per character before it, in either encoding
        int line = 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
        int column = offset - text.lastIndexOf('\n', offset);
        Problem problem = onlyProblemOf(file(bytes));
        assertEquals(dir.resolve("scenario.json") + ":" + line + ":" + column, problem.path());
        assertTrue(problem.message().startsWith("is not UTF-8 text: the byte 0xF4 at byte offset " + offset), problem::toString);
        assertTrue(problem.message().contains("save it as UTF-8"));
    }

    @Test
    void columnsCountCharactersNotBytes() throws IOException {
        // Two Vietnamese letters of three and two bytes before the error: column 7, though byte 10.
        Problem problem = onlyProblemOf(file("[\"ắô\" 1]".getBytes(StandardCharsets.UTF_8)));
        assertTrue(problem.path().endsWith("scenario.json:1:7"), problem::toString);
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() throws IOException {
        byte[] text = example().getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withMark, 3, text.length);
        assertEquals(ScenarioJson.parse(example(), "s.json"), ScenarioJson.read(file(withMark)));
        assertEquals(ScenarioJson.parse(example(), "s.json"), ScenarioJson.parse("\uFEFF" + example(), "s.json"));
    }

    @Test
    void utf16IsRefusedAsUtf16() throws IOException {
        Problem problem = onlyProblemOf(file(example().getBytes(StandardCharsets.UTF_16)));
        assertTrue(problem.message().contains("UTF-16"), problem::toString);
    }

    @Test
    void deepNestingIsRefusedInWordsWithItsPlace() {
        String deep = "{\"formatVersion\": 1, \"name\": \"x\", \"extensions\": {\"a\": " + "[".repeat(10_000)
                + "]".repeat(10_000) + "}}";
        Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> problemsOf(deep).get(0));
        assertEquals("is not valid JSON: objects and arrays are nested more than " + JsonInput.MAX_NESTING
                + " levels deep", problem.message());
        assertTrue(problem.path().startsWith("s.json:1:"), problem::toString);
        // Room for other systems' extensions: well below the limit reads.
        ScenarioJson.parse("{\"formatVersion\": 1, \"name\": \"x\", \"extensions\": {\"a\": " + "[".repeat(150)
                + "]".repeat(150) + "}}", "s.json");
    }

    @Test
    void nanAndInfinityAreRefusedInWords() {
        for (String notANumber : List.of("NaN", "Infinity", "-Infinity")) {
            Problem problem = problemsOf(example().replace("\"amount\": 900000000", "\"amount\": " + notANumber)).get(0);
            assertEquals("is not valid JSON: '" + notANumber + "' is not a JSON number (JSON has no NaN or Infinity);"
                    + " write a finite number", problem.message());
            assertTrue(problem.path().matches("s\\.json:\\d+:\\d+"), problem::toString);
        }
    }

    @Test
    void theParsersMessagesNeverNameItsSettings() {
        for (String broken : List.of("{\"a\": 1", "{\"a\" 1}", "[1,]", "{\"a\": 01}", "{\"a\": tru}", "{'a': 1}",
                "{\"a\": 1, \"a\": 2}", "{\"a\": \"" + "x".repeat(30) + "\u0001\"}")) {
            for (Problem problem : problemsOf(broken)) {
                assertFalse(problem.message().matches("(?s).*(`|Feature|Constraints|Source:|REDACTED|jackson).*"),
                        problem::toString);
            }
        }
    }

    // ---- Numbers, lengths and size (defect 11) ----

    @Test
    void aWholeNumberWrittenWithAZeroFractionIsAccepted() {
        Scenario read = ScenarioJson.parse(mutated(r -> {
            r.put("formatVersion", new BigDecimal("1.0"));
            r.put("year", new BigDecimal("2020.00"));
            at(r, "needs", 0).put("children", new BigDecimal("42.0")).put("unitCost", new BigDecimal("1.8e6"));
            at(r, "commitments", 0).put("units", new BigDecimal("10.000"));
            ((ObjectNode) r.get("policy")).put("maxFundersPerNeed", new BigDecimal("3.0"));
        }), "s.json");
        assertEquals(ScenarioJson.parse(example(), "s.json").toBuilder()
                .policy(read.policy()).build(), read, "the same scenario as with plain integers, the policy aside");
        assertEquals(42, read.need("N-0001").children());
        assertEquals(1_800_000, read.need("N-0001").unitCost());
        assertEquals(3, read.policy().maxFundersPerNeed());
    }

    @Test
    void aNumberWithAFractionIsRefusedNamingTheField() {
        List<Problem> problems = problemsOf(mutated(r -> at(r, "needs", 1).put("quantity", new BigDecimal("2.5"))));
        assertEquals("$.needs[1].quantity", problems.get(0).path());
        assertEquals("must be a whole number, found the number 2.5", problems.get(0).message());
        assertEquals(1, problems.size(), problems::toString);
    }

    @Test
    void aHugeExponentIsRefusedAtOnce() {
        List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> problemsOf(
                example().replace("\"amount\": 900000000", "\"amount\": 1e999999999")));
        assertEquals("$.offers[0].amount", problems.get(0).path());
        assertTrue(problems.get(0).message().startsWith("is too large for a 64-bit integer"), problems::toString);
    }

    @Test
    void idsHaveAtMost100CharactersAndNames1000CountedAsCodePoints() {
        String id100 = "N".repeat(99) + "😀"; // 100 characters, 101 UTF-16 units
        ScenarioJson.parse(mutated(r -> {
            at(r, "needs", 1).put("id", id100);
            at(r, "donors", 0).put("name", "đ".repeat(1000));
        }), "s.json");

        List<Problem> problems = problemsOf(mutated(r -> {
            at(r, "needs", 1).put("id", "N".repeat(101));
            at(r, "donors", 0).put("name", "đ".repeat(1001));
            at(r, "villages", 0).put("name", "x".repeat(10_000_000));
        }));
        assertEquals(List.of("$.villages[0].name", "$.needs[1].id", "$.donors[0].name"),
                problems.stream().map(Problem::path).toList(), problems::toString);
        assertEquals("is 101 characters long; an id or code has at most 100", problems.get(1).message());
        assertEquals("is 1,001 characters long; a name has at most 1,000", problems.get(2).message());
        assertEquals("is 10,000,000 characters long; a name has at most 1,000", problems.get(0).message());
    }

    @Test
    void aLongIdIsNeverRepeatedWholeInAProblem() {
        String huge = "N".repeat(1_000_000);
        List<Problem> problems = problemsOf(mutated(r -> at(r, "commitments", 0).put("need", huge)));
        assertEquals(List.of("$.commitments[0].need", "$.commitments[0].need"),
                problems.stream().map(Problem::path).toList(), problems::toString);
        problems.forEach(problem -> assertTrue(problem.toString().length() < 200, problem::toString));
        assertTrue(problems.get(1).message().contains("(1,000,000 characters)"), problems::toString);
    }

    @Test
    void aFileAboveTheLimitIsRefusedBeforeReadingSayingSizeLimitAndHowToRaiseIt() throws IOException {
        Path file = file(example().getBytes(StandardCharsets.UTF_8));
        long size = Files.size(file);
        Problem problem = assertThrows(InvalidScenarioException.class, () -> ScenarioJson.read(file, 1024))
                .problems().get(0);
        assertEquals(file.toString(), problem.path());
        assertTrue(problem.message().startsWith(String.format(java.util.Locale.ROOT, "is too large to read: it is %.1f KiB (%,d bytes), more than "
                + "the limit of 1 KiB (1,024 bytes); to read it, raise the limit: java -Dmatching.maxInputBytes=1m",
                size / 1024.0, size)), problem::toString);
        assertEquals(ScenarioJson.parse(example(), "s.json"), ScenarioJson.read(file, size), "a file of exactly the limit reads");
    }

    @Test
    void theSystemPropertySetsTheLimitOfRead() throws IOException {
        Path file = file(example().getBytes(StandardCharsets.UTF_8));
        String before = System.getProperty(ScenarioJson.MAX_INPUT_BYTES_PROPERTY);
        try {
            System.setProperty(ScenarioJson.MAX_INPUT_BYTES_PROPERTY, "1k");
            assertTrue(onlyProblemOf(file).message().contains("more than the limit of 1 KiB"));
            System.setProperty(ScenarioJson.MAX_INPUT_BYTES_PROPERTY, "1m");
            ScenarioJson.read(file);
            System.setProperty(ScenarioJson.MAX_INPUT_BYTES_PROPERTY, "lots");
            assertTrue(onlyProblemOf(file).message().contains("-Dmatching.maxInputBytes='lots' is not a size"));
        } finally {
            if (before == null) {
                System.clearProperty(ScenarioJson.MAX_INPUT_BYTES_PROPERTY);
            } else {
                System.setProperty(ScenarioJson.MAX_INPUT_BYTES_PROPERTY, before);
            }
        }
    }

    @Test
    void theDefaultLimitIsGenerous() {
        assertEquals(256L * 1024 * 1024, ScenarioJson.DEFAULT_MAX_INPUT_BYTES, "ten national scenarios of about 20 MB");
    }

    @Test
    void aFileThatIsMissingOrADirectoryIsNamedInWords() throws IOException {
        assertEquals("cannot be read: there is no such file", onlyProblemOf(dir.resolve("none.json")).message());
        assertEquals("cannot be read: it is a directory", onlyProblemOf(dir).message());
    }

    @Test
    void aThousandProblemsAreAllKeptButTheMessageListsAHundred() {
        String json = mutated(r -> {
            ArrayNode needs = (ArrayNode) r.get("needs");
            for (int i = 0; i < 1000; i++) {
                needs.add(((ObjectNode) needs.get(1)).deepCopy().put("id", "X-" + i).put("quantity", 0));
            }
        });
        InvalidScenarioException error = assertThrows(InvalidScenarioException.class, () -> ScenarioJson.parse(json, "s.json"));
        assertEquals(1000, error.problems().size());
        assertEquals(2 + InvalidScenarioException.MOST_PROBLEMS_IN_MESSAGE, error.getMessage().lines().count());
        assertTrue(error.getMessage().endsWith("… and 900 more"), error::getMessage);
    }
}
