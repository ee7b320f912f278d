package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.examples.cli.CliRun.Result;
import vn.childaid.matching.examples.cli.SolveProcessTest.Child;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.scenario.Scenario;

/** {@code sweep}: its CSV and chart, its refusals, and what a signal keeps. */
class SweepCommandTest {
    @TempDir
    Path dir;

    private Scenario scenario;
    private Path scenarioFile;

    @BeforeEach
    void writeATinyScenario() {
        scenario = DakLakGenerator.generate(ScenarioSize.TINY, 3);
        scenarioFile = dir.resolve("scenario.json");
        ScenarioJson.write(scenario, scenarioFile);
    }

    private static List<String> csvLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> line.replace("\uFEFF", "")).toList();
    }

    @Test
    void aScalingSweepWritesARowPerStepAndAChartWithALinePerTier() throws Exception {
        Path csv = dir.resolve("sweep.csv");
        Path svg = dir.resolve("sweep.svg");

        Result result = CliRun.inProcess("sweep", scenarioFile.toString(), "--factor", "0.9:1.1:0.1",
                "--score-calculations", "300", "--csv", csv.toString(), "--svg", svg.toString());

        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = csvLines(csv);
        List<String> header = new ArrayList<>(List.of("factor", "offeredVnd"));
        header.addAll(scenario.policy().tierNames());
        header.add("needsFunded");
        assertEquals(String.join(",", header), lines.get(0));
        assertEquals(List.of("0.9", "1.0", "1.1"), lines.stream().skip(1).map(line -> line.split(",")[0]).toList());
        assertEquals(3, result.errLines().stream().filter(line -> line.startsWith("step ")).count(), result.err());
        assertTrue(result.errLines().get(2).startsWith("step 3/3: factor 1.1, offered "), result.err());
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var chart = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals(scenario.policy().tierNames().size(), chart.getElementsByTagNameNS("*", "polyline").getLength());
        assertTrue(result.out().contains("Wrote " + csv + ": 3 rows"), result.out());
    }

    @Test
    void aWithdrawEachSweepWritesARowPerWithdrawnOffer() throws IOException {
        Path csv = dir.resolve("withdraw.csv");

        Result result = CliRun.inProcess("sweep", scenarioFile.toString(), "--withdraw-each", "--top", "2",
                "--score-calculations", "300", "--csv", csv.toString());

        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = csvLines(csv);
        assertTrue(lines.get(0).startsWith("offer,donor,offerVnd,"), lines.get(0));
        assertEquals(3, lines.size(), lines::toString);
        assertTrue(result.errLines().get(0).startsWith("step 1/3: as it is:"), result.err());
    }

    @Test
    void twoRunsWithTheSameSeedAndCountWriteTheSameRows() throws IOException {
        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");
        String[] args = {"sweep", scenarioFile.toString(), "--factor", "1:1.2:0.2", "--score-calculations", "400",
                "--seed", "5", "--quiet", "--csv"};

        CliRun.inProcess(append(args, first.toString()));
        Result again = CliRun.inProcess(append(args, second.toString()));

        assertEquals(0, again.exitCode(), again.err());
        assertEquals(Files.readString(first), Files.readString(second));
        assertEquals("", again.err(), "--quiet shows no progress");
    }

    private static String[] append(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--factor 0.5:1.5|--factor: '0.5:1.5' is not START:END:STEP",
            "--factor 1 --withdraw-each|give either --factor START:END:STEP or --withdraw-each",
            "--top 3|give either --factor",
            "--factor 1 --top 3|--top goes with --withdraw-each",
            "--factor 1 --donor D-1 --donor-type ENTERPRISE|give --donor or --donor-type, not both",
            "--withdraw-each --svg x.svg|--svg go with --factor",
            "--withdraw-each --top 0|--top must be 1 to 999, was 0",
            "--factor 1 --donor D-nobody|selection.donor: the scenario has no donor 'D-nobody'"})
    void misuseIsBadInputNamingTheOptionAndNothingIsWritten(String options, String message) {
        Path csv = dir.resolve("never.csv");
        List<String> args = new ArrayList<>(List.of("sweep", scenarioFile.toString(), "--csv", csv.toString()));
        args.addAll(List.of(options.split(" ")));

        Result result = CliRun.inProcess(args.toArray(String[]::new));

        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains(message), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
        assertFalse(Files.exists(csv));
    }

    @Test
    void sigtermStopsTheSweepAndKeepsTheRowsOfTheStepsDone() throws Exception {
        Path csv = dir.resolve("interrupted.csv");
        try (Child child = Child.start(dir, "sweep", scenarioFile.toString(), "--factor", "1:2:0.1", "--time", "2s",
                "--csv", csv.toString())) {
            child.awaitErr("step 2/11");
            child.process().destroy(); // SIGTERM

            assertEquals(143, child.awaitExit(), child.describe());
            List<String> lines = csvLines(csv);
            assertTrue(lines.size() >= 3 && lines.size() < 12, lines::toString);
            assertTrue(child.out().contains("Interrupted by SIGTERM: " + (lines.size() - 1) + " of 11 steps done"),
                    child.describe());
        }
    }

    @Test
    void theCommandHasItsHelpAndIsListedInTheRootHelp() {
        Result help = CliRun.inProcess("sweep", "--help");
        Result root = CliRun.inProcess("--help");

        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().startsWith("Usage: matching sweep "), help.out());
        assertTrue(root.out().contains("  sweep "), root.out());
    }
}
