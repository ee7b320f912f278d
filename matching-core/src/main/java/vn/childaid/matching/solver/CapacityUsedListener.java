package vn.childaid.matching.solver;

import org.optaplanner.core.api.domain.variable.VariableListener;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * Keeps {@link OfferBudget#getCapacityUsed()} current as lots change offer, so moves can see an
 * offer's room in O(1) instead of walking its lots.
 *
 * <p>Public only because OptaPlanner instantiates it by reflection; not API.
 */
public final class CapacityUsedListener implements VariableListener<AllocationSolution, Lot> {
    static final String VARIABLE = "capacityUsed";

    @Override
    public void beforeVariableChanged(ScoreDirector<AllocationSolution> scoreDirector, Lot lot) {
        adjust(scoreDirector, lot, -1);
    }

    @Override
    public void afterVariableChanged(ScoreDirector<AllocationSolution> scoreDirector, Lot lot) {
        adjust(scoreDirector, lot, 1);
    }

    @Override
    public void beforeEntityAdded(ScoreDirector<AllocationSolution> scoreDirector, Lot lot) {
    }

    @Override
    public void afterEntityAdded(ScoreDirector<AllocationSolution> scoreDirector, Lot lot) {
        adjust(scoreDirector, lot, 1);
    }

    @Override
    public void beforeEntityRemoved(ScoreDirector<AllocationSolution> scoreDirector, Lot lot) {
        adjust(scoreDirector, lot, -1);
    }

    @Override
    public void afterEntityRemoved(ScoreDirector<AllocationSolution> scoreDirector, Lot lot) {
    }

    /** Recomputes every offer's use when a working solution is set (before scoring starts: no events). */
    @Override
    public void resetWorkingSolution(ScoreDirector<AllocationSolution> scoreDirector) {
        AllocationSolution solution = scoreDirector.getWorkingSolution();
        for (OfferBudget offer : solution.getOffers()) {
            offer.setCapacityUsed(0L);
        }
        for (Lot lot : solution.getLots()) {
            if (lot.getOffer() != null) {
                lot.getOffer().setCapacityUsed(lot.getOffer().getCapacityUsed() + lot.capacityUse());
            }
        }
    }

    private static void adjust(ScoreDirector<AllocationSolution> scoreDirector, Lot lot, int sign) {
        OfferBudget offer = lot.getOffer();
        if (offer == null) {
            return;
        }
        scoreDirector.beforeVariableChanged(offer, VARIABLE);
        offer.setCapacityUsed(offer.getCapacityUsed() + sign * lot.capacityUse());
        scoreDirector.afterVariableChanged(offer, VARIABLE);
    }
}
