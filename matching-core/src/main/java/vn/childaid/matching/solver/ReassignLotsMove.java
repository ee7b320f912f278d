package vn.childaid.matching.solver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * Gives several lots new offers (or none) at once. {@link FundWholeNeedMoveFactory} uses it to
 * re-decide all lots of one need — funding or releasing an all-or-nothing need in one step, where
 * single-lot changes would cross partly-funded (hard-penalised) states — and {@link
 * TransferMoveFactory} to hand an offer's capacity from one need to another. The undo move
 * restores each lot's own previous offer.
 */
final class ReassignLotsMove extends AbstractMove<AllocationSolution> {
    private final List<Lot> lots;
    /** One target per lot: the same offer for a forward move, each lot's old offer for an undo. */
    private final List<OfferBudget> targets;

    ReassignLotsMove(List<Lot> lots, List<OfferBudget> targets) {
        this.lots = lots;
        this.targets = targets;
    }

    static ReassignLotsMove fundAll(List<Lot> lots, OfferBudget offer) {
        List<OfferBudget> targets = new ArrayList<>(lots.size());
        for (int i = 0; i < lots.size(); i++) {
            targets.add(offer);
        }
        return new ReassignLotsMove(lots, targets);
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<AllocationSolution> scoreDirector) {
        for (int i = 0; i < lots.size(); i++) {
            if (lots.get(i).getOffer() != targets.get(i)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected ReassignLotsMove createUndoMove(ScoreDirector<AllocationSolution> scoreDirector) {
        return new ReassignLotsMove(lots, lots.stream().map(Lot::getOffer).toList());
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<AllocationSolution> scoreDirector) {
        for (int i = 0; i < lots.size(); i++) {
            Lot lot = lots.get(i);
            OfferBudget target = targets.get(i);
            if (lot.getOffer() != target) {
                scoreDirector.beforeVariableChanged(lot, "offer");
                lot.setOffer(target);
                scoreDirector.afterVariableChanged(lot, "offer");
            }
        }
    }

    @Override
    public ReassignLotsMove rebase(ScoreDirector<AllocationSolution> destination) {
        List<OfferBudget> rebasedTargets = new ArrayList<>(targets.size());
        for (OfferBudget target : targets) {
            rebasedTargets.add(target == null ? null : destination.lookUpWorkingObject(target));
        }
        return new ReassignLotsMove(rebaseList(lots, destination), rebasedTargets);
    }

    @Override
    public Collection<? extends Object> getPlanningEntities() {
        return lots;
    }

    @Override
    public Collection<? extends Object> getPlanningValues() {
        return targets.stream().filter(Objects::nonNull).distinct().toList();
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "ReassignLotsMove(Lot.offer)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReassignLotsMove other && lots.equals(other.lots) && targets.equals(other.targets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lots, targets);
    }

    @Override
    public String toString() {
        return lots.isEmpty() ? "ReassignLotsMove[]"
                : "ReassignLotsMove[" + lots.get(0).getNeed() + " -> " + targets + "]";
    }
}
