package vn.childaid.matching.solver;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.optaplanner.core.api.domain.solution.cloner.SolutionCloner;

/**
 * Clones a working solution for OptaPlanner (every new best plan is a clone). Written by hand
 * because the reflective cloner copied every need's sets and maps as well: on a national scenario
 * (400,000 lots) cloning took most of the solver's time. Lots and offers are copied; needs are
 * copied only to point their eligible offers at the clone's offers (their immutable sets and maps
 * are shared); areas are immutable and shared.
 *
 * <p>Public only because OptaPlanner instantiates it by reflection; not API.
 */
public final class AllocationSolutionCloner implements SolutionCloner<AllocationSolution> {
    @Override
    public AllocationSolution cloneSolution(AllocationSolution original) {
        Map<OfferBudget, OfferBudget> offers = new IdentityHashMap<>(original.getOffers().size() * 2);
        List<OfferBudget> offerClones = new ArrayList<>(original.getOffers().size());
        for (OfferBudget offer : original.getOffers()) {
            OfferBudget clone = offer.copyWithoutLots();
            offers.put(offer, clone);
            offerClones.add(clone);
        }
        Map<NeedFact, NeedFact> needs = new IdentityHashMap<>(original.getNeeds().size() * 2);
        List<NeedFact> needClones = new ArrayList<>(original.getNeeds().size());
        for (NeedFact need : original.getNeeds()) {
            NeedFact clone = need.withEligibleOffers(need.getEligibleOffers().stream().map(offers::get).toList());
            needs.put(need, clone);
            needClones.add(clone);
        }
        Map<Lot, Lot> lots = new IdentityHashMap<>(original.getLots().size() * 2);
        List<Lot> lotClones = new ArrayList<>(original.getLots().size());
        for (Lot lot : original.getLots()) {
            Lot clone = lot.copyFor(needs.get(lot.getNeed()), lot.getOffer() == null ? null : offers.get(lot.getOffer()));
            lots.put(lot, clone);
            lotClones.add(clone);
        }
        for (OfferBudget offer : original.getOffers()) {
            List<Lot> funded = offers.get(offer).getLots();
            for (Lot lot : offer.getLots()) {
                funded.add(lots.get(lot)); // same order as the original's shadow list
            }
        }
        AllocationSolution clone = new AllocationSolution(offerClones, needClones, original.getAreas(), lotClones);
        clone.setScore(original.getScore());
        return clone;
    }
}
