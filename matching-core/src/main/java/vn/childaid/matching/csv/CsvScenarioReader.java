package vn.childaid.matching.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.extensions.Extensions;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.policy.Policy;
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
 * Reads a scenario folder in two passes, as the JSON reader does: first every file, row and cell,
 * collecting every problem with its file, line and column; then, only if all of them read, the
 * scenario's own checks (references, uniqueness, limits), whose JSON paths are placed back in the
 * files through {@link Origins}. Problems of the first pass stop before the second, because a
 * missing or unreadable cell would make the scenario report consequences rather than causes.
 */
final class CsvScenarioReader {
    /** The path of an extensions object that extensions.json may hold, e.g. {@code $.offers[2].preferences.extensions}. */
    private static final Pattern EXTENSIONS_KEY = Pattern.compile(
            "\\$(?:\\.(districts|communes|villages|needs|donors|offers|commitments)\\[(0|[1-9][0-9]{0,8})\\](\\.preferences)?)?\\.extensions");

    private final Path folder;
    private final List<Problem> problems = new ArrayList<>();
    private final Origins origins = new Origins();
    /** The files that could be read; paths into the others are not checked, their problems are reported already. */
    private final java.util.Set<CsvFile> read = java.util.EnumSet.noneOf(CsvFile.class);

    private final List<District.Builder> districts = new ArrayList<>();
    private final List<Commune.Builder> communes = new ArrayList<>();
    private final List<Village.Builder> villages = new ArrayList<>();
    private final List<Donor.Builder> donors = new ArrayList<>();
    private final List<Offer.Builder> offers = new ArrayList<>();
    private final List<Need.Builder> needs = new ArrayList<>();
    private final List<Commitment.Builder> commitments = new ArrayList<>();
    /** Offer id → index of its first row; a repeated id is the scenario's to report. */
    private final Map<String, Integer> offerIndex = new HashMap<>();
    private final Map<Integer, Map<Category, Double>> categoryWeights = new HashMap<>();
    private final Map<Integer, Map<String, Double>> areaWeights = new HashMap<>();

    CsvScenarioReader(Path folder) {
        this.folder = folder;
    }

    Scenario read() {
        if (!Files.isDirectory(folder)) {
            throw new InvalidScenarioException(List.of(new Problem(folder.toString(), "is not a folder")));
        }
        Map<CsvFile, CsvTable> tables = readTables();
        read.addAll(tables.keySet());
        Optional<Scenario.Builder> scenario = tables.containsKey(CsvFile.SCENARIO)
                ? readScenarioRow(tables.get(CsvFile.SCENARIO)) : Optional.empty();
        readRows(tables, CsvFile.DISTRICTS, this::readDistrict);
        readRows(tables, CsvFile.COMMUNES, this::readCommune);
        readRows(tables, CsvFile.VILLAGES, this::readVillage);
        readRows(tables, CsvFile.DONORS, this::readDonor);
        readRows(tables, CsvFile.OFFERS, this::readOffer);
        readRows(tables, CsvFile.NEEDS, this::readNeed);
        readRows(tables, CsvFile.COMMITMENTS, this::readCommitment);
        if (tables.containsKey(CsvFile.PREFERENCES)) {
            readPreferences(tables.get(CsvFile.PREFERENCES));
        }
        Policy policy = readPolicy();
        List<Entitlement> entitlements = readEntitlements();
        Map<String, Extensions> extensions = readExtensions();
        if (!problems.isEmpty() || scenario.isEmpty()) {
            throw new InvalidScenarioException(inFileOrder(problems));
        }
        Scenario.Builder builder = scenario.get().policy(policy);
        entitlements.forEach(builder::entitlement);
        Optional.ofNullable(extensions.get("$.extensions")).ifPresent(builder::extensions);
        buildInto(builder, extensions);
        try {
            return builder.build();
        } catch (InvalidScenarioException invalid) {
            throw new InvalidScenarioException(inFileOrder(invalid.problems().stream().map(origins::locate).toList()));
        }
    }

    /**
     * Problems file by file (unknown files first, then in the order of {@link CsvFile}, then the JSON
     * files), each file's by line; a stable sort keeps a row's cells in column order.
     */
    private static List<Problem> inFileOrder(List<Problem> problems) {
        List<String> order = new ArrayList<>(CsvFile.knownFileNames());
        Pattern place = Pattern.compile("([^:]+)(?::(\\d+))?.*", Pattern.DOTALL);
        return problems.stream().sorted(java.util.Comparator.<Problem>comparingInt(problem -> {
            Matcher at = place.matcher(problem.path());
            return at.matches() ? order.indexOf(at.group(1)) : -1;
        }).thenComparingInt(problem -> {
            Matcher at = place.matcher(problem.path());
            return at.matches() && at.group(2) != null ? Integer.parseInt(at.group(2)) : 0;
        })).toList();
    }

    // ---- Files ----

    private Map<CsvFile, CsvTable> readTables() {
        Map<CsvFile, CsvTable> tables = new EnumMap<>(CsvFile.class);
        List<String> names = fileNames();
        for (String name : names) {
            if (!CsvFile.knownFileNames().contains(name)) {
                problems.add(new Problem(name, "unknown file (a scenario folder holds "
                        + String.join(", ", CsvFile.knownFileNames()) + ")"));
            }
        }
        for (CsvFile file : CsvFile.values()) {
            if (!names.contains(file.fileName())) {
                if (file.required()) {
                    problems.add(new Problem(file.fileName(), "is missing; a scenario folder must have it"));
                }
                continue;
            }
            bytes(file.fileName()).flatMap(bytes -> CsvTable.read(file, bytes, problems))
                    .ifPresent(table -> tables.put(file, table));
        }
        return tables;
    }

    /**
     * The names in the folder, sorted. Hidden files and office lock files ({@code .~lock.needs.csv#},
     * {@code ~$needs.csv}) are left out: a spreadsheet program leaves them while a file is open, and
     * they are never the user's data.
     */
    private List<String> fileNames() {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !name.startsWith("~$"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InvalidScenarioException(List.of(new Problem(folder.toString(), "cannot be read: " + e.getMessage())));
        }
    }

    private Optional<byte[]> bytes(String name) {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            problems.add(new Problem(name, "is not a file"));
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            problems.add(new Problem(name, "cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** A JSON file beside the CSV files, decoded as they are; empty when absent or not UTF-8 (reported). */
    private Optional<String> text(String name) {
        if (!Files.exists(folder.resolve(name))) {
            return Optional.empty();
        }
        return bytes(name).flatMap(bytes -> CsvTable.decode(name, bytes, problems));
    }

    private void readRows(Map<CsvFile, CsvTable> tables, CsvFile file, java.util.function.Consumer<Cells> row) {
        CsvTable table = tables.get(file);
        if (table == null) {
            return;
        }
        for (CsvTable.Row line : table.rows()) {
            row.accept(new Cells(table, line, problems));
            origins.element(file, line.line());
        }
    }

    // ---- Rows ----

    private Optional<Scenario.Builder> readScenarioRow(CsvTable table) {
        if (table.rows().isEmpty()) {
            problems.add(new Problem(CsvFile.SCENARIO.fileName() + ":2", "the scenario's row is missing (below the header "
                    + String.join(",", CsvFile.SCENARIO.columns()) + ")"));
            return Optional.empty();
        }
        for (CsvTable.Row extra : table.rows().subList(1, table.rows().size())) {
            problems.add(new Problem(CsvFile.SCENARIO.fileName() + ":" + extra.line(), "a second row; the file holds one scenario"));
        }
        Cells cells = new Cells(table, table.rows().get(0), problems);
        origins.scenarioRow(cells.line());
        OptionalLong version = cells.whole("formatVersion");
        if (!cells.isPresent("formatVersion")) {
            cells.problem("formatVersion", "is required (it is " + Scenario.FORMAT_VERSION + ")");
        } else if (version.isPresent() && version.getAsLong() != Scenario.FORMAT_VERSION) {
            cells.problem("formatVersion", "this engine reads format version " + Scenario.FORMAT_VERSION + ", found "
                    + version.getAsLong());
        }
        Scenario.Builder builder = Scenario.builder(cells.requiredText("name"));
        cells.count("year").ifPresent(builder::year);
        Optional<String> provinceCode = cells.text("provinceCode");
        Optional<String> provinceName = cells.text("provinceName");
        if (provinceCode.isPresent() && provinceName.isPresent()) {
            builder.province(new Province(provinceCode.get(), provinceName.get()));
        } else if (provinceCode.isPresent() || provinceName.isPresent()) {
            String missing = provinceCode.isPresent() ? "provinceName" : "provinceCode";
            cells.problem(missing, "is required when " + (provinceCode.isPresent() ? "provinceCode" : "provinceName")
                    + " is given: a province has both");
        }
        return Optional.of(builder);
    }

    private District.Builder readDistrict(Cells cells) {
        District.Builder district = District.builder(cells.requiredText("code")).name(cells.requiredText("name"));
        districts.add(district);
        return district;
    }

    private Commune.Builder readCommune(Cells cells) {
        Commune.Builder commune = Commune.builder(cells.requiredText("code")).name(cells.requiredText("name"));
        cells.text("district").ifPresent(commune::district);
        commune.region(cells.requiredEnum("region", Region.class).orElse(Region.III));
        communes.add(commune);
        return commune;
    }

    private Village.Builder readVillage(Cells cells) {
        Village.Builder village = Village.builder(cells.requiredText("code")).name(cells.requiredText("name"))
                .commune(cells.requiredText("commune"))
                .especiallyDifficult(cells.bool("especiallyDifficult").orElse(false));
        villages.add(village);
        return village;
    }

    private Donor.Builder readDonor(Cells cells) {
        Donor.Builder donor = Donor.builder(cells.requiredText("id")).name(cells.requiredText("name"))
                .type(cells.requiredEnum("type", DonorType.class).orElse(DonorType.INDIVIDUAL))
                .anonymous(cells.bool("anonymous").orElse(false));
        donors.add(donor);
        return donor;
    }

    private Offer.Builder readOffer(Cells cells) {
        String id = cells.requiredText("id");
        Optional<OfferKind> kind = cells.requiredEnum("kind", OfferKind.class);
        boolean cash = kind.orElse(OfferKind.CASH) == OfferKind.CASH;
        if (kind.isPresent()) {
            for (String column : cash ? List.of("quantity", "unitValue") : List.of("amount")) {
                if (cells.isPresent(column)) {
                    cells.problem(column, "is not a field of a " + kind.get() + " offer; leave the cell empty");
                }
            }
        }
        Offer.Builder offer = Offer.builder(id).donor(cells.requiredText("donor")).kind(kind.orElse(OfferKind.CASH));
        if (kind.isPresent() && cash) {
            offer.amount(cells.requiredWhole("amount"));
        } else if (kind.isPresent()) {
            offer.quantity(cells.requiredCount("quantity")).unitValue(cells.whole("unitValue").orElse(0));
        }
        cells.enumValue("category", Category.class).ifPresent(offer::category);
        offer.categories(cells.enumList("categories", Category.class))
                .areas(cells.textList("areas"))
                .ageBands(cells.enumList("ageBands", AgeBand.class))
                .especiallyDifficultOnly(cells.bool("especiallyDifficultOnly").orElse(false))
                .minGrant(cells.whole("minGrant").orElse(0))
                .maxNeeds(cells.count("maxNeeds").orElse(0));
        offerIndex.putIfAbsent(id, offers.size());
        offers.add(offer);
        return offer;
    }

    private Need.Builder readNeed(Cells cells) {
        Need.Builder need = Need.builder(cells.requiredText("id"));
        cells.text("village").ifPresent(need::village);
        cells.text("commune").ifPresent(need::commune);
        Optional<Category> category = cells.requiredEnum("category", Category.class);
        need.category(category.orElse(Category.HEALTHCARE))
                .ageBand(cells.enumValue("ageBand", AgeBand.class).orElse(AgeBand.ALL))
                .children(cells.requiredCount("children"))
                .quantity(cells.requiredCount("quantity"))
                .unitCost(cells.requiredWhole("unitCost"))
                .urgency(cells.enumValue("urgency", Urgency.class).orElse(Urgency.NORMAL))
                .alreadyCovered(cells.count("alreadyCovered").orElse(0));
        cells.bool("divisible").ifPresent(need::divisible);
        cells.text("reportedBy").ifPresent(need::reportedBy);
        needs.add(need);
        return need;
    }

    private Commitment.Builder readCommitment(Cells cells) {
        Commitment.Builder commitment = Commitment.builder(cells.requiredText("offer"), cells.requiredText("need"))
                .units(cells.requiredCount("units"));
        commitments.add(commitment);
        return commitment;
    }

    /** Each row is one weight of an offer's preferences: for a category or for an area, not both. */
    private void readPreferences(CsvTable table) {
        for (CsvTable.Row row : table.rows()) {
            Cells cells = new Cells(table, row, problems);
            Optional<String> offerId = cells.text("offer");
            Integer offer = offerId.map(offerIndex::get).orElse(null);
            if (offerId.isEmpty()) {
                cells.problem("offer", "is required");
            } else if (offer == null && read.contains(CsvFile.OFFERS)) {
                cells.problem("offer", "unknown offer '" + offerId.get() + "' (not in " + CsvFile.OFFERS.fileName() + ")");
            }
            boolean hasCategory = cells.isPresent("category");
            boolean hasArea = cells.isPresent("area");
            if (hasCategory == hasArea) {
                problems.add(new Problem(cells.atRow(), hasCategory
                        ? "give a category or an area, not both: each row is one weight"
                        : "give a category or an area for the weight"));
            }
            OptionalDouble weight = cells.decimal("weight");
            if (!cells.isPresent("weight")) {
                cells.problem("weight", "is required");
            }
            Optional<Category> category = hasCategory && !hasArea ? cells.enumValue("category", Category.class) : Optional.empty();
            Optional<String> area = hasArea && !hasCategory ? cells.text("area") : Optional.empty();
            if (offer == null || weight.isEmpty()) {
                continue;
            }
            if (category.isPresent()) {
                addWeight(cells, "category", categoryWeights, offer, category.get(), category.get().name(), weight.getAsDouble());
            } else if (area.isPresent()) {
                addWeight(cells, "area", areaWeights, offer, area.get(), area.get(), weight.getAsDouble());
            }
        }
    }

    private <K> void addWeight(Cells cells, String column, Map<Integer, Map<K, Double>> weights, int offer, K key,
            String keyName, double weight) {
        Map<K, Double> ofOffer = weights.computeIfAbsent(offer, k -> new LinkedHashMap<>());
        if (ofOffer.putIfAbsent(key, weight) != null) {
            cells.problem(column, "offer '" + cells.text("offer").orElse("?") + "' already has a weight for " + column
                    + " '" + keyName + "'");
            return;
        }
        origins.preference(offer, column.equals("category") ? "categories" : "areas", keyName, cells.line());
    }

    // ---- JSON beside the CSV files ----

    private Policy readPolicy() {
        Optional<String> json = text(CsvFile.POLICY_JSON);
        if (json.isEmpty()) {
            return Policy.defaultPolicy();
        }
        try {
            return ScenarioJson.readPolicy(json.get(), CsvFile.POLICY_JSON);
        } catch (InvalidScenarioException invalid) {
            invalid.problems().forEach(problem -> problems.add(problem.path().startsWith(CsvFile.POLICY_JSON)
                    ? problem : new Problem(CsvFile.POLICY_JSON + ": " + problem.path(), problem.message())));
            return Policy.defaultPolicy();
        }
    }

    private List<Entitlement> readEntitlements() {
        Optional<String> json = text(CsvFile.ENTITLEMENTS_JSON);
        if (json.isEmpty()) {
            return List.of();
        }
        try {
            return ScenarioJson.readEntitlements(json.get(), CsvFile.ENTITLEMENTS_JSON);
        } catch (InvalidScenarioException invalid) {
            invalid.problems().forEach(problem -> problems.add(problem.path().startsWith(CsvFile.ENTITLEMENTS_JSON)
                    ? problem : new Problem(CsvFile.ENTITLEMENTS_JSON + ": " + problem.path(), problem.message())));
            return List.of();
        }
    }

    /** Extensions by the JSON path of the extensions object; each must name an object that was read. */
    private Map<String, Extensions> readExtensions() {
        Optional<String> json = text(CsvFile.EXTENSIONS_JSON);
        if (json.isEmpty()) {
            return Map.of();
        }
        Map<String, Extensions> byPath;
        try {
            byPath = ScenarioJson.readExtensionsByKey(json.get(), CsvFile.EXTENSIONS_JSON);
        } catch (InvalidScenarioException invalid) {
            invalid.problems().forEach(problem -> problems.add(problem.path().startsWith(CsvFile.EXTENSIONS_JSON)
                    ? problem : new Problem(CsvFile.EXTENSIONS_JSON + ": " + problem.path(), problem.message())));
            return Map.of();
        }
        byPath.keySet().forEach(this::checkExtensionsPath);
        return byPath;
    }

    private void checkExtensionsPath(String path) {
        String at = CsvFile.EXTENSIONS_JSON + ": " + path;
        if (path.startsWith("$.policy")) {
            problems.add(new Problem(at, "the policy's extensions and its tiers' belong in " + CsvFile.POLICY_JSON));
            return;
        }
        if (path.startsWith("$.entitlements")) {
            problems.add(new Problem(at, "the entitlements' extensions belong in " + CsvFile.ENTITLEMENTS_JSON));
            return;
        }
        Matcher key = EXTENSIONS_KEY.matcher(path);
        if (!key.matches()) {
            problems.add(new Problem(at, "is not the path of an object's extensions (for example $.extensions, "
                    + "$.needs[0].extensions, $.offers[2].preferences.extensions)"));
            return;
        }
        if (key.group(1) == null) {
            return;
        }
        if (key.group(3) != null && !key.group(1).equals("offers")) {
            problems.add(new Problem(at, "only offers have preferences"));
            return;
        }
        CsvFile file = CsvFile.ofJsonArray(key.group(1)).orElseThrow();
        int rows = origins.size(file);
        if (read.contains(file) && Integer.parseInt(key.group(2)) >= rows) {
            problems.add(new Problem(at, "there is no such object: " + file.fileName() + " has " + rows
                    + (rows == 1 ? " row" : " rows") + ", counted from [0]"));
        }
    }

    // ---- Assembly ----

    private void buildInto(Scenario.Builder scenario, Map<String, Extensions> extensions) {
        Function<String, Extensions> of = path -> extensions.getOrDefault(path, Extensions.NONE);
        for (int i = 0; i < districts.size(); i++) {
            scenario.district(districts.get(i).extensions(of.apply("$.districts[" + i + "].extensions")).build());
        }
        for (int i = 0; i < communes.size(); i++) {
            scenario.commune(communes.get(i).extensions(of.apply("$.communes[" + i + "].extensions")).build());
        }
        for (int i = 0; i < villages.size(); i++) {
            scenario.village(villages.get(i).extensions(of.apply("$.villages[" + i + "].extensions")).build());
        }
        for (int i = 0; i < needs.size(); i++) {
            scenario.need(needs.get(i).extensions(of.apply("$.needs[" + i + "].extensions")).build());
        }
        for (int i = 0; i < donors.size(); i++) {
            scenario.donor(donors.get(i).extensions(of.apply("$.donors[" + i + "].extensions")).build());
        }
        for (int i = 0; i < offers.size(); i++) {
            Preferences preferences = Preferences.builder()
                    .categories(categoryWeights.getOrDefault(i, Map.of()))
                    .areas(areaWeights.getOrDefault(i, Map.of()))
                    .extensions(of.apply("$.offers[" + i + "].preferences.extensions"))
                    .build();
            scenario.offer(offers.get(i).preferences(preferences).extensions(of.apply("$.offers[" + i + "].extensions")).build());
        }
        for (int i = 0; i < commitments.size(); i++) {
            scenario.commitment(commitments.get(i).extensions(of.apply("$.commitments[" + i + "].extensions")).build());
        }
    }
}
