package vn.childaid.matching.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.childaid.matching.rules.OfferTerms;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.InverseRelationShadowVariable;
import org.optaplanner.core.api.domain.variable.ShadowVariable;

/**
 * An offer as the solver sees it: its capacity left after commitments, its hard limits, and (as a
 * shadow variable OptaPlanner keeps current) the lots it funds right now, so that moves can see
 * how much capacity is left without scanning the whole plan.
 */
@PlanningEntity
final class OfferBudget implements OfferTerms {
    @PlanningId
    private String id;
    private String donorId;
    private boolean cash;
    /** VND (cash) or units (in kind) left after commitments. */
    private long capacityLeft;
    private long unitValue;
    private long minGrant;
    private int maxNeeds;
    /** Needs this offer already funds through commitments: they count towards maxNeeds once. */
    private Set<String> committedNeedIds;

    @InverseRelationShadowVariable(sourceVariableName = "offer")
    private List<Lot> lots = new ArrayList<>();

    /** Capacity its lots take now (VND or units), kept by {@link CapacityUsedListener}. */
    @ShadowVariable(variableListenerClass = CapacityUsedListener.class, sourceEntityClass = Lot.class,
            sourceVariableName = "offer")
    private Long capacityUsed = 0L;

    /** For OptaPlanner's cloning. */
    OfferBudget() {
    }

    OfferBudget(String id, String donorId, boolean cash, long capacityLeft, long unitValue, long minGrant,
            int maxNeeds, Set<String> committedNeedIds) {
        this.id = id;
        this.donorId = donorId;
        this.cash = cash;
        this.capacityLeft = capacityLeft;
        this.unitValue = unitValue;
        this.minGrant = minGrant;
        this.maxNeeds = maxNeeds;
        this.committedNeedIds = Set.copyOf(committedNeedIds);
    }

    /** A copy with the same capacity used and an empty lot list, for {@link AllocationSolutionCloner}. */
    OfferBudget copyWithoutLots() {
        OfferBudget copy = new OfferBudget();
        copy.id = id;
        copy.donorId = donorId;
        copy.cash = cash;
        copy.capacityLeft = capacityLeft;
        copy.unitValue = unitValue;
        copy.minGrant = minGrant;
        copy.maxNeeds = maxNeeds;
        copy.committedNeedIds = committedNeedIds;
        copy.capacityUsed = capacityUsed;
        return copy;
    }

    @Override public String id() { return id; }
    @Override public String donor() { return donorId; }
    @Override public boolean isCash() { return cash; }

    /** VND (cash) or units (goods) left for new lines after the commitments: what the rules judge the lots by. */
    @Override public long capacity() { return capacityLeft; }

    @Override public long unitValue() { return unitValue; }
    @Override public long minGrant() { return minGrant; }
    @Override public int maxNeeds() { return maxNeeds; }
    List<Lot> getLots() { return lots; }
    void setLots(List<Lot> lots) { this.lots = lots; }

    boolean alreadyFunds(NeedFact need) {
        return alreadyFunds(need.id());
    }

    boolean alreadyFunds(String needId) {
        return committedNeedIds.contains(needId);
    }

    int committedNeedCount() {
        return committedNeedIds.size();
    }

    Long getCapacityUsed() {
        return capacityUsed;
    }

    void setCapacityUsed(Long capacityUsed) {
        this.capacityUsed = capacityUsed;
    }

    /** Capacity still free (negative when over). */
    long room() {
        return capacityLeft - capacityUsed;
    }

    /** What one unit of {@code need} costs against this offer's capacity: VND, or one unit of goods. */
    long capacityPerUnit(NeedFact need) {
        return cash ? need.donorUnitCost() : 1;
    }

    /** VND one unit of {@code need} is worth when given by this offer. */
    long amountPerUnit(NeedFact need) {
        return cash ? need.donorUnitCost() : unitValue;
    }

    @Override
    public String toString() {
        return id;
    }
}
