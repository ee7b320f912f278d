package vn.childaid.matching.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.Problem;
import vn.childaid.matching.whatif.Change;
import vn.childaid.matching.whatif.ChangeSet;
import vn.childaid.matching.whatif.InvalidChangeSetException;

/** Reading change sets strictly, every problem with its path at once; writing them so they read back equal. */
class ChangeSetJsonTest {
    /** The issue's example change set, word for word. */
    static final String ISSUE_EXAMPLE = """
            { "formatVersion": 1, "name": "O-17 withdraws; enterprises +20%",
              "changes": [
                { "op": "removeOffer", "offer": "O-17" },
                { "op": "scaleOffers", "factor": 1.2, "donorType": "ENTERPRISE" },
                { "op": "addDonor", "donor": { "id": "D-90", "name": "Công ty TNHH Hòa Bình", "type": "ENTERPRISE" } },
                { "op": "addOffer", "offer": { "id": "O-900", "donor": "D-90", "kind": "CASH", "amount": 500000000 } },
                { "op": "updateOffer", "offer": "O-03", "set": { "amount": 650000000 } },
                { "op": "removeDonor", "donor": "D-12" },
                { "op": "addNeed", "need": { "id": "N-9001", "village": "24457-07", "category": "CLOTHING", "children": 30, "quantity": 30, "unitCost": 400000 } },
                { "op": "removeNeed", "need": "N-0042" },
                { "op": "updateNeed", "need": "N-0007", "set": { "urgency": "CRITICAL" } },
                { "op": "setPolicy", "policy": { "preset": "PHASE_2_2022_2025" } },
                { "op": "commitLines", "lines": [ { "offer": "O-01", "need": "N-0001", "units": 10 } ] } ] }
            """;

    private static List<Problem> problemsOf(String json) {
        return assertThrows(InvalidChangeSetException.class, () -> ChangeSetJson.read(json, "bad.changes.json")).problems();
    }

    private static void assertProblem(List<Problem> problems, String path, String words) {
        assertTrue(problems.stream().anyMatch(p -> p.path().equals(path) && p.message().contains(words)),
                () -> "expected a problem at " + path + " saying '" + words + "', got:\n" + problems);
    }

    @Test
    void theIssuesExampleReadsIntoItsElevenChangesInOrder() {
        ChangeSet changeSet = ChangeSetJson.read(ISSUE_EXAMPLE, "example.changes.json");
        assertEquals("O-17 withdraws; enterprises +20%", changeSet.name());
        assertEquals(List.of("removeOffer", "scaleOffers", "addDonor", "addOffer", "updateOffer", "removeDonor", "addNeed",
                "removeNeed", "updateNeed", "setPolicy", "commitLines"), changeSet.changes().stream().map(Change::op).toList());
        assertEquals(new Change.ScaleOffers(1.2, Optional.of(DonorType.ENTERPRISE), Optional.empty(), List.of()),
                changeSet.changes().get(1));
        assertEquals(Change.CommitLines.lines(List.of(Commitment.of("O-01", "N-0001", 10))), changeSet.changes().get(10));
    }

    @Test
    void theIssuesExampleWrittenReadsBackEqual() {
        ChangeSet changeSet = ChangeSetJson.read(ISSUE_EXAMPLE, "example.changes.json");
        assertEquals(changeSet, ChangeSetJson.read(ChangeSetJson.toJson(changeSet), "written.changes.json"));
    }

    @Test
    void writingGoesThroughTheSafeWriterAndReadsBack(@TempDir Path folder) throws Exception {
        ChangeSet changeSet = ChangeSetJson.read(ISSUE_EXAMPLE, "example.changes.json")
                .withExtensions(ScenarioJson.extensions("{\"author\": \"planner\"}"));
        Path file = folder.resolve("out.changes.json");
        ChangeSetJson.write(changeSet, file);
        assertEquals(changeSet, ChangeSetJson.read(file));
        assertEquals(List.of(file), Files.list(folder).toList(), "no temporary file left beside it");
    }

    @Test
    void everyProblemOfShapeIsListedAtOnceWithItsPath() {
        List<Problem> problems = problemsOf("""
                {"formatVersion": 2, "name": "bad", "colour": "red", "changes": [
                  {"op": "removeOffer", "offer": 17},
                  {"op": "scaleOffers", "factor": 0},
                  {"op": "scaleOffers", "factor": -1.5, "donorType": "ALIEN", "offers": "O-1"},
                  {"op": "scaleOffers"},
                  {"op": "teleportOffer", "offer": "O-1"},
                  {"offer": "O-1"},
                  {"op": "addDonor", "donor": {"id": "D-9", "type": "INDIVIDUAL", "age": 3}},
                  {"op": "addOffer", "offer": {"id": "O-9", "donor": "D-9", "kind": "CASH"}},
                  {"op": "updateOffer", "offer": "O-1", "set": {"id": "O-2", "amount": "lots", "colour": 1}},
                  {"op": "updateNeed", "need": "N-1", "set": {}},
                  {"op": "updateNeed", "need": "N-1"},
                  {"op": "setPolicy", "policy": {"priorityMode": "RANDOM"}},
                  {"op": "commitLines", "lines": [{"offer": "O-1", "need": "N-1", "units": 0}]},
                  {"op": "commitLines"},
                  {"op": "commitLines", "lines": [], "offers": ["O-1"]},
                  {"op": "removeNeed", "need": "N-1", "extensions": {}},
                  "removeDonor"
                ]}""");
        assertProblem(problems, "$.formatVersion", "reads change sets of format version 1, found 2");
        assertProblem(problems, "$.colour", "unknown field");
        assertProblem(problems, "$.changes[0].offer", "must be a non-empty string, found the number 17");
        assertProblem(problems, "$.changes[1].factor", "must be above 0, found 0");
        assertProblem(problems, "$.changes[2].factor", "must be above 0, found -1.5");
        assertProblem(problems, "$.changes[2].donorType", "must be one of");
        assertProblem(problems, "$.changes[2].offers", "must be an array");
        assertProblem(problems, "$.changes[3].factor", "is required");
        assertProblem(problems, "$.changes[4].op", "must be one of removeOffer, scaleOffers");
        assertProblem(problems, "$.changes[5].op", "is required");
        assertProblem(problems, "$.changes[6].donor.name", "is required");
        assertProblem(problems, "$.changes[6].donor.age", "unknown field");
        assertProblem(problems, "$.changes[7].offer.amount", "is required");
        assertProblem(problems, "$.changes[8].set.id", "cannot be changed");
        assertProblem(problems, "$.changes[8].set.amount", "must be a whole number, found the string 'lots'");
        assertProblem(problems, "$.changes[8].set.colour", "unknown field");
        assertProblem(problems, "$.changes[9].set", "sets no field");
        assertProblem(problems, "$.changes[10].set", "is required");
        assertProblem(problems, "$.changes[11].policy.priorityMode", "must be one of");
        assertProblem(problems, "$.changes[12].lines[0].units", "must be ≥ 1, found 0");
        assertProblem(problems, "$.changes[13]", "commits nothing");
        assertProblem(problems, "$.changes[14]", "not both");
        assertProblem(problems, "$.changes[15].extensions", "a change has no extensions");
        assertProblem(problems, "$.changes[16]", "must be an object with an 'op'");
        assertEquals(24, problems.size(), () -> "one problem each, nothing else: " + String.join("\n",
                problems.stream().map(Problem::toString).toList()));
    }

    @Test
    void nanAndInfinityAreNotJsonNumbers() {
        List<Problem> problems = problemsOf("{\"formatVersion\": 1, \"name\": \"n\", \"changes\": [{\"op\": \"scaleOffers\", \"factor\": NaN}]}");
        assertTrue(problems.get(0).message().contains("is not a JSON number"), problems::toString);
    }

    @Test
    void malformedJsonNamesTheSourceLineAndColumn() {
        List<Problem> problems = problemsOf("{\"formatVersion\": 1,\n \"changes\": [}");
        assertTrue(problems.get(0).path().startsWith("bad.changes.json:2:"), problems::toString);
    }

    @Test
    void formatVersionNameAndChangesAreRequired() {
        List<Problem> problems = problemsOf("{}");
        assertProblem(problems, "$.formatVersion", "is required");
        assertProblem(problems, "$.name", "is required");
        assertProblem(problems, "$.changes", "is required");
    }
}
