package vn.childaid.matching.solver;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Hands part of an offer's capacity from one need to another: a random lot takes the place of a
 * lot of another need on one of its eligible offers, and that lot moves to the first lot's old
 * offer when it may, else goes unfunded. It is a swap aimed where swaps can help — between needs
 * that share an offer — which is how the fine knapsack of "which children does this money reach"
 * is improved; a random swap of two lots almost never pairs such needs. No index is needed: the
 * offer's own lots (its shadow list) give the partner, so the factory costs nothing at any size.
 *
 * <p>Public only because OptaPlanner instantiates it by reflection; not API.
 */
public final class TransferMoveFactory implements MoveIteratorFactory<AllocationSolution, ReassignLotsMove> {
    private List<Lot> lots = List.of();

    @Override
    public void phaseStarted(ScoreDirector<AllocationSolution> scoreDirector) {
        lots = scoreDirector.getWorkingSolution().getLots().stream()
                .filter(lot -> !lot.isPinned() && !lot.getEligibleOffers().isEmpty()).toList();
    }

    @Override
    public void phaseEnded(ScoreDirector<AllocationSolution> scoreDirector) {
        lots = List.of();
    }

    @Override
    public long getSize(ScoreDirector<AllocationSolution> scoreDirector) {
        long size = 0;
        for (Lot lot : lots) {
            size += lot.getEligibleOffers().size();
        }
        return size;
    }

    @Override
    public Iterator<ReassignLotsMove> createOriginalMoveIterator(ScoreDirector<AllocationSolution> scoreDirector) {
        throw new UnsupportedOperationException("transfers are only drawn at random");
    }

    @Override
    public Iterator<ReassignLotsMove> createRandomMoveIterator(ScoreDirector<AllocationSolution> scoreDirector,
            Random random) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !lots.isEmpty();
            }

            @Override
            public ReassignLotsMove next() {
                Lot taking = lots.get(random.nextInt(lots.size()));
                List<OfferBudget> offers = taking.getEligibleOffers();
                OfferBudget offer = offers.get(random.nextInt(offers.size()));
                List<Lot> funded = offer.getLots();
                Lot giving = funded.isEmpty() ? null : funded.get(random.nextInt(funded.size()));
                if (giving == null || giving == taking || giving.getNeed() == taking.getNeed()) {
                    return new ReassignLotsMove(List.of(taking), List.of(offer));
                }
                OfferBudget givingGoesTo = taking.getOffer() != null
                        && giving.getEligibleOffers().contains(taking.getOffer()) ? taking.getOffer() : null;
                return new ReassignLotsMove(List.of(giving, taking), Arrays.asList(givingGoesTo, offer)); // may hold null
            }
        };
    }
}
