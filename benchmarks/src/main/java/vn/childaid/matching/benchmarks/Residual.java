package vn.childaid.matching.benchmarks;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.rules.Objective;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * What is left to decide once the commitments are taken as given, as the engine does: each need's
 * open units, each offer's remaining capacity and need slots, and the tier value already reached.
 * Shared by the exact model and the priced bound so both start from the same residual problem.
 */
final class Residual {
    private final Scenario scenario;
    private final Map<String, Integer> committedUnits = new HashMap<>();
    private final Map<String, Long> committedUse = new HashMap<>();
    private final Map<String, Set<String>> committedNeedsOfOffer = new HashMap<>();
    private final Map<String, Set<String>> committedDonorsOfNeed = new HashMap<>();
    private final double[] committedValue;

    Residual(Scenario scenario) {
        this.scenario = scenario;
        this.committedValue = new double[scenario.policy().tierCount()];
        for (Commitment c : scenario.commitments()) {
            Offer offer = scenario.offer(c.offer());
            Need need = scenario.need(c.need());
            committedUnits.merge(need.id(), c.units(), Integer::sum);
            committedUse.merge(offer.id(), c.units() * capacityPerUnit(offer, need), Long::sum);
            committedNeedsOfOffer.computeIfAbsent(offer.id(), k -> new HashSet<>()).add(need.id());
            committedDonorsOfNeed.computeIfAbsent(need.id(), k -> new HashSet<>()).add(offer.donor());
            committedValue[scenario.tierOf(need)] += valuePerUnit(need) * c.units();
        }
    }

    /** Capacity one unit of the need takes from the offer: VND for cash, one item in kind. */
    static long capacityPerUnit(Offer offer, Need need) {
        return offer.isCash() ? need.unitCost() : 1;
    }

    /** Weighted children reached per funded unit (the tier objective is linear in units). */
    double valuePerUnit(Need need) {
        return scenario.policy().categoryWeight(need.category()) * Objective.reached(need, 1);
    }

    int openUnits(Need need) {
        return need.openUnits() - committedUnits.getOrDefault(need.id(), 0);
    }

    boolean hasCommitments(Need need) {
        return committedUnits.getOrDefault(need.id(), 0) > 0;
    }

    /** VND (cash) or items (in kind) the offer has left. */
    long capacityLeft(Offer offer) {
        return (offer.isCash() ? offer.amount() : offer.quantity()) - committedUse.getOrDefault(offer.id(), 0L);
    }

    /** Needs the offer may still take on under maxNeeds (meaningful only when maxNeeds is set). */
    int needSlotsLeft(Offer offer) {
        return Math.max(0, offer.maxNeeds() - committedNeedsOfOffer.getOrDefault(offer.id(), Set.of()).size());
    }

    /** Whether funding this need from this offer uses one of the offer's maxNeeds slots. */
    boolean takesNeedSlot(Offer offer, Need need) {
        return offer.maxNeeds() > 0 && !committedNeedsOfOffer.getOrDefault(offer.id(), Set.of()).contains(need.id());
    }

    Set<String> committedDonors(Need need) {
        return committedDonorsOfNeed.getOrDefault(need.id(), Set.of());
    }

    double committedValue(int tier) {
        return committedValue[tier];
    }
}
