package vn.childaid.matching.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.engine.AllocationEngine;
import vn.childaid.matching.engine.SolveOptions;
import vn.childaid.matching.files.OutputFileException;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Problem;
import vn.childaid.matching.scenario.Scenario;

class ScenarioCsvTest {
    private static final String BOM = "\uFEFF";

    @TempDir
    Path temp;

    static Scenario contractExample() {
        try (InputStream in = ScenarioCsvTest.class.getResourceAsStream("/scenarios/contract-example.json")) {
            return ScenarioJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "contract-example.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contract's example exported to a new folder. */
    private Path exportedExample() {
        Path folder = temp.resolve("example");
        ScenarioCsv.write(contractExample(), folder);
        return folder;
    }

    private static void edit(Path folder, String file, UnaryOperator<String> change) {
        try {
            Path path = folder.resolve(file);
            String before = Files.readString(path);
            String after = change.apply(before);
            assertFalse(before.equals(after), "the edit of " + file + " changed nothing");
            Files.writeString(path, after);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path folder, String file, String text) {
        write(folder, file, text, StandardCharsets.UTF_8);
    }

    private static void write(Path folder, String file, String text, Charset charset) {
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(file), text.getBytes(charset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> problems(Path folder) {
        InvalidScenarioException invalid = assertThrows(InvalidScenarioException.class, () -> ScenarioCsv.read(folder));
        return invalid.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void theContractsExampleRoundTripsWithItsExtensions() throws IOException {
        Path folder = exportedExample();

        assertEquals(contractExample(), ScenarioCsv.read(folder));
        assertEquals(Set.of("scenario.csv", "districts.csv", "communes.csv", "villages.csv", "donors.csv", "offers.csv",
                "preferences.csv", "needs.csv", "commitments.csv", "policy.json", "extensions.json"), filesIn(folder));
        assertEquals(BOM + "offer,category,area,weight\r\nO-01,NUTRITION,,2\r\nO-01,,645,1\r\n",
                Files.readString(folder.resolve("preferences.csv")), "a row per weight, a category or an area");
        assertTrue(Files.readString(folder.resolve("extensions.json")).contains("\"$.donors[1].extensions\""));
    }

    private static Set<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
    }

    /**
     * The contract shows each file's header, and rows of the contract's example, as export writes
     * them: every file is there, and every line shown is a line of the exported file.
     */
    @Test
    void theContractShowsEachFilesHeaderAndRowsAsExportWritesThem() throws IOException {
        Path contract = Path.of("..", "docs", "contract.md").toAbsolutePath().normalize();
        String text = Files.readString(contract);
        String intro = "The header of each file, with a row, as `export` writes them:\n\n```\n";
        int start = text.indexOf(intro);
        assertTrue(start >= 0, "contract.md shows the files' headers");
        String block = text.substring(start + intro.length(), text.indexOf("```", start + intro.length()));
        Path folder = exportedExample();
        Set<String> shown = new java.util.HashSet<>();
        String file = null;
        for (String line : block.lines().toList()) {
            if (!line.startsWith(" ")) {
                file = line.substring(0, line.indexOf(' '));
                shown.add(file);
            }
            String row = line.substring(line.indexOf(' ')).strip();
            List<String> written = Files.readString(folder.resolve(file)).replace(BOM, "").lines().toList();
            assertTrue(written.contains(row), file + " as exported has no line " + row + ": " + written);
        }
        Set<String> csvFiles = java.util.Arrays.stream(CsvFile.values()).map(CsvFile::fileName)
                .collect(java.util.stream.Collectors.toSet());
        assertEquals(csvFiles, shown);
    }

    @Test
    void badCellsAreAllReportedByFileLineAndColumn() {
        Path folder = exportedExample();
        edit(folder, "needs.csv", text -> text.replace("N-0001,24457-07,,NUTRITION,PRESCHOOL,42,42,1800000",
                "N-0001,24457-07,,NUTRITON,PRESCHOOL,42,abc,1.800.000"));
        edit(folder, "needs.csv", text -> text.replace("PLAYGROUND,ALL,120,1,150000000,NORMAL,false",
                "PLAYGROUND,ALL,120,2.5,150000000,NORMAL,no"));
        edit(folder, "villages.csv", text -> text.replace("24457,true", "24457,yes"));
        edit(folder, "offers.csv", text -> text.replace("O-02,D-02,IN_KIND,,", "O-02,D-02,IN_KIND,5,"));

        assertEquals(List.of(
                "villages.csv:2: especiallyDifficult: \"yes\" is not true or false",
                "offers.csv:3: amount: is not a field of a IN_KIND offer; leave the cell empty",
                "needs.csv:2: category: \"NUTRITON\" is not one of [HEALTHCARE, NUTRITION, CLOTHING, SCHOOL_TRANSPORT, "
                        + "SCHOLARSHIP, SCHOOL_SUPPLIES, CHARITY_HOUSE, PLAYGROUND, PLAY_EQUIPMENT]",
                "needs.csv:2: quantity: \"abc\" is not a whole number (plain digits, e.g. 1800000)",
                "needs.csv:2: unitCost: \"1.800.000\" has thousands separators, which are not allowed: write plain digits (1800000)",
                "needs.csv:4: quantity: \"2.5\" is not a whole number (plain digits, e.g. 1800000)",
                "needs.csv:4: divisible: \"no\" is not true or false"), problems(folder));
    }

    @Test
    void thousandsSeparatorsAreRefusedWithTheirReasonWhateverTheLocaleWrote() {
        for (String grouped : List.of("1.800.000", "1,800,000", "1 800 000", "1\u00A0800\u00A0000")) {
            Path folder = exportedExample();
            edit(folder, "needs.csv", text -> text.replace(",1800000,", ",\"" + grouped + "\","));
            assertEquals(List.of("needs.csv:2: unitCost: \"" + grouped + "\" has thousands separators, which are not "
                    + "allowed: write plain digits (1800000)"), problems(folder), grouped);
            deleteFolder(folder);
        }
    }

    private static void deleteFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Excel writes in a Vietnamese locale with "CSV UTF-8": a BOM, ';' between cells, CRLF, TRUE. */
    @Test
    void aSemicolonSeparatedFileWithABomAndCrlfLineEndsReads() {
        Path folder = temp.resolve("excel");
        write(folder, "scenario.csv", BOM + "formatVersion;name;year\r\n1;Kế hoạch hỗ trợ trẻ em Đắk Lắk, 2020;2020\r\n");
        write(folder, "communes.csv", BOM + "code;name;district;region\r\n24457;Cư Pui;;III\r\n");
        write(folder, "villages.csv", BOM + "code;name;commune;especiallyDifficult\r\n24457-07;Buôn Khanh;24457;TRUE\r\n");
        write(folder, "donors.csv", BOM + "id;name;type\r\nD-01;\"Hội LHPN tỉnh; Đắk Lắk\";MASS_ORGANIZATION\r\n");
        write(folder, "offers.csv", BOM + "id;donor;kind;amount;categories\r\nO-01;D-01;CASH;900000000;\"NUTRITION; HEALTHCARE\"\r\n");
        write(folder, "needs.csv", BOM + "id;village;category;children;quantity;unitCost\r\n"
                + "N-1;24457-07;NUTRITION;42;42;1800000\r\n;;;;;\r\n");

        Scenario scenario = ScenarioCsv.read(folder);

        assertEquals("Kế hoạch hỗ trợ trẻ em Đắk Lắk, 2020", scenario.name());
        assertEquals("Hội LHPN tỉnh; Đắk Lắk", scenario.donor("D-01").name());
        assertEquals("Cư Pui", scenario.communes().get(0).name());
        assertEquals(Region.III, scenario.communes().get(0).region());
        assertTrue(scenario.villages().get(0).especiallyDifficult());
        assertEquals(Set.of(Category.NUTRITION, Category.HEALTHCARE), scenario.offer("O-01").categories());
        assertEquals(1, scenario.needs().size(), "a row of empty cells is skipped");
        assertEquals(1_800_000, scenario.need("N-1").unitCost());
    }

    @Test
    void aQuotedCellKeepsItsCommasQuotesAndLineBreaksAndLinesAreCountedPhysically() {
        Path folder = exportedExample();
        String name = "Công ty TNHH \"Ánh Dương\", chi nhánh\r\nBuôn Ma Thuột";
        write(folder, "donors.csv", BOM + "id,name,type\r\n"
                + "D-01,\"Công ty TNHH \"\"Ánh Dương\"\", chi nhánh\r\nBuôn Ma Thuột\",ENTERPRISE\r\n"
                + "D-02,A bicycle maker,ENTERPRISE\r\n");
        assertEquals(name, ScenarioCsv.read(folder).donor("D-01").name());

        edit(folder, "donors.csv", text -> text.replace("maker,ENTERPRISE", "maker,COMPANY"));
        assertEquals(List.of("donors.csv:4: type: \"COMPANY\" is not one of [STATE_BUDGET, STATE_AGENCY, MASS_ORGANIZATION, "
                + "ENTERPRISE, CHARITY_FUND, INDIVIDUAL, FOREIGN_ORGANIZATION]"), problems(folder),
                "the row after a two-line cell starts on line 4");
    }

    @Test
    void unknownFilesAndColumnsAreRefusedButSpreadsheetLockFilesAreNot() {
        Path folder = exportedExample();
        write(folder, "need.csv", "id\r\n");
        write(folder, ".~lock.needs.csv#", "someone,host,2020");
        edit(folder, "needs.csv", text -> text.replace(",quantity,", ",quantty,"));

        assertEquals(List.of(
                "need.csv: unknown file (a scenario folder holds scenario.csv, districts.csv, communes.csv, villages.csv, "
                        + "donors.csv, offers.csv, preferences.csv, needs.csv, commitments.csv, policy.json, entitlements.json, extensions.json)",
                "needs.csv:1: quantty: unknown column (known columns: id, village, commune, category, ageBand, children, "
                        + "quantity, unitCost, urgency, divisible, alreadyCovered, reportedBy)",
                "needs.csv:1: quantity: the column is missing; every row needs it"), problems(folder));
    }

    @Test
    void missingFilesRowsOfTheWrongLengthAndUnclosedQuotesAreReported() {
        Path folder = exportedExample();
        try {
            Files.delete(folder.resolve("donors.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        edit(folder, "needs.csv", text -> text.replace(",DOET", ",DOET,extra"));
        edit(folder, "communes.csv", text -> text.replace("\"Cư Pui\"", "\"Cư Pui"));

        assertEquals(List.of(
                "communes.csv:3: is not valid CSV (in the row that starts on line 2): Missing closing quote for value",
                "donors.csv: is missing; a scenario folder must have it",
                "needs.csv:2: has 13 cells, but the header has 12 columns (a cell holding the delimiter ',' must be quoted)"),
                problems(folder));
    }

    @Test
    void aFileSavedInALegacyCodePageIsRefusedWithTheWayToSaveIt() {
        Path folder = exportedExample();
        write(folder, "villages.csv", "code,name,commune,especiallyDifficult\r\n24457-07,Bu\u00f4n Khanh,24457,true\r\n",
                StandardCharsets.ISO_8859_1);

        assertEquals(List.of("villages.csv:2: is not UTF-8 text (byte 51); save the sheet as \"CSV UTF-8\""), problems(folder));
    }

    @Test
    void aBrokenFileIsReportedOnceNotAgainThroughTheRowsThatNameIt() {
        Path folder = exportedExample();
        edit(folder, "offers.csv", text -> text.replace("id,donor,kind,", "id,donor,kind,colour,"));
        write(folder, "policy.json", "{\"otherTier\": \"Kh\u00e1c\"}", StandardCharsets.ISO_8859_1);

        assertEquals(List.of(
                "offers.csv:1: colour: unknown column (known columns: id, donor, kind, amount, category, quantity, "
                        + "unitValue, categories, areas, ageBands, especiallyDifficultOnly, minGrant, maxNeeds)",
                "policy.json:1: is not UTF-8 text (byte 18); save it as UTF-8"), problems(folder),
                "preferences.csv names offer O-01, which is not reported unknown while offers.csv cannot be read");
    }

    @Test
    void theScenariosOwnProblemsArePlacedInTheRowsAndCellsTheyCameFrom() {
        Path folder = exportedExample();
        edit(folder, "needs.csv", text -> text.replace("N-0002,24457-07", "N-0002,24457-99"));
        edit(folder, "needs.csv", text -> text.replace("N-0003,,24457", "N-0003,24457-07,24457"));
        edit(folder, "commitments.csv", text -> text.replace("N-0001,10", "N-0001,100"));
        edit(folder, "preferences.csv", text -> text.replace("O-01,,645,1", "O-01,,999,1"));
        edit(folder, "preferences.csv", text -> text.replace("O-01,NUTRITION,,2", "O-01,NUTRITION,,2000"));
        edit(folder, "policy.json", text -> text.replace("\"name\" : \"ED\"", "\"name\" : \"ED-critical\""));

        assertEquals(List.of(
                "preferences.csv:2: weight: must be between 0 and 1000, found 2000.0",
                "preferences.csv:3: area: unknown area code '999'",
                "needs.csv:3: village: unknown village '24457-99'",
                "needs.csv:4: give exactly one of 'village' or 'commune'",
                "commitments.csv:2: commitments give need 'N-0001' 100 units but only 42 are open (quantity − alreadyCovered)",
                "policy.json: $.tiers[1].name: duplicate tier name 'ED-critical'"), problems(folder));
    }

    @Test
    void preferenceRowsNameAKnownOfferAndOneCategoryOrArea() {
        Path folder = exportedExample();
        write(folder, "preferences.csv", "offer,category,area,weight\r\n"
                + "O-99,NUTRITION,,1\r\n"
                + "O-01,NUTRITION,645,1\r\n"
                + "O-01,,,1\r\n"
                + "O-01,HEALTHCARE,,\"1,5\"\r\n"
                + "O-01,HEALTHCARE,,1.5\r\n"
                + "O-01,HEALTHCARE,,2\r\n");

        assertEquals(List.of(
                "preferences.csv:2: offer: unknown offer 'O-99' (not in offers.csv)",
                "preferences.csv:3: give a category or an area, not both: each row is one weight",
                "preferences.csv:4: give a category or an area for the weight",
                "preferences.csv:5: weight: \"1,5\" has a decimal comma: write the decimals after a point (1.5)",
                "preferences.csv:7: category: offer 'O-01' already has a weight for category 'HEALTHCARE'"), problems(folder));
    }

    @Test
    void extensionsAreKeyedByTheirJsonPathAndAPathToNothingIsRefused() {
        Path folder = exportedExample();
        write(folder, "extensions.json", "{ \"$.needs[2].extensions\": {\"sheet\": \"Tờ 1\"},"
                + " \"$.offers[0].preferences.extensions\": {\"n\": 1.50},"
                + " \"$.extensions\": {\"source\": \"DOLISA\"} }");
        Scenario scenario = ScenarioCsv.read(folder);
        assertEquals("{\"sheet\":\"Tờ 1\"}", scenario.need("N-0003").extensions().json().orElseThrow());
        assertEquals("{\"n\":1.50}", scenario.offer("O-01").preferences().extensions().json().orElseThrow());
        assertEquals("{\"source\":\"DOLISA\"}", scenario.extensions().json().orElseThrow());

        write(folder, "extensions.json", "{ \"$.needs[3].extensions\": {}, \"$.needs[0]\": {}, "
                + "\"$.policy.extensions\": {}, \"$.donors[0].extensions\": 7 }");
        assertEquals(List.of("extensions.json: $.donors[0].extensions: must be a JSON object, found number"), problems(folder),
                "a value that is not an object is reported first, as the file cannot be taken apart");

        write(folder, "extensions.json", "{ \"$.needs[3].extensions\": {}, \"$.needs[0]\": {}, \"$.policy.extensions\": {} }");
        assertEquals(List.of(
                "extensions.json: $.needs[3].extensions: there is no such object: needs.csv has 3 rows, counted from [0]",
                "extensions.json: $.needs[0]: is not the path of an object's extensions (for example $.extensions, "
                        + "$.needs[0].extensions, $.offers[2].preferences.extensions)",
                "extensions.json: $.policy.extensions: the policy's extensions and its tiers' belong in policy.json"),
                problems(folder));
    }

    @Test
    void withoutPolicyJsonThePolicyIsTheDefault() throws IOException {
        Path folder = exportedExample();
        Files.delete(folder.resolve("policy.json"));
        assertEquals(contractExample(), ScenarioCsv.read(folder), "the example's policy is the default preset");
    }

    @Test
    void anExportedScenarioEditedInASpreadsheetImportsValidatesAndSolves() {
        Path folder = exportedExample();
        edit(folder, "needs.csv", text -> text.replace("N-0002,24457-07,,SCHOOL_TRANSPORT,PRIMARY,30,30,1500000",
                "N-0002,24457-07,,SCHOOL_TRANSPORT,PRIMARY,30,20,1500000"));

        Scenario edited = ScenarioCsv.read(folder);
        Plan plan = AllocationEngine.solve(edited, SolveOptions.defaults().withScoreCalculationLimit(2_000).withRandomSeed(1));

        assertEquals(20, edited.need("N-0002").quantity());
        assertEquals(contractExample().need("N-0001"), edited.need("N-0001"), "the rest is as exported");
        assertTrue(plan.feasible(), () -> String.join("\n", plan.violations()));
        assertEquals(20, plan.need("N-0002").orElseThrow().openUnits());
    }

    @Test
    void nothingIsWrittenIntoANonEmptyFolder() throws IOException {
        Path folder = temp.resolve("taken");
        write(folder, "notes.txt", "mine");

        OutputFileException refused = assertThrows(OutputFileException.class,
                () -> ScenarioCsv.write(contractExample(), folder));

        assertTrue(refused.getMessage().contains("is not empty"), refused.getMessage());
        assertEquals(Set.of("notes.txt"), filesIn(folder));
    }

    @Test
    void anAreaCodeThatAListCellCannotHoldIsRefusedBeforeAnythingIsWritten() {
        Scenario scenario = contractExample();
        Scenario.Builder builder = Scenario.builder(scenario.name()).policy(scenario.policy());
        scenario.districts().forEach(builder::district);
        scenario.communes().forEach(builder::commune);
        scenario.villages().forEach(builder::village);
        builder.village(vn.childaid.matching.scenario.Village.of("24457;08", "Buôn Ja", "24457", false));
        scenario.needs().forEach(builder::need);
        scenario.donors().forEach(builder::donor);
        scenario.offers().forEach(o -> builder.offer(o.id().equals("O-01") ? o.withAreas(Set.of("24457;08")) : o));
        Path folder = temp.resolve("never");

        InvalidScenarioException refused = assertThrows(InvalidScenarioException.class,
                () -> ScenarioCsv.write(builder.build(), folder));

        assertEquals(List.of("$.offers[0].areas: area code '24457;08' cannot be written in a list cell: it holds ';' "
                + "or begins or ends with a space"), refused.problems().stream().map(Problem::toString).toList());
        assertFalse(Files.exists(folder));
    }

    @Test
    void weightsAreWrittenInPlainDigitsThatReadBackExactly() {
        for (double weight : new double[] {0, -0.0, 2, 0.5, 1e-4, 999.999, 1.0 / 3}) {
            String written = CsvScenarioWriter.decimal(weight);
            assertTrue(written.matches("-?[0-9]+(\\.[0-9]+)?"), written);
            assertEquals(Double.valueOf(weight), Double.valueOf(Double.parseDouble(written)), written);
        }
        assertEquals("0.0001", CsvScenarioWriter.decimal(1e-4));
        assertEquals("2", CsvScenarioWriter.decimal(2.0));
    }

    @Test
    void theDelimiterIsTheOneTheHeaderLineUsesOutsideQuotes() {
        assertEquals(';', CsvTable.delimiterOf("id;name;type"));
        assertEquals(',', CsvTable.delimiterOf("id,name,type"));
        assertEquals(',', CsvTable.delimiterOf("\"a;b;c\",name"));
        assertEquals(',', CsvTable.delimiterOf("id"));
    }

    @Test
    void anOfferLeftIncompleteIsReportedPerCell() {
        Path folder = exportedExample();
        write(folder, "offers.csv", "id,donor,kind,amount,quantity\r\nO-01,D-01,CASH,,\r\nO-02,D-02,IN_KIND,,\r\n,D-01,GIFT,,\r\n");

        assertEquals(List.of(
                "offers.csv:2: amount: is required",
                "offers.csv:3: quantity: is required",
                "offers.csv:4: id: is required",
                "offers.csv:4: kind: \"GIFT\" is not one of [CASH, IN_KIND]"), problems(folder));
    }

    @Test
    void theProvinceAndAnonymousDonorsReadAndRoundTrip() {
        Path folder = exportedExample();
        edit(folder, "scenario.csv", text -> text.replace("2020,,", "2020,66,Đắk Lắk"));
        edit(folder, "donors.csv", text -> text.replaceFirst("false\r\n$", "true\r\n"));

        Scenario read = ScenarioCsv.read(folder);
        assertEquals(java.util.Optional.of(new vn.childaid.matching.scenario.Province("66", "Đắk Lắk")), read.province());
        assertEquals(List.of(false, true), read.donors().stream().map(d -> d.anonymous()).toList());
        Path again = temp.resolve("again");
        ScenarioCsv.write(read, again);
        assertEquals(read, ScenarioCsv.read(again));
    }

    @Test
    void aProvinceWithACodeButNoNameIsRefusedByCell() {
        Path folder = exportedExample();
        edit(folder, "scenario.csv", text -> text.replace("2020,,", "2020,66,"));

        List<String> problems = problems(folder);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("provinceName") && problems.get(0).contains("scenario.csv"), problems::toString);
    }
}
