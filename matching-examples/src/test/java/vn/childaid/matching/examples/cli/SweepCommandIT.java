package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.examples.cli.CliRun.Result;
import vn.childaid.matching.json.ScenarioJson;

/** {@code sweep} in the packaged jar, as users run it: progress on standard error, the CSV and chart written, exit 0. */
class SweepCommandIT {
    @TempDir
    Path dir;

    @Test
    void theJarSweepsTheBudgetAndWritesTheCsvAndTheChart() throws IOException {
        Path scenario = dir.resolve("scenario.json");
        ScenarioJson.write(DakLakGenerator.generate(ScenarioSize.TINY, 3), scenario);
        Path csv = dir.resolve("sweep.csv");
        Path svg = dir.resolve("sweep.svg");

        Result result = CliRun.inJar("sweep", scenario.toString(), "--factor", "0.5:1.5:0.5", "--donor-type", "MASS_ORGANIZATION",
                "--score-calculations", "200", "--csv", csv.toString(), "--svg", svg.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(List.of("step 1/3", "step 2/3", "step 3/3"),
                result.errLines().stream().map(line -> line.substring(0, 8)).toList(), result.err());
        assertEquals(4, Files.readAllLines(csv).size());
        assertTrue(Files.readString(svg).contains("<polyline"), "the chart has its lines");
        assertTrue(result.out().startsWith("Wrote " + csv + ": 3 rows"), result.out());
    }
}
