package vn.childaid.matching.solver;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.countDistinct;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sum;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sumLong;

import java.util.ArrayList;
import java.util.List;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;
import vn.childaid.matching.policy.Policy;

/**
 * The contract's objective as constraint streams. Hard rules first, then the priority levels, then
 * the soft levels in the contract's order. Two hard rules need no constraint because the model
 * cannot break them: a need's open quantity (its lots split exactly its uncommitted open units,
 * each funded by at most one offer) and eligibility (a lot's value range is its need's eligible
 * offers). Commitments are constants folded into the facts.
 *
 * <p>Hard penalties grow with how far a rule is broken (VND in thousands, units, needs, donors),
 * so local search can climb back to feasibility.
 *
 * <p>Public only because OptaPlanner instantiates it by reflection; not API.
 */
public final class AllocationConstraintProvider implements ConstraintProvider {

    static final String CASH_CAPACITY = "Cash offer over its amount";
    static final String IN_KIND_CAPACITY = "In-kind offer over its quantity";
    static final String ALL_OR_NOTHING = "Indivisible need partly funded";
    static final String MIN_GRANT = "Allocation below the offer's minimum grant";
    static final String MAX_NEEDS = "Offer funds more needs than allowed";
    static final String MAX_FUNDERS = "Need has more donors than allowed";
    static final String ESPECIALLY_DIFFICULT_FIRST = "Children reached in especially difficult villages";
    static final String DONOR_PREFERENCES = "Donor preferences honoured";
    static final String FAIRNESS = "Coverage concentrated in few villages";
    static final String FEWER_FUNDERS = "Donors per need";
    static final String FEWER_LINES = "Allocation lines";

    /** The name of the children-reached constraint of a priority level (1-based in words). */
    static String reachedAtLevel(int level) {
        return "Children reached at priority level " + (level + 1);
    }

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        List<Constraint> constraints = new ArrayList<>(List.of(
                cashOfferCapacity(factory),
                inKindOfferCapacity(factory),
                indivisibleNeedAllOrNothing(factory),
                minimumGrant(factory),
                maxNeedsPerOffer(factory),
                maxFundersPerNeed(factory)));
        for (int level = 0; level < Policy.MAX_TIERS; level++) {
            constraints.add(childrenReachedAtLevel(factory, level));
        }
        constraints.addAll(List.of(
                especiallyDifficultFirst(factory),
                donorPreferences(factory),
                fairnessAcrossVillages(factory),
                fewerFundersPerNeed(factory),
                fewerAllocationLines(factory)));
        return constraints.toArray(Constraint[]::new);
    }

    private static BendableLongScore hard() {
        return BendableLongScore.ofHard(ScoreLevels.HARD_LEVELS, ScoreLevels.SOFT_LEVELS, 0, 1);
    }

    private static BendableLongScore soft(int level) {
        return BendableLongScore.ofSoft(ScoreLevels.HARD_LEVELS, ScoreLevels.SOFT_LEVELS, level, 1);
    }

    private static long thousandsRoundedUp(long vnd) {
        return (vnd + 999) / 1000;
    }

    // ---- Hard: every rule of the contract ----

    /** "Capacity of each offer (cash: Σ units × unitCost ≤ amount)": the overspend in thousands of VND. */
    Constraint cashOfferCapacity(ConstraintFactory factory) {
        return factory.forEach(Lot.class)
                .filter(lot -> lot.getOffer().isCash())
                .groupBy(Lot::getOffer, sumLong(Lot::capacityUse))
                .filter((offer, used) -> used > offer.getCapacityLeft())
                .penalizeLong(hard(), (offer, used) -> thousandsRoundedUp(used - offer.getCapacityLeft()))
                .asConstraint(CASH_CAPACITY);
    }

    /** "Capacity of each offer (in-kind: Σ units ≤ quantity)": the units given beyond it. */
    Constraint inKindOfferCapacity(ConstraintFactory factory) {
        return factory.forEach(Lot.class)
                .filter(lot -> !lot.getOffer().isCash())
                .groupBy(Lot::getOffer, sumLong(Lot::capacityUse))
                .filter((offer, used) -> used > offer.getCapacityLeft())
                .penalizeLong(hard(), (offer, used) -> used - offer.getCapacityLeft())
                .asConstraint(IN_KIND_CAPACITY);
    }

    /** "An indivisible need is funded all-or-nothing (its whole open quantity, possibly by several offers)." */
    Constraint indivisibleNeedAllOrNothing(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(Lot.class)
                .filter(lot -> !lot.getNeed().isDivisible())
                .groupBy(Lot::getNeed, sum(Lot::fundedUnits))
                .filter((need, funded) -> need.allOrNothingShortfall(funded) > 0)
                .penalizeLong(hard(), (need, funded) -> need.allOrNothingShortfall(funded))
                .asConstraint(ALL_OR_NOTHING);
    }

    /** "Each allocation line of this offer must be worth at least minGrant, unless the need ends fully funded." */
    Constraint minimumGrant(ConstraintFactory factory) {
        return factory.forEach(Lot.class)
                .filter(lot -> lot.getOffer().getMinGrant() > 0)
                .groupBy(Lot::getOffer, Lot::getNeed, sumLong(Lot::amount))
                .filter((offer, need, amount) -> amount < offer.getMinGrant())
                .ifExistsIncludingNullVars(Lot.class,
                        Joiners.equal((offer, need, amount) -> need, Lot::getNeed),
                        Joiners.filtering((offer, need, amount, lot) -> lot.getOffer() == null))
                .penalizeLong(hard(), (offer, need, amount) -> thousandsRoundedUp(offer.getMinGrant() - amount))
                .asConstraint(MIN_GRANT);
    }

    /** "maxNeeds: at most this many distinct needs" (committed needs included): the needs beyond it. */
    Constraint maxNeedsPerOffer(ConstraintFactory factory) {
        return factory.forEach(Lot.class)
                .filter(lot -> lot.getOffer().getMaxNeeds() > 0 && !lot.getOffer().alreadyFunds(lot.getNeed()))
                .groupBy(Lot::getOffer, countDistinct(Lot::getNeed))
                .filter((offer, count) -> offer.committedNeedCount() + count > offer.getMaxNeeds())
                .penalizeLong(hard(), (offer, count) -> offer.committedNeedCount() + count - offer.getMaxNeeds())
                .asConstraint(MAX_NEEDS);
    }

    /** "maxFundersPerNeed counts distinct donors funding one need" (committed ones included). */
    Constraint maxFundersPerNeed(ConstraintFactory factory) {
        return factory.forEach(Lot.class)
                .filter(lot -> lot.getNeed().getMaxFunders() > 0
                        && !lot.getNeed().alreadyFundedBy(lot.getOffer().getDonorId()))
                .groupBy(Lot::getNeed, countDistinct(lot -> lot.getOffer().getDonorId()))
                .filter((need, count) -> need.committedDonorCount() + count > need.getMaxFunders())
                .penalizeLong(hard(), (need, count) -> need.committedDonorCount() + count - need.getMaxFunders())
                .asConstraint(MAX_FUNDERS);
    }

    // ---- Priority: "maximise T_1, then T_2, …" (STRICT) or "Σ tierWeight_k × T_k" (WEIGHTED) ----

    Constraint childrenReachedAtLevel(ConstraintFactory factory, int level) {
        return factory.forEach(Lot.class)
                .filter(lot -> lot.getPriorityLevel() == level)
                .rewardLong(soft(ScoreLevels.FIRST_TIER + level), Lot::getPriorityValue)
                .asConstraint(reachedAtLevel(level));
    }

    // ---- Soft, below priority, in the contract's order ----

    /** PHASE_2: "especially difficult villages first inside each tier (a soft level)". */
    Constraint especiallyDifficultFirst(ConstraintFactory factory) {
        return factory.forEach(Lot.class)
                .filter(lot -> lot.getEspeciallyDifficultValue() > 0)
                .rewardLong(soft(ScoreLevels.ESPECIALLY_DIFFICULT_FIRST), Lot::getEspeciallyDifficultValue)
                .asConstraint(ESPECIALLY_DIFFICULT_FIRST);
    }

    /** "Honour donor preferences (Σ preference weight × VND allocated)", in thousands of VND. */
    Constraint donorPreferences(ConstraintFactory factory) {
        return factory.forEach(Lot.class)
                .filter(lot -> lot.preferenceReward() > 0)
                .rewardLong(soft(ScoreLevels.DONOR_PREFERENCES), Lot::preferenceReward)
                .asConstraint(DONOR_PREFERENCES);
    }

    /** "Fairness (spread coverage across villages of the same tier)": a convex cost of each village's reach. */
    Constraint fairnessAcrossVillages(ConstraintFactory factory) {
        return factory.forEach(Lot.class)
                .groupBy(lot -> lot.getNeed().getArea(), sumLong(Lot::getReachedMilli))
                .penalizeLong(soft(ScoreLevels.FAIRNESS), AreaFact::concentrationCost)
                .asConstraint(FAIRNESS);
    }

    /** "Fewer funders per need." */
    Constraint fewerFundersPerNeed(ConstraintFactory factory) {
        return factory.forEach(Lot.class)
                .groupBy(Lot::getNeed, countDistinct(lot -> lot.getOffer().getDonorId()))
                .penalizeLong(soft(ScoreLevels.FEWER_FUNDERS), (need, donors) -> donors)
                .asConstraint(FEWER_FUNDERS);
    }

    /** "Fewer allocation lines": one per distinct (offer, need) pair. */
    Constraint fewerAllocationLines(ConstraintFactory factory) {
        return factory.forEach(Lot.class)
                .groupBy(Lot::getOffer, Lot::getNeed)
                .penalize(soft(ScoreLevels.FEWER_LINES))
                .asConstraint(FEWER_LINES);
    }
}
