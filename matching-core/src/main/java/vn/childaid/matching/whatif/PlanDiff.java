package vn.childaid.matching.whatif;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.NeedOutcome;
import vn.childaid.matching.plan.OfferUse;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.TierTotal;
import vn.childaid.matching.rules.Objective;
import vn.childaid.matching.scenario.District;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Scenario;

/**
 * What changed from one plan ("before") to another ("after"): children reached per tier, per
 * category and per district; the needs whose funding changed; the offers whose use changed; and the
 * allocation lines kept, added, removed and changed in units. Immutable.
 *
 * <p>The figures are the plans' own ({@link TierTotal#reached()}, {@link NeedOutcome#reached()},
 * {@link OfferUse#used()}: what {@link vn.childaid.matching.plan.PlanAssembler} computed from the
 * lines by the {@link Objective}), so the diff's tier totals are exactly the plans'. The scenarios
 * give each need's category and district. Something on one side only counts 0 on the other.
 *
 * <p>A line is one offer–need pair: its units summed over the plan's lines of that pair, committed
 * ones included. Every list is in an order that does not depend on which plan is "before", so
 * {@code between(a, pa, b, pb).reversed().equals(between(b, pb, a, pa))}.
 */
public final class PlanDiff {
    private final String scenarioBefore;
    private final String scenarioAfter;
    private final List<TierChange> tiers;
    private final List<CategoryChange> categories;
    private final List<DistrictChange> districts;
    private final List<NeedChange> needs;
    private final List<OfferChange> offers;
    private final LineCounts lines;
    private final List<LineChange> lineChanges;

    private PlanDiff(String scenarioBefore, String scenarioAfter, List<TierChange> tiers,
            List<CategoryChange> categories, List<DistrictChange> districts, List<NeedChange> needs,
            List<OfferChange> offers, LineCounts lines, List<LineChange> lineChanges) {
        this.scenarioBefore = scenarioBefore;
        this.scenarioAfter = scenarioAfter;
        this.tiers = List.copyOf(tiers);
        this.categories = List.copyOf(categories);
        this.districts = List.copyOf(districts);
        this.needs = List.copyOf(needs);
        this.offers = List.copyOf(offers);
        this.lines = lines;
        this.lineChanges = List.copyOf(lineChanges);
    }

    /** The difference from {@code planA} (of {@code scenarioA}) to {@code planB} (of {@code scenarioB}). */
    public static PlanDiff between(Scenario scenarioA, Plan planA, Scenario scenarioB, Plan planB) {
        Objects.requireNonNull(scenarioA, "scenarioA");
        Objects.requireNonNull(scenarioB, "scenarioB");
        Objects.requireNonNull(planA, "planA");
        Objects.requireNonNull(planB, "planB");
        Map<String, Long> linesA = unitsByLine(planA);
        Map<String, Long> linesB = unitsByLine(planB);
        List<LineChange> lineChanges = new ArrayList<>();
        int kept = 0;
        for (String key : union(new TreeSet<>(LINE_ORDER), linesA.keySet(), linesB.keySet())) {
            long before = linesA.getOrDefault(key, 0L);
            long after = linesB.getOrDefault(key, 0L);
            if (before == after) {
                kept++;
            } else {
                String[] ids = key.split(LINE_KEY_SEPARATOR, 2);
                lineChanges.add(new LineChange(ids[0], ids[1], before, after));
            }
        }
        LineCounts counts = new LineCounts(kept, count(lineChanges, LineChange.Kind.ADDED),
                count(lineChanges, LineChange.Kind.REMOVED), count(lineChanges, LineChange.Kind.CHANGED));
        return new PlanDiff(planA.scenario(), planB.scenario(), tiers(planA, planB),
                categories(scenarioA, planA, scenarioB, planB), districts(scenarioA, planA, scenarioB, planB),
                needs(planA, planB), offers(planA, planB), counts, lineChanges);
    }

    /** The same difference seen from the other side: "after" becomes "before". */
    public PlanDiff reversed() {
        return new PlanDiff(scenarioAfter, scenarioBefore,
                tiers.stream().map(TierChange::reversed).toList(),
                categories.stream().map(CategoryChange::reversed).toList(),
                districts.stream().map(DistrictChange::reversed).toList(),
                needs.stream().map(NeedChange::reversed).toList(),
                offers.stream().map(OfferChange::reversed).toList(),
                new LineCounts(lines.kept(), lines.removed(), lines.added(), lines.changed()),
                lineChanges.stream().map(LineChange::reversed).toList());
    }

    /**
     * No line, need or offer changed and every tier, category and district reaches the same children
     * (within {@link Objective#RELATIVE_TOLERANCE}).
     */
    public boolean isEmpty() {
        return lineChanges.isEmpty() && needs.isEmpty() && offers.isEmpty()
                && tiers.stream().noneMatch(TierChange::changed)
                && categories.stream().noneMatch(CategoryChange::changed)
                && districts.stream().noneMatch(DistrictChange::changed);
    }

    /** The name of the scenario the "before" plan was made for, as that plan says. */
    public String scenarioBefore() {
        return scenarioBefore;
    }

    /** The name of the scenario the "after" plan was made for, as that plan says. */
    public String scenarioAfter() {
        return scenarioAfter;
    }

    /** Every tier of either plan: by policy position, a plan's last (other) tier last, then by name. */
    public List<TierChange> tiers() {
        return tiers;
    }

    /** Every category a need of either scenario has, in {@link Category} order. */
    public List<CategoryChange> categories() {
        return categories;
    }

    /** Every district of either scenario, by code; needs in a commune of no district count in none. */
    public List<DistrictChange> districts() {
        return districts;
    }

    /** Only the needs whose funded units or children reached changed, by id. */
    public List<NeedChange> needs() {
        return needs;
    }

    /** Only the offers whose use changed, by id. */
    public List<OfferChange> offers() {
        return offers;
    }

    /** How many offer–need lines were kept, added, removed and changed in units. */
    public LineCounts lines() {
        return lines;
    }

    /** Only the lines added, removed or changed in units, by offer id, then need id. */
    public List<LineChange> lineChanges() {
        return lineChanges;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanDiff that && scenarioBefore.equals(that.scenarioBefore)
                && scenarioAfter.equals(that.scenarioAfter) && tiers.equals(that.tiers)
                && categories.equals(that.categories) && districts.equals(that.districts) && needs.equals(that.needs)
                && offers.equals(that.offers) && lines.equals(that.lines) && lineChanges.equals(that.lineChanges);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scenarioBefore, scenarioAfter, tiers, categories, districts, needs, offers, lines,
                lineChanges);
    }

    @Override
    public String toString() {
        return "PlanDiff[" + scenarioBefore + " → " + scenarioAfter + ", tiers=" + tiers + ", lines=" + lines
                + ", needs=" + needs.size() + ", offers=" + offers.size() + "]";
    }

    // ---- The parts ----

    /** One tier's children reached ({@link TierTotal#reached()}) and value T_k before and after. */
    public record TierChange(String name, double before, double after, double valueBefore, double valueAfter) {
        public TierChange {
            Objects.requireNonNull(name, "name");
        }

        public double change() {
            return after - before;
        }

        /** Children reached or the value differ beyond the objective's tolerance. */
        public boolean changed() {
            return !Objective.agree(before, after) || !Objective.agree(valueBefore, valueAfter);
        }

        TierChange reversed() {
            return new TierChange(name, after, before, valueAfter, valueBefore);
        }
    }

    /** Children reached by the needs of one category, before and after. */
    public record CategoryChange(Category category, double before, double after) {
        public CategoryChange {
            Objects.requireNonNull(category, "category");
        }

        public boolean changed() {
            return !Objective.agree(before, after);
        }

        CategoryChange reversed() {
            return new CategoryChange(category, after, before);
        }
    }

    /**
     * Children reached by the needs of one district, before and after. {@code name} is the
     * scenarios' name for it (the first in alphabetical order when they name it differently).
     */
    public record DistrictChange(String code, String name, double before, double after) {
        public DistrictChange {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
        }

        public boolean changed() {
            return !Objective.agree(before, after);
        }

        DistrictChange reversed() {
            return new DistrictChange(code, name, after, before);
        }
    }

    /**
     * A need whose funding changed. {@code tierBefore} or {@code tierAfter} is empty on the side whose
     * plan does not have the need (its units and children count 0 there).
     */
    public record NeedChange(String id, Optional<String> tierBefore, Optional<String> tierAfter, long unitsBefore,
            long unitsAfter, double reachedBefore, double reachedAfter) {
        public NeedChange {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(tierBefore, "tierBefore");
            Objects.requireNonNull(tierAfter, "tierAfter");
        }

        /** The need's tier after, or before when the "after" plan does not have it. */
        public String tier() {
            return tierAfter.or(() -> tierBefore).orElseThrow();
        }

        public double reachedChange() {
            return reachedAfter - reachedBefore;
        }

        NeedChange reversed() {
            return new NeedChange(id, tierAfter, tierBefore, unitsAfter, unitsBefore, reachedAfter, reachedBefore);
        }
    }

    /** An offer whose use changed, in VND ({@link OfferUse#used()}). */
    public record OfferChange(String id, long usedBefore, long usedAfter) {
        public OfferChange {
            Objects.requireNonNull(id, "id");
        }

        public long change() {
            return usedAfter - usedBefore;
        }

        OfferChange reversed() {
            return new OfferChange(id, usedAfter, usedBefore);
        }
    }

    /** Counts of offer–need lines: kept with the same units, added, removed, changed in units. */
    public record LineCounts(int kept, int added, int removed, int changed) {
        /** Lines added, removed or changed. */
        public int differing() {
            return added + removed + changed;
        }
    }

    /** One offer–need line whose units changed; 0 units on a side means the line is not there. */
    public record LineChange(String offer, String need, long unitsBefore, long unitsAfter) {
        public LineChange {
            Objects.requireNonNull(offer, "offer");
            Objects.requireNonNull(need, "need");
        }

        /** How the line changed. */
        public enum Kind { ADDED, REMOVED, CHANGED }

        public Kind kind() {
            return unitsBefore == 0 ? Kind.ADDED : unitsAfter == 0 ? Kind.REMOVED : Kind.CHANGED;
        }

        LineChange reversed() {
            return new LineChange(offer, need, unitsAfter, unitsBefore);
        }
    }

    // ---- Computing them ----

    /** Ids may hold any character but this one, which the contract's ids never do (they are trimmed text). */
    private static final String LINE_KEY_SEPARATOR = "\u0000";
    private static final Comparator<String> LINE_ORDER = Comparator.naturalOrder();

    private static Map<String, Long> unitsByLine(Plan plan) {
        Map<String, Long> units = new HashMap<>();
        for (Allocation line : plan.allocations()) {
            units.merge(line.offer() + LINE_KEY_SEPARATOR + line.need(), (long) line.units(), Long::sum);
        }
        // A pair whose lines sum to nothing is no line (only a plan from elsewhere has such lines).
        units.values().removeIf(sum -> sum == 0);
        return units;
    }

    private static int count(List<LineChange> changes, LineChange.Kind kind) {
        return (int) changes.stream().filter(change -> change.kind() == kind).count();
    }

    @SafeVarargs
    private static <T, C extends Collection<T>> C union(C into, Collection<T>... parts) {
        for (Collection<T> part : parts) {
            into.addAll(part);
        }
        return into;
    }

    private static List<TierChange> tiers(Plan planA, Plan planB) {
        Map<String, TierTotal> a = byName(planA.tiers());
        Map<String, TierTotal> b = byName(planB.tiers());
        List<String> names = new ArrayList<>(union(new LinkedHashSet<>(), a.keySet(), b.keySet()));
        // A symmetric order, so that reversing the diff keeps it: by the earlier of the two policy
        // positions, with a plan's last tier (the other tier) after the rest, ties by name.
        List<String> orderA = List.copyOf(a.keySet());
        List<String> orderB = List.copyOf(b.keySet());
        Comparator<String> order = Comparator.<String>comparingInt(name -> isLast(orderA, name) || isLast(orderB, name) ? 1 : 0)
                .thenComparingInt(name -> Math.min(position(orderA, name), position(orderB, name)))
                .thenComparing(Comparator.naturalOrder());
        names.sort(order);
        List<TierChange> changes = new ArrayList<>();
        for (String name : names) {
            TierTotal before = a.get(name);
            TierTotal after = b.get(name);
            changes.add(new TierChange(name, before == null ? 0 : before.reached(), after == null ? 0 : after.reached(),
                    before == null ? 0 : before.value(), after == null ? 0 : after.value()));
        }
        return changes;
    }

    private static Map<String, TierTotal> byName(List<TierTotal> tiers) {
        Map<String, TierTotal> index = new LinkedHashMap<>();
        tiers.forEach(tier -> index.putIfAbsent(tier.name(), tier));
        return index;
    }

    private static boolean isLast(List<String> order, String name) {
        return !order.isEmpty() && order.get(order.size() - 1).equals(name);
    }

    private static int position(List<String> order, String name) {
        int index = order.indexOf(name);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static List<CategoryChange> categories(Scenario scenarioA, Plan planA, Scenario scenarioB, Plan planB) {
        Map<Category, Double> a = reachedBy(scenarioA, planA, need -> Optional.of(need.category()), new EnumMap<>(Category.class));
        Map<Category, Double> b = reachedBy(scenarioB, planB, need -> Optional.of(need.category()), new EnumMap<>(Category.class));
        Set<Category> present = union(new TreeSet<>(), categoriesOf(scenarioA), categoriesOf(scenarioB));
        return present.stream().map(category -> new CategoryChange(category, a.getOrDefault(category, 0.0),
                b.getOrDefault(category, 0.0))).toList();
    }

    private static Set<Category> categoriesOf(Scenario scenario) {
        Set<Category> categories = new TreeSet<>();
        scenario.needs().forEach(need -> categories.add(need.category()));
        return categories;
    }

    private static List<DistrictChange> districts(Scenario scenarioA, Plan planA, Scenario scenarioB, Plan planB) {
        Map<String, Double> a = reachedBy(scenarioA, planA, need -> scenarioA.placeOf(need).district(), new HashMap<>());
        Map<String, Double> b = reachedBy(scenarioB, planB, need -> scenarioB.placeOf(need).district(), new HashMap<>());
        Map<String, String> names = new TreeMap<>();
        for (District district : union(new ArrayList<>(), scenarioA.districts(), scenarioB.districts())) {
            names.merge(district.code(), district.name(), (one, other) -> one.compareTo(other) <= 0 ? one : other);
        }
        return names.entrySet().stream().map(district -> new DistrictChange(district.getKey(), district.getValue(),
                a.getOrDefault(district.getKey(), 0.0), b.getOrDefault(district.getKey(), 0.0))).toList();
    }

    /** Sums the plan's children reached by group; needs the scenario does not have, or of no group, count in none. */
    private static <K> Map<K, Double> reachedBy(Scenario scenario, Plan plan,
            java.util.function.Function<Need, Optional<K>> group, Map<K, Double> into) {
        for (NeedOutcome outcome : plan.needs()) {
            scenario.findNeed(outcome.id()).flatMap(group)
                    .ifPresent(key -> into.merge(key, outcome.reached(), Double::sum));
        }
        return into;
    }

    private static List<NeedChange> needs(Plan planA, Plan planB) {
        Map<String, NeedOutcome> a = needsById(planA);
        Map<String, NeedOutcome> b = needsById(planB);
        List<NeedChange> changes = new ArrayList<>();
        for (String id : union(new TreeSet<String>(), a.keySet(), b.keySet())) {
            NeedOutcome before = a.get(id);
            NeedOutcome after = b.get(id);
            long unitsBefore = before == null ? 0 : before.fundedUnits();
            long unitsAfter = after == null ? 0 : after.fundedUnits();
            double reachedBefore = before == null ? 0 : before.reached();
            double reachedAfter = after == null ? 0 : after.reached();
            if (unitsBefore != unitsAfter || !Objective.agree(reachedBefore, reachedAfter)) {
                changes.add(new NeedChange(id, Optional.ofNullable(before).map(NeedOutcome::tier),
                        Optional.ofNullable(after).map(NeedOutcome::tier), unitsBefore, unitsAfter, reachedBefore,
                        reachedAfter));
            }
        }
        return changes;
    }

    private static Map<String, NeedOutcome> needsById(Plan plan) {
        Map<String, NeedOutcome> index = new HashMap<>();
        plan.needs().forEach(need -> index.putIfAbsent(need.id(), need));
        return index;
    }

    private static List<OfferChange> offers(Plan planA, Plan planB) {
        Map<String, Long> a = usedById(planA);
        Map<String, Long> b = usedById(planB);
        List<OfferChange> changes = new ArrayList<>();
        for (String id : union(new TreeSet<String>(), a.keySet(), b.keySet())) {
            long before = a.getOrDefault(id, 0L);
            long after = b.getOrDefault(id, 0L);
            if (before != after) {
                changes.add(new OfferChange(id, before, after));
            }
        }
        return changes;
    }

    private static Map<String, Long> usedById(Plan plan) {
        Map<String, Long> index = new HashMap<>();
        plan.offers().forEach(offer -> index.putIfAbsent(offer.id(), offer.used()));
        return index;
    }
}
