package vn.childaid.matching.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.HardRuleAudit;
import vn.childaid.matching.plan.NeedStatus;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAudit;
import vn.childaid.matching.report.Words;
import vn.childaid.matching.rules.HardRules;
import vn.childaid.matching.rules.Ledger;
import vn.childaid.matching.rules.RuleViolation;
import vn.childaid.matching.scenario.EligibilityRule;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * Explains a plan against its scenario: for each need, what it got and, when not fully funded, why
 * each eligible offer gave no more; for each offer, where it went and what it could still fund.
 * The plan is audited first ({@link PlanAudit}); the explanation carries the audit, and says when
 * the plan belongs to another scenario. Every figure comes from the rulebook on the plan's lines
 * ({@link Ledger}, {@link HardRules}, {@link Scenario#whyIneligible}), never from what the plan
 * reports of itself; lines the audit cannot count (unknown ids, fewer than one unit) are left out.
 *
 * <p>For a need with {@code left} = open − funded units and an eligible offer, the offer's
 * {@code room} is the most units it can still give the need: {@code left}, or fewer when its
 * capacity left buys fewer. The offer's code is the first of:
 * <ol>
 *   <li>{@link Reason#CAPACITY}: {@code room < 1};
 *   <li>{@link Reason#MAX_NEEDS}: the offer does not fund the need yet and one more need breaks its {@code maxNeeds};
 *   <li>{@link Reason#MAX_FUNDERS}: the offer's donor does not fund the need yet and one more donor breaks
 *       {@code maxFundersPerNeed};
 *   <li>{@link Reason#MIN_GRANT}: the need is divisible, the offer has no new (uncommitted) line to it
 *       that could grow, and a new line of {@code room} units is worth less than its minimum grant
 *       without completing the need. (An indivisible need can only be funded whole, when the minimum
 *       grant is waived, so it never gets this code.)
 *   <li>{@link Reason#ALL_OR_NOTHING}: the need is indivisible, {@code room < left}, and the rooms of
 *       every eligible offer not stopped by the three codes above add up to less than {@code left};
 *   <li>{@link Reason#ROOM_LEFT} otherwise. For an indivisible need that this offer cannot complete
 *       alone, it means the offers together have the room; whether a combination also keeps
 *       {@code maxFundersPerNeed} and each one's minimum grant is not searched.
 * </ol>
 * When no offer is eligible, every offer gets {@link Reason#ELIGIBILITY} with the first sub-rule
 * that excludes it.
 *
 * <p>Not thread-safe: one thread builds and asks an explainer. Donors are never named, only offers:
 * a donor may be anonymous.
 */
public final class Explainer {
    private final Scenario scenario;
    private final Words words;
    private final List<RuleViolation> audit;
    private final List<String> foreign;
    private final Ledger books = new Ledger();
    /** Units each offer gives each need: need id → offer id → units. */
    private final Map<String, Map<String, Long>> unitsByNeed = new HashMap<>();
    /** Offer and need ids joined by a NUL, of every uncommitted line: such a line can grow without a new minimum grant. */
    private final Set<String> newLinePairs = new HashSet<>();
    private final Map<String, Integer> offerPosition = new HashMap<>();
    private final Map<String, Integer> tierByNeed = new HashMap<>();
    private final Map<String, Uses> usesByOffer = new HashMap<>();

    /** One offer's use, summed per tier index, category and district code. */
    private static final class Uses {
        final Map<Integer, long[]> byTier = new TreeMap<>();
        final Map<Category, long[]> byCategory = new EnumMap<>(Category.class);
        final Map<String, long[]> byDistrict = new HashMap<>();
        long vnd;
    }

    /** An eligible offer judged for a need: its room and the first code that applies. */
    private record Assessment(Offer offer, long room, Reason code) {
    }

    private Explainer(Scenario scenario, Plan plan, Words words) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.words = Objects.requireNonNull(words, "words");
        this.audit = PlanAudit.audit(scenario, Objects.requireNonNull(plan, "plan"));
        this.foreign = foreignReasons(scenario, plan, words);
        for (int i = 0; i < scenario.offers().size(); i++) {
            offerPosition.putIfAbsent(scenario.offers().get(i).id(), i);
        }
        for (Allocation line : plan.allocations()) {
            if (HardRuleAudit.countable(scenario, line)) {
                book(scenario.offer(line.offer()), scenario.need(line.need()), line);
            }
        }
    }

    /** An explainer in English. */
    public static Explainer of(Scenario scenario, Plan plan) {
        return of(scenario, plan, Words.english());
    }

    /** An explainer whose sentences and details come from {@code words}. */
    public static Explainer of(Scenario scenario, Plan plan, Words words) {
        return new Explainer(scenario, plan, words);
    }

    /** Every need not fully funded, in tier order (scenario order within a tier), and every offer. */
    public Explanation all() {
        Map<String, List<CouldFund>> couldFund = new HashMap<>();
        List<NeedExplanation> needs = new ArrayList<>();
        for (Need need : needsInTierOrder()) {
            if (!HardRules.fullyFunded(need, books.unitsFunded(need))) {
                needs.add(explain(need, couldFund));
            }
        }
        List<OfferExplanation> offers = scenario.offers().stream()
                .map(offer -> explain(offer, couldFund.getOrDefault(offer.id(), List.of()))).toList();
        return new Explanation(scenario.name(), audit, foreign, needs, offers);
    }

    /**
     * The need {@code id}, funded or not.
     *
     * @throws IllegalArgumentException when the scenario has no such need
     */
    public Explanation need(String id) {
        Need need = scenario.need(id);
        return new Explanation(scenario.name(), audit, foreign, List.of(explain(need, new HashMap<>())), List.of());
    }

    /**
     * The offer {@code id}.
     *
     * @throws IllegalArgumentException when the scenario has no such offer
     */
    public Explanation offer(String id) {
        Offer offer = scenario.offer(id);
        List<CouldFund> couldFund = new ArrayList<>();
        for (Need need : needsInTierOrder()) {
            long left = books.unitsLeft(need);
            if (left > 0 && scenario.isEligible(offer, need)) {
                assess(need, scenario.eligibleOffers(need)).stream()
                        .filter(assessment -> assessment.offer().id().equals(offer.id()))
                        .filter(assessment -> assessment.code() != Reason.CAPACITY)
                        .forEach(assessment -> couldFund.add(new CouldFund(need.id(), assessment.room(), assessment.code())));
            }
        }
        return new Explanation(scenario.name(), audit, foreign, List.of(), List.of(explain(offer, couldFund)));
    }

    private void book(Offer offer, Need need, Allocation line) {
        books.record(offer, need, line.units());
        unitsByNeed.computeIfAbsent(need.id(), k -> new HashMap<>()).merge(offer.id(), (long) line.units(), Long::sum);
        if (!line.committed()) {
            newLinePairs.add(pair(offer, need));
        }
        long vnd = HardRules.lineAmount(offer, need, line.units());
        long units = offer.isCash() ? 0 : line.units();
        Uses uses = usesByOffer.computeIfAbsent(offer.id(), k -> new Uses());
        uses.vnd = saturatedSum(uses.vnd, vnd);
        add(uses.byTier.computeIfAbsent(tierOf(need), k -> new long[2]), vnd, units);
        add(uses.byCategory.computeIfAbsent(need.category(), k -> new long[2]), vnd, units);
        String district = scenario.placeOf(need).district().orElse(Share.NO_DISTRICT);
        add(uses.byDistrict.computeIfAbsent(district, k -> new long[2]), vnd, units);
    }

    private static void add(long[] sums, long vnd, long units) {
        sums[0] = saturatedSum(sums[0], vnd);
        sums[1] = saturatedSum(sums[1], units);
    }

    private static String pair(Offer offer, Need need) {
        return offer.id() + '\u0000' + need.id();
    }

    private int tierOf(Need need) {
        return tierByNeed.computeIfAbsent(need.id(), k -> scenario.tierOf(need));
    }

    private List<Need> needsInTierOrder() {
        // A stable sort: scenario order within a tier.
        return scenario.needs().stream().sorted(Comparator.comparingInt(this::tierOf)).toList();
    }

    // ---- Needs ----

    private NeedExplanation explain(Need need, Map<String, List<CouldFund>> couldFund) {
        long funded = books.unitsFunded(need);
        NeedStatus status = NeedStatus.of((int) Math.min(Integer.MAX_VALUE, funded), need.openUnits());
        String tier = scenario.policy().tierNames().get(tierOf(need));
        List<Funder> funders = unitsByNeed.getOrDefault(need.id(), Map.of()).entrySet().stream()
                .sorted(Comparator.comparingInt(entry -> offerPosition.get(entry.getKey())))
                .map(entry -> new Funder(entry.getKey(), entry.getValue())).toList();
        List<OfferReason> reasons = new ArrayList<>();
        if (!HardRules.fullyFunded(need, funded)) {
            List<Offer> eligible = scenario.eligibleOffers(need);
            if (eligible.isEmpty()) {
                for (Offer offer : scenario.offers()) {
                    EligibilityRule rule = scenario.whyIneligible(offer, need).orElseThrow();
                    reasons.add(new OfferReason(offer.id(), Reason.ELIGIBILITY, Optional.of(rule),
                            eligibilityDetail(rule, offer, need)));
                }
            } else {
                List<Assessment> assessments = assess(need, eligible);
                long pool = pool(need, assessments);
                for (Assessment assessment : assessments) {
                    reasons.add(new OfferReason(assessment.offer().id(), assessment.code(), Optional.empty(),
                            detail(assessment, need, pool)));
                    if (assessment.code() != Reason.CAPACITY) {
                        couldFund.computeIfAbsent(assessment.offer().id(), k -> new ArrayList<>())
                                .add(new CouldFund(need.id(), assessment.room(), assessment.code()));
                    }
                }
            }
        }
        return new NeedExplanation(need.id(), tier, status, need.openUnits(), funded, need.effectiveAlreadyCovered(),
                funders, reasons, sentence(need, tier, status, funded, reasons));
    }

    /** Each eligible offer's room and code, in the order of {@code eligible}. */
    private List<Assessment> assess(Need need, List<Offer> eligible) {
        long left = books.unitsLeft(need);
        List<Assessment> assessments = new ArrayList<>();
        for (Offer offer : eligible) {
            long room = room(offer, need, left);
            Reason code;
            if (room < 1) {
                code = Reason.CAPACITY;
            } else if (!HardRules.mayFundAnotherNeed(offer, need, books)) {
                code = Reason.MAX_NEEDS;
            } else if (!HardRules.mayTakeAnotherDonor(scenario.policy().maxFundersPerNeed(), need, offer.donor(), books)) {
                code = Reason.MAX_FUNDERS;
            } else if (minGrantStops(offer, need, room)) {
                code = Reason.MIN_GRANT;
            } else {
                code = Reason.ROOM_LEFT; // ALL_OR_NOTHING is decided once every offer's room is known
            }
            assessments.add(new Assessment(offer, room, code));
        }
        long pool = pool(need, assessments);
        return assessments.stream()
                .map(a -> a.code() == Reason.ROOM_LEFT && !need.divisible() && a.room() < left && pool < left
                        ? new Assessment(a.offer(), a.room(), Reason.ALL_OR_NOTHING) : a)
                .toList();
    }

    /** The most units the offer can still give the need: the units left, or fewer when its capacity buys fewer. */
    private long room(Offer offer, Need need, long left) {
        long perUnit = HardRules.capacityUse(offer, need, 1);
        return perUnit == 0 ? left : Math.min(left, books.capacityLeft(offer) / perUnit);
    }

    private boolean minGrantStops(Offer offer, Need need, long room) {
        if (!need.divisible() || newLinePairs.contains(pair(offer, need))) {
            return false;
        }
        boolean completes = HardRules.fullyFunded(need, books.unitsFunded(need) + room);
        return HardRules.minGrantShortfall(offer, amount(offer, need, room), completes) > 0;
    }

    /**
     * The units the eligible offers not stopped by their own limits could give together, each its
     * room: what an indivisible need could get at most from several offers at once.
     */
    private static long pool(Need need, List<Assessment> assessments) {
        long pool = 0;
        for (Assessment assessment : assessments) {
            if (assessment.code() == Reason.MIN_GRANT || assessment.code() == Reason.ROOM_LEFT
                    || assessment.code() == Reason.ALL_OR_NOTHING) {
                pool = saturatedSum(pool, assessment.room());
            }
        }
        return pool;
    }

    private static long amount(Offer offer, Need need, long units) {
        try {
            return HardRules.lineAmount(offer, need, units);
        } catch (ArithmeticException beyondCounting) {
            return Long.MAX_VALUE;
        }
    }

    private String detail(Assessment assessment, Need need, long pool) {
        Offer offer = assessment.offer();
        long room = assessment.room();
        long left = books.unitsLeft(need);
        return switch (assessment.code()) {
            case CAPACITY -> offer.isCash()
                    ? words.get("explain.detail.CAPACITY.cash", books.capacityLeft(offer),
                            HardRules.capacityUse(offer, need, 1), tierUse(offer))
                    : words.get("explain.detail.CAPACITY.inKind", offer.quantity(), tierUse(offer));
            case MAX_NEEDS -> words.get("explain.detail.MAX_NEEDS", books.needCount(offer), offer.maxNeeds());
            case MAX_FUNDERS -> words.get("explain.detail.MAX_FUNDERS", books.donorCount(need),
                    scenario.policy().maxFundersPerNeed());
            case MIN_GRANT -> words.get("explain.detail.MIN_GRANT", room, amount(offer, need, room), offer.minGrant());
            case ALL_OR_NOTHING -> words.get("explain.detail.ALL_OR_NOTHING", left, room, pool);
            case ROOM_LEFT -> need.divisible() || room >= left
                    ? words.get("explain.detail.ROOM_LEFT", room, amount(offer, need, room))
                    : words.get("explain.detail.ROOM_LEFT.together", room, left, pool);
            case ELIGIBILITY -> throw new IllegalStateException("an eligible offer is never judged ELIGIBILITY");
        };
    }

    /** Which tiers used the offer and how much, in policy order; in VND for cash, units for goods. */
    private String tierUse(Offer offer) {
        Uses uses = usesByOffer.get(offer.id());
        if (uses == null) {
            return words.get("explain.detail.unused");
        }
        List<String> tierNames = scenario.policy().tierNames();
        return uses.byTier.entrySet().stream()
                .map(entry -> words.get(offer.isCash() ? "explain.detail.tierUse.cash" : "explain.detail.tierUse.inKind",
                        tierNames.get(entry.getKey()), offer.isCash() ? entry.getValue()[0] : entry.getValue()[1]))
                .collect(Collectors.joining(words.get("explain.listSeparator")));
    }

    private String eligibilityDetail(EligibilityRule rule, Offer offer, Need need) {
        return switch (rule) {
            case IN_KIND_CATEGORY -> words.get("explain.detail.IN_KIND_CATEGORY", offer.category().orElseThrow().name(),
                    need.category().name());
            case CATEGORY -> words.get("explain.detail.CATEGORY", sortedNames(offer.categories()), need.category().name());
            case AGE_BAND -> words.get("explain.detail.AGE_BAND", sortedNames(offer.ageBands()), need.ageBand().name());
            case ESPECIALLY_DIFFICULT_ONLY -> words.get("explain.detail.ESPECIALLY_DIFFICULT_ONLY", need.areaCode());
            case AREA -> words.get("explain.detail.AREA", String.join(words.get("explain.listSeparator"),
                    offer.areas().stream().sorted().toList()), need.areaCode());
        };
    }

    private String sortedNames(Set<? extends Enum<?>> values) {
        return values.stream().sorted().map(Enum::name).collect(Collectors.joining(words.get("explain.listSeparator")));
    }

    private String sentence(Need need, String tier, NeedStatus status, long funded, List<OfferReason> reasons) {
        String first = words.get("explain.need.status." + status.name(), need.id(), tier, funded, need.openUnits());
        if (status == NeedStatus.FUNDED) {
            return first;
        }
        String second;
        if (reasons.isEmpty()) {
            second = words.get("explain.need.noOffers");
        } else if (reasons.get(0).code() == Reason.ELIGIBILITY) {
            Map<EligibilityRule, Long> counts = new EnumMap<>(EligibilityRule.class);
            reasons.forEach(reason -> counts.merge(reason.rule().orElseThrow(), 1L, Long::sum));
            second = words.get("explain.need.noneEligible", counted(counts, "explain.rule."));
        } else {
            Map<Reason, Long> counts = new EnumMap<>(Reason.class);
            reasons.forEach(reason -> counts.merge(reason.code(), 1L, Long::sum));
            long roomLeft = counts.getOrDefault(Reason.ROOM_LEFT, 0L);
            second = roomLeft > 0 ? words.get("explain.need.roomLeft", roomLeft, reasons.size())
                    : words.get("explain.need.stopped", reasons.size(), counted(counts, "explain.code."));
        }
        return first + " " + second;
    }

    /** "phrase (count), …" for each key in enum order. */
    private String counted(Map<? extends Enum<?>, Long> counts, String prefix) {
        return counts.entrySet().stream()
                .map(entry -> words.get("explain.countOf", words.get(prefix + entry.getKey().name()), entry.getValue()))
                .collect(Collectors.joining(words.get("explain.listSeparator")));
    }

    // ---- Offers ----

    private OfferExplanation explain(Offer offer, List<CouldFund> couldFund) {
        Uses uses = usesByOffer.getOrDefault(offer.id(), new Uses());
        long usedUnits = offer.isCash() ? 0 : books.capacityUsed(offer);
        List<String> tierNames = scenario.policy().tierNames();
        List<Share> byTier = uses.byTier.entrySet().stream()
                .map(entry -> share(tierNames.get(entry.getKey()), entry.getValue())).toList();
        List<Share> byCategory = uses.byCategory.entrySet().stream()
                .map(entry -> share(entry.getKey().name(), entry.getValue())).toList();
        List<Share> byDistrict = new ArrayList<>();
        Map<String, long[]> districts = new LinkedHashMap<>(uses.byDistrict);
        scenario.districts().forEach(district -> Optional.ofNullable(districts.remove(district.code()))
                .ifPresent(sums -> byDistrict.add(share(district.code(), sums))));
        // Codes the scenario does not list (none, once validated), then communes in no district.
        long[] noDistrict = districts.remove(Share.NO_DISTRICT);
        districts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> byDistrict.add(share(entry.getKey(), entry.getValue())));
        if (noDistrict != null) {
            byDistrict.add(share(Share.NO_DISTRICT, noDistrict));
        }
        return new OfferExplanation(offer.id(), !offer.isCash(), uses.vnd, offer.totalValue() - uses.vnd, usedUnits,
                offer.isCash() ? 0 : offer.quantity() - usedUnits, byTier, byCategory, byDistrict, couldFund);
    }

    private static Share share(String key, long[] sums) {
        return new Share(key, sums[0], sums[1]);
    }

    // ---- The audit ----

    /** Why the plan belongs to another scenario, in words: its name, or lines naming unknown ids. */
    private static List<String> foreignReasons(Scenario scenario, Plan plan, Words words) {
        List<String> reasons = new ArrayList<>();
        if (!plan.scenario().equals(scenario.name())) {
            reasons.add(words.get("explain.foreign.name", plan.scenario(), scenario.name()));
        }
        List<Allocation> unknown = plan.allocations().stream()
                .filter(line -> scenario.findOffer(line.offer()).isEmpty() || scenario.findNeed(line.need()).isEmpty())
                .toList();
        if (!unknown.isEmpty()) {
            reasons.add(words.get("explain.foreign.lines", unknown.size(), unknown.get(0).offer(), unknown.get(0).need()));
        }
        return reasons;
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
