package vn.childaid.matching.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.rules.HardRules;
import vn.childaid.matching.rules.Ledger;
import vn.childaid.matching.rules.Objective;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * What a coordinator with a spreadsheet does: needs in order — top tier first, most urgent first,
 * most children per VND first — each filled from its eligible offers with the most left, obeying
 * every hard rule (an indivisible need is funded whole or skipped). Deterministic and fast.
 *
 * <p>The engine starts local search from the better of this plan and the same greedy drawing on
 * the least contested offers first ({@link OfferChoice}), so it never ends below either; the
 * benchmarks use the most-left plan, the spreadsheet's, as the baseline a solver must beat.
 */
public final class GreedyAllocator {
    private final Scenario scenario;
    /** Commitments and the lines chosen so far, judged by the rulebook. */
    private final Ledger books = new Ledger();
    private final OfferChoice offerChoice;
    /** Capacity the pending needs of the tier being filled could ask of each offer (LEAST_CONTESTED). */
    private final Map<String, Long> pendingDemand = new HashMap<>();

    /** Which eligible offer a need draws on first. */
    public enum OfferChoice {
        /** The one with the most left: the coordinator's spreadsheet habit, and the baseline. */
        MOST_LEFT,
        /**
         * The one with the most left after what the still-unfilled needs of the same tier could ask
         * of it: needs that many offers can fund leave the scarce ones to needs that few can (charity
         * houses, which only some funds take). The engine's start.
         */
        LEAST_CONTESTED
    }

    private GreedyAllocator(Scenario scenario, OfferChoice offerChoice) {
        this.scenario = scenario;
        this.offerChoice = offerChoice;
        for (Commitment commitment : scenario.commitments()) {
            books.record(scenario.offer(commitment.offer()), scenario.need(commitment.need()), commitment.units());
        }
    }

    /** The greedy's new allocation lines (commitments not included). */
    public static List<Allocation> allocate(Scenario scenario) {
        return allocate(scenario, OfferChoice.MOST_LEFT);
    }

    /** The greedy's new allocation lines with the given offer choice (commitments not included). */
    public static List<Allocation> allocate(Scenario scenario, OfferChoice offerChoice) {
        return new GreedyAllocator(scenario, offerChoice).run();
    }

    /**
     * New lines of the better of the two offer choices by the policy's own measure (tier values in
     * order for STRICT, their weighted sum for WEIGHTED): the engine's start, never below the baseline.
     * Leaving the offers few needs can use to those needs found most of what local search gained
     * later on its own (province example: T_2 71,049 with the most-left choice, 72,627 with the
     * least-contested one, where 60 s of search from the first had reached 72,568).
     */
    public static List<Allocation> allocateBest(Scenario scenario) {
        List<Allocation> mostLeft = allocate(scenario, OfferChoice.MOST_LEFT);
        List<Allocation> leastContested = allocate(scenario, OfferChoice.LEAST_CONTESTED);
        return compare(scenario, tierValues(scenario, leastContested), tierValues(scenario, mostLeft)) > 0
                ? leastContested : mostLeft;
    }

    private static double[] tierValues(Scenario scenario, List<Allocation> lines) {
        return PlanAssembler.assemble(scenario, lines, "", SolverStats.NONE).tierValues();
    }

    private static int compare(Scenario scenario, double[] a, double[] b) {
        return Objective.compare(scenario.policy(), a, b);
    }

    /** The greedy's plan, commitments included. */
    public static Plan plan(Scenario scenario) {
        long start = System.nanoTime();
        List<Allocation> lines = allocate(scenario);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return PlanAssembler.assemble(scenario, lines, "greedy", SolverStats.builder().millis(millis).constructionMillis(millis).build());
    }

    private List<Allocation> run() {
        List<Need> order = new ArrayList<>(scenario.needs());
        Map<Need, Integer> tiers = new HashMap<>();
        order.forEach(need -> tiers.put(need, scenario.tierOf(need)));
        order.sort(Comparator.<Need>comparingInt(tiers::get)
                .thenComparing(Need::urgency)
                .thenComparing(Comparator.comparingDouble(GreedyAllocator::childrenPerVnd).reversed())
                .thenComparing(Need::id));
        List<Allocation> lines = new ArrayList<>();
        for (int first = 0; first < order.size(); ) {
            int tier = tiers.get(order.get(first));
            int end = first;
            while (end < order.size() && tiers.get(order.get(end)) == tier) {
                end++;
            }
            List<Need> tierNeeds = order.subList(first, end);
            if (offerChoice == OfferChoice.LEAST_CONTESTED) {
                tierNeeds.forEach(need -> changePendingDemand(need, 1));
            }
            for (Need need : tierNeeds) {
                if (offerChoice == OfferChoice.LEAST_CONTESTED) {
                    changePendingDemand(need, -1);
                }
                lines.addAll(fill(need));
            }
            first = end;
        }
        return lines;
    }

    private void changePendingDemand(Need need, int sign) {
        long open = books.unitsLeft(need);
        for (Offer offer : scenario.eligibleOffers(need)) {
            pendingDemand.merge(offer.id(), sign * HardRules.capacityUse(offer, need, open), Long::sum);
        }
    }

    private static double childrenPerVnd(Need need) {
        return (double) need.children() / Math.max(1, (double) need.quantity() * need.donorUnitCost());
    }

    /**
     * Lines funding as much of {@code need} as the rules allow; none for an indivisible need left
     * short. Each line first respects the offers' minimum grants (the line that completes the need
     * excepted). When that leaves the need short, a draft that lets lines fall below their minimum
     * is taken if it funds the need whole: the contract exempts every line of a fully funded need.
     * Drafting with small lines first instead spent leftovers that later needs of the tier could
     * use (province example, 500,000 score calculations: T_2 72,651 against 72,742).
     */
    private List<Allocation> fill(Need need) {
        long open = books.unitsLeft(need);
        if (open <= 0) {
            return List.of();
        }
        List<Offer> offers = new ArrayList<>(scenario.eligibleOffers(need));
        Comparator<Offer> choice = offerChoice == OfferChoice.MOST_LEFT
                ? Comparator.<Offer>comparingLong(o -> unitsAffordable(o, need)).reversed()
                : Comparator.<Offer>comparingLong(o -> books.capacityLeft(o) - pendingDemand.getOrDefault(o.id(), 0L))
                        .reversed();
        offers.sort(choice.thenComparing(Offer::id));
        List<Allocation> lines = draft(need, offers, open, false);
        if (unitsOf(lines) < open) {
            List<Allocation> whole = draft(need, offers, open, true);
            if (unitsOf(whole) == open) {
                lines = whole; // fully funded, so its small lines are allowed
            }
        }
        if (!need.divisible() && unitsOf(lines) < open) {
            return List.of();
        }
        for (Allocation line : lines) {
            books.record(scenario.offer(line.offer()), need, line.units());
        }
        return lines;
    }

    /** Lines from the offers in order, each as large as the offer allows, under every rule but (when waived) minGrant. */
    private List<Allocation> draft(Need need, List<Offer> offers, long open, boolean minGrantWaived) {
        Set<String> donors = new HashSet<>(books.donorsOf(need));
        int maxFunders = scenario.policy().maxFundersPerNeed();
        List<Allocation> lines = new ArrayList<>();
        long left = open;
        for (Offer offer : offers) {
            if (left == 0) {
                break;
            }
            long units = Math.min(left, unitsAffordable(offer, need));
            long amount = HardRules.lineAmount(offer, need, Math.max(0, units));
            boolean tooManyDonors = !donors.contains(offer.donor())
                    && HardRules.fundersBeyondLimit(maxFunders, donors.size() + 1L) > 0;
            boolean belowMinGrant = !minGrantWaived && HardRules.minGrantShortfall(offer, amount, units == left) > 0;
            if (units <= 0 || !HardRules.mayFundAnotherNeed(offer, need, books) || tooManyDonors || belowMinGrant) {
                continue;
            }
            lines.add(Allocation.of(offer.id(), need.id(), (int) units, amount));
            donors.add(offer.donor());
            left -= units;
        }
        return lines;
    }

    private static long unitsOf(List<Allocation> lines) {
        return lines.stream().mapToLong(Allocation::units).sum();
    }

    private long unitsAffordable(Offer offer, Need need) {
        long perUnit = HardRules.capacityUse(offer, need, 1);
        long left = books.capacityLeft(offer);
        return perUnit == 0 ? Integer.MAX_VALUE : left / perUnit;
    }
}
