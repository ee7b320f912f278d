package vn.childaid.matching.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Hands part of an offer's capacity from one need to another: a lot the offer funds gives way to a
 * lot of another need the offer may fund, which takes its place (the first lot moves to the
 * second's old offer when it may, else goes unfunded). It is a swap aimed where swaps can help —
 * between needs that share an offer — which is how the fine knapsack of "which children does this
 * money reach" is improved; a random swap of two lots almost never pairs such needs.
 */
public final class TransferMoveFactory implements MoveIteratorFactory<AllocationSolution, ReassignLotsMove> {
    /** For each offer, the lots it may fund. */
    private Map<OfferBudget, List<Lot>> candidatesByOffer = Map.of();
    private List<OfferBudget> offers = List.of();

    @Override
    public void phaseStarted(ScoreDirector<AllocationSolution> scoreDirector) {
        Map<OfferBudget, List<Lot>> candidates = new HashMap<>();
        for (Lot lot : scoreDirector.getWorkingSolution().getLots()) {
            if (!lot.isPinned()) {
                for (OfferBudget offer : lot.getEligibleOffers()) {
                    candidates.computeIfAbsent(offer, o -> new ArrayList<>()).add(lot);
                }
            }
        }
        candidatesByOffer = candidates;
        offers = new ArrayList<>(scoreDirector.getWorkingSolution().getOffers().stream()
                .filter(o -> candidates.getOrDefault(o, List.of()).size() > 1).toList());
    }

    @Override
    public void phaseEnded(ScoreDirector<AllocationSolution> scoreDirector) {
        candidatesByOffer = Map.of();
        offers = List.of();
    }

    @Override
    public long getSize(ScoreDirector<AllocationSolution> scoreDirector) {
        long size = 0;
        for (List<Lot> lots : candidatesByOffer.values()) {
            size += (long) lots.size() * lots.size();
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
                return !offers.isEmpty();
            }

            @Override
            public ReassignLotsMove next() {
                OfferBudget offer = offers.get(random.nextInt(offers.size()));
                List<Lot> candidates = candidatesByOffer.get(offer);
                List<Lot> funded = offer.getLots();
                Lot giving = funded.isEmpty() ? candidates.get(random.nextInt(candidates.size()))
                        : funded.get(random.nextInt(funded.size()));
                Lot taking = candidates.get(random.nextInt(candidates.size()));
                if (taking == giving || taking.getOffer() == offer) {
                    return new ReassignLotsMove(List.of(giving), List.of(giving.getOffer() == null ? offer : giving.getOffer()));
                }
                OfferBudget givingGoesTo = taking.getOffer() != null && giving.getEligibleOffers().contains(taking.getOffer())
                        ? taking.getOffer() : null;
                OfferBudget givingNow = giving.getOffer() == offer ? givingGoesTo : giving.getOffer();
                return new ReassignLotsMove(List.of(giving, taking), Arrays.asList(givingNow, offer)); // may hold null
            }
        };
    }
}
