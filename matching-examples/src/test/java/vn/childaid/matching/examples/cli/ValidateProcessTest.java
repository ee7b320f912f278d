package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.examples.cli.CliRun.Result;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Commune;
import vn.childaid.matching.scenario.District;
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.scenario.Village;

/**
 * {@code validate SCENARIO --plan PLAN --json FILE} as users meet it: the real main class in a new
 * JVM, its exit code, the lines it prints and the report it leaves. A valid plan passes; the same
 * plan broken in one way per rule (by editing its JSON) is refused naming the rule and the ids.
 */
class ValidateProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path scenarioFile;
    private Path validPlan;
    private Path report;

    /**
     * MEALS (10 units at 100,000 VND, 2 committed by O-CASH), one HOUSE (30,000,000 VND) and 12 units
     * of BOOKS in another commune. O-CASH pays meals only and has exactly MEALS' price; O-HOUSING
     * houses only; O-SUPPLIES gives 10 units of school supplies; O-SPARE (100,000 VND) is limited to
     * the meals' commune and is left over.
     */
    private static Scenario scenario() {
        return Scenario.builder("cli-audit")
                .district(District.of("645", "Krông Bông"))
                .commune(Commune.inDistrict("24457", "Cư Pui", "645", Region.III))
                .commune(Commune.inDistrict("24460", "Hòa Phong", "645", Region.II))
                .village(Village.of("24457-01", "Buôn Khanh", "24457", true))
                .village(Village.of("24460-01", "Thôn 1", "24460", false))
                .donor(Donor.of("D-1", "Women's Union", DonorType.MASS_ORGANIZATION))
                .donor(Donor.of("D-2", "An enterprise", DonorType.ENTERPRISE))
                .donor(Donor.of("D-3", "Youth Union", DonorType.MASS_ORGANIZATION))
                .need(Need.inVillage("MEALS", "24457-01", Category.NUTRITION, AgeBand.PRIMARY, 10, 10, 100_000,
                        Urgency.CRITICAL))
                .need(Need.inVillage("HOUSE", "24457-01", Category.CHARITY_HOUSE, AgeBand.PRIMARY, 5, 1, 30_000_000,
                        Urgency.CRITICAL))
                .need(Need.inVillage("BOOKS", "24460-01", Category.SCHOOL_SUPPLIES, AgeBand.PRIMARY, 10, 12, 50_000,
                        Urgency.NORMAL))
                .offer(Offer.cash("O-CASH", "D-1", 1_000_000).withCategories(Set.of(Category.NUTRITION)))
                .offer(Offer.cash("O-HOUSING", "D-2", 30_000_000).withCategories(Set.of(Category.CHARITY_HOUSE)))
                .offer(Offer.inKind("O-SUPPLIES", "D-2", Category.SCHOOL_SUPPLIES, 10, 50_000))
                .offer(Offer.cash("O-SPARE", "D-3", 100_000).withAreas(Set.of("24457")))
                .commitment(Commitment.of("O-CASH", "MEALS", 2))
                .build();
    }

    @BeforeEach
    void writeTheScenarioAndTheGreedyPlan() {
        Scenario scenario = scenario();
        scenarioFile = dir.resolve("scenario.json");
        ScenarioJson.write(scenario, scenarioFile);
        Plan plan = GreedyAllocator.plan(scenario);
        // The edits below change these lines; if the greedy ever chose others, say so here.
        assertTrue(plan.feasible(), () -> String.join("; ", plan.violations()));
        assertEquals(List.of(Allocation.committed("O-CASH", "MEALS", 2, 200_000),
                Allocation.of("O-CASH", "MEALS", 8, 800_000),
                Allocation.of("O-HOUSING", "HOUSE", 1, 30_000_000),
                Allocation.of("O-SUPPLIES", "BOOKS", 10, 500_000)), plan.allocations());
        validPlan = dir.resolve("plan.json");
        PlanJson.write(plan, validPlan);
        report = dir.resolve("problems.json");
    }

    @Test
    void aValidPlanExitsZeroAndItsReportListsNoProblems() throws IOException {
        Result validated = CliRun.inNewJvm("validate", scenarioFile.toString(), "--plan", validPlan.toString(),
                "--json", report.toString());

        assertEquals(0, validated.exitCode(), validated.out() + validated.err());
        assertTrue(validated.out().startsWith("valid: cli-audit"), validated.out());
        assertTrue(validated.out().contains("plan holds: 4 allocation lines"), validated.out());
        assertEquals(JSON.readTree("{\"problems\": []}"), JSON.readTree(report.toFile()));
    }

    /** One way to break the valid plan's JSON, and the problem {@code validate} must then report. */
    private record Breakage(Consumer<ObjectNode> edit, String rule, Optional<String> offer, Optional<String> need) {
        /** The start of the printed line: {@code RULE offer=ID need=ID:}. */
        String linePrefix() {
            return rule + offer.map(id -> " offer=" + id).orElse("") + need.map(id -> " need=" + id).orElse("") + ":";
        }
    }

    private static Arguments breakage(String name, Consumer<ObjectNode> edit, String rule, String offer, String need) {
        return Arguments.of(Named.of(name, new Breakage(edit, rule, Optional.ofNullable(offer), Optional.ofNullable(need))));
    }

    static Stream<Arguments> oneWayPerRule() {
        return Stream.of(
                breakage("over capacity: 11 of O-SUPPLIES' 10 units", plan -> setUnits(line(plan, "O-SUPPLIES", "BOOKS", false),
                        11, 550_000), "CAPACITY", "O-SUPPLIES", null),
                breakage("double funding: a unit of MEALS funded again by O-SPARE", plan -> addLine(plan, "O-SPARE", "MEALS",
                        1, 100_000), "OPEN_UNITS", null, "MEALS"),
                breakage("an ineligible line: O-SPARE outside its commune", plan -> addLine(plan, "O-SPARE", "BOOKS", 1,
                        50_000), "ELIGIBILITY", "O-SPARE", "BOOKS"),
                breakage("a changed commitment: 1 unit instead of 2", plan -> setUnits(line(plan, "O-CASH", "MEALS", true), 1,
                        100_000), "COMMITMENT", "O-CASH", "MEALS"),
                breakage("an unknown offer id", plan -> line(plan, "O-SUPPLIES", "BOOKS", false).put("offer", "O-NOPE"),
                        "REFERENCE", "O-NOPE", "BOOKS"),
                breakage("a wrong line amount", plan -> line(plan, "O-HOUSING", "HOUSE", false).put("amount", 29_000_000),
                        "REPORTED_NUMBERS", "O-HOUSING", "HOUSE"),
                breakage("a wrong feasible", plan -> plan.put("feasible", false), "REPORTED_NUMBERS", null, null),
                breakage("a plan for another scenario", plan -> plan.put("scenario", "another"), "REFERENCE", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneWayPerRule")
    void aPlanBrokenOneWayExitsTwoNamingTheRuleAndTheIds(Breakage breakage) throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(validPlan.toFile());
        breakage.edit().accept(plan);
        Path broken = dir.resolve("broken-plan.json");
        JSON.writeValue(broken.toFile(), plan);

        Result validated = CliRun.inNewJvm("validate", scenarioFile.toString(), "--plan", broken.toString(),
                "--json", report.toString());

        assertEquals(2, validated.exitCode(), validated.out() + validated.err());
        assertTrue(validated.outLines().stream().anyMatch(line -> line.startsWith(breakage.linePrefix())),
                () -> "no line starting '" + breakage.linePrefix() + "' in\n" + validated.out());
        List<JsonNode> problems = problems(report);
        assertTrue(problems.stream().anyMatch(problem -> problem.path("rule").asText().equals(breakage.rule())
                        && idOf(problem, "offer").equals(breakage.offer()) && idOf(problem, "need").equals(breakage.need())),
                () -> "not in the report: " + breakage.linePrefix() + "\n" + problems);
        assertEquals(validated.outLines().size(), problems.size(), "each problem printed once and reported once");
    }

    @Test
    void anInvalidScenarioWithoutAPlanExitsTwoAndReportsScenarioProblemsWithPaths() throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(scenarioFile.toFile());
        ((ObjectNode) json.get("needs").get(0)).put("children", 0);
        Path invalid = dir.resolve("invalid-scenario.json");
        JSON.writeValue(invalid.toFile(), json);

        Result validated = CliRun.inNewJvm("validate", invalid.toString(), "--json", report.toString());

        assertEquals(2, validated.exitCode(), validated.out() + validated.err());
        assertTrue(validated.out().startsWith("SCENARIO path=$.needs[0].children"), validated.out());
        List<JsonNode> problems = problems(report);
        assertTrue(problems.stream().allMatch(problem -> problem.path("rule").asText().equals("SCENARIO")
                && problem.hasNonNull("path") && problem.hasNonNull("message")), problems::toString);
        assertTrue(problems.stream().anyMatch(problem -> problem.path("path").asText().equals("$.needs[0].children")),
                problems::toString);
    }

    @Test
    void moreThanAHundredProblemsPrintAHundredLinesAndTheCountOfTheRestButReportThemAll() throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(validPlan.toFile());
        for (int i = 0; i < 150; i++) {
            addLine(plan, "O-NOPE-" + i, "MEALS", 1, 100_000);
        }
        Path broken = dir.resolve("broken-plan.json");
        JSON.writeValue(broken.toFile(), plan);

        Result validated = CliRun.inNewJvm("validate", scenarioFile.toString(), "--plan", broken.toString(),
                "--json", report.toString());

        assertEquals(2, validated.exitCode(), validated.err());
        // 150 unknown offers, and the plan still claiming to be feasible.
        List<JsonNode> problems = problems(report);
        assertEquals(151, problems.size());
        List<String> lines = validated.outLines();
        assertEquals(101, lines.size(), validated.out());
        assertTrue(lines.subList(0, 100).stream().allMatch(line -> line.startsWith("REFERENCE offer=O-NOPE-")
                || line.startsWith("REPORTED_NUMBERS")), validated.out());
        assertTrue(lines.get(100).startsWith("… and 51 more problems"), lines.get(100));
        assertTrue(lines.get(100).contains(report.toString()), "names the report holding them all: " + lines.get(100));
    }

    private static List<JsonNode> problems(Path report) throws IOException {
        JsonNode problems = JSON.readTree(report.toFile()).get("problems");
        assertTrue(problems != null && problems.isArray(), "a problems array in the report");
        return StreamSupport.stream(problems.spliterator(), false).toList();
    }

    private static Optional<String> idOf(JsonNode problem, String field) {
        return problem.hasNonNull(field) ? Optional.of(problem.get(field).asText()) : Optional.empty();
    }

    private static ObjectNode line(ObjectNode plan, String offer, String need, boolean committed) {
        List<ObjectNode> matching = new ArrayList<>();
        plan.get("allocations").forEach(line -> {
            if (line.path("offer").asText().equals(offer) && line.path("need").asText().equals(need)
                    && line.path("committed").asBoolean() == committed) {
                matching.add((ObjectNode) line);
            }
        });
        assertEquals(1, matching.size(), () -> "one line " + offer + " → " + need + " in the plan");
        return matching.get(0);
    }

    private static void setUnits(ObjectNode line, int units, long amount) {
        line.put("units", units).put("amount", amount);
    }

    private static void addLine(ObjectNode plan, String offer, String need, int units, long amount) {
        ArrayNode lines = (ArrayNode) plan.get("allocations");
        lines.addObject().put("offer", offer).put("need", need).put("units", units).put("amount", amount)
                .put("committed", false);
    }
}
