package vn.childaid.matching.json;

import static vn.childaid.matching.json.NodeReader.fields;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.extensions.Extensions;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.policy.PolicyPreset;
import vn.childaid.matching.policy.PriorityMode;
import vn.childaid.matching.policy.TierRule;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Commune;
import vn.childaid.matching.scenario.District;
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.Province;
import vn.childaid.matching.scenario.Entitlement;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.OfferKind;
import vn.childaid.matching.scenario.Preferences;
import vn.childaid.matching.scenario.Problem;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.scenario.Village;

/**
 * Reads and writes scenarios in the v1 JSON contract ({@code docs/contract.md}). Reading reports
 * every problem with its JSON path (or file, line and column for a file that is not UTF-8 JSON)
 * in one {@link InvalidScenarioException}: problems of shape (unknown field, wrong type) and
 * problems of the rules (references, uniqueness, totals) together. Writing spells out every
 * field, defaults included, so a written scenario reads back equal.
 *
 * <p>Every object of a scenario may carry an {@code "extensions"} object: it is read into an
 * {@link Extensions}, never looked into, and written back as the same JSON value (keys sorted,
 * numbers exactly as read).
 */
public final class ScenarioJson {
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(JsonInput.MAX_NESTING).build())
            .build());
    /**
     * Reads scenarios with decimals as written (not rounded to a double, trailing zeros kept), so
     * that numbers in extensions are written back exactly.
     */
    static final ObjectReader READER = MAPPER.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    private static final Set<String> SCENARIO_FIELDS = fields("formatVersion", "name", "year", "province", "policy", "districts",
            "communes", "villages", "needs", "donors", "offers", "commitments", "entitlements");
    private static final Set<String> POLICY_FIELDS = fields("preset", "priorityMode", "tiers", "otherTier",
            "tierWeights", "categoryWeights", "maxFundersPerNeed", "especiallyDifficultFirst");
    private static final Set<String> TIER_FIELDS = fields("name", "especiallyDifficult", "region", "urgency");
    private static final Set<String> DISTRICT_FIELDS = fields("code", "name");
    private static final Set<String> COMMUNE_FIELDS = fields("code", "name", "district", "region");
    private static final Set<String> VILLAGE_FIELDS = fields("code", "name", "commune", "especiallyDifficult");
    private static final Set<String> NEED_FIELDS = fields("id", "village", "commune", "category", "ageBand",
            "children", "quantity", "unitCost", "urgency", "divisible", "alreadyCovered", "reportedBy");
    private static final Set<String> DONOR_FIELDS = fields("id", "name", "type", "anonymous");
    private static final Set<String> PROVINCE_FIELDS = fields("code", "name");
    private static final Set<String> OFFER_FIELDS = fields("id", "donor", "kind", "amount", "category", "quantity",
            "unitValue", "categories", "areas", "ageBands", "especiallyDifficultOnly", "minGrant", "maxNeeds",
            "preferences");
    private static final Set<String> PREFERENCE_FIELDS = fields("categories", "areas");
    private static final Set<String> COMMITMENT_FIELDS = fields("offer", "need", "units");
    private static final Set<String> ENTITLEMENT_FIELDS = fields("name", "category", "ageBands", "places",
            "coveredShare", "amountPerUnit");
    private static final Set<String> PLACES_FIELDS = fields("areas", "especiallyDifficult", "regions");

    private ScenarioJson() {}

    /**
     * Files larger than this many bytes are refused before they are read (256 MiB, some ten
     * national scenarios), unless the system property {@link #MAX_INPUT_BYTES_PROPERTY} or
     * {@link #read(Path, long)} says otherwise.
     */
    public static final long DEFAULT_MAX_INPUT_BYTES = JsonInput.DEFAULT_MAX_BYTES;
    /** System property that sets the size limit of {@link #read(Path)}: bytes, or a number with k, m or g. */
    public static final String MAX_INPUT_BYTES_PROPERTY = JsonInput.MAX_BYTES_PROPERTY;

    /**
     * Reads and validates a scenario file of at most {@link #DEFAULT_MAX_INPUT_BYTES} (or what
     * {@link #MAX_INPUT_BYTES_PROPERTY} sets); problems name the file and the JSON path.
     */
    public static Scenario read(Path file) {
        return read(file, JsonInput.maxBytesFromProperty(file.toString()));
    }

    /**
     * Reads and validates a scenario file, refusing it before reading when it is larger than
     * {@code maxBytes}. The file must be UTF-8 (a byte-order mark is skipped) and hold one JSON
     * document and nothing after it.
     *
     * @throws InvalidScenarioException listing every problem of the file
     */
    public static Scenario read(Path file, long maxBytes) {
        return fromTree(JsonInput.readFile(file, maxBytes));
    }

    /** Reads and validates a scenario from JSON text; {@code source} names it in problems. */
    public static Scenario parse(String json, String source) {
        return fromTree(JsonInput.parse(json, source));
    }

    /**
     * Every problem at once. Problems of shape (a wrong type, a missing field) do not stop the
     * rules: what could be read is checked too, each unreadable value standing in for by a
     * fallback, and the rule problems that only that fallback caused are left out.
     */
    private static Scenario fromTree(JsonNode root) {
        NodeReader in = new NodeReader();
        ReadDamage damage = new ReadDamage();
        Scenario.Builder builder = readScenario(in, damage, root);
        if (in.problems().isEmpty()) {
            try {
                return builder.build();
            } catch (InvalidScenarioException invalid) {
                throw new InvalidScenarioException(ProblemOrder.sorted(invalid.problems()));
            }
        }
        List<Problem> problems = new ArrayList<>(in.problems());
        problems.addAll(damage.withoutFollowOns(builder.problems(), in.problems()));
        throw new InvalidScenarioException(ProblemOrder.sorted(problems));
    }

    /**
     * Extensions from the JSON text of an object, in the canonical form reading makes, so that they
     * equal the extensions of a scenario read from JSON holding the same value.
     *
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    public static Extensions extensions(String objectJson) {
        JsonNode node;
        try {
            node = JsonInput.parse(objectJson, "extensions");
        } catch (InvalidScenarioException e) {
            throw new IllegalArgumentException(e.problems().get(0).toString(), e);
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("extensions must be a JSON object, found: " + Texts.shown(objectJson));
        }
        return ExtensionsJson.of(node);
    }

    /**
     * Reads a policy on its own, as the JSON object a scenario holds under {@code "policy"} (a
     * preset, fields overriding it, extensions). Problems name the field by its path inside that
     * object ({@code $.tiers[0].name}), or {@code source:line:column} for malformed JSON. The rules
     * between fields (unique tier names, weights) are the scenario's, checked when it is built.
     *
     * @throws InvalidScenarioException listing every problem
     */
    public static Policy readPolicy(String json, String source) {
        JsonNode root = JsonInput.parse(json, source);
        NodeReader in = new NodeReader();
        Policy policy = root == null || root.isMissingNode()
                ? reportEmpty(in) : readPolicy(in, new ReadDamage(), root, "$");
        if (!in.problems().isEmpty()) {
            throw new InvalidScenarioException(in.problems());
        }
        return policy;
    }

    private static Policy reportEmpty(NodeReader in) {
        in.problem("$", "must be an object, found nothing");
        return Policy.defaultPolicy();
    }

    /** A policy alone as JSON, every field spelled out, as a scenario writes it under {@code "policy"}. */
    public static String policyToJson(Policy policy) {
        return pretty(policyTree(policy, "$.policy"));
    }

    /**
     * Reads a JSON object whose every member is an extensions object, e.g. extensions kept beside
     * a scenario, keyed by whatever the caller chose; members keep their order. A problem names the
     * member's key as its path ({@code source:line:column} for malformed JSON).
     *
     * @throws InvalidScenarioException listing every problem
     */
    public static Map<String, Extensions> readExtensionsByKey(String json, String source) {
        JsonNode root = JsonInput.parse(json, source);
        if (root == null || !root.isObject()) {
            throw new InvalidScenarioException(List.of(new Problem(source,
                    "must be a JSON object of extensions objects, found " + (root == null || root.isMissingNode()
                            ? "nothing" : root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)))));
        }
        Map<String, Extensions> byKey = new java.util.LinkedHashMap<>();
        List<Problem> problems = new java.util.ArrayList<>();
        for (Map.Entry<String, JsonNode> member : root.properties()) {
            if (member.getValue().isObject()) {
                byKey.put(member.getKey(), ExtensionsJson.of(member.getValue()));
            } else {
                problems.add(new Problem(member.getKey(), "must be a JSON object, found "
                        + member.getValue().getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        return byKey;
    }

    /** The counterpart of {@link #readExtensionsByKey}: one member per entry, in the map's order. */
    public static String extensionsByKeyToJson(Map<String, Extensions> byKey) {
        ObjectNode root = MAPPER.createObjectNode();
        byKey.forEach((key, extensions) -> root.set(key, ExtensionsJson.tree(extensions, key)));
        return pretty(root);
    }

    private static String pretty(JsonNode tree) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static Scenario.Builder readScenario(NodeReader in, ReadDamage damage, JsonNode root) {
        String at = "$";
        if (!in.object(root, at, SCENARIO_FIELDS)) {
            return Scenario.builder(NodeReader.UNREAD);
        }
        long version = in.longValue(root, "formatVersion", at, Optional.empty());
        if (root.has("formatVersion") && version != Scenario.FORMAT_VERSION && in.problems().stream()
                .noneMatch(p -> p.path().equals("$.formatVersion"))) {
            in.problem("$.formatVersion", "this engine reads format version " + Scenario.FORMAT_VERSION + ", found " + version);
        }
        Scenario.Builder builder = Scenario.builder(in.text(root, "name", at));
        if (root.hasNonNull("year")) {
            builder.year(in.intValue(root, "year", at, Optional.empty()));
        }
        if (root.hasNonNull("province")) {
            readProvince(in, root.get("province"), "$.province").ifPresent(builder::province);
        }
        builder.policy(readPolicy(in, damage, root.get("policy"), "$.policy"));
        for (ReadDamage.Kind kind : ReadDamage.Kind.values()) {
            JsonNode array = root.get(kind.field);
            if (array != null && !array.isNull() && !array.isArray()) {
                damage.keyUnread(kind); // the whole list is unread: any reference to one of its ids may be right
            }
        }
        in.list(root, "districts", at, (node, path) -> Optional.of(readDistrict(in, damage, node, path)))
                .forEach(builder::district);
        in.list(root, "communes", at, (node, path) -> Optional.of(readCommune(in, damage, node, path)))
                .forEach(builder::commune);
        in.list(root, "villages", at, (node, path) -> Optional.of(readVillage(in, damage, node, path)))
                .forEach(builder::village);
        in.list(root, "needs", at, (node, path) -> Optional.of(readNeed(in, damage, node, path))).forEach(builder::need);
        in.list(root, "donors", at, (node, path) -> Optional.of(readDonor(in, damage, node, path)))
                .forEach(builder::donor);
        in.list(root, "offers", at, (node, path) -> Optional.of(readOffer(in, damage, node, path)))
                .forEach(builder::offer);
        List<Commitment> commitments = in.list(root, "commitments", at, (node, path) -> Optional.of(readCommitment(in, damage, node, path)));
        commitments.forEach(builder::commitment);
        damage.commitments(commitments);
        in.list(root, "entitlements", at, (node, path) -> Optional.of(readEntitlement(in, node, path)))
                .forEach(builder::entitlement);
        builder.extensions(in.extensions(root, at));
        return builder;
    }

    // A list element that is not an object still takes its place in the list, as a placeholder
    // whose own problems fall under the element's path and are left out: so that the paths of the
    // elements after it stay right.

    private static District readDistrict(NodeReader in, ReadDamage damage, JsonNode node, String at) {
        if (!in.object(node, at, DISTRICT_FIELDS)) {
            damage.keyUnread(ReadDamage.Kind.DISTRICT);
            return District.of(NodeReader.UNREAD, NodeReader.UNREAD);
        }
        int before = in.valueProblemCount();
        String code = in.text(node, "code", at);
        damage.key(ReadDamage.Kind.DISTRICT, in.valueProblemCount() == before);
        return District.builder(code).name(in.text(node, "name", at)).extensions(in.extensions(node, at)).build();
    }

    private static Commune readCommune(NodeReader in, ReadDamage damage, JsonNode node, String at) {
        if (!in.object(node, at, COMMUNE_FIELDS)) {
            damage.keyUnread(ReadDamage.Kind.COMMUNE);
            return Commune.of(NodeReader.UNREAD, NodeReader.UNREAD, Region.III);
        }
        int before = in.valueProblemCount();
        String code = in.text(node, "code", at);
        damage.key(ReadDamage.Kind.COMMUNE, in.valueProblemCount() == before);
        Commune.Builder commune = Commune.builder(code).name(in.text(node, "name", at));
        in.optionalText(node, "district", at).ifPresent(commune::district);
        return commune.region(in.enumValue(node, "region", at, Region.class, Region.III))
                .extensions(in.extensions(node, at)).build();
    }

    private static Village readVillage(NodeReader in, ReadDamage damage, JsonNode node, String at) {
        if (!in.object(node, at, VILLAGE_FIELDS)) {
            damage.keyUnread(ReadDamage.Kind.VILLAGE);
            return Village.of(NodeReader.UNREAD, NodeReader.UNREAD, NodeReader.UNREAD, false);
        }
        int before = in.valueProblemCount();
        String code = in.text(node, "code", at);
        damage.key(ReadDamage.Kind.VILLAGE, in.valueProblemCount() == before);
        return Village.builder(code).name(in.text(node, "name", at))
                .commune(in.text(node, "commune", at))
                .especiallyDifficult(in.bool(node, "especiallyDifficult", at, false))
                .extensions(in.extensions(node, at)).build();
    }

    private static Optional<Province> readProvince(NodeReader in, JsonNode node, String at) {
        if (!in.object(node, at, PROVINCE_FIELDS)) {
            return Optional.empty();
        }
        if (node.has("extensions")) {
            // A Province has nowhere to keep them; dropping them silently would lose the caller's data.
            in.problem(at + ".extensions", "the province takes no extensions: put them in the scenario's own");
        }
        // A missing or blank code or name is a problem already; the placeholder never reaches a caller.
        return Optional.of(new Province(in.text(node, "code", at), in.text(node, "name", at)));
    }

    private static Donor readDonor(NodeReader in, ReadDamage damage, JsonNode node, String at) {
        if (!in.object(node, at, DONOR_FIELDS)) {
            damage.keyUnread(ReadDamage.Kind.DONOR);
            return Donor.of(NodeReader.UNREAD, NodeReader.UNREAD, DonorType.INDIVIDUAL);
        }
        int before = in.valueProblemCount();
        String id = in.text(node, "id", at);
        damage.key(ReadDamage.Kind.DONOR, in.valueProblemCount() == before);
        return Donor.builder(id).name(in.text(node, "name", at))
                .type(in.enumValue(node, "type", at, DonorType.class, DonorType.INDIVIDUAL))
                .anonymous(in.bool(node, "anonymous", at, false))
                .extensions(in.extensions(node, at)).build();
    }

    private static Commitment readCommitment(NodeReader in, ReadDamage damage, JsonNode node, String at) {
        if (!in.object(node, at, COMMITMENT_FIELDS)) {
            // Left out of the totals: a missing commitment lowers them, so it causes no false excess.
            return Commitment.of(NodeReader.UNREAD, NodeReader.UNREAD, 1);
        }
        int before = in.valueProblemCount();
        Commitment.Builder commitment = Commitment.builder(in.text(node, "offer", at), in.text(node, "need", at));
        // An unreadable count stands in as 1, not 0: a count below 1 would keep every other
        // commitment's totals from being checked.
        int units = in.intValue(node, "units", at, Optional.empty());
        boolean unitsRead = in.valueProblemCount() == before;
        Commitment read = commitment.units(unitsRead ? units : 1).extensions(in.extensions(node, at)).build();
        if (in.valueProblemCount() > before) {
            damage.commitmentDamaged(read);
        }
        return read;
    }

    /** A preset (default PHASE_1_2019_2022) with any field beside it overriding the preset's. */
    private static Policy readPolicy(NodeReader in, ReadDamage damage, JsonNode node, String at) {
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
        List<TierRule> tiers = !node.hasNonNull("tiers") ? base.tiers()
                : in.list(node, "tiers", at, (tier, path) -> Optional.of(readTier(in, tier, path)));
        String otherTier = in.optionalText(node, "otherTier", at).orElse(base.otherTier());
        // An unreadable weight stands in as 0, so that the count of weights stays the file's.
        List<Long> tierWeights = !node.hasNonNull("tierWeights") ? base.tierWeights()
                : in.list(node, "tierWeights", at, (weight, path) -> Optional.of(in.wholeNumber(weight, path).orElse(0L)));
        Map<Category, Double> categoryWeights = !node.hasNonNull("categoryWeights") ? base.categoryWeights()
                : in.weights(node, "categoryWeights", at, in.enumKey(at + ".categoryWeights", Category.class));
        int before = in.valueProblemCount();
        int maxFunders = in.intValue(node, "maxFundersPerNeed", at, Optional.of(base.maxFundersPerNeed()));
        if (in.valueProblemCount() > before) {
            damage.fundersLimitUnread();
        }
        boolean edFirst = in.bool(node, "especiallyDifficultFirst", at, base.especiallyDifficultFirst());
        return base.toBuilder().preset(preset.name()).priorityMode(mode).tiers(tiers).otherTier(otherTier)
                .tierWeights(tierWeights).categoryWeights(categoryWeights).maxFundersPerNeed(maxFunders)
                .especiallyDifficultFirst(edFirst).extensions(in.extensions(node, at)).build();
    }

    private static TierRule readTier(NodeReader in, JsonNode node, String at) {
        if (!in.object(node, at, TIER_FIELDS)) {
            return TierRule.named(NodeReader.UNREAD);
        }
        TierRule.Builder tier = TierRule.builder(in.text(node, "name", at));
        if (node.hasNonNull("especiallyDifficult")) {
            tier.especiallyDifficult(in.bool(node, "especiallyDifficult", at, false));
        }
        return tier.regions(in.enumSet(node, "region", at, Region.class))
                .urgencies(in.enumSet(node, "urgency", at, Urgency.class))
                .extensions(in.extensions(node, at)).build();
    }

    private static Need readNeed(NodeReader in, ReadDamage damage, JsonNode node, String at) {
        if (!in.object(node, at, NEED_FIELDS)) {
            damage.keyUnread(ReadDamage.Kind.NEED);
            return Need.builder(NodeReader.UNREAD).category(Category.HEALTHCARE).build();
        }
        int before = in.valueProblemCount();
        String id = in.text(node, "id", at);
        boolean idRead = in.valueProblemCount() == before;
        Category category = in.enumValue(node, "category", at, Category.class, Category.HEALTHCARE);
        Need.Builder need = Need.builder(id);
        in.optionalText(node, "village", at).ifPresent(need::village);
        in.optionalText(node, "commune", at).ifPresent(need::commune);
        need.category(category)
                .ageBand(in.optionalEnum(node, "ageBand", at, AgeBand.class).orElse(AgeBand.ALL))
                .children(in.intValue(node, "children", at, Optional.empty()))
                .quantity(in.intValue(node, "quantity", at, Optional.empty()))
                .unitCost(in.longValue(node, "unitCost", at, Optional.empty()))
                .urgency(in.optionalEnum(node, "urgency", at, Urgency.class).orElse(Urgency.NORMAL))
                .divisible(in.bool(node, "divisible", at, category.divisibleByDefault()))
                .alreadyCovered(in.intValue(node, "alreadyCovered", at, Optional.of(0)));
        in.optionalText(node, "reportedBy", at).ifPresent(need::reportedBy);
        damage.key(ReadDamage.Kind.NEED, idRead);
        if (in.valueProblemCount() > before) {
            damage.damaged(ReadDamage.Kind.NEED, id);
        }
        return need.extensions(in.extensions(node, at)).build();
    }

    private static Entitlement readEntitlement(NodeReader in, JsonNode node, String at) {
        if (!in.object(node, at, ENTITLEMENT_FIELDS)) {
            // A placeholder that breaks no rule, so that only the element's own problem is reported.
            return Entitlement.builder(NodeReader.UNREAD).category(Category.HEALTHCARE).coveredShare(0).build();
        }
        Entitlement.Builder entitlement = Entitlement.builder(in.text(node, "name", at))
                .category(in.enumValue(node, "category", at, Category.class, Category.HEALTHCARE))
                .ageBands(in.enumSet(node, "ageBands", at, AgeBand.class));
        JsonNode places = node.get("places");
        String placesAt = at + ".places";
        if (places != null && !places.isNull() && in.object(places, placesAt, PLACES_FIELDS)) {
            entitlement.areas(in.textSet(places, "areas", placesAt))
                    .especiallyDifficult(in.bool(places, "especiallyDifficult", placesAt, false))
                    .regions(in.enumSet(places, "regions", placesAt, Region.class))
                    .placesExtensions(in.extensions(places, placesAt));
        }
        if (node.hasNonNull("coveredShare")) {
            entitlement.coveredShare(in.number(node.get("coveredShare"), at + ".coveredShare"));
        }
        if (node.hasNonNull("amountPerUnit")) {
            entitlement.amountPerUnit(in.longValue(node, "amountPerUnit", at, Optional.of(1L)));
        }
        return entitlement.extensions(in.extensions(node, at)).build();
    }

    /**
     * Reads entitlements on their own, as the JSON array a scenario holds under
     * {@code "entitlements"}. Problems name the field by its path inside that array
     * ({@code $[0].coveredShare}), or {@code source:line:column} for malformed JSON. The rules
     * (known areas, one of coveredShare and amountPerUnit) are the scenario's, checked when it is built.
     *
     * @throws InvalidScenarioException listing every problem
     */
    public static List<Entitlement> readEntitlements(String json, String source) {
        JsonNode root = JsonInput.parse(json, source);
        NodeReader in = new NodeReader();
        List<Entitlement> entitlements = new ArrayList<>();
        if (root == null || !root.isArray()) {
            in.problem("$", "must be an array of entitlements, found " + NodeReader.describe(root));
        } else {
            for (int i = 0; i < root.size(); i++) {
                entitlements.add(readEntitlement(in, root.get(i), "$[" + i + "]"));
            }
        }
        if (!in.problems().isEmpty()) {
            throw new InvalidScenarioException(in.problems());
        }
        return entitlements;
    }

    /** Entitlements alone as a JSON array, every field spelled out, as a scenario writes them. */
    public static String entitlementsToJson(List<Entitlement> entitlements) {
        return pretty(entitlementsTree(entitlements, "$.entitlements"));
    }

    private static ArrayNode entitlementsTree(List<Entitlement> entitlements, String at) {
        ArrayNode array = MAPPER.createArrayNode();
        for (int i = 0; i < entitlements.size(); i++) {
            Entitlement e = entitlements.get(i);
            String path = at + "[" + i + "]";
            ObjectNode node = array.addObject().put("name", e.name()).put("category", e.category().name());
            names(node.putArray("ageBands"), e.ageBands());
            ObjectNode places = node.putObject("places");
            e.areas().stream().sorted().forEach(places.putArray("areas")::add);
            places.put("especiallyDifficult", e.especiallyDifficult());
            names(places.putArray("regions"), e.regions());
            putExtensions(places, e.placesExtensions(), path + ".places");
            e.coveredShare().ifPresent(share -> node.put("coveredShare", share));
            e.amountPerUnit().ifPresent(vnd -> node.put("amountPerUnit", vnd));
            putExtensions(node, e.extensions(), path);
        }
        return array;
    }

    private static Offer readOffer(NodeReader in, ReadDamage damage, JsonNode node, String at) {
        if (!in.object(node, at, OFFER_FIELDS)) {
            damage.keyUnread(ReadDamage.Kind.OFFER);
            return Offer.cash(NodeReader.UNREAD, NodeReader.UNREAD, 0);
        }
        int before = in.valueProblemCount();
        String id = in.text(node, "id", at);
        boolean idRead = in.valueProblemCount() == before;
        int beforeKind = in.valueProblemCount();
        OfferKind kind = in.enumValue(node, "kind", at, OfferKind.class, OfferKind.CASH);
        if (in.valueProblemCount() > beforeKind) {
            // Unreadable kind: judge the rest by what the offer gives, rather than report its fields as misplaced.
            kind = node.has("amount") ? OfferKind.CASH : OfferKind.IN_KIND;
        } else {
            for (String field : kind == OfferKind.CASH ? List.of("quantity", "unitValue") : List.of("amount")) {
                if (node.has(field)) {
                    in.harmlessProblem(at + "." + field, "is not a field of a " + kind + " offer");
                }
            }
        }
        boolean cash = kind == OfferKind.CASH;
        Preferences preferences = Preferences.NONE;
        JsonNode wishes = node.get("preferences");
        if (wishes != null && !wishes.isNull() && in.object(wishes, at + ".preferences", PREFERENCE_FIELDS)) {
            preferences = Preferences.builder()
                    .categories(in.weights(wishes, "categories", at + ".preferences",
                            in.enumKey(at + ".preferences.categories", Category.class)))
                    .areas(in.weights(wishes, "areas", at + ".preferences", Optional::of))
                    .extensions(in.extensions(wishes, at + ".preferences"))
                    .build();
        }
        Offer.Builder offer = Offer.builder(id).donor(in.text(node, "donor", at)).kind(kind)
                .amount(cash ? in.longValue(node, "amount", at, Optional.empty()) : 0);
        in.optionalEnum(node, "category", at, Category.class).ifPresent(offer::category);
        offer.quantity(cash ? 0 : in.intValue(node, "quantity", at, Optional.empty()))
                .unitValue(cash ? 0 : in.longValue(node, "unitValue", at, Optional.of(0L)))
                .categories(in.enumSet(node, "categories", at, Category.class))
                .areas(in.textSet(node, "areas", at))
                .ageBands(in.enumSet(node, "ageBands", at, AgeBand.class))
                .especiallyDifficultOnly(in.bool(node, "especiallyDifficultOnly", at, false))
                .minGrant(in.longValue(node, "minGrant", at, Optional.of(0L)))
                .maxNeeds(in.intValue(node, "maxNeeds", at, Optional.of(0)))
                .preferences(preferences);
        damage.key(ReadDamage.Kind.OFFER, idRead);
        if (in.valueProblemCount() > before) {
            damage.damaged(ReadDamage.Kind.OFFER, id);
        }
        return offer.extensions(in.extensions(node, at)).build();
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
        scenario.province().ifPresent(province -> root.putObject("province").put("code", province.code())
                .put("name", province.name()));
        root.set("policy", policyTree(scenario.policy(), "$.policy"));
        ArrayNode districts = root.putArray("districts");
        for (int i = 0; i < scenario.districts().size(); i++) {
            District d = scenario.districts().get(i);
            ObjectNode node = districts.addObject().put("code", d.code()).put("name", d.name());
            putExtensions(node, d.extensions(), "$.districts[" + i + "]");
        }
        ArrayNode communes = root.putArray("communes");
        for (int i = 0; i < scenario.communes().size(); i++) {
            Commune c = scenario.communes().get(i);
            ObjectNode node = communes.addObject().put("code", c.code()).put("name", c.name());
            c.district().ifPresent(d -> node.put("district", d));
            node.put("region", c.region().name());
            putExtensions(node, c.extensions(), "$.communes[" + i + "]");
        }
        ArrayNode villages = root.putArray("villages");
        for (int i = 0; i < scenario.villages().size(); i++) {
            Village v = scenario.villages().get(i);
            ObjectNode node = villages.addObject().put("code", v.code()).put("name", v.name())
                    .put("commune", v.commune()).put("especiallyDifficult", v.especiallyDifficult());
            putExtensions(node, v.extensions(), "$.villages[" + i + "]");
        }
        ArrayNode needs = root.putArray("needs");
        for (int i = 0; i < scenario.needs().size(); i++) {
            Need n = scenario.needs().get(i);
            ObjectNode node = needs.addObject().put("id", n.id());
            n.village().ifPresent(v -> node.put("village", v));
            n.commune().ifPresent(c -> node.put("commune", c));
            node.put("category", n.category().name()).put("ageBand", n.ageBand().name())
                    .put("children", n.children()).put("quantity", n.quantity()).put("unitCost", n.unitCost())
                    .put("urgency", n.urgency().name()).put("divisible", n.divisible())
                    .put("alreadyCovered", n.alreadyCovered());
            n.reportedBy().ifPresent(r -> node.put("reportedBy", r));
            putExtensions(node, n.extensions(), "$.needs[" + i + "]");
        }
        ArrayNode donors = root.putArray("donors");
        for (int i = 0; i < scenario.donors().size(); i++) {
            Donor d = scenario.donors().get(i);
            ObjectNode node = donors.addObject().put("id", d.id()).put("name", d.name()).put("type", d.type().name());
            if (d.anonymous()) {
                node.put("anonymous", true); // written only when set, so existing files read and write the same
            }
            putExtensions(node, d.extensions(), "$.donors[" + i + "]");
        }
        ArrayNode offers = root.putArray("offers");
        for (int i = 0; i < scenario.offers().size(); i++) {
            offers.add(offerTree(scenario.offers().get(i), "$.offers[" + i + "]"));
        }
        ArrayNode commitments = root.putArray("commitments");
        for (int i = 0; i < scenario.commitments().size(); i++) {
            Commitment c = scenario.commitments().get(i);
            ObjectNode node = commitments.addObject().put("offer", c.offer()).put("need", c.need())
                    .put("units", c.units());
            putExtensions(node, c.extensions(), "$.commitments[" + i + "]");
        }
        // Only when there are some: a scenario without them is written as before entitlements existed.
        if (!scenario.entitlements().isEmpty()) {
            root.set("entitlements", entitlementsTree(scenario.entitlements(), "$.entitlements"));
        }
        putExtensions(root, scenario.extensions(), "$");
        return root;
    }

    /** Adds the extensions, if any; {@code at} names the object if their text is not a JSON object. */
    private static void putExtensions(ObjectNode node, Extensions extensions, String at) {
        if (extensions.isPresent()) {
            node.set(NodeReader.EXTENSIONS, ExtensionsJson.tree(extensions, at + "." + NodeReader.EXTENSIONS));
        }
    }

    private static ObjectNode offerTree(Offer o, String at) {
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
        putExtensions(preferences, o.preferences().extensions(), at + ".preferences");
        putExtensions(node, o.extensions(), at);
        return node;
    }

    private static void names(ArrayNode array, Collection<? extends Enum<?>> values) {
        values.stream().map(Enum::name).sorted().forEach(array::add);
    }

    private static ObjectNode policyTree(Policy policy, String at) {
        ObjectNode node = MAPPER.createObjectNode();
        policy.preset().ifPresent(p -> node.put("preset", p));
        node.put("priorityMode", policy.priorityMode().name());
        ArrayNode tiers = node.putArray("tiers");
        for (int i = 0; i < policy.tiers().size(); i++) {
            TierRule rule = policy.tiers().get(i);
            ObjectNode tier = tiers.addObject().put("name", rule.name());
            rule.especiallyDifficult().ifPresent(ed -> tier.put("especiallyDifficult", ed));
            if (!rule.regions().isEmpty()) {
                names(tier.putArray("region"), rule.regions());
            }
            if (!rule.urgencies().isEmpty()) {
                names(tier.putArray("urgency"), rule.urgencies());
            }
            putExtensions(tier, rule.extensions(), at + ".tiers[" + i + "]");
        }
        node.put("otherTier", policy.otherTier());
        policy.tierWeights().forEach(node.putArray("tierWeights")::add);
        ObjectNode weights = node.putObject("categoryWeights");
        policy.categoryWeights().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> weights.put(e.getKey().name(), e.getValue()));
        node.put("maxFundersPerNeed", policy.maxFundersPerNeed());
        node.put("especiallyDifficultFirst", policy.especiallyDifficultFirst());
        putExtensions(node, policy.extensions(), at);
        return node;
    }
}
