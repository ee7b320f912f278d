package vn.childaid.matching.solver;

import java.util.List;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * The planning entity: a fixed share of a need's uncommitted open units, funded whole by one
 * offer or left unfunded ({@code offer == null}). A need's lots have sizes 1, 2, 4, … plus a
 * remainder, so any funded amount from 0 to the whole is some choice of lots (see the package
 * documentation for why this model was chosen).
 */
@PlanningEntity(difficultyComparatorClass = LotDifficultyComparator.class)
final class Lot {
    @PlanningId
    private String id;
    private NeedFact need;
    private int units;
    /** Score level of this lot's children reached: its tier (STRICT) or 0 (WEIGHTED). */
    private int priorityLevel;
    /** Weighted milli-children this lot reaches at {@link #priorityLevel} when funded. */
    private long priorityValue;
    /** Milli-children for the especially-difficult-first level, 0 when off or not in such a village. */
    private long especiallyDifficultValue;
    /** Unweighted milli-children reached when funded, for fairness. */
    private long reachedMilli;
    /** Category-weighted milli-children reached when funded: this lot's share of its tier's T_k. */
    private long valueMilli;
    @PlanningPin
    private boolean pinned;

    @PlanningVariable(nullable = true, valueRangeProviderRefs = "eligibleOffers")
    private OfferBudget offer;

    /** For OptaPlanner's cloning. */
    Lot() {
    }

    Lot(String id, NeedFact need, int units, int priorityLevel, long priorityValue,
            long especiallyDifficultValue, long reachedMilli, long valueMilli) {
        this.id = id;
        this.need = need;
        this.units = units;
        this.priorityLevel = priorityLevel;
        this.priorityValue = priorityValue;
        this.especiallyDifficultValue = especiallyDifficultValue;
        this.reachedMilli = reachedMilli;
        this.valueMilli = valueMilli;
    }

    /** A copy for a plan clone: its need and offer are the clone's. */
    Lot copyFor(NeedFact clonedNeed, OfferBudget clonedOffer) {
        Lot copy = new Lot(id, clonedNeed, units, priorityLevel, priorityValue, especiallyDifficultValue, reachedMilli,
                valueMilli);
        copy.pinned = pinned;
        copy.offer = clonedOffer;
        return copy;
    }

    @ValueRangeProvider(id = "eligibleOffers")
    List<OfferBudget> getEligibleOffers() {
        return need.getEligibleOffers();
    }

    String getId() { return id; }
    NeedFact getNeed() { return need; }
    int getUnits() { return units; }
    int getPriorityLevel() { return priorityLevel; }
    long getPriorityValue() { return priorityValue; }
    long getEspeciallyDifficultValue() { return especiallyDifficultValue; }
    long getReachedMilli() { return reachedMilli; }
    long getValueMilli() { return valueMilli; }
    boolean isPinned() { return pinned; }
    void setPinned(boolean pinned) { this.pinned = pinned; }
    OfferBudget getOffer() { return offer; }
    void setOffer(OfferBudget offer) { this.offer = offer; }

    /** Units funded: all of them when an offer is set, none otherwise. */
    int fundedUnits() {
        return offer == null ? 0 : units;
    }

    /** What this lot takes from its offer: VND for cash, units for goods. */
    long capacityUse() {
        return units * offer.capacityPerUnit(need);
    }

    /** VND this lot is worth as an allocation line. */
    long amount() {
        return units * offer.amountPerUnit(need);
    }

    /** The donor's preference weight × thousands of VND allocated. */
    long preferenceReward() {
        return need.preferenceMilliWeight(offer) * amount() / 1_000_000;
    }

    @Override
    public String toString() {
        return id + "(" + units + ")->" + offer;
    }
}
