package vn.childaid.matching.solver;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.countDistinct;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sum;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sumLong;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.rules.HardRules;
import vn.childaid.matching.rules.Rule;

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
    static final String COMMITTED_NEED_LEFT_SHORT = "Indivisible need partly committed, no offer can complete it";
    static final String MIN_GRANT = "Allocation below the offer's minimum grant";
    static final String MAX_NEEDS = "Offer funds more needs than allowed";
    static final String MAX_FUNDERS = "Need has more donors than allowed";
    static final String PREVIOUS_LINES_CHANGED = "Previous lines changed or dropped";
    static final String ESPECIALLY_DIFFICULT_FIRST = "Children reached in especially difficult villages";
    static final String DONOR_PREFERENCES = "Donor preferences honoured";
    static final String FAIRNESS = "Coverage concentrated in few villages";
    static final String FEWER_FUNDERS = "Donors per need";
    static final String FEWER_LINES = "Allocation lines";

    /**
     * The contract's rule each hard constraint enforces: the one table from constraint names to
     * rule codes. A rule may have several constraints; the rules in {@link #KEPT_BY_THE_MODEL} have
     * none, because the model cannot break them.
     */
    static final Map<String, Rule> RULE_OF_HARD_CONSTRAINT = Map.of(
            CASH_CAPACITY, Rule.CAPACITY,
            IN_KIND_CAPACITY, Rule.CAPACITY,
            ALL_OR_NOTHING, Rule.ALL_OR_NOTHING,
            COMMITTED_NEED_LEFT_SHORT, Rule.ALL_OR_NOTHING,
            MIN_GRANT, Rule.MIN_GRANT,
            MAX_NEEDS, Rule.MAX_NEEDS,
            MAX_FUNDERS, Rule.MAX_FUNDERS);

    /**
     * Hard rules the model makes unbreakable: a need's lots split exactly its uncommitted open units
     * and each has at most one offer (OPEN_UNITS); a lot's values are its need's eligible offers
     * (ELIGIBILITY); commitments are constants outside the lots (COMMITMENT); lines are built from
     * the scenario's own ids, at least one unit each (REFERENCE). REPORTED_NUMBERS is no rule of a
     * plan's content but of how it is written.
     */
    static final Set<Rule> KEPT_BY_THE_MODEL = EnumSet.of(Rule.OPEN_UNITS, Rule.ELIGIBILITY, Rule.COMMITMENT,
            Rule.REFERENCE);

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
                committedNeedLeftShort(factory),
                minimumGrant(factory),
                maxNeedsPerOffer(factory),
                maxFundersPerNeed(factory)));
        for (int level = 0; level < Policy.MAX_TIERS; level++) {
            constraints.add(childrenReachedAtLevel(factory, level));
        }
        constraints.addAll(List.of(
                previousLinesChanged(factory),
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
                .filter((offer, used) -> HardRules.capacityExcess(offer, used) > 0)
                .penalizeLong(hard(), (offer, used) -> thousandsRoundedUp(HardRules.capacityExcess(offer, used)))
                .asConstraint(CASH_CAPACITY);
    }

    /** "Capacity of each offer (in-kind: Σ units ≤ quantity)": the units given beyond it. */
    Constraint inKindOfferCapacity(ConstraintFactory factory) {
        return factory.forEach(Lot.class)
                .filter(lot -> !lot.getOffer().isCash())
                .groupBy(Lot::getOffer, sumLong(Lot::capacityUse))
                .filter((offer, used) -> HardRules.capacityExcess(offer, used) > 0)
                .penalizeLong(hard(), HardRules::capacityExcess)
                .asConstraint(IN_KIND_CAPACITY);
    }

    /** "An indivisible need is funded all-or-nothing (its whole open quantity, possibly by several offers)." */
    Constraint indivisibleNeedAllOrNothing(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(Lot.class)
                .filter(lot -> !lot.getNeed().divisible())
                .groupBy(Lot::getNeed, sum(Lot::fundedUnits))
                .filter((need, funded) -> need.allOrNothingShortfall(funded) > 0)
                .penalizeLong(hard(), (need, funded) -> need.allOrNothingShortfall(funded))
                .asConstraint(ALL_OR_NOTHING);
    }

    /**
     * The same rule for a need that has no lots: its commitments fund part of it, and no offer can
     * fund the rest. Nothing can make such a plan feasible, and the score must say so.
     */
    Constraint committedNeedLeftShort(ConstraintFactory factory) {
        return factory.forEach(NeedFact.class)
                .filter(need -> need.getEligibleOffers().isEmpty() && need.allOrNothingShortfall(0) > 0)
                .penalizeLong(hard(), need -> need.allOrNothingShortfall(0))
                .asConstraint(COMMITTED_NEED_LEFT_SHORT);
    }

    /** "Each allocation line of this offer must be worth at least minGrant, unless the need ends fully funded." */
    Constraint minimumGrant(ConstraintFactory factory) {
        return factory.forEach(Lot.class)
                .filter(lot -> lot.getOffer().minGrant() > 0)
                .groupBy(Lot::getOffer, Lot::getNeed, sumLong(Lot::amount))
                .filter((offer, need, amount) -> HardRules.minGrantShortfall(offer, amount, false) > 0)
                .ifExistsIncludingNullVars(Lot.class,
                        Joiners.equal((offer, need, amount) -> need, Lot::getNeed),
                        Joiners.filtering((offer, need, amount, lot) -> lot.getOffer() == null))
                .penalizeLong(hard(), (offer, need, amount) ->
                        thousandsRoundedUp(HardRules.minGrantShortfall(offer, amount, false)))
                .asConstraint(MIN_GRANT);
    }

    /** "maxNeeds: at most this many distinct needs" (committed needs included): the needs beyond it. */
    Constraint maxNeedsPerOffer(ConstraintFactory factory) {
        return factory.forEach(Lot.class)
                .filter(lot -> lot.getOffer().maxNeeds() > 0 && !lot.getOffer().alreadyFunds(lot.getNeed()))
                .groupBy(Lot::getOffer, countDistinct(Lot::getNeed))
                .filter((offer, count) -> HardRules.needsBeyondLimit(offer, offer.committedNeedCount() + count) > 0)
                .penalizeLong(hard(), (offer, count) -> HardRules.needsBeyondLimit(offer, offer.committedNeedCount() + count))
                .asConstraint(MAX_NEEDS);
    }

    /** "maxFundersPerNeed counts distinct donors funding one need" (committed ones included). */
    Constraint maxFundersPerNeed(ConstraintFactory factory) {
        return factory.forEach(Lot.class)
                .filter(lot -> lot.getNeed().getMaxFunders() > 0
                        && !lot.getNeed().alreadyFundedBy(lot.getOffer().donor()))
                .groupBy(Lot::getNeed, countDistinct(lot -> lot.getOffer().donor()))
                .filter((need, count) -> HardRules.fundersBeyondLimit(need.getMaxFunders(),
                        need.committedDonorCount() + count) > 0)
                .penalizeLong(hard(), (need, count) -> HardRules.fundersBeyondLimit(need.getMaxFunders(),
                        need.committedDonorCount() + count))
                .asConstraint(MAX_FUNDERS);
    }

    // ---- Priority: "maximise T_1, then T_2, …" (STRICT) or "Σ tierWeight_k × T_k" (WEIGHTED) ----

    Constraint childrenReachedAtLevel(ConstraintFactory factory, int level) {
        return factory.forEach(Lot.class)
                .filter(lot -> lot.getPriorityLevel() == level)
                .rewardLong(soft(ScoreLevels.FIRST_TIER + level), Lot::getPriorityValue)
                .asConstraint(reachedAtLevel(level));
    }

    // ---- Stability of a balanced re-plan: just below priority ----

    /**
     * Each previous line (an offer–need pair the re-plan weighs, see {@code SolverRun.PreviousLines})
     * whose units are no longer exactly what they were costs one: per line, not per unit, because a
     * line is what a donor was told, and a per-unit cost would rather break many small promises
     * than one large one. Unfunded lots count too, so a need whose lines are all dropped is seen.
     */
    Constraint previousLinesChanged(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(Lot.class)
                .filter(lot -> lot.getNeed().hasPreviousLines())
                .groupBy(Lot::getNeed, new PreviousLinesChangedCollector())
                .filter((need, changed) -> changed > 0)
                .penalize(soft(ScoreLevels.STABILITY), (need, changed) -> changed)
                .asConstraint(PREVIOUS_LINES_CHANGED);
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
                .groupBy(Lot::getNeed, countDistinct(lot -> lot.getOffer().donor()))
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
