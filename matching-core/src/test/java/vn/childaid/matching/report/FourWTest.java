package vn.childaid.matching.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Scenario;

/** The 4W table: the issue's columns and HXL tags, one row per line, totals equal to the plan's, safe cells. */
class FourWTest {
    /**
     * HXL 1.1: a hashtag is '#' then a letter then letters, digits or '_'; each attribute is '+' then
     * the same; spaces may surround the attributes. Lower case, as the standard writes them.
     */
    static final Pattern HXL_TAG = Pattern.compile("#[a-z][a-z0-9_]*(\\s*\\+[a-z][a-z0-9_]*)*");

    private final Scenario scenario = ReportScenarios.scenario();
    private final Plan plan = ReportScenarios.plan(scenario);
    private final PlanReport report = PlanReport.of(scenario, plan);

    /** The CSV's rows, after checking it starts with the byte order mark. */
    static List<List<String>> parse(String csv) throws IOException {
        assertTrue(csv.startsWith("\uFEFF"), "UTF-8 with a byte order mark, for Excel");
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(csv.substring(1))) {
            return rows.readAll().stream().map(Arrays::asList).toList();
        }
    }

    @Test
    void theColumnsAreTheIssuesAndEveryTagIsValidHxl() throws IOException {
        List<List<String>> rows = parse(FourW.toCsv(report, Words.english()));

        assertEquals(List.of("#org+funder+name", "#org+funder+type", "#sector+name", "#adm1+name", "#adm2+name",
                "#adm3+name", "#adm3+code", "#loc+name", "#loc+code", "#targeted+children", "#reached+children",
                "#value", "#currency+code", "#modality", "#status", "#meta+id"), rows.get(1));
        rows.get(1).forEach(tag -> assertTrue(HXL_TAG.matcher(tag).matches(), tag + " is no HXL 1.1 hashtag"));
        assertEquals("Funder", rows.get(0).get(0), "people's titles above the tags");
        assertEquals(rows.get(0).size(), rows.get(1).size());
    }

    @Test
    void theContractListsTheColumnsInTheirOrder() throws IOException {
        String contract = Files.readString(Path.of("..", "docs", "contract.md"));
        int start = contract.indexOf("### 4W table with HXL hashtags");
        String table = contract.substring(start, contract.indexOf("\n\n", contract.indexOf("| --- |", start)));
        List<String> documented = new java.util.ArrayList<>();
        java.util.regex.Matcher tags = Pattern.compile("`(#[^`]+)`").matcher(table);
        while (tags.find()) {
            documented.add(tags.group(1));
        }
        assertEquals(FourW.hashtags(), documented);
    }

    @Test
    void theHxlPatternRefusesWhatHxlRefuses() {
        for (String bad : List.of("org+funder", "#Org", "#1org", "#org+", "#org+Funder", "#org funder", "#org-funder")) {
            assertFalse(HXL_TAG.matcher(bad).matches(), bad);
        }
        assertTrue(HXL_TAG.matcher("#adm1 +name").matches(), "spaces before attributes are allowed");
    }

    @Test
    void oneRowPerLineWithItsPlaceChildrenValueAndStatus() throws IOException {
        List<List<String>> rows = parse(FourW.toCsv(report, Words.english()));

        assertEquals(2 + plan.allocations().size(), rows.size());
        assertEquals(List.of("Youth Union", "MASS_ORGANIZATION", "NUTRITION", "Đắk Lắk", "Krông Bông", "Hòa Phong",
                "24460", "Thôn 1", "24460-01", "6", "6", "300000", "VND", "in-kind", "committed", "N-3"), rows.get(2));
        assertEquals(List.of("Anonymous donor", "ENTERPRISE", "HEALTHCARE", "Đắk Lắk", "Krông Bông", "Cư Pui",
                "24457", "Buôn Khanh", "24457-01", "2", "", "500000", "VND", "cash", "planned", "N-2"), rows.get(4));
    }

    @Test
    void theTotalsAreThePlans() throws IOException {
        List<List<String>> rows = parse(FourW.toCsv(report, Words.english()));
        List<List<String>> lines = rows.subList(2, rows.size());

        long value = lines.stream().mapToLong(row -> Long.parseLong(row.get(11))).sum();
        double targeted = lines.stream().mapToDouble(row -> Double.parseDouble(row.get(9))).sum();
        assertEquals(plan.allocations().stream().mapToLong(Allocation::amount).sum(), value);
        assertEquals(plan.tiers().stream().mapToDouble(t -> t.reached()).sum(), targeted, 1e-9);
    }

    @Test
    void aFormulaLikeNameIsDefusedAndAnAnonymousDonorIsNeverNamed() throws IOException {
        String csv = FourW.toCsv(report, Words.english());

        assertEquals("'=Women's Union", parse(csv).get(3).get(0));
        assertFalse(csv.contains(ReportScenarios.SECRET_NAME));
        assertFalse(csv.contains(ReportScenarios.SECRET_ID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"})
    void everyCellThatASpreadsheetWouldRunIsPrefixed(String cell) {
        assertEquals("'" + cell, FourW.guarded(cell));
    }

    @Test
    void ordinaryCellsAreLeftAlone() {
        for (String cell : List.of("", "Buôn Khanh", "a=b", "24457-01", "'quoted")) {
            assertEquals(cell, FourW.guarded(cell));
        }
    }

    @Test
    void childrenKeepTwoDecimalsAtMost() {
        assertEquals("42", FourW.children(42.0));
        assertEquals("13.33", FourW.children(40.0 / 3));
        assertEquals("0.5", FourW.children(0.5));
    }

    @Test
    void aScenarioWithoutProvinceLeavesAdm1EmptyAndTheFileIsWrittenWhole(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("4w.csv");
        FourW.write(PlanReport.of(withoutProvince(), ReportScenarios.plan(withoutProvince())), Words.english(), file);

        List<List<String>> rows = parse(Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(2 + plan.allocations().size(), rows.size());
        assertTrue(rows.subList(2, rows.size()).stream().allMatch(row -> row.get(3).isEmpty()), rows::toString);
    }

    private Scenario withoutProvince() {
        Scenario.Builder builder = Scenario.builder(scenario.name()).policy(scenario.policy());
        scenario.districts().forEach(builder::district);
        scenario.communes().forEach(builder::commune);
        scenario.villages().forEach(builder::village);
        scenario.needs().forEach(builder::need);
        scenario.donors().forEach(builder::donor);
        scenario.offers().forEach(builder::offer);
        scenario.commitments().forEach(builder::commitment);
        return builder.build();
    }
}
