package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.examples.ContentionFamily;
import vn.childaid.matching.examples.ContentionProfile;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.examples.cli.CliRun.Result;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.policy.PriorityMode;
import vn.childaid.matching.scenario.Scenario;

/** {@code generate}'s contention options, in process. */
class GenerateContentionTest {
    @TempDir
    Path dir;

    @Test
    void aFamilyMemberByNameIsTheMembersScenarioAndItsCharacterIsPrinted() {
        Path out = dir.resolve("member.json");
        Result result = CliRun.inProcess("generate", "--contention", "small-tier2-tight", "--seed", "2020", "--out", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        Scenario written = ScenarioJson.read(out);
        assertEquals(ScenarioJson.toJson(ContentionFamily.SMALL_TIER2_TIGHT.scenario(2020)), ScenarioJson.toJson(written));
        assertTrue(result.out().contains(ContentionProfile.of(written).describe()), result.out());
    }

    @Test
    void singleKnobsOnTopOfTheDefault() {
        Path out = dir.resolve("knobs.json");
        Result result = CliRun.inProcess("generate", "--size", "small", "--seed", "4", "--money-share-tier1", "0.6",
                "--min-grant-share", "0.5", "--priority-mode", "weighted", "--out", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        Scenario written = ScenarioJson.read(out);
        ContentionProfile measured = ContentionProfile.of(written);
        assertEquals(0.6, measured.coverageOfTopTiers(1), 0.012);
        assertEquals(Math.round(0.5 * written.offers().size()), Math.round(measured.minGrantShare() * written.offers().size()));
        assertEquals(PriorityMode.WEIGHTED, written.policy().priorityMode());
        assertEquals(ContentionFamily.WEIGHTED_TIER_WEIGHTS, written.policy().tierWeights());
    }

    @Test
    void withoutContentionOptionsTheDefaultScenarioIsWritten() {
        Path out = dir.resolve("default.json");
        assertEquals(0, CliRun.inProcess("generate", "--size", "small", "--seed", "9", "--out", out.toString()).exitCode());
        assertEquals(ScenarioJson.toJson(DakLakGenerator.generate(ScenarioSize.SMALL, 9)), ScenarioJson.toJson(ScenarioJson.read(out)));
    }

    @Test
    void badContentionOptionsAreUsageErrorsNamingTheOptionAndWriteNothing() {
        Path out = dir.resolve("never.json");
        Result unknown = CliRun.inProcess("generate", "--contention", "huge-tier9", "--out", out.toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("--contention: no member 'huge-tier9'; use one of small-tier1"), unknown.err());
        Result share = CliRun.inProcess("generate", "--size", "tiny", "--earmark-share", "1.2", "--out", out.toString());
        assertEquals(2, share.exitCode());
        assertTrue(share.err().contains("earmark share must be between 0 and 1, found 1.2"), share.err());
        Result sizes = CliRun.inProcess("generate", "--contention", "province-tier1", "--size", "small", "--out", out.toString());
        assertEquals(2, sizes.exitCode());
        assertTrue(sizes.err().contains("is of size province"), sizes.err());
        Result both = CliRun.inProcess("generate", "--size", "tiny", "--money-share-tier1", "0.5", "--money-share-tier2", "0.5",
                "--out", out.toString());
        assertEquals(2, both.exitCode());
        Result weights = CliRun.inProcess("generate", "--size", "tiny", "--priority-mode", "weighted", "--tier-weights", "3,2,1",
                "--out", out.toString());
        assertEquals(2, weights.exitCode());
        assertTrue(weights.err().contains("--tier-weights: give 5 weights"), weights.err());
        assertFalse(Files.exists(out));
    }
}
