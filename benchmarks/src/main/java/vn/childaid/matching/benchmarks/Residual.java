package vn.childaid.matching.benchmarks;

import java.util.Set;
import vn.childaid.matching.rules.HardRules;
import vn.childaid.matching.rules.Ledger;
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
    /** The commitments' books, kept by the rulebook's ledger as the engine keeps them. */
    private final Ledger committed = new Ledger();
    private final double[] committedValue;

    Residual(Scenario scenario) {
        this.scenario = scenario;
        this.committedValue = new double[scenario.policy().tierCount()];
        for (Commitment c : scenario.commitments()) {
            Offer offer = scenario.offer(c.offer());
            Need need = scenario.need(c.need());
            committed.record(offer, need, c.units());
            committedValue[scenario.tierOf(need)] += valuePerUnit(need) * c.units();
        }
    }

    /** Capacity one unit of the need takes from the offer: VND for cash, one item in kind. */
    static long capacityPerUnit(Offer offer, Need need) {
        return HardRules.capacityUse(offer, need, 1);
    }

    /** Weighted children reached per funded unit (the tier objective is linear in units). */
    double valuePerUnit(Need need) {
        return scenario.policy().categoryWeight(need.category()) * Objective.reached(need.children(), need.quantity(), 1);
    }

    int openUnits(Need need) {
        return Math.toIntExact(need.openUnits() - committed.unitsFunded(need));
    }

    boolean hasCommitments(Need need) {
        return committed.unitsFunded(need) > 0;
    }

    /** VND (cash) or items (in kind) the offer has left. */
    long capacityLeft(Offer offer) {
        return offer.capacity() - committed.capacityUsed(offer);
    }

    /** Needs the offer may still take on under maxNeeds (meaningful only when maxNeeds is set). */
    int needSlotsLeft(Offer offer) {
        return Math.max(0, offer.maxNeeds() - committed.needCount(offer));
    }

    /** Whether funding this need from this offer uses one of the offer's maxNeeds slots. */
    boolean takesNeedSlot(Offer offer, Need need) {
        return offer.maxNeeds() > 0 && !committed.funds(offer, need);
    }

    Set<String> committedDonors(Need need) {
        return committed.donorsOf(need);
    }

    double committedValue(int tier) {
        return committedValue[tier];
    }
}
