package vn.childaid.matching.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.childaid.matching.charts.HorizontalBarChart;
import vn.childaid.matching.charts.HorizontalBarChart.Bar;
import vn.childaid.matching.charts.NumberText;
import vn.childaid.matching.charts.StackedBarChart;
import vn.childaid.matching.charts.StackedBarChart.Row;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.files.OutputFile;
import vn.childaid.matching.report.HonourRoll.Entry;
import vn.childaid.matching.report.HonourRoll.Group;
import vn.childaid.matching.report.HtmlPage.Section;
import vn.childaid.matching.report.HtmlPage.Table;
import vn.childaid.matching.report.HtmlPage.Total;
import vn.childaid.matching.scenario.DonorType;

/**
 * A {@link PlanReport} as one self-contained HTML page for planners, commune leaders and donors:
 * who gave what, where it went, which especially difficult villages still lack what, and who is
 * honoured. Inline CSS and SVG only: no scripts and nothing fetched, so the page opens offline,
 * survives e-mail and prints. It shows no clock time, so the same report gives the same bytes.
 * Every label comes from {@link Words} ({@code page.} keys), every figure is the report's.
 *
 * <p>A plan that breaks hard rules, or that was made for another scenario, is announced in a red
 * box at the top, before any figure.
 */
public final class HtmlReport {
    /** Unmet needs listed, largest first; the rest are counted in the note. */
    static final int UNMET_NEEDS_SHOWN = 25;
    /** Unmet needs drawn in the chart above that list. */
    static final int UNMET_NEEDS_CHARTED = 10;
    /** Villages named per category as still lacking; the rest are counted. */
    static final int LACKING_VILLAGES_NAMED = 12;
    /** Donors per type in the ranking by children reached (the ranking by value lists every donor). */
    static final int HONOUR_BY_CHILDREN_SHOWN = 10;

    private final PlanReport report;
    private final Words words;
    private final Map<String, String> whyByNeed;
    private final NumberText numbers;

    private HtmlReport(PlanReport report, Words words, Map<String, String> whyByNeed) {
        this.report = Objects.requireNonNull(report, "report");
        this.words = Objects.requireNonNull(words, "words");
        this.whyByNeed = Map.copyOf(whyByNeed);
        this.numbers = NumberText.of(words.locale());
    }

    /** The page, as UTF-8 text. */
    public static String render(PlanReport report, Words words) {
        return render(report, words, Map.of());
    }

    /**
     * The page, with a "why" column beside the unmet needs it lists: {@code whyByNeed} maps a need's
     * id to the sentence for people that explains why it is not fully funded (an explanation's
     * sentence, in the same words); needs it does not hold get an empty cell. Without any, the
     * column is left out.
     */
    public static String render(PlanReport report, Words words, Map<String, String> whyByNeed) {
        return new HtmlReport(report, words, whyByNeed).page();
    }

    /**
     * Writes the page to {@code file} through {@link OutputFile}: whole or not at all.
     *
     * @throws vn.childaid.matching.files.OutputFileException when the file cannot be written
     */
    public static void write(PlanReport report, Words words, Path file) {
        OutputFile.of(file).writeString(render(report, words));
    }

    private String page() {
        String language = words.locale().getLanguage().isEmpty() ? "en" : words.locale().toLanguageTag();
        HtmlPage page = new HtmlPage(language, words.get("page.title", report.scenario()));
        page.heading(headingLines());
        soundness(page);
        page.totals(totals());
        page.section(tiers());
        page.section(districts());
        page.section(hardestVillages());
        page.section(hardestVillagesLacking());
        page.section(unmetNeeds());
        page.section(donorUse());
        honourRoll().forEach(page::section);
        page.footer(words.get("page.footer", LibraryVersion.current()));
        return page.html();
    }

    private List<String> headingLines() {
        List<String> lines = new ArrayList<>();
        report.province().ifPresent(province -> lines.add(words.get("page.province", province.name())));
        lines.add(report.year().isPresent() ? words.get("page.year", String.valueOf(report.year().getAsInt()))
                : words.get("page.noYear"));
        lines.add(words.get("page.version", LibraryVersion.current()));
        return lines;
    }

    private void soundness(HtmlPage page) {
        List<String> alarms = new ArrayList<>();
        if (!report.belongsToScenario()) {
            alarms.add(words.get("page.otherScenario", report.scenario()));
        }
        if (!report.feasible()) {
            alarms.add(words.get("page.infeasible"));
        }
        if (!alarms.isEmpty()) {
            page.alarm(words.get("page.alarm"), withProblems(alarms));
        } else if (report.violations() > 0) {
            page.alarm(words.get("page.problemsOnly"), withProblems(List.of()));
        } else {
            page.reassurance(words.get("page.sound"));
        }
    }

    private List<String> withProblems(List<String> alarms) {
        List<String> details = new ArrayList<>(alarms);
        details.add(words.get("page.problems", numbers.whole(report.violations())));
        return details;
    }

    private List<Total> totals() {
        Money money = report.money();
        int needs = report.byTier().stream().mapToInt(Reach::needs).sum();
        int funded = report.byTier().stream().mapToInt(Reach::fundedNeeds).sum();
        return List.of(
                new Total("total-offered", words.get("page.total.offered"), numbers.whole(money.offered())),
                new Total("total-allocated", words.get("page.total.allocated"), numbers.whole(money.allocated())),
                new Total("total-allocated-cash", words.get("page.total.allocatedCash"), numbers.whole(money.allocatedCash())),
                new Total("total-allocated-in-kind", words.get("page.total.allocatedInKind"),
                        numbers.whole(money.allocatedInKind())),
                new Total("total-reached", words.get("page.total.reached"), numbers.whole(report.childrenReached())),
                new Total("total-children", words.get("page.total.children"), numbers.whole(report.children())),
                new Total("total-funded-needs", words.get("page.total.fundedNeeds"),
                        words.get("page.total.fundedNeedsOf", numbers.whole(funded), numbers.whole(needs))));
    }

    // ---- Coverage ----

    private Section tiers() {
        return coverage("tiers", words.get("page.tiers.heading"), words.get("page.column.tier"), report.byTier(),
                Reach::name);
    }

    private Section districts() {
        return coverage("districts", words.get("page.districts.heading"), words.get("page.column.district"),
                report.byDistrict(), reach -> reach.key().isEmpty() ? words.get("page.districts.none") : reach.name());
    }

    /** Children reached against children served, per group: a chart of shares and a table of counts. */
    private Section coverage(String id, String heading, String groupColumn, List<Reach> groups,
            Function<Reach, String> name) {
        List<Row> rows = groups.stream()
                .map(reach -> new Row(name.apply(reach), List.of(reach.reached(), notReached(reach))))
                .toList();
        String chart = StackedBarChart.svg(heading, List.of(words.get("page.part.reached"),
                words.get("page.part.notReached")), rows, numbers, words.get("page.empty"));
        Table table = Table.of(List.of(groupColumn, words.get("page.column.needs"), words.get("page.column.fundedNeeds"),
                words.get("page.column.children"), words.get("page.column.reached"), words.get("page.column.share")), 1);
        groups.forEach(reach -> table.row(List.of(name.apply(reach), numbers.whole(reach.needs()),
                numbers.whole(reach.fundedNeeds()), numbers.whole(reach.children()), numbers.whole(reach.reached()),
                numbers.percent(reach.reached(), reach.children()))));
        return new Section(id, heading, List.of(words.get("page.coverage.note")), chart, table);
    }

    private static double notReached(Reach reach) {
        return Math.max(0, reach.children() - reach.reached());
    }

    private Section hardestVillages() {
        String heading = words.get("page.hardest.heading");
        List<String> note = List.of(words.get("page.hardest.note", numbers.whole(report.especiallyDifficultVillages())));
        List<VillageCoverage> withCritical = report.especiallyDifficultCoverage().stream()
                .filter(coverage -> coverage.villagesWithCriticalNeeds() > 0).toList();
        List<Row> rows = withCritical.stream().map(coverage -> new Row(category(coverage.category()), List.of(
                (double) coverage.villagesCovered(), (double) coverage.villagesLacking().size()))).toList();
        String chart = StackedBarChart.svg(heading, List.of(words.get("page.part.covered"),
                words.get("page.part.lacking")), rows, numbers, words.get("page.hardest.none"));
        Table table = Table.of(List.of(words.get("page.column.category"), words.get("page.column.villagesWithNeeds"),
                words.get("page.column.villagesWithCriticalNeeds"), words.get("page.column.villagesCovered"),
                words.get("page.column.villagesLacking")), 1);
        for (VillageCoverage coverage : report.especiallyDifficultCoverage()) {
            table.row(List.of(category(coverage.category()), numbers.whole(coverage.villagesWithNeeds()),
                    numbers.whole(coverage.villagesWithCriticalNeeds()), numbers.whole(coverage.villagesCovered()),
                    lackingVillages(coverage.villagesLacking())));
        }
        return new Section("hardest-villages", heading, note, chart, table);
    }

    /**
     * What the especially difficult villages still lack, critical or not: the unmet needs there,
     * largest first. A village whose critical needs are all funded may still miss its meals.
     */
    private Section hardestVillagesLacking() {
        String heading = words.get("page.hardestLacking.heading");
        List<UnmetNeed> lacking = report.unmetNeeds().stream().filter(UnmetNeed::especiallyDifficult).toList();
        if (lacking.isEmpty()) {
            return new Section("hardest-villages-lacking", heading, List.of(words.get("page.hardestLacking.none")), "",
                    null, true);
        }
        List<UnmetNeed> shown = lacking.stream().limit(UNMET_NEEDS_SHOWN).toList();
        Table table = unmetTable(shown);
        List<String> note = List.of(words.get("page.hardestLacking.note", numbers.whole(shown.size()),
                numbers.whole(lacking.size()), numbers.whole(lacking.stream().mapToDouble(UnmetNeed::children).sum()),
                numbers.whole(lacking.stream().mapToLong(UnmetNeed::vnd).sum())));
        return new Section("hardest-villages-lacking", heading, note, "", table, true);
    }

    /** The first villages by name, then how many more: a category can lack hundreds. */
    private String lackingVillages(List<AreaRef> villages) {
        if (villages.isEmpty()) {
            return "—";
        }
        String named = villages.stream().limit(LACKING_VILLAGES_NAMED).map(AreaRef::name)
                .collect(Collectors.joining(", "));
        int more = villages.size() - LACKING_VILLAGES_NAMED;
        return more > 0 ? named + " " + words.get("page.andMore", numbers.whole(more)) : named;
    }

    private Section unmetNeeds() {
        String heading = words.get("page.unmet.heading");
        List<UnmetNeed> unmet = report.unmetNeeds();
        if (unmet.isEmpty()) {
            return new Section("unmet-needs", heading, List.of(words.get("page.unmet.none")), "", null);
        }
        List<UnmetNeed> shown = unmet.stream().limit(UNMET_NEEDS_SHOWN).toList();
        List<Bar> bars = shown.stream().limit(UNMET_NEEDS_CHARTED)
                .map(need -> Bar.of(need.need() + " · " + place(need.village(), need.commune(), Optional.empty()),
                        need.children(), numbers))
                .toList();
        String chart = HorizontalBarChart.svg(words.get("page.unmet.chart"), bars, words.get("page.empty"));
        Table table = unmetTable(shown);
        List<String> note = List.of(words.get("page.unmet.note", numbers.whole(shown.size()), numbers.whole(unmet.size()),
                numbers.whole(unmet.stream().mapToDouble(UnmetNeed::children).sum()),
                numbers.whole(unmet.stream().mapToLong(UnmetNeed::vnd).sum())));
        return new Section("unmet-needs", heading, note, chart, table);
    }

    private Table unmetTable(List<UnmetNeed> needs) {
        boolean why = !whyByNeed.isEmpty();
        List<String> headings = new ArrayList<>(List.of(words.get("page.column.need"), words.get("page.column.tier"),
                words.get("page.column.category"), words.get("page.column.place")));
        if (why) {
            headings.add(words.get("page.column.why"));
        }
        headings.addAll(List.of(words.get("page.column.unitsMissing"), words.get("page.column.childrenMissing"),
                words.get("page.column.vndMissing")));
        Table table = Table.of(headings, why ? 5 : 4);
        for (UnmetNeed need : needs) {
            String category = category(need.category()) + (need.especiallyDifficult()
                    ? " " + words.get("page.unmet.especiallyDifficult") : "");
            List<String> cells = new ArrayList<>(List.of(need.need(), need.tier(), category,
                    place(need.village(), need.commune(), need.district())));
            if (why) {
                cells.add(whyByNeed.getOrDefault(need.need(), ""));
            }
            cells.addAll(List.of(numbers.whole(need.units()), numbers.whole(need.children()), numbers.whole(need.vnd())));
            table.row(cells);
        }
        return table;
    }

    private static String place(Optional<AreaRef> village, AreaRef commune, Optional<AreaRef> district) {
        return Stream.of(village.map(AreaRef::name), Optional.of(commune.name()), district.map(AreaRef::name))
                .flatMap(Optional::stream).collect(Collectors.joining(", "));
    }

    // ---- Donors ----

    private Section donorUse() {
        String heading = words.get("page.donors.heading");
        List<Row> rows = report.byDonorType().stream().map(total -> new Row(donorType(total.type()), List.of(
                (double) total.money().allocated(),
                (double) Math.max(0, total.money().offered() - total.money().allocated())))).toList();
        String chart = StackedBarChart.svg(heading, List.of(words.get("page.part.allocated"),
                words.get("page.part.notAllocated")), rows, numbers, words.get("page.empty"));
        Table table = Table.of(List.of(words.get("page.column.donorType"), words.get("page.column.donors"),
                words.get("page.column.offeredCash"), words.get("page.column.offeredInKind"),
                words.get("page.column.allocatedCash"), words.get("page.column.allocatedInKind"),
                words.get("page.column.childrenReached")), 1);
        for (DonorTypeTotal total : report.byDonorType()) {
            Money money = total.money();
            table.row(List.of(donorType(total.type()), numbers.whole(total.donors()), numbers.whole(money.offeredCash()),
                    numbers.whole(money.offeredInKind()), numbers.whole(money.allocatedCash()),
                    numbers.whole(money.allocatedInKind()), numbers.whole(total.childrenReached())));
        }
        return new Section("donor-use", heading, List.of(words.get("page.donors.note")), chart, table);
    }

    private List<Section> honourRoll() {
        List<Section> sections = new ArrayList<>();
        HonourRoll roll = report.honourRoll();
        List<Bar> bars = new ArrayList<>();
        for (Group group : roll.byValue()) {
            group.entries().stream().filter(entry -> entry.allocated() > 0).findFirst().ifPresent(first -> bars.add(
                    Bar.of(donorType(group.type()) + ": " + first.donor().label(words), first.allocated(), numbers)));
        }
        String chart = HorizontalBarChart.svg(words.get("page.honour.chart"), bars, words.get("page.honour.nobody"));
        sections.add(new Section("honour-roll", words.get("page.honour.heading"), List.of(words.get("page.honour.note")),
                chart, null));
        for (Group group : roll.byValue()) {
            sections.add(honourTable("honour-value-" + slug(group.type()),
                    words.get("page.honour.byValue", donorType(group.type())), group.entries()));
        }
        for (Group group : roll.byChildren()) {
            sections.add(honourTable("honour-children-" + slug(group.type()),
                    words.get("page.honour.byChildren", donorType(group.type())),
                    group.entries().stream().limit(HONOUR_BY_CHILDREN_SHOWN).toList()));
        }
        return sections;
    }

    private Section honourTable(String id, String heading, List<Entry> entries) {
        Table table = Table.of(List.of(words.get("page.column.rank"), words.get("page.column.donor"),
                words.get("page.column.allocated"), words.get("page.column.offered"),
                words.get("page.column.childrenReached")), 2);
        entries.forEach(entry -> table.row(List.of(numbers.whole(entry.rank()), entry.donor().label(words),
                numbers.whole(entry.allocated()), numbers.whole(entry.offered()), numbers.whole(entry.childrenReached()))));
        return new Section(id, heading, List.of(), "", table, true);
    }

    private static String slug(DonorType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private String category(Category category) {
        return words.get("page.category." + category.name());
    }

    private String donorType(DonorType type) {
        return words.get("page.donorType." + type.name());
    }
}
