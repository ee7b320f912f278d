package vn.childaid.matching.csv;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.childaid.matching.extensions.Extensions;
import vn.childaid.matching.files.CsvText;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Commune;
import vn.childaid.matching.scenario.District;
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.Province;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Problem;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.scenario.Village;

/**
 * Turns a scenario into the files of a scenario folder, every field spelled out as the JSON writer
 * does, so that reading them back gives an equal scenario. CSV files are written as Excel reads
 * them best: UTF-8 with a byte order mark (without it, Excel takes the file for the legacy code page
 * and garbles the diacritics), ',' between cells, CRLF line ends and RFC 4180 quoting.
 */
final class CsvScenarioWriter {

    private final Scenario scenario;
    private final List<Problem> problems = new ArrayList<>();

    CsvScenarioWriter(Scenario scenario) {
        this.scenario = scenario;
    }

    /**
     * File name → content, in a reading order; every CSV file is written, optional ones with their
     * header alone when empty, so that the folder is a template to fill in. extensions.json only
     * when some object has extensions.
     *
     * @throws InvalidScenarioException when a value cannot be written to a cell so that it reads back the same
     */
    Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(CsvFile.SCENARIO.fileName(), csv(CsvFile.SCENARIO, List.of(List.of(
                String.valueOf(Scenario.FORMAT_VERSION), scenario.name(),
                scenario.year().isPresent() ? String.valueOf(scenario.year().getAsInt()) : "",
                scenario.province().map(Province::code).orElse(""),
                scenario.province().map(Province::name).orElse("")))));
        files.put(CsvFile.DISTRICTS.fileName(), csv(CsvFile.DISTRICTS, scenario.districts().stream()
                .map(d -> List.of(d.code(), d.name())).toList()));
        files.put(CsvFile.COMMUNES.fileName(), csv(CsvFile.COMMUNES, scenario.communes().stream()
                .map(c -> List.of(c.code(), c.name(), c.district().orElse(""), c.region().name())).toList()));
        files.put(CsvFile.VILLAGES.fileName(), csv(CsvFile.VILLAGES, scenario.villages().stream()
                .map(v -> List.of(v.code(), v.name(), v.commune(), String.valueOf(v.especiallyDifficult()))).toList()));
        files.put(CsvFile.DONORS.fileName(), csv(CsvFile.DONORS, scenario.donors().stream()
                .map(d -> List.of(d.id(), d.name(), d.type().name(), String.valueOf(d.anonymous()))).toList()));
        List<List<String>> offerRows = new ArrayList<>();
        List<List<String>> preferenceRows = new ArrayList<>();
        for (int i = 0; i < scenario.offers().size(); i++) {
            Offer offer = scenario.offers().get(i);
            offerRows.add(offerRow(offer, "$.offers[" + i + "]"));
            offer.preferences().categories().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> preferenceRows.add(List.of(offer.id(), e.getKey().name(), "", decimal(e.getValue()))));
            offer.preferences().areas().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> preferenceRows.add(List.of(offer.id(), "", e.getKey(), decimal(e.getValue()))));
        }
        files.put(CsvFile.OFFERS.fileName(), csv(CsvFile.OFFERS, offerRows));
        files.put(CsvFile.PREFERENCES.fileName(), csv(CsvFile.PREFERENCES, preferenceRows));
        List<List<String>> needRows = new ArrayList<>();
        for (int i = 0; i < scenario.needs().size(); i++) {
            needRows.add(needRow(scenario.needs().get(i), "$.needs[" + i + "]"));
        }
        files.put(CsvFile.NEEDS.fileName(), csv(CsvFile.NEEDS, needRows));
        files.put(CsvFile.COMMITMENTS.fileName(), csv(CsvFile.COMMITMENTS, scenario.commitments().stream()
                .map(c -> List.of(c.offer(), c.need(), String.valueOf(c.units()))).toList()));
        files.put(CsvFile.POLICY_JSON, ScenarioJson.policyToJson(scenario.policy()));
        if (!scenario.entitlements().isEmpty()) {
            files.put(CsvFile.ENTITLEMENTS_JSON, ScenarioJson.entitlementsToJson(scenario.entitlements()));
        }
        Map<String, Extensions> extensions = extensionsByPath();
        if (!extensions.isEmpty()) {
            files.put(CsvFile.EXTENSIONS_JSON, ScenarioJson.extensionsByKeyToJson(extensions));
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        return files;
    }

    private List<String> offerRow(Offer o, String at) {
        boolean cash = o.isCash();
        return List.of(o.id(), o.donor(), o.kind().name(),
                cash ? String.valueOf(o.amount()) : "",
                o.category().map(Enum::name).orElse(""),
                cash ? "" : String.valueOf(o.quantity()),
                cash ? "" : String.valueOf(o.unitValue()),
                names(o.categories()),
                codes(o.areas(), at + ".areas"),
                names(o.ageBands()),
                String.valueOf(o.especiallyDifficultOnly()),
                String.valueOf(o.minGrant()),
                String.valueOf(o.maxNeeds()));
    }

    private List<String> needRow(Need n, String at) {
        n.reportedBy().filter(String::isBlank)
                .ifPresent(blank -> problems.add(new Problem(at + ".reportedBy", "is blank, which a cell cannot tell from absent")));
        return List.of(n.id(), n.village().orElse(""), n.commune().orElse(""), n.category().name(), n.ageBand().name(),
                String.valueOf(n.children()), String.valueOf(n.quantity()), String.valueOf(n.unitCost()),
                n.urgency().name(), String.valueOf(n.divisible()), String.valueOf(n.alreadyCovered()),
                n.reportedBy().orElse(""));
    }

    private static String names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(String.valueOf(CsvFile.LIST_SEPARATOR)));
    }

    /** Codes joined by ';', refused when one holds ';' or spaces at its ends, which reading takes apart or away. */
    private String codes(Collection<String> codes, String at) {
        for (String code : codes) {
            if (code.indexOf(CsvFile.LIST_SEPARATOR) >= 0 || !code.equals(code.strip())) {
                problems.add(new Problem(at, "area code '" + code + "' cannot be written in a list cell: it holds '"
                        + CsvFile.LIST_SEPARATOR + "' or begins or ends with a space"));
            }
        }
        return codes.stream().sorted().collect(Collectors.joining(String.valueOf(CsvFile.LIST_SEPARATOR)));
    }

    /** Plain digits with a point, as few as read back to the same double ("2", "0.5"; never "1.0E-4"). */
    static String decimal(double value) {
        if (value == 0 && 1 / value < 0) {
            return "-0";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Every object's extensions, keyed by their JSON path; the policy's and entitlements' stay in their JSON files. */
    private Map<String, Extensions> extensionsByPath() {
        Map<String, Extensions> byPath = new LinkedHashMap<>();
        put(byPath, "$", scenario.extensions());
        List<District> districts = scenario.districts();
        for (int i = 0; i < districts.size(); i++) {
            put(byPath, "$.districts[" + i + "]", districts.get(i).extensions());
        }
        List<Commune> communes = scenario.communes();
        for (int i = 0; i < communes.size(); i++) {
            put(byPath, "$.communes[" + i + "]", communes.get(i).extensions());
        }
        List<Village> villages = scenario.villages();
        for (int i = 0; i < villages.size(); i++) {
            put(byPath, "$.villages[" + i + "]", villages.get(i).extensions());
        }
        List<Need> needs = scenario.needs();
        for (int i = 0; i < needs.size(); i++) {
            put(byPath, "$.needs[" + i + "]", needs.get(i).extensions());
        }
        List<Donor> donors = scenario.donors();
        for (int i = 0; i < donors.size(); i++) {
            put(byPath, "$.donors[" + i + "]", donors.get(i).extensions());
        }
        List<Offer> offers = scenario.offers();
        for (int i = 0; i < offers.size(); i++) {
            put(byPath, "$.offers[" + i + "]", offers.get(i).extensions());
            put(byPath, "$.offers[" + i + "].preferences", offers.get(i).preferences().extensions());
        }
        List<Commitment> commitments = scenario.commitments();
        for (int i = 0; i < commitments.size(); i++) {
            put(byPath, "$.commitments[" + i + "]", commitments.get(i).extensions());
        }
        return byPath;
    }

    private static void put(Map<String, Extensions> byPath, String objectPath, Extensions extensions) {
        if (extensions.isPresent()) {
            byPath.put(objectPath + ".extensions", extensions);
        }
    }

    private static String csv(CsvFile file, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(file.columns());
        all.addAll(rows);
        return CsvText.of(all);
    }
}
