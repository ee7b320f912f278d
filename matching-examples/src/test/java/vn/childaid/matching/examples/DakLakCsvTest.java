package vn.childaid.matching.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.childaid.matching.csv.ScenarioCsv;
import vn.childaid.matching.scenario.Scenario;

/** The generator's Đắk Lắk scenarios, Vietnamese names and all, survive a trip through CSV files. */
class DakLakCsvTest {
    @TempDir
    Path dir;

    @Test
    void theProvinceExampleRoundTrips() {
        Scenario province = DakLakGenerator.generate(ScenarioSize.PROVINCE, 2020);

        ScenarioCsv.write(province, dir.resolve("province"));

        assertEquals(province, ScenarioCsv.read(dir.resolve("province")));
    }

    @ParameterizedTest(name = "seed={0}")
    @ValueSource(longs = {1, 2, 3, 42, 2025})
    void smallGeneratedScenariosRoundTrip(long seed) {
        Scenario small = DakLakGenerator.generate(ScenarioSize.SMALL, seed);

        ScenarioCsv.write(small, dir.resolve("small"));

        assertEquals(small, ScenarioCsv.read(dir.resolve("small")));
    }
}
