package vn.childaid.matching.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.childaid.matching.RandomChangeSets;
import vn.childaid.matching.RandomScenarios;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.whatif.InvalidChangeSetException;

/**
 * The published change set schema ({@code docs/schema/changeset.schema.json}, which takes the
 * objects a change adds from the scenario schema beside it) against what the code reads and writes:
 * the issue's example, the checked-in example and the change sets the library writes conform, and
 * what the reader refuses the schema refuses too.
 */
class ChangeSetSchemaTest {
    /** Where the change set schema says it lives; its references to the scenario schema resolve beside it. */
    private static final String BASE = "https://childaid.vn/matching/schema/";
    private static final Schema CHANGE_SET = load();

    private static Schema load() {
        Path directory = ContractSchemas.directory();
        try {
            Map<String, String> schemas = Map.of(
                    BASE + "scenario.schema.json", Files.readString(directory.resolve("scenario.schema.json")),
                    BASE + "changeset.schema.json", Files.readString(directory.resolve("changeset.schema.json")));
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(schemas))
                    .getSchema(com.networknt.schema.SchemaLocation.of(BASE + "changeset.schema.json"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertConforms(String json, String what) {
        List<String> errors = ContractSchemas.errors(CHANGE_SET, json);
        assertTrue(errors.isEmpty(), () -> what + " should conform to the change set schema, but:\n" + String.join("\n", errors));
    }

    private static void assertRefusedByBoth(String json, String what) {
        assertFalse(ContractSchemas.errors(CHANGE_SET, json).isEmpty(), what + ": the schema should refuse it");
        assertThrows(InvalidChangeSetException.class, () -> ChangeSetJson.read(json, what), what + ": the reader should refuse it");
    }

    @Test
    void theIssuesExampleConforms() {
        assertConforms(ChangeSetJsonTest.ISSUE_EXAMPLE, "the issue's example");
    }

    @Test
    void theContractsChangeSetExampleIsTheIssuesAndConforms() throws IOException {
        String contract = Files.readString(ContractSchemas.directory().resolveSibling("contract.md"));
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("```json\\n(.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(contract);
        int changeSets = 0;
        while (block.find()) {
            if (ContractSchemas.parse(block.group(1)).has("changes")) {
                assertConforms(block.group(1), "the change set example in contract.md");
                assertEquals(ChangeSetJson.read(ChangeSetJsonTest.ISSUE_EXAMPLE, "issue"), ChangeSetJson.read(block.group(1), "contract"));
                changeSets++;
            }
        }
        assertEquals(1, changeSets, "change set examples in contract.md");
    }

    @Test
    void theCheckedInExampleConformsAndReads() throws IOException {
        Path example = Path.of("..", "matching-examples", "examples", "withdraw-and-raise.changes.json");
        String json = Files.readString(example);
        assertConforms(json, example.toString());
        ChangeSetJson.read(example);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void changeSetsWrittenByTheLibraryConform(long seed) {
        Scenario scenario = RandomScenarios.generate(seed, 10, 6, 5);
        Random random = new Random(seed);
        for (int i = 0; i < 5; i++) {
            assertConforms(ChangeSetJson.toJson(RandomChangeSets.generate(random, scenario, GreedyAllocator.plan(scenario))),
                    "random change set " + seed + "/" + i);
        }
    }

    @Test
    void whatTheReaderRefusesTheSchemaRefuses() {
        String head = "{\"formatVersion\": 1, \"name\": \"n\", \"changes\": [";
        assertRefusedByBoth(head + "{\"op\": \"teleportOffer\", \"offer\": \"O-1\"}]}", "an unknown op");
        assertRefusedByBoth(head + "{\"op\": \"removeOffer\", \"offer\": \"O-1\", \"why\": \"late\"}]}", "an unknown field");
        assertRefusedByBoth(head + "{\"op\": \"scaleOffers\", \"factor\": 0}]}", "a factor of 0");
        assertRefusedByBoth(head + "{\"op\": \"scaleOffers\", \"factor\": -1}]}", "a negative factor");
        assertRefusedByBoth(head + "{\"op\": \"updateNeed\", \"need\": \"N-1\", \"set\": {\"id\": \"N-2\"}}]}", "setting an id");
        assertRefusedByBoth(head + "{\"op\": \"updateNeed\", \"need\": \"N-1\", \"set\": {}}]}", "setting nothing");
        assertRefusedByBoth(head + "{\"op\": \"commitLines\", \"lines\": [{\"offer\": \"O-1\", \"need\": \"N-1\", \"units\": 1}], "
                + "\"offers\": [\"O-1\"]}]}", "both lines and offers");
        assertRefusedByBoth(head + "{\"op\": \"commitLines\"}]}", "neither lines nor offers");
        assertRefusedByBoth(head + "{\"op\": \"addDonor\", \"donor\": {\"id\": \"D-1\", \"type\": \"ENTERPRISE\"}}]}", "a donor without a name");
        assertRefusedByBoth("{\"formatVersion\": 2, \"name\": \"n\", \"changes\": []}", "another format version");
        assertRefusedByBoth("{\"formatVersion\": 1, \"name\": \"n\"}", "no changes");
    }

    @Test
    void extensionsAreKeptOnTheChangeSetAndTheObjectsItAdds() {
        ObjectNode root = (ObjectNode) ContractSchemas.parse(ChangeSetJsonTest.ISSUE_EXAMPLE);
        root.putObject("extensions").put("author", "planner");
        ((ObjectNode) root.get("changes").get(2).get("donor")).putObject("extensions").put("crm", 17);
        assertConforms(root.toString(), "a change set with extensions");
        assertTrue(ChangeSetJson.toJson(ChangeSetJson.read(root.toString(), "extended")).contains("\"crm\" : 17"));
    }
}
