package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.examples.cli.CliRun.Result;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.charts.Markup;
import vn.childaid.matching.explain.Explainer;
import vn.childaid.matching.explain.NeedExplanation;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.report.Words;
import vn.childaid.matching.scenario.Scenario;

/** {@code report --html}: the page is written with the other outputs, and refused where it cannot mean anything. */
class ReportHtmlOptionTest {
    @TempDir
    Path dir;

    private Path scenarioFile;
    private Path planFile;

    @BeforeEach
    void writeATinyScenarioAndTheGreedyPlan() {
        Scenario scenario = DakLakGenerator.generate(ScenarioSize.TINY, 4);
        scenarioFile = dir.resolve("scenario.json");
        planFile = dir.resolve("plan.json");
        ScenarioJson.write(scenario, scenarioFile);
        PlanJson.write(GreedyAllocator.plan(scenario), planFile);
    }

    @Test
    void thePageIsWrittenBesideTheJsonAndSaysWhichScenarioItShows() throws Exception {
        Path page = dir.resolve("pages/report.html");
        Path json = dir.resolve("report.json");

        Result result = CliRun.inProcess("report", planFile.toString(), "--scenario", scenarioFile.toString(),
                "--json", json.toString(), "--html", page.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("wrote " + json + "\n") && result.out().contains("wrote " + page + "\n"),
                result.out());
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>Allocation report: " + ScenarioJson.read(scenarioFile).name() + "</title>"));
    }

    @Test
    void theLargestUnmetNeedsSayWhyInTheExplanationsWords() throws Exception {
        Scenario scenario = ScenarioJson.read(scenarioFile);
        Plan plan = PlanJson.read(planFile);
        List<NeedExplanation> unmet = Explainer.of(scenario, plan).all().needs();
        assertFalse(unmet.isEmpty(), "the tiny scenario's greedy plan leaves needs unmet");
        Path page = dir.resolve("report.html");

        Result result = CliRun.inProcess("report", planFile.toString(), "--scenario", scenarioFile.toString(),
                "--html", page.toString());

        assertEquals(0, result.exitCode(), result.err());
        String html = Files.readString(page);
        assertTrue(html.contains(Words.english().get("page.column.why")), "the page has the 'why' column");
        assertTrue(unmet.stream().anyMatch(need -> html.contains(Markup.escape(need.sentence()))),
                "an unmet need's row holds its explanation's sentence");
    }

    @Test
    void theSameFileForTwoOutputsIsRefusedBeforeAnythingIsWritten() {
        Path same = dir.resolve("out");

        Result result = CliRun.inProcess("report", planFile.toString(), "--scenario", scenarioFile.toString(),
                "--json", same.toString(), "--html", same.toString());

        assertEquals(MatchingCli.BAD_INPUT, result.exitCode());
        assertTrue(result.err().contains("--json and --html name the same file " + same), result.err());
        assertFalse(Files.exists(same));
    }

    @Test
    void aPageThatCannotBeWrittenIsReportedBeforeAnyOtherOutputIsWritten() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "mine");
        Path json = dir.resolve("report.json");

        Result result = CliRun.inProcess("report", planFile.toString(), "--scenario", scenarioFile.toString(),
                "--json", json.toString(), "--html", notAFolder.resolve("report.html").toString());

        assertEquals(MatchingCli.BAD_INPUT, result.exitCode());
        assertTrue(result.err().contains("report.html") && result.err().contains("is not a folder"), result.err());
        assertFalse(Files.exists(json), "nothing is written when one output cannot be");
        assertEquals("mine", Files.readString(notAFolder));
    }

    @Test
    void aPageForSeveralYearsIsRefusedWithTheWayToMakeOnePerYear() {
        Path page = dir.resolve("report.html");

        Result result = CliRun.inProcess("report", "--year", "2022", planFile.toString(), scenarioFile.toString(),
                "--html", page.toString());

        assertEquals(MatchingCli.BAD_INPUT, result.exitCode());
        assertTrue(result.err().contains("--html shows one plan; run 'report PLAN --scenario SCENARIO --html FILE'"
                + " for each year"), result.err());
        assertFalse(Files.exists(page));
    }
}
