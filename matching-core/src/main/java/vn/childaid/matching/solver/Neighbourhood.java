package vn.childaid.matching.solver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.childaid.matching.rules.HardRules;

/**
 * A part of the working plan to re-decide exactly: some offers, and the free lots — not pinned,
 * funded by one of these offers or by none, and eligible for at least one of them. Every other lot
 * keeps its offer; what those fixed lots already take (capacity, need slots, donors, units, line
 * amounts) is computed here, in plain Java, so the exact model ({@link CpSatNeighbourhoodSolver})
 * only translates it. Because it decides lots, every plan it can choose is one the model can hold.
 */
final class Neighbourhood {
    /** The offers whose lots are re-decided, in the solution's order. */
    final List<OfferBudget> offers;
    final List<Lot> freeLots;
    /** For each free lot, the offers of this neighbourhood it may take (eligible ones). */
    final List<List<OfferBudget>> candidates;
    /** Needs with at least one free lot, in first-seen order. */
    final List<NeedFact> needs;
    final Map<OfferBudget, Long> fixedCapacityUse = new HashMap<>();
    /** Needs an offer of the neighbourhood funds through fixed lots, apart from its committed ones. */
    final Map<OfferBudget, Set<NeedFact>> fixedNeeds = new HashMap<>();
    /** VND of fixed lots on an (offer of the neighbourhood, need) line. */
    final Map<OfferBudget, Map<NeedFact, Long>> fixedAmount = new HashMap<>();
    final Map<NeedFact, Integer> fixedUnits = new HashMap<>();
    /** Donors funding a need through fixed lots, apart from its committed donors. */
    final Map<NeedFact, Set<String>> fixedDonors = new HashMap<>();
    /** Needs with an unfunded lot outside the neighbourhood (pinned): they cannot end fully funded. */
    final Set<NeedFact> cannotEndFull = new HashSet<>();
    /** Needs a fixed line below its offer's minimum grant relies on ending fully funded. */
    final Set<NeedFact> mustEndFull = new HashSet<>();

    private Neighbourhood(List<OfferBudget> offers, List<Lot> freeLots, List<List<OfferBudget>> candidates,
            List<NeedFact> needs) {
        this.offers = offers;
        this.freeLots = freeLots;
        this.candidates = candidates;
        this.needs = needs;
    }

    /**
     * The neighbourhood of {@code chosen} offers in {@code solution}.
     *
     * @param lotsByNeed every lot of each need (the working solution's)
     */
    static Neighbourhood of(AllocationSolution solution, Collection<OfferBudget> chosen,
            Map<NeedFact, List<Lot>> lotsByNeed) {
        Set<OfferBudget> inside = new HashSet<>(chosen);
        List<OfferBudget> offers = solution.getOffers().stream().filter(inside::contains).toList();
        List<Lot> freeLots = new ArrayList<>();
        List<List<OfferBudget>> candidates = new ArrayList<>();
        Set<NeedFact> needs = new LinkedHashSet<>();
        Set<Lot> free = new HashSet<>();
        for (Lot lot : solution.getLots()) {
            if (lot.isPinned() || (lot.getOffer() != null && !inside.contains(lot.getOffer()))) {
                continue;
            }
            List<OfferBudget> mayTake = lot.getEligibleOffers().stream().filter(inside::contains).toList();
            if (!mayTake.isEmpty()) {
                freeLots.add(lot);
                candidates.add(mayTake);
                needs.add(lot.getNeed());
                free.add(lot);
            }
        }
        Neighbourhood neighbourhood = new Neighbourhood(offers, freeLots, candidates, List.copyOf(needs));
        for (NeedFact need : needs) {
            Map<OfferBudget, Long> amountByOffer = new LinkedHashMap<>();
            int units = 0;
            Set<String> donors = new HashSet<>();
            for (Lot lot : lotsByNeed.getOrDefault(need, List.of())) {
                if (free.contains(lot)) {
                    continue;
                }
                OfferBudget offer = lot.getOffer();
                if (offer == null) {
                    neighbourhood.cannotEndFull.add(need);
                    continue;
                }
                units += lot.getUnits();
                if (!need.alreadyFundedBy(offer.donor())) {
                    donors.add(offer.donor());
                }
                amountByOffer.merge(offer, lot.amount(), Long::sum);
            }
            neighbourhood.fixedUnits.put(need, units);
            neighbourhood.fixedDonors.put(need, donors);
            for (Map.Entry<OfferBudget, Long> line : amountByOffer.entrySet()) {
                if (inside.contains(line.getKey())) {
                    neighbourhood.fixedAmount.computeIfAbsent(line.getKey(), k -> new HashMap<>())
                            .put(need, line.getValue());
                } else if (HardRules.minGrantShortfall(line.getKey(), line.getValue(), false) > 0) {
                    neighbourhood.mustEndFull.add(need);
                }
            }
        }
        for (Lot lot : solution.getLots()) { // fixed (pinned) lots on the neighbourhood's offers
            OfferBudget offer = lot.getOffer();
            if (offer != null && inside.contains(offer) && !free.contains(lot)) {
                neighbourhood.fixedCapacityUse.merge(offer, lot.capacityUse(), Long::sum);
                if (!offer.alreadyFunds(lot.getNeed())) {
                    neighbourhood.fixedNeeds.computeIfAbsent(offer, k -> new HashSet<>()).add(lot.getNeed());
                }
            }
        }
        return neighbourhood;
    }

    long fixedCapacityUse(OfferBudget offer) {
        return fixedCapacityUse.getOrDefault(offer, 0L);
    }

    Set<NeedFact> fixedNeeds(OfferBudget offer) {
        return fixedNeeds.getOrDefault(offer, Set.of());
    }

    long fixedAmount(OfferBudget offer, NeedFact need) {
        return fixedAmount.getOrDefault(offer, Map.of()).getOrDefault(need, 0L);
    }
}
