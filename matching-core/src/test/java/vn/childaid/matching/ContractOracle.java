package vn.childaid.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.policy.PriorityMode;
import vn.childaid.matching.policy.TierRule;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Commune;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.OfferKind;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.scenario.Village;

/**
 * The contract's hard rules and objective written again, plainly, from the contract's decisions: a
 * test oracle that shares no code with the engine. It reads only the scenario's and the lines' plain
 * fields — not {@code Scenario.tierOf} or {@code isEligible}, not the rulebook ({@code HardRules},
 * {@code Ledger}, {@code Objective}), not the audit, the plan assembly or the solver — so a mistake
 * there cannot hide by being made twice.
 */
public final class ContractOracle {
    public static final String CAPACITY = "CAPACITY";
    public static final String OPEN_UNITS = "OPEN_UNITS";
    public static final String ALL_OR_NOTHING = "ALL_OR_NOTHING";
    public static final String ELIGIBILITY = "ELIGIBILITY";
    public static final String MIN_GRANT = "MIN_GRANT";
    public static final String MAX_NEEDS = "MAX_NEEDS";
    public static final String MAX_FUNDERS = "MAX_FUNDERS";
    public static final String COMMITMENT = "COMMITMENT";
    public static final String REFERENCE = "REFERENCE";

    /** Two figures agree when |a − b| ≤ this × max(1, |a|, |b|), as the contract says. */
    private static final double RELATIVE_TOLERANCE = 1e-6;

    private ContractOracle() {}

    /**
     * One broken rule: its code and the offer and need it concerns (absent when the rule concerns
     * only the other, as in the contract's {@code ruleViolations}).
     */
    public record Broken(String rule, Optional<String> offer, Optional<String> need) {
        static Broken ofLine(String rule, String offer, String need) {
            return new Broken(rule, Optional.of(offer), Optional.of(need));
        }

        static Broken ofOffer(String rule, String offer) {
            return new Broken(rule, Optional.of(offer), Optional.empty());
        }

        static Broken ofNeed(String rule, String need) {
            return new Broken(rule, Optional.empty(), Optional.of(need));
        }

        @Override
        public String toString() {
            return rule + offer.map(id -> " offer=" + id).orElse("") + need.map(id -> " need=" + id).orElse("");
        }
    }

    /** Every hard rule the lines break, with the ids concerned; empty when the lines are feasible. */
    public static Set<Broken> broken(Scenario scenario, List<Allocation> lines) {
        Map<String, Offer> offers = byId(scenario.offers(), Offer::id);
        Map<String, Need> needs = byId(scenario.needs(), Need::id);
        Map<List<String>, Long> promised = new HashMap<>();
        for (Commitment commitment : scenario.commitments()) {
            promised.merge(List.of(commitment.offer(), commitment.need()), (long) commitment.units(), Long::sum);
        }
        Set<Broken> broken = new LinkedHashSet<>();
        Map<String, Long> given = new HashMap<>();
        Map<String, Long> funded = new HashMap<>();
        Map<String, Set<String>> needsOfOffer = new HashMap<>();
        Map<String, Set<String>> donorsOfNeed = new HashMap<>();
        Map<List<String>, Long> committedInPlan = new HashMap<>();
        List<Allocation> newLines = new ArrayList<>();
        for (Allocation line : lines) {
            Offer offer = offers.get(line.offer());
            Need need = needs.get(line.need());
            if (offer == null || need == null || line.units() < 1) {
                broken.add(Broken.ofLine(REFERENCE, line.offer(), line.need()));
                continue; // counts toward nothing
            }
            List<String> pair = List.of(offer.id(), need.id());
            if (line.committed() && promised.containsKey(pair)) {
                committedInPlan.merge(pair, (long) line.units(), Long::sum);
            } else {
                if (line.committed()) {
                    broken.add(Broken.ofLine(REFERENCE, offer.id(), need.id())); // and judged as a new line
                }
                newLines.add(line);
            }
            given.merge(offer.id(), isCash(offer) ? line.units() * need.unitCost() : line.units(), Long::sum);
            funded.merge(need.id(), (long) line.units(), Long::sum);
            needsOfOffer.computeIfAbsent(offer.id(), k -> new HashSet<>()).add(need.id());
            donorsOfNeed.computeIfAbsent(need.id(), k -> new HashSet<>()).add(offer.donor());
        }
        for (Need need : scenario.needs()) {
            long units = funded.getOrDefault(need.id(), 0L);
            long open = openUnits(need);
            if (units > open) {
                broken.add(Broken.ofNeed(OPEN_UNITS, need.id()));
            }
            if (!need.divisible() && units > 0 && units < open) {
                broken.add(Broken.ofNeed(ALL_OR_NOTHING, need.id()));
            }
            int maxFunders = scenario.policy().maxFundersPerNeed();
            if (maxFunders > 0 && donorsOfNeed.getOrDefault(need.id(), Set.of()).size() > maxFunders) {
                broken.add(Broken.ofNeed(MAX_FUNDERS, need.id()));
            }
        }
        for (Offer offer : scenario.offers()) {
            long capacity = isCash(offer) ? offer.amount() : offer.quantity();
            if (given.getOrDefault(offer.id(), 0L) > capacity) {
                broken.add(Broken.ofOffer(CAPACITY, offer.id()));
            }
            if (offer.maxNeeds() > 0 && needsOfOffer.getOrDefault(offer.id(), Set.of()).size() > offer.maxNeeds()) {
                broken.add(Broken.ofOffer(MAX_NEEDS, offer.id()));
            }
        }
        for (Allocation line : newLines) {
            Offer offer = offers.get(line.offer());
            Need need = needs.get(line.need());
            if (!eligible(scenario, offer, need)) {
                broken.add(Broken.ofLine(ELIGIBILITY, offer.id(), need.id()));
            }
            long amount = line.units() * (isCash(offer) ? need.unitCost() : offer.unitValue());
            boolean fullyFunded = funded.getOrDefault(need.id(), 0L) >= openUnits(need);
            if (amount < offer.minGrant() && !fullyFunded) {
                broken.add(Broken.ofLine(MIN_GRANT, offer.id(), need.id()));
            }
        }
        promised.forEach((pair, units) -> {
            if (!units.equals(committedInPlan.getOrDefault(pair, 0L))) {
                broken.add(Broken.ofLine(COMMITMENT, pair.get(0), pair.get(1)));
            }
        });
        return broken;
    }

    /** The codes of the rules the lines break, sorted; empty when the lines are feasible. */
    public static Set<String> brokenRules(Scenario scenario, List<Allocation> lines) {
        return broken(scenario, lines).stream().map(Broken::rule).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The scenario's commitments as the committed lines a plan must carry. */
    public static List<Allocation> committedLines(Scenario scenario) {
        Map<String, Offer> offers = byId(scenario.offers(), Offer::id);
        Map<String, Need> needs = byId(scenario.needs(), Need::id);
        List<Allocation> lines = new ArrayList<>();
        for (Commitment commitment : scenario.commitments()) {
            Offer offer = offers.get(commitment.offer());
            Need need = needs.get(commitment.need());
            long amount = commitment.units() * (isCash(offer) ? need.unitCost() : offer.unitValue());
            lines.add(Allocation.committed(offer.id(), need.id(), commitment.units(), amount));
        }
        return lines;
    }

    /**
     * Whether the offer may fund the need: the in-kind category and {@code categories} both, the
     * need's place within one of {@code areas} (village, commune or district), the age band (a need
     * of band ALL only for offers open to every band) and especially-difficult-only.
     */
    public static boolean eligible(Scenario scenario, Offer offer, Need need) {
        if (offer.category().isPresent() && offer.category().get() != need.category()) {
            return false;
        }
        if (!offer.categories().isEmpty() && !offer.categories().contains(need.category())) {
            return false;
        }
        if (!offer.ageBands().isEmpty() && !offer.ageBands().contains(AgeBand.ALL)
                && (need.ageBand() == AgeBand.ALL || !offer.ageBands().contains(need.ageBand()))) {
            return false;
        }
        Optional<Village> village = villageOf(scenario, need);
        Commune commune = communeOf(scenario, need);
        if (offer.especiallyDifficultOnly() && !village.map(Village::especiallyDifficult).orElse(false)) {
            return false;
        }
        if (offer.areas().isEmpty()) {
            return true;
        }
        return village.map(v -> offer.areas().contains(v.code())).orElse(false)
                || offer.areas().contains(commune.code())
                || commune.district().map(offer.areas()::contains).orElse(false);
    }

    /** The need's tier index: the first tier rule of the policy it matches, else the other tier (last). */
    public static int tierOf(Scenario scenario, Need need) {
        boolean especiallyDifficult = villageOf(scenario, need).map(Village::especiallyDifficult).orElse(false);
        Commune commune = communeOf(scenario, need);
        List<TierRule> rules = scenario.policy().tiers();
        for (int tier = 0; tier < rules.size(); tier++) {
            TierRule rule = rules.get(tier);
            boolean matches = rule.especiallyDifficult().map(required -> required == especiallyDifficult).orElse(true)
                    && (rule.regions().isEmpty() || rule.regions().contains(commune.region()))
                    && (rule.urgencies().isEmpty() || rule.urgencies().contains(need.urgency()));
            if (matches) {
                return tier;
            }
        }
        return rules.size();
    }

    /**
     * T_k for every tier, the other tier last: Σ category weight × children × units / quantity over
     * the lines (commitments included); lines with unknown ids or fewer than 1 unit count for nothing.
     */
    public static double[] tierValues(Scenario scenario, List<Allocation> lines) {
        Map<String, Need> needs = byId(scenario.needs(), Need::id);
        Set<String> offers = byId(scenario.offers(), Offer::id).keySet();
        double[] values = new double[scenario.policy().tiers().size() + 1];
        for (Allocation line : lines) {
            Need need = needs.get(line.need());
            if (need == null || !offers.contains(line.offer()) || line.units() < 1) {
                continue;
            }
            double weight = scenario.policy().categoryWeights().getOrDefault(need.category(), 1.0);
            values[tierOf(scenario, need)] += weight * need.children() * line.units() / need.quantity();
        }
        return values;
    }

    /**
     * Compares two plans' tier values by the policy: lexicographically when STRICT, by
     * Σ tierWeight_k × T_k when WEIGHTED; figures within the contract's relative tolerance are
     * equal. Negative when {@code a} is worse, 0 when they tie, positive when it is better.
     */
    public static int compare(Policy policy, double[] a, double[] b) {
        if (policy.priorityMode() == PriorityMode.WEIGHTED) {
            double sumA = 0;
            double sumB = 0;
            for (int tier = 0; tier < a.length; tier++) {
                sumA += policy.tierWeights().get(tier) * a[tier];
                sumB += policy.tierWeights().get(tier) * b[tier];
            }
            return compareFigures(sumA, sumB);
        }
        for (int tier = 0; tier < a.length; tier++) {
            int order = compareFigures(a[tier], b[tier]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static int compareFigures(double a, double b) {
        boolean agree = Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
        return agree ? 0 : Double.compare(a, b);
    }

    private static boolean isCash(Offer offer) {
        return offer.kind() == OfferKind.CASH;
    }

    private static long openUnits(Need need) {
        return need.quantity() - need.alreadyCovered();
    }

    private static Optional<Village> villageOf(Scenario scenario, Need need) {
        return need.village().flatMap(code -> scenario.villages().stream().filter(v -> v.code().equals(code)).findFirst());
    }

    private static Commune communeOf(Scenario scenario, Need need) {
        String code = villageOf(scenario, need).map(Village::commune).orElseGet(() -> need.commune().orElseThrow());
        return scenario.communes().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> index = new HashMap<>();
        items.forEach(item -> index.putIfAbsent(id.apply(item), item));
        return index;
    }
}
