package vn.childaid.matching.csv;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The CSV files of a scenario folder: their names, their columns in the order they are written,
 * and the columns a file must have. Columns are the contract's field names, so a row reads like
 * the JSON object it stands for; the reader, the writer and the contract's table follow this list.
 */
enum CsvFile {
    SCENARIO("scenario.csv", null, true, columns("formatVersion", "name", "year", "provinceCode", "provinceName"),
            columns("formatVersion", "name")),
    DISTRICTS("districts.csv", "districts", false, columns("code", "name"), columns("code", "name")),
    COMMUNES("communes.csv", "communes", true, columns("code", "name", "district", "region"),
            columns("code", "name", "region")),
    VILLAGES("villages.csv", "villages", true, columns("code", "name", "commune", "especiallyDifficult"),
            columns("code", "name", "commune")),
    DONORS("donors.csv", "donors", true, columns("id", "name", "type", "anonymous"),
            columns("id", "name", "type")),
    OFFERS("offers.csv", "offers", true, columns("id", "donor", "kind", "amount", "category", "quantity", "unitValue",
            "categories", "areas", "ageBands", "especiallyDifficultOnly", "minGrant", "maxNeeds"),
            columns("id", "donor", "kind")),
    /** An offer's {@code preferences}, one weight a row; the offer's row number is not its place here. */
    PREFERENCES("preferences.csv", null, false, columns("offer", "category", "area", "weight"), columns("offer", "weight")),
    NEEDS("needs.csv", "needs", true, columns("id", "village", "commune", "category", "ageBand", "children", "quantity",
            "unitCost", "urgency", "divisible", "alreadyCovered", "reportedBy"),
            columns("id", "category", "children", "quantity", "unitCost")),
    COMMITMENTS("commitments.csv", "commitments", false, columns("offer", "need", "units"), columns("offer", "need", "units"));

    /** Beside the CSV files: the policy as the JSON object a scenario holds under "policy". */
    static final String POLICY_JSON = "policy.json";
    /**
     * Beside the CSV files, when the scenario has any: the entitlements as the JSON array a scenario
     * holds under "entitlements", their extensions included (nested places fit no table).
     */
    static final String ENTITLEMENTS_JSON = "entitlements.json";
    /** Beside the CSV files: every object's extensions, keyed by the JSON path of the extensions. */
    static final String EXTENSIONS_JSON = "extensions.json";
    /** Separates the items of a list cell (categories, areas, ageBands). */
    static final char LIST_SEPARATOR = ';';

    private final String fileName;
    private final Optional<String> jsonArray;
    private final boolean required;
    private final List<String> columns;
    private final List<String> requiredColumns;

    CsvFile(String fileName, String jsonArray, boolean required, List<String> columns, List<String> requiredColumns) {
        this.fileName = fileName;
        this.jsonArray = Optional.ofNullable(jsonArray);
        this.required = required;
        this.columns = columns;
        this.requiredColumns = requiredColumns;
    }

    private static List<String> columns(String... names) {
        return List.of(names);
    }

    String fileName() {
        return fileName;
    }

    /** The scenario array whose elements are this file's rows, in order; empty when rows are not elements. */
    Optional<String> jsonArray() {
        return jsonArray;
    }

    /** Whether a scenario folder must hold this file. */
    boolean required() {
        return required;
    }

    List<String> columns() {
        return columns;
    }

    /** Columns the header must have: every row needs them. Others may be left out to take their defaults. */
    List<String> requiredColumns() {
        return requiredColumns;
    }

    static Optional<CsvFile> named(String fileName) {
        return Arrays.stream(values()).filter(file -> file.fileName.equals(fileName)).findFirst();
    }

    static Optional<CsvFile> ofJsonArray(String array) {
        return Arrays.stream(values()).filter(file -> file.jsonArray.filter(array::equals).isPresent()).findFirst();
    }

    /** Every file name a scenario folder may hold, CSV and JSON. */
    static Set<String> knownFileNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (CsvFile file : values()) {
            names.add(file.fileName);
        }
        names.add(POLICY_JSON);
        names.add(ENTITLEMENTS_JSON);
        names.add(EXTENSIONS_JSON);
        return names;
    }
}
