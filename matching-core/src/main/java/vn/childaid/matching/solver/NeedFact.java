package vn.childaid.matching.solver;

import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.childaid.matching.rules.HardRules;
import vn.childaid.matching.rules.NeedTerms;
import java.util.ArrayList;
import org.optaplanner.core.api.domain.lookup.PlanningId;

/**
 * A need as the solver sees it: units left open after commitments, its tier and its eligible offers.
 * Copied with each plan clone ({@link AllocationSolutionCloner}) because it refers to offers, which
 * are (shadow) entities: a clone's lots must draw their values from the clone's own offers.
 */
final class NeedFact implements NeedTerms {
    @PlanningId
    private String id;
    private boolean divisible;
    private long unitCost;
    /** Open units (quantity − alreadyCovered) not yet committed: what the lots split. */
    private int uncommittedUnits;
    private int committedUnits;
    private int tier;
    private AreaFact area;
    private int maxFunders;
    private Set<String> committedDonorIds;
    private List<OfferBudget> eligibleOffers;
    /**
     * Preference weight × 1000 by offer id, for offers that prefer this need; absent means 0. Keyed
     * by id, not by object, because plan clones hold their own copies of the offers.
     */
    private Map<String, Long> preferenceMilliWeights;
    /**
     * Units of each previous line of this need whose change costs on the stability level, by offer
     * id (by id for the same reason as preferences); empty outside a balanced re-plan.
     */
    private Map<String, Integer> previousUnitsByOffer;

    /** For OptaPlanner's cloning. */
    NeedFact() {
    }

    NeedFact(String id, boolean divisible, long unitCost, int uncommittedUnits, int committedUnits, int tier,
            AreaFact area, int maxFunders, Set<String> committedDonorIds, List<OfferBudget> eligibleOffers,
            Map<String, Long> preferenceMilliWeights) {
        this(id, divisible, unitCost, uncommittedUnits, committedUnits, tier, area, maxFunders, committedDonorIds,
                eligibleOffers, preferenceMilliWeights, Map.of());
    }

    NeedFact(String id, boolean divisible, long unitCost, int uncommittedUnits, int committedUnits, int tier,
            AreaFact area, int maxFunders, Set<String> committedDonorIds, List<OfferBudget> eligibleOffers,
            Map<String, Long> preferenceMilliWeights, Map<String, Integer> previousUnitsByOffer) {
        this.id = id;
        this.divisible = divisible;
        this.unitCost = unitCost;
        this.uncommittedUnits = uncommittedUnits;
        this.committedUnits = committedUnits;
        this.tier = tier;
        this.area = area;
        this.maxFunders = maxFunders;
        this.committedDonorIds = Set.copyOf(committedDonorIds);
        this.eligibleOffers = new ArrayList<>(eligibleOffers);
        this.preferenceMilliWeights = Map.copyOf(preferenceMilliWeights);
        this.previousUnitsByOffer = Map.copyOf(previousUnitsByOffer);
    }

    /** The same need drawing on other copies of its offers (a plan clone's), sharing everything else. */
    NeedFact withEligibleOffers(List<OfferBudget> offers) {
        NeedFact copy = new NeedFact();
        copy.id = id;
        copy.divisible = divisible;
        copy.unitCost = unitCost;
        copy.uncommittedUnits = uncommittedUnits;
        copy.committedUnits = committedUnits;
        copy.tier = tier;
        copy.area = area;
        copy.maxFunders = maxFunders;
        copy.committedDonorIds = committedDonorIds;
        copy.eligibleOffers = offers;
        copy.preferenceMilliWeights = preferenceMilliWeights;
        copy.previousUnitsByOffer = previousUnitsByOffer;
        return copy;
    }

    @Override public String id() { return id; }
    @Override public boolean divisible() { return divisible; }
    @Override public long donorUnitCost() { return unitCost; }

    /** Open units, committed ones included: what the rules judge the need by. */
    @Override public int openUnits() { return uncommittedUnits + committedUnits; }
    int getUncommittedUnits() { return uncommittedUnits; }
    int getCommittedUnits() { return committedUnits; }
    int getTier() { return tier; }
    AreaFact getArea() { return area; }
    int getMaxFunders() { return maxFunders; }
    List<OfferBudget> getEligibleOffers() { return eligibleOffers; }

    boolean alreadyFundedBy(String donorId) {
        return committedDonorIds.contains(donorId);
    }

    int committedDonorCount() {
        return committedDonorIds.size();
    }

    long preferenceMilliWeight(OfferBudget offer) {
        return preferenceMilliWeights.getOrDefault(offer.id(), 0L);
    }

    /** Whether some previous line of this need counts on the stability level. */
    boolean hasPreviousLines() {
        return !previousUnitsByOffer.isEmpty();
    }

    /** Previous lines of this need that count on the stability level. */
    int previousLineCount() {
        return previousUnitsByOffer.size();
    }

    /** Units the previous line from this offer had, 0 when there was none (or it does not count). */
    int previousUnits(String offerId) {
        return previousUnitsByOffer.getOrDefault(offerId, 0);
    }

    /**
     * Units an all-or-nothing need still lacks when {@code fundedUncommitted} of its uncommitted
     * units are funded, or 0 when it is funded whole or not at all.
     */
    long allOrNothingShortfall(int fundedUncommitted) {
        return HardRules.allOrNothingShortfall(this, (long) committedUnits + fundedUncommitted);
    }

    @Override
    public String toString() {
        return id;
    }
}
