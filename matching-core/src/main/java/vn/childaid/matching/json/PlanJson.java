package vn.childaid.matching.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import vn.childaid.matching.extensions.Extensions;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.CoveredBy;
import vn.childaid.matching.plan.NeedOutcome;
import vn.childaid.matching.plan.NeedStatus;
import vn.childaid.matching.plan.OfferUse;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.plan.TierTotal;
import vn.childaid.matching.rules.Rule;
import vn.childaid.matching.rules.RuleViolation;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Problem;

/**
 * Writes and reads plans in the v1 JSON contract ({@code docs/contract.md}). Written field by
 * field, so renaming a Java accessor can never change the wire format. Read tolerantly: a field
 * this version does not know is ignored (a newer writer may add fields), but a known field of the
 * wrong type, or a missing required one, is reported with its JSON path — every one of them.
 * Plans are written atomically: a reader of the file sees the old plan or the new one, never half.
 */
public final class PlanJson {
    private static final ObjectMapper MAPPER = ScenarioJson.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {}

    public static String toJson(Plan plan) {
        try {
            return MAPPER.writeValueAsString(toTree(plan));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan tree always serialises", e);
        }
    }

    /**
     * Writes the plan to {@code file} whole or not at all (see {@link vn.childaid.matching.files.OutputFile}).
     *
     * @throws vn.childaid.matching.files.OutputFileException naming {@code file} and why it cannot be written
     */
    public static void write(Plan plan, Path file) {
        vn.childaid.matching.files.OutputFile.of(file).writeString(toJson(plan));
    }

    static ObjectNode toTree(Plan plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", Plan.FORMAT_VERSION);
        root.put("scenario", plan.scenario());
        root.put("feasible", plan.feasible());
        root.put("score", plan.score());
        ArrayNode allocations = root.putArray("allocations");
        for (int i = 0; i < plan.allocations().size(); i++) {
            Allocation line = plan.allocations().get(i);
            withExtensions(allocations.addObject().put("offer", line.offer()).put("need", line.need())
                    .put("units", line.units()).put("amount", line.amount()).put("committed", line.committed()),
                    line.extensions(), "$.allocations[" + i + "]");
        }
        ArrayNode needs = root.putArray("needs");
        for (int i = 0; i < plan.needs().size(); i++) {
            NeedOutcome need = plan.needs().get(i);
            ObjectNode node = needs.addObject().put("id", need.id()).put("tier", need.tier())
                    .put("openUnits", need.openUnits()).put("fundedUnits", need.fundedUnits())
                    .put("status", need.status().name()).put("reached", need.reached());
            ArrayNode coveredBy = node.putArray("coveredBy");
            for (CoveredBy cover : need.coveredBy()) {
                coveredBy.addObject().put("name", cover.name()).put("units", cover.units()).put("vnd", cover.vnd());
            }
            withExtensions(node, need.extensions(), "$.needs[" + i + "]");
        }
        ArrayNode offers = root.putArray("offers");
        for (int i = 0; i < plan.offers().size(); i++) {
            OfferUse offer = plan.offers().get(i);
            withExtensions(offers.addObject().put("id", offer.id()).put("used", offer.used())
                    .put("remaining", offer.remaining()), offer.extensions(), "$.offers[" + i + "]");
        }
        ArrayNode tiers = root.putArray("tiers");
        for (int i = 0; i < plan.tiers().size(); i++) {
            TierTotal tier = plan.tiers().get(i);
            withExtensions(tiers.addObject().put("name", tier.name()).put("reached", tier.reached())
                    .put("value", tier.value()).put("children", tier.children()).put("needs", tier.needs())
                    .put("fundedNeeds", tier.fundedNeeds()), tier.extensions(), "$.tiers[" + i + "]");
        }
        ArrayNode violations = root.putArray("violations");
        plan.violations().forEach(violations::add);
        ArrayNode structured = root.putArray("ruleViolations");
        plan.ruleViolations().forEach(violation -> structured.add(toTree(violation)));
        root.putObject("solver").put("millis", plan.solver().millis())
                .put("scoreCalculationSpeed", plan.solver().scoreCalculationSpeed())
                .put("constructionMillis", plan.solver().constructionMillis())
                .put("randomSeed", plan.solver().randomSeed());
        return withExtensions(root, plan.extensions(), "$");
    }

    /** Writes an entry's {@code extensions} back as they were read, when it has any. */
    private static ObjectNode withExtensions(ObjectNode node, Extensions extensions, String at) {
        if (extensions.isPresent()) {
            node.set(NodeReader.EXTENSIONS, ExtensionsJson.tree(extensions, at + "." + NodeReader.EXTENSIONS));
        }
        return node;
    }

    /** One rule violation as the contract's object; also what {@code validate --json} lists. */
    public static ObjectNode toTree(RuleViolation violation) {
        ObjectNode node = MAPPER.createObjectNode().put("rule", violation.rule().name());
        violation.offer().ifPresent(id -> node.put("offer", id));
        violation.need().ifPresent(id -> node.put("need", id));
        double excess = violation.excess();
        if (excess == Math.rint(excess) && Math.abs(excess) < 0x1p53) {
            node.put("excess", (long) excess);
        } else {
            node.put("excess", excess);
        }
        return node.put("unit", violation.unit()).put("message", violation.message());
    }

    /**
     * The document {@code validate --json} writes: {@code {"problems": [...]}}, scenario problems
     * first (rule {@code SCENARIO}, with the JSON {@code path}), then the plan's rule violations.
     */
    public static String problemsToJson(List<Problem> scenarioProblems, List<RuleViolation> violations) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode problems = root.putArray("problems");
        for (Problem problem : scenarioProblems) {
            problems.addObject().put("rule", "SCENARIO").put("path", problem.path()).put("message", problem.message());
        }
        violations.forEach(violation -> problems.add(toTree(violation)));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problems tree always serialises", e);
        }
    }

    /**
     * Reads a plan file of at most {@link ScenarioJson#DEFAULT_MAX_INPUT_BYTES} (or what
     * {@link ScenarioJson#MAX_INPUT_BYTES_PROPERTY} sets); a broken one is reported as problems with
     * file, line and column or JSON path.
     */
    public static Plan read(Path file) {
        return read(file, JsonInput.maxBytesFromProperty(file.toString()));
    }

    /** Reads a plan file, refusing it before reading when it is larger than {@code maxBytes}. */
    public static Plan read(Path file, long maxBytes) {
        return fromTree(JsonInput.readFile(file, maxBytes), file.toString());
    }

    public static Plan parse(String json, String source) {
        return fromTree(JsonInput.parse(json, source), source);
    }

    private static Plan fromTree(JsonNode root, String source) {
        Reader in = new Reader(source);
        if (!root.isObject()) {
            throw new InvalidScenarioException(List.of(new Problem(source + ": $", "a plan must be a JSON object, found "
                    + NodeReader.describe(root))));
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.isNumber() || !version.canConvertToExactIntegral() || !version.canConvertToLong()
                || version.asLong() != Plan.FORMAT_VERSION) {
            throw new InvalidScenarioException(List.of(new Problem(source + ": $.formatVersion",
                    "this engine reads plan format version " + Plan.FORMAT_VERSION + ", found "
                            + (version == null ? "none" : NodeReader.describe(version)))));
        }
        String scenario = in.text(root, "scenario", "$", true);
        boolean feasible = in.bool(root, "feasible", "$");
        String score = in.text(root, "score", "$", false);
        List<Allocation> allocations = in.list(root, "allocations", "$", true, (node, at) -> Allocation.builder(
                in.text(node, "offer", at, true), in.text(node, "need", at, true)).units(in.count(node, "units", at))
                .amount(in.integer(node, "amount", at)).committed(in.bool(node, "committed", at))
                .extensions(in.extensions(node, at)).build());
        List<NeedOutcome> needs = in.list(root, "needs", "$", true, (node, at) -> NeedOutcome.builder(
                in.text(node, "id", at, true)).tier(in.text(node, "tier", at, true))
                .openUnits(in.count(node, "openUnits", at)).fundedUnits(in.count(node, "fundedUnits", at))
                .status(in.status(node, "status", at)).reached(in.number(node, "reached", at))
                // Optional: plans written before entitlements have none.
                .coveredBy(in.list(node, "coveredBy", at, false, (cover, coverAt) -> new CoveredBy(
                        in.text(cover, "name", coverAt, true), in.count(cover, "units", coverAt),
                        in.integer(cover, "vnd", coverAt))))
                .extensions(in.extensions(node, at)).build());
        List<OfferUse> offers = in.list(root, "offers", "$", true, (node, at) -> OfferUse.builder(
                in.text(node, "id", at, true)).used(in.integer(node, "used", at))
                .remaining(in.integer(node, "remaining", at)).extensions(in.extensions(node, at)).build());
        List<TierTotal> tiers = in.list(root, "tiers", "$", true, (node, at) -> TierTotal.builder(
                in.text(node, "name", at, true)).reached(in.number(node, "reached", at)).value(in.number(node, "value", at))
                .children(in.integer(node, "children", at)).needs(in.count(node, "needs", at))
                .fundedNeeds(in.count(node, "fundedNeeds", at)).extensions(in.extensions(node, at)).build());
        List<String> violations = in.list(root, "violations", "$", false, (node, at) -> in.textValue(node, at));
        // A rule code from a newer writer is left out here; its words stay in 'violations'.
        List<RuleViolation> ruleViolations = in.list(root, "ruleViolations", "$", false, (node, at) -> in.rule(node, at)
                .map(rule -> new RuleViolation(rule, Optional.ofNullable(in.text(node, "offer", at, false)).filter(s -> !s.isEmpty()),
                Optional.ofNullable(in.text(node, "need", at, false)).filter(s -> !s.isEmpty()),
                        in.number(node, "excess", at), in.text(node, "unit", at, true),
                        in.text(node, "message", at, true))))
                .stream().flatMap(Optional::stream).toList();
        SolverStats solver = SolverStats.NONE;
        JsonNode stats = root.get("solver");
        if (stats != null && !stats.isNull()) {
            if (in.isObject(stats, "$.solver")) {
                solver = SolverStats.builder().millis(in.integer(stats, "millis", "$.solver"))
                        .scoreCalculationSpeed(in.integer(stats, "scoreCalculationSpeed", "$.solver"))
                        .constructionMillis(in.integer(stats, "constructionMillis", "$.solver"))
                        .randomSeed(in.integer(stats, "randomSeed", "$.solver")).build();
            }
        }
        Extensions extensions = in.extensions(root, "$");
        if (!in.problems.isEmpty()) {
            throw new InvalidScenarioException(in.problems);
        }
        return Plan.builder(scenario).feasible(feasible).score(score == null ? "" : score).allocations(allocations)
                .needs(needs).offers(offers).tiers(tiers).violations(violations).ruleViolations(ruleViolations)
                .solver(solver).extensions(extensions).build();
    }

    /**
     * Reads known fields, collecting every problem with its JSON path; tolerates unknown fields.
     * Every access is guarded: a value of the wrong type is a problem and a fallback, never an
     * exception, so that a broken plan is reported in the words of its fields.
     */
    private static final class Reader {
        private final String source;
        private final List<Problem> problems = new ArrayList<>();

        Reader(String source) {
            this.source = source;
        }

        private void problem(String path, String message) {
            problems.add(new Problem(source + ": " + path, message));
        }

        boolean isObject(JsonNode node, String at) {
            if (!node.isObject()) {
                problem(at, "must be an object, found " + NodeReader.describe(node));
                return false;
            }
            return true;
        }

        private JsonNode field(JsonNode node, String name, String at, boolean required) {
            JsonNode value = node.get(name);
            if ((value == null || value.isNull()) && required) {
                problem(at + "." + name, "is required");
            }
            return value == null || value.isNull() ? null : value;
        }

        String text(JsonNode node, String name, String at, boolean required) {
            JsonNode value = field(node, name, at, required);
            return value == null ? (required ? "" : null) : textValue(value, at + "." + name);
        }

        String textValue(JsonNode value, String at) {
            if (!value.isTextual()) {
                problem(at, "must be a string, found " + NodeReader.describe(value));
                return "";
            }
            return value.textValue();
        }

        boolean bool(JsonNode node, String name, String at) {
            JsonNode value = field(node, name, at, true);
            if (value != null && !value.isBoolean()) {
                problem(at + "." + name, "must be true or false, found " + NodeReader.describe(value));
            }
            return value != null && value.asBoolean();
        }

        long integer(JsonNode node, String name, String at) {
            JsonNode value = field(node, name, at, true);
            if (value == null) {
                return 0;
            }
            if (!value.isNumber() || !value.canConvertToExactIntegral()) {
                problem(at + "." + name, "must be a whole number, found " + NodeReader.describe(value));
                return 0;
            }
            if (!value.canConvertToLong()) {
                problem(at + "." + name, "is too large for a 64-bit integer: " + NodeReader.number(value));
                return 0;
            }
            return value.isIntegralNumber() ? value.longValue() : value.decimalValue().longValueExact();
        }

        /** A whole number that fits a count (32 bits). */
        int count(JsonNode node, String name, String at) {
            long value = integer(node, name, at);
            if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
                problem(at + "." + name, "is too large for a count: " + value);
                return 0;
            }
            return (int) value;
        }

        double number(JsonNode node, String name, String at) {
            JsonNode value = field(node, name, at, true);
            if (value == null) {
                return 0;
            }
            if (!value.isNumber()) {
                problem(at + "." + name, "must be a number, found " + NodeReader.describe(value));
                return 0;
            }
            if (!Double.isFinite(value.asDouble())) {
                problem(at + "." + name, "is too large a number: " + NodeReader.number(value));
                return 0;
            }
            return value.asDouble() + 0.0; // -0.0 reads as 0, as JSON writes it back
        }

        Extensions extensions(JsonNode node, String at) {
            JsonNode value = node.get(NodeReader.EXTENSIONS);
            if (value == null) {
                return Extensions.NONE;
            }
            if (!value.isObject()) {
                problem(at + "." + NodeReader.EXTENSIONS, "must be a JSON object, found " + NodeReader.describe(value));
                return Extensions.NONE;
            }
            return ExtensionsJson.of(value);
        }

        NeedStatus status(JsonNode node, String name, String at) {
            String text = text(node, name, at, true);
            try {
                return NeedStatus.valueOf(text);
            } catch (IllegalArgumentException e) {
                if (!text.isEmpty()) {
                    problem(at + "." + name, "must be one of FUNDED, PARTIAL, UNFUNDED, found " + Texts.shown(text));
                }
                return NeedStatus.UNFUNDED;
            }
        }

        Optional<Rule> rule(JsonNode node, String at) {
            String text = text(node, "rule", at, true);
            try {
                return Optional.of(Rule.valueOf(text));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        <T> List<T> list(JsonNode node, String name, String at, boolean required, BiFunction<JsonNode, String, T> item) {
            JsonNode value = field(node, name, at, required);
            List<T> items = new ArrayList<>();
            if (value == null) {
                return items;
            }
            String path = at + "." + name;
            if (!value.isArray()) {
                problem(path, "must be a list, found " + NodeReader.describe(value));
                return items;
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                String elementPath = path + "[" + i + "]";
                if (element.isObject() || element.isTextual() && "violations".equals(name)) {
                    items.add(item.apply(element, elementPath));
                } else {
                    problem(elementPath, "must be " + ("violations".equals(name) ? "a string" : "an object")
                            + ", found " + NodeReader.describe(element));
                }
            }
            return items;
        }
    }
}
