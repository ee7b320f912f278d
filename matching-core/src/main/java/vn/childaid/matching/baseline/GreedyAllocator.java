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
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * What a coordinator with a spreadsheet does: needs in order — top tier first, most urgent first,
 * most children per VND first — each filled from its eligible offers with the most left, obeying
 * every hard rule (an indivisible need is funded whole or skipped). Deterministic and fast.
 *
 * <p>The engine starts local search from this plan, so it never ends below it; the benchmarks
 * use it as the baseline a solver must beat.
 */
public final class GreedyAllocator {
    private final Scenario scenario;
    private final Map<String, Long> capacityLeft = new HashMap<>();
    private final Map<String, Set<String>> needsOfOffer = new HashMap<>();
    private final Map<String, Set<String>> donorsOfNeed = new HashMap<>();
    private final Map<String, Integer> fundedUnits = new HashMap<>();

    private GreedyAllocator(Scenario scenario) {
        this.scenario = scenario;
        for (Offer offer : scenario.offers()) {
            capacityLeft.put(offer.id(), offer.isCash() ? offer.amount() : offer.quantity());
        }
        for (Commitment commitment : scenario.commitments()) {
            Offer offer = scenario.offer(commitment.offer());
            Need need = scenario.need(commitment.need());
            capacityLeft.merge(offer.id(), -commitment.units() * capacityPerUnit(offer, need), Long::sum);
            needsOfOffer.computeIfAbsent(offer.id(), k -> new HashSet<>()).add(need.id());
            donorsOfNeed.computeIfAbsent(need.id(), k -> new HashSet<>()).add(offer.donor());
            fundedUnits.merge(need.id(), commitment.units(), Integer::sum);
        }
    }

    /** The greedy's new allocation lines (commitments not included). */
    public static List<Allocation> allocate(Scenario scenario) {
        return new GreedyAllocator(scenario).run();
    }

    /** The greedy's plan, commitments included. */
    public static Plan plan(Scenario scenario) {
        long start = System.nanoTime();
        List<Allocation> lines = allocate(scenario);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return PlanAssembler.assemble(scenario, lines, "greedy", new SolverStats(millis, 0, millis, 0));
    }

    private static long capacityPerUnit(Offer offer, Need need) {
        return offer.isCash() ? need.unitCost() : 1;
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
        for (Need need : order) {
            lines.addAll(fill(need));
        }
        return lines;
    }

    private static double childrenPerVnd(Need need) {
        return (double) need.children() / Math.max(1, (double) need.quantity() * need.unitCost());
    }

    /** Lines funding as much of {@code need} as the rules allow; none for an indivisible need left short. */
    private List<Allocation> fill(Need need) {
        int open = need.openUnits() - fundedUnits.getOrDefault(need.id(), 0);
        if (open <= 0) {
            return List.of();
        }
        List<Offer> offers = new ArrayList<>(scenario.eligibleOffers(need));
        offers.sort(Comparator.<Offer>comparingLong(o -> unitsAffordable(o, need)).reversed().thenComparing(Offer::id));
        Set<String> donors = new HashSet<>(donorsOfNeed.getOrDefault(need.id(), Set.of()));
        int maxFunders = scenario.policy().maxFundersPerNeed();
        List<Allocation> lines = new ArrayList<>();
        int left = open;
        for (Offer offer : offers) {
            if (left == 0) {
                break;
            }
            long units = Math.min(left, unitsAffordable(offer, need));
            Set<String> funded = needsOfOffer.getOrDefault(offer.id(), Set.of());
            boolean newNeedForOffer = !funded.contains(need.id());
            boolean tooManyNeeds = offer.maxNeeds() > 0 && newNeedForOffer && funded.size() >= offer.maxNeeds();
            boolean tooManyDonors = maxFunders > 0 && !donors.contains(offer.donor()) && donors.size() >= maxFunders;
            long amount = units * offer.unitAmount(need);
            boolean belowMinGrant = amount < offer.minGrant() && units < left;
            if (units <= 0 || tooManyNeeds || tooManyDonors || belowMinGrant) {
                continue;
            }
            lines.add(new Allocation(offer.id(), need.id(), (int) units, amount, false));
            donors.add(offer.donor());
            left -= (int) units;
        }
        if (!need.divisible() && left > 0) {
            return List.of();
        }
        for (Allocation line : lines) {
            Offer offer = scenario.offer(line.offer());
            capacityLeft.merge(offer.id(), -line.units() * capacityPerUnit(offer, need), Long::sum);
            needsOfOffer.computeIfAbsent(offer.id(), k -> new HashSet<>()).add(need.id());
            donorsOfNeed.computeIfAbsent(need.id(), k -> new HashSet<>()).add(offer.donor());
            fundedUnits.merge(need.id(), line.units(), Integer::sum);
        }
        return lines;
    }

    private long unitsAffordable(Offer offer, Need need) {
        long perUnit = capacityPerUnit(offer, need);
        long left = capacityLeft.get(offer.id());
        return perUnit == 0 ? Integer.MAX_VALUE : left / perUnit;
    }
}
