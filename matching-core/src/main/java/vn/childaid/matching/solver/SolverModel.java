package vn.childaid.matching.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.policy.PriorityMode;
import vn.childaid.matching.rules.HardRules;
import vn.childaid.matching.rules.Ledger;
import vn.childaid.matching.rules.Objective;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Place;
import vn.childaid.matching.scenario.Scenario;

/** Builds the solver's model from a scenario, and reads allocation lines back from a solved model. */
final class SolverModel {
    private SolverModel() {}

    /** Needs this small get one lot per unit: any split among any number of offers is then exact. */
    static final int UNIT_LOTS_UP_TO = 12;

    /**
     * Splits {@code units} into lots. Up to {@link #UNIT_LOTS_UP_TO} units: one lot per unit.
     * Above: 1, 2, 4, …, 2^k (the largest power with 2^(k+1) − 1 ≤ units) and the remainder in
     * pieces of at most 2^k. Every amount 0…units is a subset sum; keeping the top pieces no larger
     * than 2^k leaves two offers room to share a need in most proportions (binary lots alone cannot
     * split a need 200/150 when one lot holds half of it).
     */
    static List<Integer> lotSizes(int units) {
        List<Integer> sizes = new ArrayList<>();
        if (units <= UNIT_LOTS_UP_TO) {
            for (int i = 0; i < units; i++) {
                sizes.add(1);
            }
            return sizes;
        }
        int covered = 0;
        int size = 1;
        while (covered + size <= units - size && size <= Integer.MAX_VALUE / 2) {
            sizes.add(size);
            covered += size;
            size *= 2;
        }
        int largest = sizes.get(sizes.size() - 1);
        for (int left = units - covered; left > 0; left -= Math.min(left, largest)) {
            sizes.add(Math.min(left, largest));
        }
        return sizes;
    }

    /** The model with every lot unfunded. */
    static AllocationSolution build(Scenario scenario) {
        return build(scenario, List.of());
    }

    /**
     * The model with {@code startLines} (new, uncommitted lines, e.g. the greedy's) already funded.
     * Each start line gets lots of its own, and the rest of the need is split as usual, so the start
     * plan is reproduced exactly and every other amount stays reachable.
     */
    static AllocationSolution build(Scenario scenario, List<Allocation> startLines) {
        return build(scenario, startLines, SolverRun.PreviousLines.NONE);
    }

    /**
     * The model with {@code startLines} funded, and a previous plan's lines respected as {@code
     * previous} says. Its fixed lines are folded into the facts like commitments (they take the
     * offer's capacity, count its needs and the need's units and donors) and their offers leave
     * the need's value range, so that the line can neither move nor grow; {@link #newLines} does
     * not return them. Its weighed lines are those the stability level counts (see {@link
     * AllocationConstraintProvider#previousLinesChanged}). Both must be among the start lines.
     */
    static AllocationSolution build(Scenario scenario, List<Allocation> startLines, SolverRun.PreviousLines previous) {
        Set<String> fixedPairs = new HashSet<>();
        previous.fixedLines().forEach(line -> fixedPairs.add(pairKey(line.offer(), line.need())));
        Map<String, Map<String, Integer>> weighedByNeed = new HashMap<>();
        for (Allocation line : previous.weighedLines()) {
            weighedByNeed.computeIfAbsent(line.need(), k -> new HashMap<>()).merge(line.offer(), line.units(), Integer::sum);
        }
        Map<String, List<Allocation>> startByNeed = new HashMap<>();
        for (Allocation line : startLines) {
            if (!line.committed() && !fixedPairs.contains(pairKey(line.offer(), line.need()))) {
                startByNeed.computeIfAbsent(line.need(), k -> new ArrayList<>()).add(line);
            }
        }
        Policy policy = scenario.policy();
        Ledger committed = new Ledger();
        for (Commitment commitment : scenario.commitments()) {
            committed.record(scenario.offer(commitment.offer()), scenario.need(commitment.need()), commitment.units());
        }
        for (Allocation line : previous.fixedLines()) { // from here on, "committed" includes them
            committed.record(scenario.offer(line.offer()), scenario.need(line.need()), line.units());
        }

        // By id: an Offer hashes all its sets and maps, too slow for millions of look-ups.
        Map<String, OfferBudget> offerFacts = new LinkedHashMap<>();
        for (Offer offer : scenario.offers()) {
            offerFacts.put(offer.id(), new OfferBudget(offer.id(), offer.donor(), offer.isCash(),
                    offer.capacity() - committed.capacityUsed(offer), offer.unitValue(), offer.minGrant(),
                    offer.maxNeeds(), committed.needsOf(offer)));
        }

        Map<String, AreaFact> areas = areaFacts(scenario, committed);
        List<NeedFact> needs = new ArrayList<>();
        List<Lot> lots = new ArrayList<>();
        for (Need need : scenario.needs()) {
            int committedUnits = Math.toIntExact(committed.unitsFunded(need));
            int uncommitted = need.openUnits() - committedUnits;
            Place place = scenario.placeOf(need);
            int tier = scenario.tierOf(need);
            List<OfferBudget> eligible = new ArrayList<>();
            Map<String, Long> preferences = new HashMap<>();
            for (Offer offer : scenario.eligibleOffers(need)) {
                OfferBudget budget = offerFacts.get(offer.id());
                if (canStillFund(offer, need, committed) && !fixedPairs.contains(pairKey(offer.id(), need.id()))) {
                    eligible.add(budget);
                    long weight = preferenceMilliWeight(offer, need, place);
                    if (weight > 0) {
                        preferences.put(offer.id(), weight);
                    }
                }
            }
            NeedFact fact = new NeedFact(need.id(), need.divisible(), need.donorUnitCost(), uncommitted, committedUnits, tier,
                    areas.get(fairnessGroup(need, tier)), policy.maxFundersPerNeed(), committed.donorsOf(need), eligible,
                    preferences, weighedByNeed.getOrDefault(need.id(), Map.of()));
            needs.add(fact);
            if (uncommitted > 0 && !eligible.isEmpty()) {
                addLots(lots, fact, need, place, policy, startByNeed.getOrDefault(need.id(), List.of()));
            }
        }
        return new AllocationSolution(List.copyOf(offerFacts.values()), needs, List.copyOf(areas.values()), lots);
    }

    /** Prunes offers that could not fund even one unit of this need after their commitments. */
    private static boolean canStillFund(Offer offer, Need need, Ledger committed) {
        // A unit entitlements pay in full costs donors nothing: any offer may fund it, as the greedy does.
        return committed.capacityLeft(offer) >= HardRules.capacityUse(offer, need, 1)
                && HardRules.mayFundAnotherNeed(offer, need, committed);
    }

    /**
     * Fairness spreads coverage "across villages of the same tier": a village's (or commune's) needs
     * of one tier form one group, so a village is not held back in one tier by what it got in another.
     */
    private static String fairnessGroup(Need need, int tier) {
        return need.areaCode() + " / tier " + (tier + 1);
    }

    private static Map<String, AreaFact> areaFacts(Scenario scenario, Ledger committed) {
        Map<String, long[]> childrenAndReached = new LinkedHashMap<>();
        for (Need need : scenario.needs()) {
            long[] totals = childrenAndReached.computeIfAbsent(fairnessGroup(need, scenario.tierOf(need)),
                    k -> new long[2]);
            totals[0] += need.children();
            totals[1] += milliChildren(need, committed.unitsFunded(need));
        }
        Map<String, AreaFact> areas = new LinkedHashMap<>();
        childrenAndReached.forEach((group, totals) -> areas.put(group, new AreaFact(group, totals[0], totals[1])));
        return areas;
    }

    private static long milliChildren(Need need, long units) {
        return Math.round(Objective.reached(need.children(), need.quantity(), units) * ScoreLevels.MILLI);
    }

    private static long preferenceMilliWeight(Offer offer, Need need, Place place) {
        double weight = offer.preferences().categories().getOrDefault(need.category(), 0.0);
        for (Map.Entry<String, Double> area : offer.preferences().areas().entrySet()) {
            if (place.isWithin(area.getKey())) {
                weight += area.getValue();
            }
        }
        return Math.round(weight * 1000);
    }

    private static void addLots(List<Lot> lots, NeedFact fact, Need need, Place place, Policy policy,
            List<Allocation> startLines) {
        boolean weighted = policy.priorityMode() == PriorityMode.WEIGHTED;
        double categoryWeight = policy.categoryWeight(need.category());
        double priorityWeight = categoryWeight * (weighted ? policy.tierWeights().get(fact.getTier()) : 1);
        int level = weighted ? 0 : fact.getTier();
        boolean edFirst = policy.especiallyDifficultFirst() && place.especiallyDifficult();
        int index = 0;
        int unseeded = fact.getUncommittedUnits();
        List<OfferBudget> owners = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (Allocation line : startLines) {
            OfferBudget offer = fact.getEligibleOffers().stream().filter(o -> o.id().equals(line.offer()))
                    .findFirst().orElse(null);
            if (offer == null || line.units() > unseeded) {
                continue; // Not a line the model can hold (ineligible or over the open units): leave it out.
            }
            for (int size : lotSizes(line.units())) {
                owners.add(offer);
                sizes.add(size);
            }
            unseeded -= line.units();
        }
        for (int size : lotSizes(unseeded)) {
            owners.add(null);
            sizes.add(size);
        }
        for (int i = 0; i < sizes.size(); i++) {
            int size = sizes.get(i);
            double reached = Objective.reached(need.children(), need.quantity(), size) * ScoreLevels.MILLI;
            long value = Math.round(categoryWeight * reached);
            Lot lot = new Lot(need.id() + "#" + index++, fact, size, level, Math.round(priorityWeight * reached),
                    edFirst ? value : 0, Math.round(reached), value);
            OfferBudget owner = owners.get(i);
            if (owner != null) {
                lot.setOffer(owner);
                owner.getLots().add(lot);
                owner.setCapacityUsed(owner.getCapacityUsed() + lot.capacityUse());
            }
            lots.add(lot);
        }
    }

    private static String pairKey(String offer, String need) {
        return offer + '\u0000' + need;
    }

    /** The new (uncommitted) allocation lines of a solved model, one per offer and need, in need order. */
    static List<Allocation> newLines(Scenario scenario, AllocationSolution solution) {
        Map<NeedFact, Map<String, Integer>> unitsByNeedAndOffer = new LinkedHashMap<>();
        for (Lot lot : solution.getLots()) {
            if (lot.getOffer() != null) {
                unitsByNeedAndOffer.computeIfAbsent(lot.getNeed(), k -> new LinkedHashMap<>())
                        .merge(lot.getOffer().id(), lot.getUnits(), Integer::sum);
            }
        }
        List<Allocation> lines = new ArrayList<>();
        for (NeedFact needFact : solution.getNeeds()) {
            Map<String, Integer> byOffer = unitsByNeedAndOffer.get(needFact);
            if (byOffer == null) {
                continue;
            }
            Need need = scenario.need(needFact.id());
            for (OfferBudget offerFact : solution.getOffers()) {
                Integer units = byOffer.get(offerFact.id());
                if (units != null) {
                    Offer offer = scenario.offer(offerFact.id());
                    lines.add(Allocation.of(offer.id(), need.id(), units, HardRules.lineAmount(offer, need, units)));
                }
            }
        }
        return lines;
    }
}
