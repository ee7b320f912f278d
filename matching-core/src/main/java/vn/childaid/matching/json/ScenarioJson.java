package vn.childaid.matching.json;

import static vn.childaid.matching.json.NodeReader.fields;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.policy.PolicyPreset;
import vn.childaid.matching.policy.PriorityMode;
import vn.childaid.matching.policy.TierRule;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Commune;
import vn.childaid.matching.scenario.District;
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.OfferKind;
import vn.childaid.matching.scenario.Preferences;
import vn.childaid.matching.scenario.Problem;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.scenario.Village;

/**
 * Reads and writes scenarios in the v1 JSON contract ({@code shared/docs/scenario-format.md}).
 * Reading reports every problem with its JSON path (or file, line and column for malformed JSON)
 * in one {@link InvalidScenarioException}. Writing spells out every field, defaults included, so
 * a written scenario reads back equal.
 */
public final class ScenarioJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Set<String> SCENARIO_FIELDS = fields("formatVersion", "name", "year", "policy", "districts",
            "communes", "villages", "needs", "donors", "offers", "commitments");
    private static final Set<String> POLICY_FIELDS = fields("preset", "priorityMode", "tiers", "otherTier",
            "tierWeights", "categoryWeights", "maxFundersPerNeed", "especiallyDifficultFirst");
    private static final Set<String> TIER_FIELDS = fields("name", "especiallyDifficult", "region", "urgency");
    private static final Set<String> DISTRICT_FIELDS = fields("code", "name");
    private static final Set<String> COMMUNE_FIELDS = fields("code", "name", "district", "region");
    private static final Set<String> VILLAGE_FIELDS = fields("code", "name", "commune", "especiallyDifficult");
    private static final Set<String> NEED_FIELDS = fields("id", "village", "commune", "category", "ageBand",
            "children", "quantity", "unitCost", "urgency", "divisible", "alreadyCovered", "reportedBy");
    private static final Set<String> DONOR_FIELDS = fields("id", "name", "type");
    private static final Set<String> OFFER_FIELDS = fields("id", "donor", "kind", "amount", "category", "quantity",
            "unitValue", "categories", "areas", "ageBands", "especiallyDifficultOnly", "minGrant", "maxNeeds",
            "preferences");
    private static final Set<String> PREFERENCE_FIELDS = fields("categories", "areas");
    private static final Set<String> COMMITMENT_FIELDS = fields("offer", "need", "units");

    private ScenarioJson() {}

    /** Reads and validates a scenario file; problems name the file and the JSON path. */
    public static Scenario read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidScenarioException(List.of(new Problem(file.toString(), "cannot be read: " + e.getMessage())));
        }
        return parse(text, file.toString());
    }

    /** Reads and validates a scenario from JSON text; {@code source} names it in problems. */
    public static Scenario parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException(List.of(malformed(source, e)));
        }
        NodeReader in = new NodeReader();
        Scenario.Builder builder = readScenario(in, root);
        if (!in.problems().isEmpty()) {
            throw new InvalidScenarioException(in.problems());
        }
        return builder.build();
    }

    static Problem malformed(String source, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? source : source + ":" + at.getLineNr() + ":" + at.getColumnNr();
        return new Problem(where, "is not valid JSON: " + e.getOriginalMessage());
    }

    private static Scenario.Builder readScenario(NodeReader in, JsonNode root) {
        String at = "$";
        if (!in.object(root, at, SCENARIO_FIELDS)) {
            return Scenario.builder("?");
        }
        long version = in.longValue(root, "formatVersion", at, Optional.empty());
        if (root.has("formatVersion") && version != Scenario.FORMAT_VERSION) {
            in.problem("$.formatVersion", "this engine reads format version " + Scenario.FORMAT_VERSION + ", found " + version);
        }
        Scenario.Builder builder = Scenario.builder(in.text(root, "name", at));
        if (root.hasNonNull("year")) {
            builder.year(in.intValue(root, "year", at, Optional.empty()));
        }
        builder.policy(readPolicy(in, root.get("policy"), "$.policy"));
        in.list(root, "districts", at, (node, path) -> !in.object(node, path, DISTRICT_FIELDS) ? Optional.empty()
                : Optional.of(new District(in.text(node, "code", path), in.text(node, "name", path))))
                .forEach(builder::district);
        in.list(root, "communes", at, (node, path) -> !in.object(node, path, COMMUNE_FIELDS) ? Optional.empty()
                : Optional.of(new Commune(in.text(node, "code", path), in.text(node, "name", path),
                        in.optionalText(node, "district", path),
                        in.enumValue(node, "region", path, Region.class, Region.III))))
                .forEach(builder::commune);
        in.list(root, "villages", at, (node, path) -> !in.object(node, path, VILLAGE_FIELDS) ? Optional.empty()
                : Optional.of(new Village(in.text(node, "code", path), in.text(node, "name", path),
                        in.text(node, "commune", path), in.bool(node, "especiallyDifficult", path, false))))
                .forEach(builder::village);
        in.list(root, "needs", at, (node, path) -> readNeed(in, node, path)).forEach(builder::need);
        in.list(root, "donors", at, (node, path) -> !in.object(node, path, DONOR_FIELDS) ? Optional.empty()
                : Optional.of(new Donor(in.text(node, "id", path), in.text(node, "name", path),
                        in.enumValue(node, "type", path, DonorType.class, DonorType.INDIVIDUAL))))
                .forEach(builder::donor);
        in.list(root, "offers", at, (node, path) -> readOffer(in, node, path)).forEach(builder::offer);
        in.list(root, "commitments", at, (node, path) -> !in.object(node, path, COMMITMENT_FIELDS) ? Optional.empty()
                : Optional.of(new Commitment(in.text(node, "offer", path), in.text(node, "need", path),
                        in.intValue(node, "units", path, Optional.empty()))))
                .forEach(builder::commitment);
        return builder;
    }

    /** A preset (default PHASE_1_2019_2022) with any field beside it overriding the preset's. */
    private static Policy readPolicy(NodeReader in, JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return Policy.defaultPolicy();
        }
        if (!in.object(node, at, POLICY_FIELDS)) {
            return Policy.defaultPolicy();
        }
        PolicyPreset preset = in.optionalEnum(node, "preset", at, PolicyPreset.class)
                .orElse(PolicyPreset.PHASE_1_2019_2022);
        Policy base = preset.policy();
        PriorityMode mode = in.optionalEnum(node, "priorityMode", at, PriorityMode.class).orElse(base.priorityMode());
        List<TierRule> tiers = !node.has("tiers") ? base.tiers()
                : in.list(node, "tiers", at, (tier, path) -> !in.object(tier, path, TIER_FIELDS) ? Optional.empty()
                        : Optional.of(new TierRule(in.text(tier, "name", path),
                                tier.hasNonNull("especiallyDifficult")
                                        ? Optional.of(in.bool(tier, "especiallyDifficult", path, false))
                                        : Optional.empty(),
                                in.enumSet(tier, "region", path, Region.class),
                                in.enumSet(tier, "urgency", path, Urgency.class))));
        String otherTier = in.optionalText(node, "otherTier", at).orElse(base.otherTier());
        List<Long> tierWeights = !node.has("tierWeights") ? base.tierWeights()
                : in.list(node, "tierWeights", at, (weight, path) -> {
                    if (!weight.isIntegralNumber() || !weight.canConvertToLong()) {
                        in.problem(path, "must be a whole number");
                        return Optional.empty();
                    }
                    return Optional.of(weight.longValue());
                });
        Map<Category, Double> categoryWeights = !node.has("categoryWeights") ? base.categoryWeights()
                : in.weights(node, "categoryWeights", at, in.enumKey(at + ".categoryWeights", Category.class));
        int maxFunders = in.intValue(node, "maxFundersPerNeed", at, Optional.of(base.maxFundersPerNeed()));
        boolean edFirst = in.bool(node, "especiallyDifficultFirst", at, base.especiallyDifficultFirst());
        return new Policy(Optional.of(preset.name()), mode, tiers, otherTier, tierWeights, categoryWeights, maxFunders,
                edFirst);
    }

    private static Optional<Need> readNeed(NodeReader in, JsonNode node, String at) {
        if (!in.object(node, at, NEED_FIELDS)) {
            return Optional.empty();
        }
        Category category = in.enumValue(node, "category", at, Category.class, Category.HEALTHCARE);
        return Optional.of(new Need(in.text(node, "id", at),
                in.optionalText(node, "village", at),
                in.optionalText(node, "commune", at),
                category,
                in.optionalEnum(node, "ageBand", at, AgeBand.class).orElse(AgeBand.ALL),
                in.intValue(node, "children", at, Optional.empty()),
                in.intValue(node, "quantity", at, Optional.empty()),
                in.longValue(node, "unitCost", at, Optional.empty()),
                in.optionalEnum(node, "urgency", at, Urgency.class).orElse(Urgency.NORMAL),
                in.bool(node, "divisible", at, category.divisibleByDefault()),
                in.intValue(node, "alreadyCovered", at, Optional.of(0)),
                in.optionalText(node, "reportedBy", at)));
    }

    private static Optional<Offer> readOffer(NodeReader in, JsonNode node, String at) {
        if (!in.object(node, at, OFFER_FIELDS)) {
            return Optional.empty();
        }
        OfferKind kind = in.enumValue(node, "kind", at, OfferKind.class, OfferKind.CASH);
        boolean cash = kind == OfferKind.CASH;
        for (String field : cash ? List.of("quantity", "unitValue") : List.of("amount")) {
            if (node.has(field)) {
                in.problem(at + "." + field, "is not a field of a " + kind + " offer");
            }
        }
        Preferences preferences = Preferences.NONE;
        JsonNode wishes = node.get("preferences");
        if (wishes != null && !wishes.isNull() && in.object(wishes, at + ".preferences", PREFERENCE_FIELDS)) {
            preferences = new Preferences(
                    in.weights(wishes, "categories", at + ".preferences",
                            in.enumKey(at + ".preferences.categories", Category.class)),
                    in.weights(wishes, "areas", at + ".preferences", Optional::of));
        }
        return Optional.of(new Offer(in.text(node, "id", at), in.text(node, "donor", at), kind,
                cash ? in.longValue(node, "amount", at, Optional.empty()) : 0,
                in.optionalEnum(node, "category", at, Category.class),
                cash ? 0 : in.intValue(node, "quantity", at, Optional.empty()),
                cash ? 0 : in.longValue(node, "unitValue", at, Optional.of(0L)),
                in.enumSet(node, "categories", at, Category.class),
                in.textSet(node, "areas", at),
                in.enumSet(node, "ageBands", at, AgeBand.class),
                in.bool(node, "especiallyDifficultOnly", at, false),
                in.longValue(node, "minGrant", at, Optional.of(0L)),
                in.intValue(node, "maxNeeds", at, Optional.of(0)),
                preferences));
    }

    // ---- Writing ----

    /** The scenario as contract JSON, every field spelled out. */
    public static String toJson(Scenario scenario) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(scenario));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario tree always serialises", e);
        }
    }

    /**
     * Writes the scenario to {@code file} whole or not at all (see {@link vn.childaid.matching.files.OutputFile}).
     *
     * @throws vn.childaid.matching.files.OutputFileException naming {@code file} and why it cannot be written
     */
    public static void write(Scenario scenario, Path file) {
        vn.childaid.matching.files.OutputFile.of(file).writeString(toJson(scenario));
    }

    static ObjectNode toTree(Scenario scenario) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", Scenario.FORMAT_VERSION);
        root.put("name", scenario.name());
        scenario.year().ifPresent(year -> root.put("year", year));
        root.set("policy", policyTree(scenario.policy()));
        ArrayNode districts = root.putArray("districts");
        scenario.districts().forEach(d -> districts.addObject().put("code", d.code()).put("name", d.name()));
        ArrayNode communes = root.putArray("communes");
        for (Commune c : scenario.communes()) {
            ObjectNode node = communes.addObject().put("code", c.code()).put("name", c.name());
            c.district().ifPresent(d -> node.put("district", d));
            node.put("region", c.region().name());
        }
        ArrayNode villages = root.putArray("villages");
        scenario.villages().forEach(v -> villages.addObject().put("code", v.code()).put("name", v.name())
                .put("commune", v.commune()).put("especiallyDifficult", v.especiallyDifficult()));
        ArrayNode needs = root.putArray("needs");
        for (Need n : scenario.needs()) {
            ObjectNode node = needs.addObject().put("id", n.id());
            n.village().ifPresent(v -> node.put("village", v));
            n.commune().ifPresent(c -> node.put("commune", c));
            node.put("category", n.category().name()).put("ageBand", n.ageBand().name())
                    .put("children", n.children()).put("quantity", n.quantity()).put("unitCost", n.unitCost())
                    .put("urgency", n.urgency().name()).put("divisible", n.divisible())
                    .put("alreadyCovered", n.alreadyCovered());
            n.reportedBy().ifPresent(r -> node.put("reportedBy", r));
        }
        ArrayNode donors = root.putArray("donors");
        scenario.donors().forEach(d -> donors.addObject().put("id", d.id()).put("name", d.name())
                .put("type", d.type().name()));
        ArrayNode offers = root.putArray("offers");
        scenario.offers().forEach(o -> offers.add(offerTree(o)));
        ArrayNode commitments = root.putArray("commitments");
        scenario.commitments().forEach(c -> commitments.addObject().put("offer", c.offer()).put("need", c.need())
                .put("units", c.units()));
        return root;
    }

    private static ObjectNode offerTree(Offer o) {
        ObjectNode node = MAPPER.createObjectNode().put("id", o.id()).put("donor", o.donor()).put("kind", o.kind().name());
        if (o.isCash()) {
            node.put("amount", o.amount());
        } else {
            node.put("quantity", o.quantity()).put("unitValue", o.unitValue());
        }
        o.category().ifPresent(c -> node.put("category", c.name()));
        names(node.putArray("categories"), o.categories());
        o.areas().stream().sorted().forEach(node.putArray("areas")::add);
        names(node.putArray("ageBands"), o.ageBands());
        node.put("especiallyDifficultOnly", o.especiallyDifficultOnly()).put("minGrant", o.minGrant())
                .put("maxNeeds", o.maxNeeds());
        ObjectNode preferences = node.putObject("preferences");
        ObjectNode categories = preferences.putObject("categories");
        o.preferences().categories().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> categories.put(e.getKey().name(), e.getValue()));
        ObjectNode areas = preferences.putObject("areas");
        o.preferences().areas().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> areas.put(e.getKey(), e.getValue()));
        return node;
    }

    private static void names(ArrayNode array, Collection<? extends Enum<?>> values) {
        values.stream().map(Enum::name).sorted().forEach(array::add);
    }

    private static ObjectNode policyTree(Policy policy) {
        ObjectNode node = MAPPER.createObjectNode();
        policy.preset().ifPresent(p -> node.put("preset", p));
        node.put("priorityMode", policy.priorityMode().name());
        ArrayNode tiers = node.putArray("tiers");
        for (TierRule rule : policy.tiers()) {
            ObjectNode tier = tiers.addObject().put("name", rule.name());
            rule.especiallyDifficult().ifPresent(ed -> tier.put("especiallyDifficult", ed));
            if (!rule.regions().isEmpty()) {
                names(tier.putArray("region"), rule.regions());
            }
            if (!rule.urgencies().isEmpty()) {
                names(tier.putArray("urgency"), rule.urgencies());
            }
        }
        node.put("otherTier", policy.otherTier());
        policy.tierWeights().forEach(node.putArray("tierWeights")::add);
        ObjectNode weights = node.putObject("categoryWeights");
        policy.categoryWeights().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> weights.put(e.getKey().name(), e.getValue()));
        node.put("maxFundersPerNeed", policy.maxFundersPerNeed());
        node.put("especiallyDifficultFirst", policy.especiallyDifficultFirst());
        return node;
    }

}
