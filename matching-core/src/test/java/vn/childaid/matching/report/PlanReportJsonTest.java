package vn.childaid.matching.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.json.PlanReportJson;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Scenario;

/** The report JSON's fields and the anonymity of donors in it; the schema is checked in ContractSchemaTest. */
class PlanReportJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Scenario scenario = ReportScenarios.scenario();
    private final Plan plan = ReportScenarios.plan(scenario);

    @Test
    void theFiguresAreWrittenUnderTheContractsNames() throws Exception {
        JsonNode json = MAPPER.readTree(PlanReportJson.toJson(PlanReport.of(scenario, plan)));

        assertEquals(1, json.get("formatVersion").asInt());
        assertTrue(json.get("feasible").asBoolean());
        assertEquals(1_800_000, json.get("money").get("allocated").asLong());
        assertEquals(300_000, json.get("money").get("allocatedInKind").asLong());
        assertEquals(18.0, json.get("childrenReached").asDouble());
        assertEquals("66", json.get("province").get("code").asText());
        assertEquals(0, json.at("/especiallyDifficultVillages/byCategory/0/villagesCovered").asInt(), "HEALTHCARE");
        assertEquals("24457-01", json.at("/especiallyDifficultVillages/byCategory/0/villagesLacking/0/code").asText());
        assertEquals(500_000, json.at("/unmet/byArea/0/vnd").asLong());
        assertEquals("D-1", json.at("/honourRoll/byValue/0/entries/0/id").asText());
    }

    @Test
    void anAnonymousDonorIsWrittenWithoutNameOrId() throws Exception {
        String text = PlanReportJson.toJson(PlanReport.of(scenario, plan));
        JsonNode secret = MAPPER.readTree(text).get("byDonor").get(1);

        assertFalse(text.contains(ReportScenarios.SECRET_NAME));
        assertFalse(text.contains(ReportScenarios.SECRET_ID));
        assertEquals("Anonymous donor", secret.get("name").asText());
        assertTrue(secret.get("anonymous").asBoolean());
        assertFalse(secret.has("id"));
    }

    @Test
    void severalYearsAreWrittenWithTheirPeriodTotals() throws Exception {
        PeriodReport period = PlanReport.years(List.of(new YearInput(2020, scenario, plan),
                new YearInput(2022, scenario, plan)));
        JsonNode json = MAPPER.readTree(PlanReportJson.toJson(period));

        assertEquals(2, json.get("years").size());
        assertEquals(2022, json.at("/years/1/year").asInt());
        assertEquals(3_600_000, json.at("/period/money/allocated").asLong());
        assertEquals(36.0, json.at("/period/childYears").asDouble());
        assertTrue(json.at("/period/allFeasible").asBoolean());
    }
}
