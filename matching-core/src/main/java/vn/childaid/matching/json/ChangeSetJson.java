package vn.childaid.matching.json;

import static vn.childaid.matching.json.NodeReader.fields;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.childaid.matching.files.OutputFile;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Problem;
import vn.childaid.matching.whatif.Change;
import vn.childaid.matching.whatif.ChangeSet;
import vn.childaid.matching.whatif.InvalidChangeSetException;

/**
 * Reads and writes change sets ({@code docs/contract.md}, "Change sets"), as strictly as
 * {@link ScenarioJson} reads scenarios: an unknown field or {@code op}, a wrong type, a factor that
 * is not above 0, another format version: every problem with its JSON path in the change set, all
 * in one {@link InvalidChangeSetException}. The objects a change carries (a donor, offer, need,
 * policy, commitment lines) are read by the scenario's own readers, so they are held to the same
 * contract; the fields a {@code set} gives are checked for their shape here, and again on the
 * object they are set on when the change set is applied.
 */
public final class ChangeSetJson {
    private static final Set<String> CHANGE_SET_FIELDS = fields("formatVersion", "name", "changes");
    /** The fields of each op, {@code op} included; the order is the contract's. */
    private static final Map<String, Set<String>> OP_FIELDS = new LinkedHashMap<>();

    static {
        OP_FIELDS.put("removeOffer", fields("op", "offer"));
        OP_FIELDS.put("scaleOffers", fields("op", "factor", "donorType", "donor", "offers"));
        OP_FIELDS.put("addDonor", fields("op", "donor"));
        OP_FIELDS.put("addOffer", fields("op", "offer"));
        OP_FIELDS.put("updateOffer", fields("op", "offer", "set"));
        OP_FIELDS.put("removeDonor", fields("op", "donor"));
        OP_FIELDS.put("addNeed", fields("op", "need"));
        OP_FIELDS.put("removeNeed", fields("op", "need"));
        OP_FIELDS.put("updateNeed", fields("op", "need", "set"));
        OP_FIELDS.put("setPolicy", fields("op", "policy"));
        OP_FIELDS.put("commitLines", fields("op", "lines", "offers"));
    }

    private ChangeSetJson() {}

    /**
     * Reads a change set file (UTF-8 JSON, at most the size {@link ScenarioJson#read(Path)} reads);
     * problems name the file, or the JSON path in it.
     *
     * @throws InvalidChangeSetException listing every problem
     */
    public static ChangeSet read(Path file) {
        JsonNode root;
        try {
            root = JsonInput.readFile(file, JsonInput.maxBytesFromProperty(file.toString()));
        } catch (InvalidScenarioException unreadable) {
            throw new InvalidChangeSetException(unreadable.problems());
        }
        return fromTree(root);
    }

    /** Reads a change set from JSON text; {@code sourceName} names it in problems of malformed JSON. */
    public static ChangeSet read(String json, String sourceName) {
        JsonNode root;
        try {
            root = JsonInput.parse(json, sourceName);
        } catch (InvalidScenarioException unreadable) {
            throw new InvalidChangeSetException(unreadable.problems());
        }
        return fromTree(root);
    }

    private static ChangeSet fromTree(JsonNode root) {
        NodeReader in = new NodeReader();
        if (!in.object(root, "$", CHANGE_SET_FIELDS)) {
            throw new InvalidChangeSetException(in.problems());
        }
        long version = in.longValue(root, "formatVersion", "$", Optional.empty());
        if (root.hasNonNull("formatVersion") && version != ChangeSet.FORMAT_VERSION
                && in.problems().stream().noneMatch(p -> p.path().equals("$.formatVersion"))) {
            in.problem("$.formatVersion", "this engine reads change sets of format version " + ChangeSet.FORMAT_VERSION
                    + ", found " + version);
        }
        String name = in.text(root, "name", "$");
        if (!root.hasNonNull("changes")) {
            in.problem("$.changes", "is required (an array of changes, which may be empty)");
        }
        List<Change> changes = in.list(root, "changes", "$", (node, at) -> readChange(in, node, at));
        ChangeSet changeSet = ChangeSet.of(name, changes).withExtensions(in.extensions(root, "$"));
        if (!in.problems().isEmpty()) {
            throw new InvalidChangeSetException(inDocumentOrder(in.problems()));
        }
        return changeSet;
    }

    private static final java.util.regex.Pattern CHANGE_INDEX = java.util.regex.Pattern.compile("\\$\\.changes\\[(\\d+)].*");

    /** The change set's own fields first, then each change's problems in the order of the changes (a stable sort). */
    static List<Problem> inDocumentOrder(List<Problem> problems) {
        return problems.stream().sorted(java.util.Comparator.comparingLong(problem -> {
            java.util.regex.Matcher change = CHANGE_INDEX.matcher(problem.path());
            return change.matches() ? Long.parseLong(change.group(1)) : -1;
        })).toList();
    }

    private static Optional<Change> readChange(NodeReader in, JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            in.problem(at, "must be an object with an 'op', found " + NodeReader.describe(node));
            return Optional.empty();
        }
        if (!node.hasNonNull("op")) {
            in.problem(at + ".op", "is required (one of " + String.join(", ", OP_FIELDS.keySet()) + ")");
            return Optional.empty();
        }
        String op = node.get("op").asText();
        Set<String> known = OP_FIELDS.get(op);
        if (!node.get("op").isTextual() || known == null) {
            in.problem(at + ".op", "must be one of " + String.join(", ", OP_FIELDS.keySet()) + ", found "
                    + NodeReader.describe(node.get("op")));
            return Optional.empty();
        }
        in.object(node, at, known);
        if (node.has(NodeReader.EXTENSIONS)) {
            // A change is an instruction, not data to keep: extensions go on the change set or the objects it adds.
            in.harmlessProblem(at + "." + NodeReader.EXTENSIONS, "a change has no extensions; put them on the change set");
        }
        int before = in.problems().size();
        Change change = switch (op) {
            case "removeOffer" -> new Change.RemoveOffer(in.text(node, "offer", at));
            case "scaleOffers" -> readScale(in, node, at);
            case "addDonor" -> new Change.AddDonor(ScenarioJson.readDonor(in, new ReadDamage(),
                    required(in, node, "donor", at), at + ".donor"));
            case "addOffer" -> new Change.AddOffer(ScenarioJson.readOffer(in, new ReadDamage(),
                    required(in, node, "offer", at), at + ".offer"));
            case "updateOffer" -> new Change.UpdateOffer(in.text(node, "offer", at), readSet(in, node, "offer", at));
            case "removeDonor" -> new Change.RemoveDonor(in.text(node, "donor", at));
            case "addNeed" -> new Change.AddNeed(ScenarioJson.readNeed(in, new ReadDamage(),
                    required(in, node, "need", at), at + ".need"));
            case "removeNeed" -> new Change.RemoveNeed(in.text(node, "need", at));
            case "updateNeed" -> new Change.UpdateNeed(in.text(node, "need", at), readSet(in, node, "need", at));
            case "setPolicy" -> new Change.SetPolicy(ScenarioJson.readPolicy(in, new ReadDamage(),
                    required(in, node, "policy", at), at + ".policy"));
            default -> readCommitLines(in, node, at);
        };
        return in.problems().size() > before ? Optional.empty() : Optional.of(change);
    }

    /** The object under {@code field}; a missing one is reported as required (not as "must be an object, found nothing"). */
    private static JsonNode required(NodeReader in, JsonNode node, String field, String at) {
        if (!node.hasNonNull(field)) {
            in.problem(at + "." + field, "is required");
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        return node.get(field);
    }

    private static Change readScale(NodeReader in, JsonNode node, String at) {
        double factor = 1;
        if (!node.hasNonNull("factor")) {
            in.problem(at + ".factor", "is required (a number above 0: 1.2 adds a fifth)");
        } else {
            int before = in.problems().size();
            factor = in.number(node.get("factor"), at + ".factor");
            if (in.problems().size() == before && !(factor > 0)) {
                in.problem(at + ".factor", "must be above 0, found " + NodeReader.number(node.get("factor")));
            }
        }
        Optional<DonorType> donorType = in.optionalEnum(node, "donorType", at, DonorType.class);
        Optional<String> donor = in.optionalText(node, "donor", at);
        List<String> offers = List.copyOf(in.textSet(node, "offers", at));
        return new Change.ScaleOffers(factor > 0 ? factor : 1, donorType, donor, offers);
    }

    private static String readSet(NodeReader in, JsonNode node, String kind, String at) {
        JsonNode set = node.get("set");
        if (set == null || set.isNull()) {
            in.problem(at + ".set", "is required (an object of the fields to set)");
            return "{}";
        }
        if (!set.isObject()) {
            in.problem(at + ".set", "must be an object of the fields to set, found " + NodeReader.describe(set));
            return "{}";
        }
        if (set.isEmpty()) {
            in.problem(at + ".set", "sets no field");
        }
        for (Problem problem : ScenarioJson.problemsOfFields(kind, set, at + ".set")) {
            in.problem(problem.path(), problem.message());
        }
        return compact(set);
    }

    private static Change readCommitLines(NodeReader in, JsonNode node, String at) {
        boolean hasLines = node.hasNonNull("lines");
        boolean hasOffers = node.hasNonNull("offers");
        if (hasLines == hasOffers) {
            in.problem(at, hasLines ? "give either 'lines' or 'offers', not both"
                    : "commits nothing: give 'lines' (offer, need, units) or 'offers' (of the previous plan)");
        }
        List<Commitment> lines = in.list(node, "lines", at, (line, path) -> {
            Commitment read = ScenarioJson.readCommitment(in, new ReadDamage(), line, path);
            if (line != null && line.isObject() && line.hasNonNull("units") && read.units() < 1) {
                in.problem(path + ".units", "must be ≥ 1, found " + read.units());
            }
            return Optional.of(read);
        });
        if (hasLines && !hasOffers && lines.isEmpty() && node.get("lines").isArray()) {
            in.problem(at + ".lines", "commits no line");
        }
        List<String> offers = List.copyOf(in.textSet(node, "offers", at));
        if (hasOffers && !hasLines && offers.isEmpty() && node.get("offers").isArray()) {
            in.problem(at + ".offers", "names no offer");
        }
        return new Change.CommitLines(lines, offers);
    }

    // ---- Writing ----

    /** The change set as contract JSON; every object it carries spelled out as a scenario writes it. */
    public static String toJson(ChangeSet changeSet) {
        try {
            return ScenarioJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(changeSet));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a change set tree always serialises", e);
        }
    }

    /**
     * Writes the change set to {@code file} whole or not at all (see {@link OutputFile}).
     *
     * @throws vn.childaid.matching.files.OutputFileException naming {@code file} and why it cannot be written
     */
    public static void write(ChangeSet changeSet, Path file) {
        OutputFile.of(file).writeString(toJson(changeSet));
    }

    private static ObjectNode toTree(ChangeSet changeSet) {
        ObjectNode root = ScenarioJson.MAPPER.createObjectNode();
        root.put("formatVersion", ChangeSet.FORMAT_VERSION);
        root.put("name", changeSet.name());
        ArrayNode changes = root.putArray("changes");
        for (int i = 0; i < changeSet.changes().size(); i++) {
            changes.add(changeTree(changeSet.changes().get(i), "$.changes[" + i + "]"));
        }
        changeSet.extensions().json().ifPresent(json ->
                root.set(NodeReader.EXTENSIONS, ExtensionsJson.tree(changeSet.extensions(), "$.extensions")));
        return root;
    }

    private static ObjectNode changeTree(Change change, String at) {
        ObjectNode node = ScenarioJson.MAPPER.createObjectNode().put("op", change.op());
        if (change instanceof Change.RemoveOffer c) {
            node.put("offer", c.offer());
        } else if (change instanceof Change.ScaleOffers c) {
            node.put("factor", c.factor());
            c.donorType().ifPresent(type -> node.put("donorType", type.name()));
            c.donor().ifPresent(donor -> node.put("donor", donor));
            if (!c.offers().isEmpty()) {
                c.offers().forEach(node.putArray("offers")::add);
            }
        } else if (change instanceof Change.AddDonor c) {
            node.set("donor", ScenarioJson.donorTree(c.donor(), at + ".donor"));
        } else if (change instanceof Change.AddOffer c) {
            node.set("offer", ScenarioJson.offerTree(c.offer(), at + ".offer"));
        } else if (change instanceof Change.UpdateOffer c) {
            node.put("offer", c.offer()).set("set", JsonInput.parse(c.set(), at + ".set"));
        } else if (change instanceof Change.RemoveDonor c) {
            node.put("donor", c.donor());
        } else if (change instanceof Change.AddNeed c) {
            node.set("need", ScenarioJson.needTree(c.need(), at + ".need"));
        } else if (change instanceof Change.RemoveNeed c) {
            node.put("need", c.need());
        } else if (change instanceof Change.UpdateNeed c) {
            node.put("need", c.need()).set("set", JsonInput.parse(c.set(), at + ".set"));
        } else if (change instanceof Change.SetPolicy c) {
            node.set("policy", ScenarioJson.policyTree(c.policy(), at + ".policy"));
        } else if (change instanceof Change.CommitLines c) {
            if (!c.lines().isEmpty() || c.offers().isEmpty()) {
                ArrayNode lines = node.putArray("lines");
                for (int j = 0; j < c.lines().size(); j++) {
                    lines.add(ScenarioJson.commitmentTree(c.lines().get(j), at + ".lines[" + j + "]"));
                }
            }
            if (!c.offers().isEmpty()) {
                c.offers().forEach(node.putArray("offers")::add);
            }
        }
        return node;
    }

    private static String compact(JsonNode node) {
        try {
            return ScenarioJson.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
