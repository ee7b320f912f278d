package vn.childaid.matching.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.HardRuleAudit;
import vn.childaid.matching.plan.NeedStatus;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAudit;
import vn.childaid.matching.rules.Ledger;
import vn.childaid.matching.rules.Objective;
import vn.childaid.matching.rules.RuleViolation;
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Place;
import vn.childaid.matching.scenario.Province;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.scenario.Village;

/**
 * What a plan does, for the people it concerns: money by donor type and donor, children reached by
 * category, age band, tier, district and commune, the especially difficult villages' coverage, the
 * unmet need, the honour roll and every line as a report row. Immutable.
 *
 * <p>Every figure is a sum over the plan's lines (lines the audit cannot book — unknown ids, fewer
 * than one unit — count nowhere), so the totals agree with each other and with the 4W table. The
 * plan is audited first ({@link PlanAudit}): a report on an infeasible plan, or on another
 * scenario's plan, says so in {@link #feasible()}, {@link #violations()} and
 * {@link #belongsToScenario()} and must be shown loudly. Anonymous donors appear without name or id
 * ({@link DonorRef}).
 */
public final class PlanReport {
    private final String scenario;
    private final OptionalInt year;
    private final Optional<Province> province;
    private final boolean feasible;
    private final int violations;
    private final boolean belongsToScenario;
    private final Money money;
    private final List<DonorTypeTotal> byDonorType;
    private final List<DonorTotal> byDonor;
    private final double childrenReached;
    private final long children;
    private final List<Reach> byCategory;
    private final List<Reach> byAgeBand;
    private final List<Reach> byTier;
    private final List<Reach> byDistrict;
    private final List<Reach> byCommune;
    private final int especiallyDifficultVillages;
    private final List<VillageCoverage> especiallyDifficultCoverage;
    private final List<Unmet> unmet;
    private final List<UnmetNeed> unmetNeeds;
    private final HonourRoll honourRoll;
    private final List<ReportLine> lines;

    private PlanReport(Builder b) {
        this.scenario = b.scenario.name();
        this.year = b.year;
        this.province = b.scenario.province();
        this.feasible = b.feasible;
        this.violations = b.violations;
        this.belongsToScenario = b.belongsToScenario;
        this.money = b.byDonor.stream().map(DonorTotal::money).reduce(Money.ZERO, Money::plus);
        this.byDonorType = List.copyOf(b.byDonorType);
        this.byDonor = List.copyOf(b.byDonor);
        this.childrenReached = b.lines.stream().mapToDouble(ReportLine::children).sum();
        this.children = b.scenario.needs().stream().mapToLong(Need::children).sum();
        this.byCategory = List.copyOf(b.byCategory);
        this.byAgeBand = List.copyOf(b.byAgeBand);
        this.byTier = List.copyOf(b.byTier);
        this.byDistrict = List.copyOf(b.byDistrict);
        this.byCommune = List.copyOf(b.byCommune);
        this.especiallyDifficultVillages = b.especiallyDifficultVillages;
        this.especiallyDifficultCoverage = List.copyOf(b.coverage);
        this.unmet = List.copyOf(b.unmet);
        this.unmetNeeds = List.copyOf(b.unmetNeeds);
        this.honourRoll = HonourRoll.of(byDonor);
        this.lines = List.copyOf(b.lines);
    }

    /** The report of {@code plan}, audited against {@code scenario}; the year is the scenario's, if it has one. */
    public static PlanReport of(Scenario scenario, Plan plan) {
        return new Builder(scenario, plan, scenario.year()).build();
    }

    /** A report per year, in the order given, and their totals over the period. */
    public static PeriodReport years(List<YearInput> years) {
        List<PlanReport> reports = years.stream()
                .map(input -> new Builder(input.scenario(), input.plan(), OptionalInt.of(input.year())).build())
                .toList();
        Map<DonorType, DonorTypeTotal> byType = new EnumMap<>(DonorType.class);
        for (PlanReport report : reports) {
            for (DonorTypeTotal total : report.byDonorType()) {
                byType.merge(total.type(), total, (a, b) -> new DonorTypeTotal(a.type(), a.donors() + b.donors(),
                        a.money().plus(b.money()), a.childrenReached() + b.childrenReached()));
            }
        }
        Money money = reports.stream().map(PlanReport::money).reduce(Money.ZERO, Money::plus);
        double childYears = reports.stream().mapToDouble(PlanReport::childrenReached).sum();
        boolean allFeasible = reports.stream().allMatch(r -> r.feasible() && r.belongsToScenario());
        return new PeriodReport(reports, money, List.copyOf(byType.values()), childYears, allFeasible);
    }

    /** The scenario's name. */
    public String scenario() { return scenario; }
    /** The year reported on: the scenario's, or the one given to {@link #years}. */
    public OptionalInt year() { return year; }
    /** The scenario's province, when it names one. */
    public Optional<Province> province() { return province; }
    /** The plan's lines keep every hard rule of the scenario (the plan-name check aside). */
    public boolean feasible() { return feasible; }
    /** How many problems the audit found, reporting and naming problems included; 0 for a sound plan. */
    public int violations() { return violations; }
    /** The plan names this scenario; a report on another scenario's plan means little and must say so. */
    public boolean belongsToScenario() { return belongsToScenario; }
    /** Money over all donors. */
    public Money money() { return money; }
    /** Money and children per donor type present in the scenario, in the contract's type order. */
    public List<DonorTypeTotal> byDonorType() { return byDonorType; }
    /** Money and children per donor, in scenario order. */
    public List<DonorTotal> byDonor() { return byDonor; }
    /** Children-equivalents reached: Σ over the lines of children × units / quantity. */
    public double childrenReached() { return childrenReached; }
    /** Children all the scenario's needs serve. */
    public long children() { return children; }
    /** Reach per category, every category in the contract's order. */
    public List<Reach> byCategory() { return byCategory; }
    /** Reach per age band, every band in the contract's order. */
    public List<Reach> byAgeBand() { return byAgeBand; }
    /** Reach per tier, in policy order, the other tier last. */
    public List<Reach> byTier() { return byTier; }
    /** Reach per district, in scenario order; a row keyed {@code ""} last for communes without a district. */
    public List<Reach> byDistrict() { return byDistrict; }
    /** Reach per commune, in scenario order. */
    public List<Reach> byCommune() { return byCommune; }
    /** How many villages the scenario marks especially difficult. */
    public int especiallyDifficultVillages() { return especiallyDifficultVillages; }
    /** The especially difficult villages' coverage, every category in the contract's order. */
    public List<VillageCoverage> especiallyDifficultCoverage() { return especiallyDifficultCoverage; }
    /** Unmet need per commune and category (only where some is unmet), communes in scenario order. */
    public List<Unmet> unmet() { return unmet; }
    /** Every need not fully funded, most children missing first (then most VND, then scenario order). */
    public List<UnmetNeed> unmetNeeds() { return unmetNeeds; }
    public HonourRoll honourRoll() { return honourRoll; }
    /** Every countable line of the plan, in plan order. */
    public List<ReportLine> lines() { return lines; }

    @Override
    public String toString() {
        return "PlanReport[" + scenario + (year.isPresent() ? " " + year.getAsInt() : "") + ", feasible=" + feasible
                + ", violations=" + violations + ", allocated=" + money.allocated() + ", reached=" + childrenReached
                + "]";
    }

    /** Works the report out; one use. */
    private static final class Builder {
        private final Scenario scenario;
        private final OptionalInt year;
        private final boolean feasible;
        private final int violations;
        private final boolean belongsToScenario;
        private final List<String> tierNames;
        private final List<ReportLine> lines = new ArrayList<>();
        private final Ledger books = new Ledger();
        private final Map<String, Double> reachedByNeed = new HashMap<>();
        private final Map<String, Money> moneyByOffer = new HashMap<>();
        private final Map<String, Double> reachedByOffer = new HashMap<>();
        private final Map<String, Place> places = new HashMap<>();
        private final Map<String, String> districtNames = new HashMap<>();
        private final List<DonorTotal> byDonor = new ArrayList<>();
        private final List<DonorTypeTotal> byDonorType = new ArrayList<>();
        private List<Reach> byCategory;
        private List<Reach> byAgeBand;
        private List<Reach> byTier;
        private List<Reach> byDistrict;
        private List<Reach> byCommune;
        private int especiallyDifficultVillages;
        private final List<VillageCoverage> coverage = new ArrayList<>();
        private final List<Unmet> unmet = new ArrayList<>();
        private final List<UnmetNeed> unmetNeeds = new ArrayList<>();

        Builder(Scenario scenario, Plan plan, OptionalInt year) {
            this.scenario = Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(plan, "plan");
            this.year = year;
            List<RuleViolation> audit = PlanAudit.audit(scenario, plan);
            this.belongsToScenario = plan.scenario().equals(scenario.name());
            // PlanAudit reports another scenario's name first; feasibility is about the lines alone.
            this.feasible = audit.stream().skip(belongsToScenario ? 0 : 1).noneMatch(v -> v.rule().isHard());
            this.violations = audit.size();
            this.tierNames = scenario.policy().tierNames();
            scenario.needs().forEach(need -> places.put(need.id(), scenario.placeOf(need)));
            scenario.districts().forEach(district -> districtNames.put(district.code(), district.name()));
            readLines(plan.allocations());
        }

        private void readLines(List<Allocation> allocations) {
            for (Allocation line : allocations) {
                if (!HardRuleAudit.countable(scenario, line)) {
                    continue; // the audit reports it; it counts toward nothing
                }
                Offer offer = scenario.offer(line.offer());
                Need need = scenario.need(line.need());
                books.record(offer, need, line.units());
                double children = Objective.reached(need.children(), need.quantity(), line.units());
                reachedByNeed.merge(need.id(), children, Double::sum);
                reachedByOffer.merge(offer.id(), children, Double::sum);
                moneyByOffer.merge(offer.id(), Money.allocated(offer.isCash(), line.amount()), Money::plus);
                Place place = places.get(need.id());
                lines.add(new ReportLine(DonorRef.of(scenario.donor(offer.donor())), need.id(), need.category(),
                        need.ageBand(), tierNames.get(scenario.tierOf(need)), district(place),
                        new AreaRef(place.commune().code(), place.commune().name()), village(place), line.units(),
                        line.amount(), offer.isCash(), line.committed(), children));
            }
        }

        PlanReport build() {
            sumDonors();
            sumReach();
            coverVillages();
            findUnmet();
            return new PlanReport(this);
        }

        private void sumDonors() {
            Map<String, Money> moneyByDonor = new HashMap<>();
            Map<String, Double> reachedByDonor = new HashMap<>();
            for (Offer offer : scenario.offers()) {
                Money money = Money.offered(offer.isCash(), offer.totalValue())
                        .plus(moneyByOffer.getOrDefault(offer.id(), Money.ZERO));
                moneyByDonor.merge(offer.donor(), money, Money::plus);
                reachedByDonor.merge(offer.donor(), reachedByOffer.getOrDefault(offer.id(), 0.0), Double::sum);
            }
            Map<DonorType, DonorTypeTotal> byType = new EnumMap<>(DonorType.class);
            for (Donor donor : scenario.donors()) {
                DonorTotal total = new DonorTotal(DonorRef.of(donor), moneyByDonor.getOrDefault(donor.id(), Money.ZERO),
                        reachedByDonor.getOrDefault(donor.id(), 0.0));
                byDonor.add(total);
                byType.merge(donor.type(), new DonorTypeTotal(donor.type(), 1, total.money(), total.childrenReached()),
                        (a, b) -> new DonorTypeTotal(a.type(), a.donors() + b.donors(), a.money().plus(b.money()),
                                a.childrenReached() + b.childrenReached()));
            }
            byDonorType.addAll(byType.values());
        }

        private void sumReach() {
            Map<String, Tally> categories = new LinkedHashMap<>();
            for (Category category : Category.values()) {
                categories.put(category.name(), new Tally(category.name(), category.name()));
            }
            Map<String, Tally> ageBands = new LinkedHashMap<>();
            for (AgeBand band : AgeBand.values()) {
                ageBands.put(band.name(), new Tally(band.name(), band.name()));
            }
            Map<String, Tally> tiers = new LinkedHashMap<>();
            tierNames.forEach(name -> tiers.put(name, new Tally(name, name)));
            Map<String, Tally> districts = new LinkedHashMap<>();
            scenario.districts().forEach(d -> districts.put(d.code(), new Tally(d.code(), d.name())));
            Map<String, Tally> communes = new LinkedHashMap<>();
            scenario.communes().forEach(c -> communes.put(c.code(), new Tally(c.code(), c.name())));
            for (Need need : scenario.needs()) {
                Place place = places.get(need.id());
                double reached = reachedByNeed.getOrDefault(need.id(), 0.0);
                boolean funded = isFunded(need);
                categories.get(need.category().name()).add(need, funded, reached);
                ageBands.get(need.ageBand().name()).add(need, funded, reached);
                tiers.get(tierNames.get(scenario.tierOf(need))).add(need, funded, reached);
                String district = place.district().orElse("");
                districts.computeIfAbsent(district, k -> new Tally("", "")).add(need, funded, reached);
                communes.get(place.commune().code()).add(need, funded, reached);
            }
            byCategory = reaches(categories.values());
            byAgeBand = reaches(ageBands.values());
            byTier = reaches(tiers.values());
            byDistrict = reaches(districts.values());
            byCommune = reaches(communes.values());
        }

        private boolean isFunded(Need need) {
            return NeedStatus.of((int) Math.min(Integer.MAX_VALUE, books.unitsFunded(need)), need.openUnits())
                    == NeedStatus.FUNDED;
        }

        private void coverVillages() {
            Map<String, List<Need>> needsByVillage = new HashMap<>();
            for (Need need : scenario.needs()) {
                need.village().ifPresent(code -> needsByVillage.computeIfAbsent(code, k -> new ArrayList<>()).add(need));
            }
            List<Village> hardest = scenario.villages().stream().filter(Village::especiallyDifficult).toList();
            especiallyDifficultVillages = hardest.size();
            for (Category category : Category.values()) {
                int withNeeds = 0;
                int withCritical = 0;
                int covered = 0;
                List<AreaRef> lacking = new ArrayList<>();
                for (Village village : hardest) {
                    List<Need> needs = needsByVillage.getOrDefault(village.code(), List.of()).stream()
                            .filter(need -> need.category() == category).toList();
                    List<Need> critical = needs.stream().filter(need -> need.urgency() == Urgency.CRITICAL).toList();
                    withNeeds += needs.isEmpty() ? 0 : 1;
                    if (critical.isEmpty()) {
                        continue;
                    }
                    withCritical++;
                    if (critical.stream().allMatch(this::isFunded)) {
                        covered++;
                    } else {
                        lacking.add(new AreaRef(village.code(), village.name()));
                    }
                }
                coverage.add(new VillageCoverage(category, withNeeds, withCritical, covered, lacking));
            }
        }

        private void findUnmet() {
            Map<String, Map<Category, Unmet>> byCommune = new LinkedHashMap<>();
            scenario.communes().forEach(c -> byCommune.put(c.code(), new EnumMap<>(Category.class)));
            for (Need need : scenario.needs()) {
                long units = books.unitsLeft(need);
                if (units == 0) {
                    continue;
                }
                Place place = places.get(need.id());
                double children = Objective.reached(need.children(), need.quantity(), units);
                long vnd = units > Long.MAX_VALUE / Math.max(1, need.donorUnitCost()) ? Long.MAX_VALUE
                        : units * need.donorUnitCost(); // saturates, as Money does
                AreaRef commune = new AreaRef(place.commune().code(), place.commune().name());
                unmetNeeds.add(new UnmetNeed(need.id(), tierNames.get(scenario.tierOf(need)), need.category(),
                        need.urgency(), district(place), commune, village(place), place.especiallyDifficult(), units,
                        children, vnd));
                byCommune.get(commune.code()).merge(need.category(),
                        new Unmet(district(place), commune, need.category(), 1, units, children, vnd),
                        (a, b) -> new Unmet(a.district(), a.commune(), a.category(), a.needs() + b.needs(),
                                Money.sum(a.units(), b.units()), a.children() + b.children(), Money.sum(a.vnd(), b.vnd())));
            }
            byCommune.values().forEach(row -> unmet.addAll(row.values()));
            unmetNeeds.sort(Comparator.comparingDouble(UnmetNeed::children).reversed()
                    .thenComparing(Comparator.comparingLong(UnmetNeed::vnd).reversed())); // stable: then scenario order
        }

        private Optional<AreaRef> district(Place place) {
            return place.district().map(code -> new AreaRef(code, districtNames.getOrDefault(code, code)));
        }

        private static Optional<AreaRef> village(Place place) {
            return place.village().map(v -> new AreaRef(v.code(), v.name()));
        }

        private static List<Reach> reaches(Collection<Tally> tallies) {
            return tallies.stream().map(Tally::reach).toList();
        }
    }

    /** Running totals of one group of needs. */
    private static final class Tally {
        private final String key;
        private final String name;
        private int needs;
        private int fundedNeeds;
        private long children;
        private double reached;

        Tally(String key, String name) {
            this.key = key;
            this.name = name;
        }

        void add(Need need, boolean funded, double needReached) {
            needs++;
            fundedNeeds += funded ? 1 : 0;
            children += need.children();
            reached += needReached;
        }

        Reach reach() {
            return new Reach(key, name, needs, fundedNeeds, children, reached);
        }
    }
}
