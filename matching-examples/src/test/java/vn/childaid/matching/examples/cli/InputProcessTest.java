package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.examples.cli.CliRun.Result;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.baseline.GreedyAllocator;

/**
 * Hostile and careless input files as users meet them: the real main class in a new JVM, its exit
 * code and what it prints. Each test is one defect of the input kind: every problem at once, one
 * document per file, readable messages for encodings, nesting, NaN and broken plans, at most a
 * hundred problems printed, integral decimals, length and size limits.
 */
class InputProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Text that means a user was shown a Java or parser internal instead of words. */
    private static final Pattern INTERNALS = Pattern.compile("\tat |Exception|java\\.|com\\.fasterxml|`|StreamRead|"
            + "JsonReadFeature|NullPointer|Cannot invoke");

    @TempDir
    Path dir;

    private static ObjectNode tinyScenario() throws IOException {
        return (ObjectNode) JSON.readTree(ScenarioJson.toJson(DakLakGenerator.generate(ScenarioSize.TINY, 3)));
    }

    private static ObjectNode element(ObjectNode root, String list, int index) {
        return (ObjectNode) root.get(list).get(index);
    }

    private Path write(String name, ObjectNode root) throws IOException {
        return write(name, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path scenario(String name, Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = tinyScenario();
        change.accept(root);
        return write(name, root);
    }

    private static void assertReadable(Result result) {
        assertFalse(INTERNALS.matcher(result.out()).find(), result.out());
        assertFalse(INTERNALS.matcher(result.err()).find(), result.err());
    }

    // ---- Defect 4: an unknown field or a type error hid every other problem ----

    @Test
    void everyProblemOfAScenarioIsReportedAtOnceWithItsPath() throws IOException {
        Path broken = scenario("broken.json", root -> {
            root.put("colour", "red");
            element(root, "needs", 0).put("village", "99999-99").remove("commune");
            element(root, "needs", 1).put("quantity", -3);
            element(root, "needs", 3).put("id", element(root, "needs", 2).get("id").asText());
            element(root, "needs", 4).put("children", "many");
            root.putArray("commitments").addObject().put("offer", "O-0001").put("need", "N-00006").put("units", 1_000_000);
        });
        // The commitment is both beyond the need's open units and beyond the offer's money: two problems.
        List<String> expected = List.of("$.colour", "$.needs[0].village", "$.needs[1].quantity", "$.needs[3].id",
                "$.needs[4].children", "$.commitments[0]", "$.commitments[0]");

        Result validated = CliRun.inNewJvm("validate", broken.toString());
        assertEquals(2, validated.exitCode(), validated.err());
        List<String> paths = validated.outLines().stream().map(line -> line.replaceFirst("^SCENARIO path=(\\S+): .*", "$1"))
                .toList();
        assertEquals(expected, paths, validated.out());
        assertTrue(validated.out().contains("$.needs[0].village: unknown village '99999-99'"), validated.out());
        assertTrue(validated.out().contains("$.needs[1].quantity: must be ≥ 1, found -3"), validated.out());
        assertTrue(validated.out().contains("duplicate need id"), validated.out());
        assertTrue(validated.out().contains("more than its 432000000"), validated.out());

        Path plan = dir.resolve("plan.json");
        Result solved = CliRun.inNewJvm("solve", broken.toString(), "--out", plan.toString());
        assertEquals(2, solved.exitCode(), solved.err());
        for (String path : expected) {
            assertTrue(solved.err().contains("invalid: " + path + ": "), () -> path + " missing from:\n" + solved.err());
        }
        assertFalse(Files.exists(plan));
        assertReadable(solved);
    }

    // ---- Defect 5: anything after the top-level object was ignored ----

    @Test
    void twoScenariosJoinedOrGarbageAppendedAreRefusedWithTheirPlace() throws IOException {
        byte[] once = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tinyScenario());
        int lines = new String(once, StandardCharsets.UTF_8).split("\n", -1).length;
        Path joined = write("joined.json", concat(once, once));
        Result validated = CliRun.inNewJvm("validate", joined.toString());
        assertEquals(2, validated.exitCode());
        assertTrue(validated.out().contains(joined + ":" + lines + ":2: has more after the end of its JSON document"),
                validated.out());

        Path appended = write("appended.json", concat(once, "\nthe end\n".getBytes(StandardCharsets.UTF_8)));
        Path plan = dir.resolve("plan.json");
        Result solved = CliRun.inNewJvm("solve", appended.toString(), "--out", plan.toString());
        assertEquals(2, solved.exitCode());
        assertTrue(solved.err().contains(appended + ":" + (lines + 1) + ":1: has more after the end"), solved.err());
        assertFalse(Files.exists(plan), "nothing solved, nothing written");
    }

    @Test
    void aPlanWithContentAfterItIsRefusedBySummary() throws IOException {
        String plan = PlanJson.toJson(GreedyAllocator.plan(DakLakGenerator.generate(ScenarioSize.TINY, 3)));
        Path file = write("plan.json", (plan + "\n{}").getBytes(StandardCharsets.UTF_8));
        Result summary = CliRun.inNewJvm("summary", file.toString());
        assertEquals(2, summary.exitCode(), summary.err());
        assertTrue(summary.err().contains("has more after the end of its JSON document"), summary.err());
    }

    // ---- Defect 10: messages a user cannot read or act on ----

    @Test
    void aScenarioSavedInAnotherEncodingIsRefusedNamingTheFileLineAndByte() throws IOException {
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tinyScenario());
        int offset = text.indexOf('ô'); // every character before it is one byte in UTF-8 and in Latin-1
        assertTrue(offset > 0 && text.substring(0, offset).chars().allMatch(c -> c < 0x80));
        int line = 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
        int column = offset - text.lastIndexOf('\n', offset);
        Path latin1 = write("latin1.json", text.getBytes(StandardCharsets.ISO_8859_1));

        Result validated = CliRun.inNewJvm("validate", latin1.toString());
        assertEquals(2, validated.exitCode());
        assertTrue(validated.out().contains(latin1 + ":" + line + ":" + column + ": is not UTF-8 text: the byte 0xF4 at "
                + "byte offset " + String.format(java.util.Locale.ROOT, "%,d", offset)), validated.out());
        assertFalse(validated.out().contains("Input length"), validated.out());
        assertReadable(validated);
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() throws IOException {
        byte[] text = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tinyScenario());
        Path marked = write("marked.json", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text));
        Result validated = CliRun.inNewJvm("validate", marked.toString());
        assertEquals(0, validated.exitCode(), validated.out() + validated.err());
        assertTrue(validated.out().startsWith("valid: "), validated.out());
    }

    @Test
    void deepNestingAndNanAreExplainedWithoutTheParsersSettings() throws IOException {
        String text = JSON.writeValueAsString(tinyScenario());
        Path deep = write("deep.json", text.replaceFirst("\\{", "{\"extensions\": {\"x\": " + "[".repeat(5_000)
                + "]".repeat(5_000) + "},").getBytes(StandardCharsets.UTF_8));
        Result nested = CliRun.inNewJvm("validate", deep.toString());
        assertEquals(2, nested.exitCode());
        assertTrue(nested.out().contains("is not valid JSON: objects and arrays are nested more than 200 levels deep"),
                nested.out());
        assertReadable(nested);

        Path nan = write("nan.json", text.replace("\"amount\":432000000", "\"amount\":NaN").getBytes(StandardCharsets.UTF_8));
        Result notANumber = CliRun.inNewJvm("solve", nan.toString());
        assertEquals(2, notANumber.exitCode());
        assertTrue(notANumber.err().contains("'NaN' is not a JSON number (JSON has no NaN or Infinity)"), notANumber.err());
        assertReadable(notANumber);
    }

    @Test
    void aBrokenPlanGivenToSummaryIsReportedByPathNeverByJavaTypes() throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(PlanJson.toJson(GreedyAllocator.plan(
                DakLakGenerator.generate(ScenarioSize.TINY, 3))));
        plan.putNull("scenario");
        ((ArrayNode) plan.get("allocations")).insert(0, "O-0001 → N-00001");
        ((ObjectNode) plan.get("needs").get(0)).put("status", 3).remove("tier");
        plan.putArray("solver");
        Path file = write("plan.json", plan);

        Result summary = CliRun.inNewJvm("summary", file.toString());
        assertEquals(2, summary.exitCode(), summary.err());
        assertTrue(summary.err().contains("invalid plan: " + file + ": $.scenario: is required"), summary.err());
        assertTrue(summary.err().contains("$.allocations[0]: must be an object, found the string 'O-0001 → N-00001'"),
                summary.err());
        assertTrue(summary.err().contains("$.needs[0].tier: is required"), summary.err());
        assertTrue(summary.err().contains("$.needs[0].status: must be a string, found the number 3"), summary.err());
        assertTrue(summary.err().contains("$.solver: must be an object, found an array"), summary.err());
        assertReadable(summary);
    }

    @Test
    void thousandsOfProblemsPrintTheFirstHundredAndHowManyMore() throws IOException {
        Path broken = scenario("many.json", root -> root.withArray("needs").forEach(need -> ((ObjectNode) need)
                .put("children", 0).put("quantity", 0).put("unitCost", -1).put("alreadyCovered", -1)
                .put("village", "nowhere").remove("commune")));
        int problems = 30 * 5; // five problems in each of the 30 needs

        Path report = dir.resolve("problems.json");
        Result validated = CliRun.inNewJvm("validate", broken.toString(), "--json", report.toString());
        assertEquals(2, validated.exitCode());
        assertEquals(101, validated.outLines().size(), validated.out());
        assertEquals("… and 50 more problems (all of them are in " + report + ")", validated.outLines().get(100));
        assertEquals(problems, JSON.readTree(report.toFile()).get("problems").size(), "--json lists them all");

        Result solved = CliRun.inNewJvm("solve", broken.toString());
        assertEquals(2, solved.exitCode());
        List<String> lines = solved.err().lines().toList();
        assertEquals(100, lines.stream().filter(line -> line.startsWith("invalid: ")).count(), solved.err());
        assertTrue(lines.contains("… and 50 more problems (validate --json FILE lists them all)"), solved.err());
        assertTrue(lines.contains("150 problems; nothing was solved or written."), solved.err());
    }

    // ---- Defect 11: numbers and sizes ----

    @Test
    void aWholeNumberWrittenAsADecimalIsAcceptedAndAFractionIsRefusedNamingTheField() throws IOException {
        Path decimals = scenario("decimals.json", root -> {
            root.put("formatVersion", new BigDecimal("1.0"));
            element(root, "needs", 0).put("children", new BigDecimal("229.0"));
            element(root, "offers", 0).put("amount", new BigDecimal("4.32e8"));
        });
        Result accepted = CliRun.inNewJvm("validate", decimals.toString());
        assertEquals(0, accepted.exitCode(), accepted.out());

        Path fraction = scenario("fraction.json", root -> element(root, "needs", 0).put("children", new BigDecimal("2.5")));
        Result refused = CliRun.inNewJvm("validate", fraction.toString());
        assertEquals(2, refused.exitCode());
        assertEquals(List.of("SCENARIO path=$.needs[0].children: must be a whole number, found the number 2.5"),
                refused.outLines());

        ObjectNode plan = (ObjectNode) JSON.readTree(PlanJson.toJson(GreedyAllocator.plan(
                DakLakGenerator.generate(ScenarioSize.TINY, 3))));
        JsonNode line = plan.get("allocations").get(0);
        ((ObjectNode) line).put("units", new BigDecimal(line.get("units").asInt() + ".0"));
        Path planFile = write("plan.json", plan);
        Path scenarioFile = write("tiny.json", tinyScenario());
        Result audited = CliRun.inNewJvm("validate", scenarioFile.toString(), "--plan", planFile.toString());
        assertEquals(0, audited.exitCode(), audited.out() + audited.err());
    }

    @Test
    void aTenMegabyteIdIsRefusedNamingTheFieldWithoutRepeatingIt() throws IOException {
        String huge = "N".repeat(10 * 1024 * 1024);
        Path file = scenario("huge-id.json", root -> element(root, "needs", 0).put("id", huge));
        Path plan = dir.resolve("plan.json");
        Result solved = CliRun.inNewJvm(List.of("-Xmx256m"), "solve", file.toString(), "--out", plan.toString());
        assertEquals(2, solved.exitCode(), solved.err().substring(0, Math.min(2_000, solved.err().length())));
        assertTrue(solved.err().contains("invalid: $.needs[0].id: is 10,485,760 characters long; an id or code has at most 100"),
                solved.err());
        assertTrue(solved.err().length() < 2_000, "the id is not repeated: " + solved.err().length() + " characters");
        assertFalse(Files.exists(plan));
    }

    @Test
    void aFileAboveTheSizeLimitIsRefusedSayingItsSizeTheLimitAndHowToRaiseIt() throws IOException {
        Path file = write("tiny.json", tinyScenario());
        long size = Files.size(file);
        assertTrue(size > 4096, "the tiny scenario is " + size + " bytes");
        Result refused = CliRun.inNewJvm(List.of("-Dmatching.maxInputBytes=4k"), "solve", file.toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("invalid: " + file + ": is too large to read: it is "), refused.err());
        assertTrue(refused.err().contains(String.format(java.util.Locale.ROOT, "(%,d bytes), more than the limit of 4 KiB "
                + "(4,096 bytes); to read it, raise the limit: java -Dmatching.maxInputBytes=1m -jar matching.jar", size)),
                refused.err());

        Result raised = CliRun.inNewJvm(List.of("-Dmatching.maxInputBytes=1m"), "validate", file.toString());
        assertEquals(0, raised.exitCode(), raised.out() + raised.err());
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
