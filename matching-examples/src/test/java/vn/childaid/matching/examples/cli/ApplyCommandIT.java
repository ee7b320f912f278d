package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.examples.cli.CliRun.Result;
import vn.childaid.matching.json.ChangeSetJson;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * {@code apply} through the packaged jar, as planners run it: the checked-in example change set on
 * the checked-in province example, a change set with problems (all printed, nothing written), an
 * output that would overwrite an input, and committing a previous plan's lines.
 */
class ApplyCommandIT {
    private static final Path EXAMPLE = Path.of("examples", "daklak-2020.json");
    private static final Path EXAMPLE_CHANGES = Path.of("examples", "withdraw-and-raise.changes.json");

    @TempDir
    Path dir;

    @Test
    void theExampleChangeSetAppliesToTheProvinceExampleAndLeavesTheInputsAlone() throws IOException {
        byte[] scenarioBytes = Files.readAllBytes(EXAMPLE);
        byte[] changesBytes = Files.readAllBytes(EXAMPLE_CHANGES);
        Path changed = dir.resolve("changed.json");

        Result result = CliRun.inJar("apply", EXAMPLE.toString(), "--changes", EXAMPLE_CHANGES.toString(),
                "--out", changed.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("Applied 'O-0017 withdraws; enterprises +20%'"), result.out());
        assertTrue(result.out().contains("removeOffer 1, scaleOffers 1, addDonor 1"), result.out());
        assertTrue(result.out().contains("Changed scenario written to " + changed), result.out());
        Scenario before = ScenarioJson.read(EXAMPLE);
        Scenario after = ScenarioJson.read(changed);
        assertEquals(ChangeSetJson.read(EXAMPLE_CHANGES).applyTo(before, Optional.empty()), after,
                "the file holds what the library's applyTo gives");
        assertTrue(after.findOffer("O-0017").isEmpty());
        Offer enterprises = before.offers().stream()
                .filter(o -> before.donor(o.donor()).type() == DonorType.ENTERPRISE && !o.donor().equals("D-012"))
                .findFirst().orElseThrow();
        assertEquals(enterprises.amount() * 6 / 5, after.offer(enterprises.id()).amount());
        assertArrayEquals(scenarioBytes, Files.readAllBytes(EXAMPLE), "the scenario given is unchanged");
        assertArrayEquals(changesBytes, Files.readAllBytes(EXAMPLE_CHANGES), "the change set given is unchanged");
    }

    @Test
    void aChangeSetWithProblemsPrintsThemAllAndWritesNothing() throws IOException {
        Path changes = dir.resolve("bad.changes.json");
        Files.writeString(changes, """
                {"formatVersion": 1, "name": "bad", "changes": [
                  {"op": "removeOffer", "offer": "O-99"},
                  {"op": "commitLines", "offers": ["O-0001"]},
                  {"op": "updateNeed", "need": "N-00001", "set": {"quantity": 0}}]}""");
        Path changed = dir.resolve("changed.json");

        Result result = CliRun.inJar("apply", EXAMPLE.toString(), "--changes", changes.toString(), "--out", changed.toString());

        assertEquals(2, result.exitCode(), result.out());
        assertEquals(List.of("invalid change: $.changes[0].offer: no offer 'O-99' in the scenario",
                "invalid change: $.changes[1].offers: commits the previous plan's lines of these offers, but no previous "
                        + "plan was given",
                "invalid change: $.changes[2].set.quantity: must be ≥ 1, found 0",
                "3 problems in the change set; nothing was solved or written."), result.errLines());
        assertFalse(result.err().contains("Exception"), result.err());
        assertFalse(Files.exists(changed), "nothing is written on error");
    }

    @Test
    void anOutputThatWouldOverwriteAnInputIsRefusedBeforeAnyWork() throws IOException {
        Path changes = dir.resolve("changes.json");
        Files.copy(EXAMPLE_CHANGES, changes);
        byte[] before = Files.readAllBytes(changes);

        Result result = CliRun.inJar("apply", EXAMPLE.toString(), "--changes", changes.toString(), "--out", changes.toString());

        assertEquals(2, result.exitCode(), result.out());
        assertTrue(result.err().contains("would overwrite the input"), result.err());
        assertArrayEquals(before, Files.readAllBytes(changes));
    }

    @Test
    void commitLinesByOffersCommitsThePreviousPlansLines() throws IOException {
        Scenario scenario = DakLakGenerator.generate(ScenarioSize.TINY, 3);
        Path scenarioFile = dir.resolve("scenario.json");
        ScenarioJson.write(scenario, scenarioFile);
        Plan plan = GreedyAllocator.plan(scenario);
        Path planFile = dir.resolve("plan.json");
        PlanJson.write(plan, planFile);
        String offer = plan.allocations().stream().filter(line -> !line.committed()).findFirst().orElseThrow().offer();
        Path changes = dir.resolve("deliveries.changes.json");
        Files.writeString(changes, "{\"formatVersion\": 1, \"name\": \"delivered\", \"changes\": "
                + "[{\"op\": \"commitLines\", \"offers\": [\"" + offer + "\"]}]}");
        Path changed = dir.resolve("changed.json");

        Result result = CliRun.inJar("apply", scenarioFile.toString(), "--changes", changes.toString(),
                "--plan", planFile.toString(), "--out", changed.toString());

        assertEquals(0, result.exitCode(), result.err());
        List<Commitment> expected = plan.allocations().stream().filter(line -> line.offer().equals(offer) && !line.committed())
                .map(line -> Commitment.of(line.offer(), line.need(), line.units())).toList();
        List<Commitment> committed = ScenarioJson.read(changed).commitments().stream()
                .filter(c -> c.offer().equals(offer)).toList();
        assertEquals(expected, committed);
        long units = plan.allocations().stream().filter(line -> line.offer().equals(offer)).mapToLong(Allocation::units).sum();
        assertTrue(result.out().contains("+" + units + " units committed"), result.out());
    }
}
