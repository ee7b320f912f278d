package vn.childaid.matching.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import vn.childaid.matching.files.OutputFile;
import vn.childaid.matching.report.AreaRef;
import vn.childaid.matching.report.DonorRef;
import vn.childaid.matching.report.DonorTotal;
import vn.childaid.matching.report.DonorTypeTotal;
import vn.childaid.matching.report.HonourRoll;
import vn.childaid.matching.report.Money;
import vn.childaid.matching.report.PeriodReport;
import vn.childaid.matching.report.PlanReport;
import vn.childaid.matching.report.Reach;
import vn.childaid.matching.report.Unmet;
import vn.childaid.matching.report.UnmetNeed;
import vn.childaid.matching.report.VillageCoverage;
import vn.childaid.matching.report.Words;

/**
 * Writes a {@link PlanReport} (or a {@link PeriodReport} of several years) as the contract's report
 * JSON ({@code docs/contract.md}, section "Report"; {@code docs/schema/report.schema.json}). An
 * anonymous donor is written with {@code "anonymous": true}, the name {@code report.anonymousDonor}
 * from the words given, and no id. Reports are written, never read back.
 */
public final class PlanReportJson {
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = ScenarioJson.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanReportJson() {}

    /** The report as JSON, anonymous donors named in English. */
    public static String toJson(PlanReport report) {
        return toJson(report, Words.english());
    }

    public static String toJson(PlanReport report, Words words) {
        ObjectNode root = MAPPER.createObjectNode().put("formatVersion", FORMAT_VERSION);
        putReport(root, report, words);
        return text(root);
    }

    /** Several years' reports and their totals over the period, anonymous donors named in English. */
    public static String toJson(PeriodReport period) {
        return toJson(period, Words.english());
    }

    public static String toJson(PeriodReport period, Words words) {
        ObjectNode root = MAPPER.createObjectNode().put("formatVersion", FORMAT_VERSION);
        ArrayNode years = root.putArray("years");
        period.years().forEach(report -> putReport(years.addObject(), report, words));
        ObjectNode totals = root.putObject("period");
        totals.put("allFeasible", period.allFeasible());
        totals.set("money", money(period.money()));
        putDonorTypes(totals.putArray("byDonorType"), period.byDonorType());
        totals.put("childYears", period.childYears());
        return text(root);
    }

    /** Writes {@link #toJson(PlanReport, Words)} through {@link OutputFile}. */
    public static void write(PlanReport report, Words words, Path file) {
        OutputFile.of(file).writeString(toJson(report, words));
    }

    /** Writes {@link #toJson(PeriodReport, Words)} through {@link OutputFile}. */
    public static void write(PeriodReport period, Words words, Path file) {
        OutputFile.of(file).writeString(toJson(period, words));
    }

    private static String text(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report tree always serialises", e);
        }
    }

    private static void putReport(ObjectNode node, PlanReport report, Words words) {
        node.put("scenario", report.scenario());
        report.year().ifPresent(year -> node.put("year", year));
        report.province().ifPresent(p -> node.putObject("province").put("code", p.code()).put("name", p.name()));
        node.put("feasible", report.feasible());
        node.put("violations", report.violations());
        node.put("belongsToScenario", report.belongsToScenario());
        node.set("money", money(report.money()));
        putDonorTypes(node.putArray("byDonorType"), report.byDonorType());
        ArrayNode donors = node.putArray("byDonor");
        for (DonorTotal total : report.byDonor()) {
            ObjectNode donor = donors.addObject();
            putDonor(donor, total.donor(), words);
            donor.set("money", money(total.money()));
            donor.put("childrenReached", total.childrenReached());
        }
        node.put("children", report.children());
        node.put("childrenReached", report.childrenReached());
        ObjectNode reach = node.putObject("reach");
        putReach(reach.putArray("byCategory"), report.byCategory());
        putReach(reach.putArray("byAgeBand"), report.byAgeBand());
        putReach(reach.putArray("byTier"), report.byTier());
        putReach(reach.putArray("byDistrict"), report.byDistrict());
        putReach(reach.putArray("byCommune"), report.byCommune());
        ObjectNode hardest = node.putObject("especiallyDifficultVillages");
        hardest.put("villages", report.especiallyDifficultVillages());
        ArrayNode coverage = hardest.putArray("byCategory");
        for (VillageCoverage row : report.especiallyDifficultCoverage()) {
            ObjectNode item = coverage.addObject().put("category", row.category().name())
                    .put("villagesWithNeeds", row.villagesWithNeeds())
                    .put("villagesWithCriticalNeeds", row.villagesWithCriticalNeeds())
                    .put("villagesCovered", row.villagesCovered());
            ArrayNode lacking = item.putArray("villagesLacking");
            row.villagesLacking().forEach(village -> lacking.add(area(village)));
        }
        ObjectNode unmet = node.putObject("unmet");
        ArrayNode byArea = unmet.putArray("byArea");
        for (Unmet row : report.unmet()) {
            ObjectNode item = byArea.addObject();
            putArea(item, "district", row.district());
            item.set("commune", area(row.commune()));
            item.put("category", row.category().name()).put("needs", row.needs()).put("units", row.units())
                    .put("children", row.children()).put("vnd", row.vnd());
        }
        ArrayNode needs = unmet.putArray("needs");
        for (UnmetNeed need : report.unmetNeeds()) {
            ObjectNode item = needs.addObject().put("need", need.need()).put("tier", need.tier())
                    .put("category", need.category().name()).put("urgency", need.urgency().name());
            putArea(item, "district", need.district());
            item.set("commune", area(need.commune()));
            putArea(item, "village", need.village());
            item.put("especiallyDifficult", need.especiallyDifficult()).put("units", need.units())
                    .put("children", need.children()).put("vnd", need.vnd());
        }
        ObjectNode roll = node.putObject("honourRoll");
        putRoll(roll.putArray("byValue"), report.honourRoll().byValue(), words);
        putRoll(roll.putArray("byChildren"), report.honourRoll().byChildren(), words);
    }

    private static ObjectNode money(Money money) {
        return MAPPER.createObjectNode().put("offeredCash", money.offeredCash()).put("offeredInKind", money.offeredInKind())
                .put("offered", money.offered()).put("allocatedCash", money.allocatedCash())
                .put("allocatedInKind", money.allocatedInKind()).put("allocated", money.allocated());
    }

    private static void putDonorTypes(ArrayNode array, List<DonorTypeTotal> totals) {
        for (DonorTypeTotal total : totals) {
            ObjectNode item = array.addObject().put("type", total.type().name()).put("donors", total.donors());
            item.set("money", money(total.money()));
            item.put("childrenReached", total.childrenReached());
        }
    }

    /** Only this writes a donor: an anonymous one gets the word for it and never their id. */
    private static void putDonor(ObjectNode node, DonorRef donor, Words words) {
        donor.id().ifPresent(id -> node.put("id", id));
        node.put("name", donor.label(words)).put("type", donor.type().name()).put("anonymous", donor.anonymous());
    }

    private static void putReach(ArrayNode array, List<Reach> rows) {
        for (Reach row : rows) {
            array.addObject().put("key", row.key()).put("name", row.name()).put("needs", row.needs())
                    .put("fundedNeeds", row.fundedNeeds()).put("children", row.children()).put("reached", row.reached());
        }
    }

    private static void putRoll(ArrayNode array, List<HonourRoll.Group> groups, Words words) {
        for (HonourRoll.Group group : groups) {
            ObjectNode item = array.addObject().put("type", group.type().name());
            ArrayNode entries = item.putArray("entries");
            for (HonourRoll.Entry entry : group.entries()) {
                ObjectNode row = entries.addObject().put("rank", entry.rank());
                putDonor(row, entry.donor(), words);
                row.put("allocated", entry.allocated()).put("offered", entry.offered())
                        .put("childrenReached", entry.childrenReached());
            }
        }
    }

    private static ObjectNode area(AreaRef area) {
        return MAPPER.createObjectNode().put("code", area.code()).put("name", area.name());
    }

    private static void putArea(ObjectNode node, String field, Optional<AreaRef> area) {
        area.ifPresent(value -> node.set(field, area(value)));
    }
}
