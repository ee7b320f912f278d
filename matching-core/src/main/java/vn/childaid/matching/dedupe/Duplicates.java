package vn.childaid.matching.dedupe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * Finds records that agencies reported twice, and removes them.
 *
 * <p><b>Needs</b> are candidates when they share area, category and age band and their
 * {@code children} and {@code quantity} each differ by at most 20% of the larger. Confidence:
 * {@value #NEED_BASE}, up to {@value #NEED_CLOSENESS} more the closer the counts, {@value
 * #NEED_OTHER_REPORTER} more when {@code reportedBy} differs (two agencies saw it), {@value
 * #NEED_SAME_REPORTER} less when it is the same (one agency rarely reports one need twice), {@value
 * #NEED_SAME_UNIT_COST} more for the same unit cost and {@value #NEED_SAME_URGENCY} for the same
 * urgency. A copy with counts changed within 20% and another reporter scores at least {@value
 * #LIKELY}.
 *
 * <p><b>Donors</b> are candidates when their names agree after {@link NameNormaliser#normalise} and
 * their type agrees: confidence 1 when the names differ only in case, diacritics and punctuation,
 * {@value #DONOR_ABBREVIATED} when only abbreviations tell them apart. Donors have no
 * {@code anonymous} flag yet, so the rule "anonymous if any of them was" has nothing to
 * apply to; when the flag comes, the merge must carry it.
 *
 * <p><b>Offers</b> are candidates when one donor (after merging donor groups) repeats the same
 * kind, amount (cash) or category and quantity (in kind), eligible categories and areas:
 * confidence {@value #OFFER_BASE}, {@value #OFFER_SAME_DONOR_ID} more when the donor id itself is
 * the same, {@value #OFFER_SAME_TERMS} more when every other term agrees too.
 *
 * <p>A group is a connected set of candidate pairs; its confidence is the lowest of its pairs'.
 */
public final class Duplicates {
    /** From this confidence a group is likely a duplicate: {@code validate} warns, resolving acts by default. */
    public static final double LIKELY = 0.8;

    static final double NEED_BASE = 0.4;
    static final double NEED_CLOSENESS = 0.2;
    static final double NEED_OTHER_REPORTER = 0.2;
    static final double NEED_SAME_REPORTER = -0.2;
    static final double NEED_SAME_UNIT_COST = 0.15;
    static final double NEED_SAME_URGENCY = 0.05;
    static final double DONOR_ABBREVIATED = 0.9;
    static final double OFFER_BASE = 0.7;
    static final double OFFER_SAME_DONOR_ID = 0.1;
    static final double OFFER_SAME_TERMS = 0.1;

    private Duplicates() {}

    /** Every candidate group of needs, donors and offers in {@code scenario}. */
    public static DuplicateCandidates find(Scenario scenario) {
        List<CandidateGroup> donorGroups = donorGroups(scenario.donors());
        Map<String, String> donorInto = mergedDonorIds(donorGroups);
        return new DuplicateCandidates(needGroups(scenario.needs()), donorGroups,
                offerGroups(scenario.offers(), donorInto));
    }

    // ---- Needs ----

    private static List<CandidateGroup> needGroups(List<Need> needs) {
        Map<String, List<Need>> byKey = new LinkedHashMap<>();
        for (Need need : needs) {
            byKey.computeIfAbsent(need.areaCode() + "\u0000" + need.category() + "\u0000" + need.ageBand(),
                    k -> new ArrayList<>()).add(need);
        }
        List<CandidateGroup> groups = new ArrayList<>();
        for (List<Need> bucket : byKey.values()) {
            if (bucket.size() < 2) {
                continue;
            }
            Pairs pairs = new Pairs(bucket.size());
            for (int i = 0; i < bucket.size(); i++) {
                for (int j = i + 1; j < bucket.size(); j++) {
                    Need a = bucket.get(i);
                    Need b = bucket.get(j);
                    if (withinTwentyPercent(a.children(), b.children()) && withinTwentyPercent(a.quantity(), b.quantity())) {
                        pairs.add(i, j, needConfidence(a, b), needReasons(a, b));
                    }
                }
            }
            pairs.groups(index -> bucket.get(index).id()).forEach(groups::add);
        }
        return sorted(groups);
    }

    /** |a − b| ≤ 20% of the larger, in whole numbers so that the boundary is exact. */
    static boolean withinTwentyPercent(int a, int b) {
        return 5L * Math.abs((long) a - b) <= Math.max(a, b);
    }

    private static double relativeDifference(int a, int b) {
        int larger = Math.max(a, b);
        return larger == 0 ? 0 : (double) Math.abs((long) a - b) / larger;
    }

    static double needConfidence(Need a, Need b) {
        double spread = Math.max(relativeDifference(a.children(), b.children()),
                relativeDifference(a.quantity(), b.quantity()));
        double confidence = NEED_BASE + NEED_CLOSENESS * (1 - Math.min(1, spread / 0.2));
        if (a.reportedBy().isPresent() && b.reportedBy().isPresent()) {
            confidence += a.reportedBy().equals(b.reportedBy()) ? NEED_SAME_REPORTER : NEED_OTHER_REPORTER;
        }
        if (a.unitCost() == b.unitCost()) {
            confidence += NEED_SAME_UNIT_COST;
        }
        if (a.urgency() == b.urgency()) {
            confidence += NEED_SAME_URGENCY;
        }
        return clamp(confidence);
    }

    private static List<String> needReasons(Need a, Need b) {
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "%s and %s: same %s %s, category %s, age band %s", a.id(), b.id(),
                a.village().isPresent() ? "village" : "commune", a.areaCode(), a.category(), a.ageBand()));
        reasons.add(String.format(Locale.ROOT, "%s and %s: children %d and %d, quantity %d and %d, within 20%%",
                a.id(), b.id(), a.children(), b.children(), a.quantity(), b.quantity()));
        if (a.reportedBy().isPresent() && b.reportedBy().isPresent()) {
            reasons.add(a.reportedBy().equals(b.reportedBy())
                    ? a.id() + " and " + b.id() + ": both reported by " + a.reportedBy().get()
                    : a.id() + " and " + b.id() + ": reported by " + a.reportedBy().get() + " and " + b.reportedBy().get());
        }
        if (a.unitCost() == b.unitCost()) {
            reasons.add(String.format(Locale.ROOT, "%s and %s: same unit cost %,d VND", a.id(), b.id(), a.unitCost()));
        }
        return reasons;
    }

    // ---- Donors ----

    private static List<CandidateGroup> donorGroups(List<Donor> donors) {
        Map<String, List<Donor>> byKey = new LinkedHashMap<>();
        for (Donor donor : donors) {
            byKey.computeIfAbsent(NameNormaliser.normalise(donor.name()) + "\u0000" + donor.type(),
                    k -> new ArrayList<>()).add(donor);
        }
        List<CandidateGroup> groups = new ArrayList<>();
        for (List<Donor> bucket : byKey.values()) {
            if (bucket.size() < 2) {
                continue;
            }
            Set<String> folded = new LinkedHashSet<>();
            bucket.forEach(donor -> folded.add(NameNormaliser.fold(donor.name())));
            double confidence = folded.size() == 1 ? 1 : DONOR_ABBREVIATED;
            List<String> names = bucket.stream().map(donor -> donor.id() + " \"" + donor.name() + "\"").toList();
            groups.add(new CandidateGroup(bucket.stream().map(Donor::id).toList(), confidence, List.of(
                    "names " + String.join(", ", names) + " all read \""
                            + NameNormaliser.normalise(bucket.get(0).name()) + "\" once normalised"
                            + (folded.size() == 1 ? " (they differ only in case, diacritics or punctuation)" : ""),
                    "same type " + bucket.get(0).type())));
        }
        return sorted(groups);
    }

    /** Each donor id of a group of at least two, to the first id of its group. */
    private static Map<String, String> mergedDonorIds(List<CandidateGroup> donorGroups) {
        Map<String, String> into = new HashMap<>();
        for (CandidateGroup group : donorGroups) {
            group.ids().forEach(id -> into.put(id, group.ids().get(0)));
        }
        return into;
    }

    // ---- Offers ----

    private static List<CandidateGroup> offerGroups(List<Offer> offers, Map<String, String> donorInto) {
        Map<List<Object>, List<Offer>> byKey = new LinkedHashMap<>();
        for (Offer offer : offers) {
            List<Object> key = List.of(donorInto.getOrDefault(offer.donor(), offer.donor()), offer.kind(),
                    offer.amount(), offer.category().map(Object::toString).orElse(""), offer.quantity(),
                    new TreeSet<>(offer.categories().stream().map(Object::toString).toList()),
                    new TreeSet<>(offer.areas()));
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(offer);
        }
        List<CandidateGroup> groups = new ArrayList<>();
        for (List<Offer> bucket : byKey.values()) {
            if (bucket.size() < 2) {
                continue;
            }
            Pairs pairs = new Pairs(bucket.size());
            for (int i = 0; i < bucket.size(); i++) {
                for (int j = i + 1; j < bucket.size(); j++) {
                    Offer a = bucket.get(i);
                    Offer b = bucket.get(j);
                    List<String> reasons = new ArrayList<>();
                    reasons.add(a.id() + " and " + b.id() + ": same " + (a.isCash()
                            ? String.format(Locale.ROOT, "cash amount %,d VND", a.amount())
                            : String.format(Locale.ROOT, "goods, %d units of %s", a.quantity(), a.category().orElseThrow()))
                            + ", eligible categories and areas");
                    double confidence = OFFER_BASE;
                    if (a.donor().equals(b.donor())) {
                        confidence += OFFER_SAME_DONOR_ID;
                        reasons.add(a.id() + " and " + b.id() + ": same donor " + a.donor());
                    } else {
                        reasons.add(a.id() + " and " + b.id() + ": donors " + a.donor() + " and " + b.donor()
                                + " are candidates to merge");
                    }
                    if (sameOtherTerms(a, b)) {
                        confidence += OFFER_SAME_TERMS;
                        reasons.add(a.id() + " and " + b.id() + ": every other term agrees");
                    }
                    pairs.add(i, j, clamp(confidence), reasons);
                }
            }
            pairs.groups(index -> bucket.get(index).id()).forEach(groups::add);
        }
        return sorted(groups);
    }

    private static boolean sameOtherTerms(Offer a, Offer b) {
        return a.unitValue() == b.unitValue() && a.ageBands().equals(b.ageBands())
                && a.especiallyDifficultOnly() == b.especiallyDifficultOnly() && a.minGrant() == b.minGrant()
                && a.maxNeeds() == b.maxNeeds() && a.preferences().equals(b.preferences());
    }

    // ---- Shared ----

    private static double clamp(double confidence) {
        // Rounded to hundredths, so that sums of the weights land on the thresholds they were set for.
        return Math.max(0, Math.min(1, Math.round(confidence * 100) / 100.0));
    }

    private static List<CandidateGroup> sorted(List<CandidateGroup> groups) {
        return groups.stream().sorted(Comparator.comparingDouble(CandidateGroup::confidence).reversed()).toList();
    }

    /** Candidate pairs among the members of one bucket, joined into connected groups. */
    private static final class Pairs {
        private final int[] parent;
        private final Map<Integer, Double> lowest = new HashMap<>();
        private final Map<Integer, List<String>> reasons = new HashMap<>();
        private final List<int[]> edges = new ArrayList<>();
        private final List<Double> confidences = new ArrayList<>();
        private final List<List<String>> edgeReasons = new ArrayList<>();

        Pairs(int size) {
            parent = new int[size];
            for (int i = 0; i < size; i++) {
                parent[i] = i;
            }
        }

        void add(int i, int j, double confidence, List<String> why) {
            edges.add(new int[] {i, j});
            confidences.add(confidence);
            edgeReasons.add(why);
            parent[root(i)] = root(j);
        }

        private int root(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        List<CandidateGroup> groups(java.util.function.IntFunction<String> idOf) {
            Map<Integer, TreeSet<Integer>> members = new LinkedHashMap<>();
            for (int e = 0; e < edges.size(); e++) {
                int r = root(edges.get(e)[0]);
                members.computeIfAbsent(r, k -> new TreeSet<>()).add(edges.get(e)[0]);
                members.get(r).add(edges.get(e)[1]);
                lowest.merge(r, confidences.get(e), Math::min);
                reasons.computeIfAbsent(r, k -> new ArrayList<>()).addAll(edgeReasons.get(e));
            }
            List<CandidateGroup> groups = new ArrayList<>();
            members.forEach((r, indexes) -> groups.add(new CandidateGroup(
                    indexes.stream().map(idOf::apply).toList(), lowest.get(r), reasons.get(r))));
            return groups;
        }
    }

    // ---- Resolving ----

    /** Removes the groups at least {@link #LIKELY} sure; see {@link #resolve(Scenario, Resolution, double)}. */
    public static Resolved resolve(Scenario scenario, Resolution resolution) {
        return resolve(scenario, resolution, LIKELY);
    }

    /**
     * Removes the candidate groups of {@code scenario} at least {@code minConfidence} sure, by
     * {@code resolution}: donors first (their offers re-pointed), then offers, then needs
     * (commitments re-pointed where ids change). A need with commitments is never dropped. A group
     * whose resolution would make the scenario invalid is left as it is, and the actions say why.
     *
     * @return a valid scenario and one line per thing done or left alone
     */
    public static Resolved resolve(Scenario scenario, Resolution resolution, double minConfidence) {
        Objects.requireNonNull(resolution, "resolution");
        DuplicateCandidates candidates = find(scenario);
        Resolver resolver = new Resolver(scenario, resolution);
        candidates.donors().stream().filter(g -> g.atLeast(minConfidence)).forEach(resolver::mergeDonors);
        candidates.offers().stream().filter(g -> g.atLeast(minConfidence)).forEach(resolver::resolveOffers);
        candidates.needs().stream().filter(g -> g.atLeast(minConfidence)).forEach(resolver::resolveNeeds);
        return resolver.result();
    }

    /** The first problem a scenario built from {@code builder} would have, as one line. */
    static Optional<String> firstProblem(Scenario.Builder builder) {
        return builder.problems().stream().findFirst().map(problem -> problem.path() + ": " + problem.message());
    }
}
