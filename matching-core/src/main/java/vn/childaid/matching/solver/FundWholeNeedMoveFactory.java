package vn.childaid.matching.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Generates {@link ReassignLotsMove}s. A random need is either released (all lots unfunded) or
 * refilled: its lots, biggest first, go to the first of its eligible offers (tried from a random
 * one onwards) with room left for them, so most moves respect capacity and use few funders.
 * Indivisible needs are chosen as often as all divisible needs together, because they are the ones
 * single-lot moves cannot fund.
 *
 * <p>Public only because OptaPlanner instantiates it by reflection; not API.
 */
public final class FundWholeNeedMoveFactory implements MoveIteratorFactory<AllocationSolution, ReassignLotsMove> {
    /** Most lots looked at per priority level when making room on an offer. */
    private static final int BUMP_SCAN_LIMIT = 48;

    /**
     * Most offers a lot tries to make room on by bumping. Trying every eligible offer made building
     * a move cost as much as scoring it (MoveBenchmark, province: 18 of 34 µs).
     */
    private static final int BUMP_OFFER_LIMIT = 4;

    /** Share of moves that release a need rather than refill it. */
    private static final double RELEASE_SHARE = 0.2;

    private List<List<Lot>> divisibleNeedLots = List.of();
    private List<List<Lot>> indivisibleNeedLots = List.of();
    private List<List<Lot>> allNeedLots = List.of();

    @Override
    public void phaseStarted(ScoreDirector<AllocationSolution> scoreDirector) {
        Map<NeedFact, List<Lot>> lotsByNeed = new LinkedHashMap<>();
        for (Lot lot : scoreDirector.getWorkingSolution().getLots()) {
            if (!lot.isPinned() && !lot.getNeed().getEligibleOffers().isEmpty()) {
                lotsByNeed.computeIfAbsent(lot.getNeed(), need -> new ArrayList<>()).add(lot);
            }
        }
        List<List<Lot>> divisible = new ArrayList<>();
        List<List<Lot>> indivisible = new ArrayList<>();
        lotsByNeed.forEach((need, lots) -> {
            List<Lot> biggestFirst = new ArrayList<>(lots);
            biggestFirst.sort(Comparator.comparingInt(Lot::getUnits).reversed());
            (need.divisible() ? divisible : indivisible).add(List.copyOf(biggestFirst));
        });
        divisibleNeedLots = divisible;
        indivisibleNeedLots = indivisible;
        List<List<Lot>> all = new ArrayList<>(indivisible);
        all.addAll(divisible);
        allNeedLots = all;
    }

    @Override
    public void phaseEnded(ScoreDirector<AllocationSolution> scoreDirector) {
        divisibleNeedLots = List.of();
        indivisibleNeedLots = List.of();
        allNeedLots = List.of();
    }

    @Override
    public long getSize(ScoreDirector<AllocationSolution> scoreDirector) {
        long size = 0;
        for (List<Lot> lots : allNeedLots) {
            size += lots.get(0).getNeed().getEligibleOffers().size() + 1;
        }
        return size;
    }

    @Override
    public Iterator<ReassignLotsMove> createOriginalMoveIterator(ScoreDirector<AllocationSolution> scoreDirector) {
        List<ReassignLotsMove> moves = new ArrayList<>();
        for (List<Lot> lots : allNeedLots) {
            int offerCount = lots.get(0).getNeed().getEligibleOffers().size();
            for (int first = 0; first < offerCount; first++) {
                moves.add(refill(lots, first, new Random(first)));
            }
            moves.add(ReassignLotsMove.fundAll(lots, null));
        }
        return moves.iterator();
    }

    @Override
    public Iterator<ReassignLotsMove> createRandomMoveIterator(ScoreDirector<AllocationSolution> scoreDirector,
            Random random) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !divisibleNeedLots.isEmpty() || !indivisibleNeedLots.isEmpty();
            }

            @Override
            public ReassignLotsMove next() {
                boolean pickIndivisible = divisibleNeedLots.isEmpty()
                        || (!indivisibleNeedLots.isEmpty() && random.nextBoolean());
                List<List<Lot>> pool = pickIndivisible ? indivisibleNeedLots : divisibleNeedLots;
                List<Lot> lots = pool.get(random.nextInt(pool.size()));
                if (random.nextDouble() < RELEASE_SHARE) {
                    return ReassignLotsMove.fundAll(lots, null);
                }
                return refill(lots, random.nextInt(lots.get(0).getNeed().getEligibleOffers().size()), random);
            }
        };
    }

    /**
     * Each lot (biggest first) to the first offer, counting from {@code firstOffer}, with room for it
     * once this need's own lots are taken off. When none has room, the lot bumps lower-priority lots
     * off the first offer that can make room that way (an ejection move: fund the more urgent need,
     * release the less urgent ones). A lot that still fits nowhere goes unfunded if the need is
     * divisible, else to the first offer (an over-capacity move the score will judge).
     */
    static ReassignLotsMove refill(List<Lot> lots, int firstOffer, Random random) {
        NeedFact need = lots.get(0).getNeed();
        List<OfferBudget> offers = need.getEligibleOffers();
        Map<OfferBudget, Long> room = new HashMap<>();
        for (Lot lot : lots) {
            if (lot.getOffer() != null) {
                room.merge(lot.getOffer(), lot.capacityUse(), Long::sum); // this need's own lots leave first
            }
        }
        List<Lot> moved = new ArrayList<>(lots);
        List<OfferBudget> targets = new ArrayList<>(lots.size());
        Set<Lot> bumped = new HashSet<>();
        for (int index = 0; index < lots.size(); index++) {
            Lot lot = lots.get(index);
            OfferBudget chosen = null;
            for (int step = 0; step < offers.size() && chosen == null; step++) {
                OfferBudget offer = offers.get((firstOffer + step) % offers.size());
                chosen = take(room, offer, lot.getUnits() * offer.capacityPerUnit(need)) ? offer : null;
            }
            for (int step = 0; step < Math.min(offers.size(), BUMP_OFFER_LIMIT) && chosen == null; step++) {
                OfferBudget offer = offers.get((firstOffer + step) % offers.size());
                long cost = lot.getUnits() * offer.capacityPerUnit(need);
                List<Lot> victims = bumpable(offer, lot, bumped, cost - roomOf(room, offer), random);
                if (victims != null) {
                    for (Lot victim : victims) {
                        room.merge(offer, victim.capacityUse(), Long::sum);
                        bumped.add(victim);
                    }
                    take(room, offer, cost);
                    chosen = offer;
                    for (Lot victim : victims) {
                        moved.add(victim);
                        targets.add(null); // placeholder, fixed below once all room is known
                    }
                }
            }
            if (chosen == null && !need.divisible()) {
                chosen = offers.get(firstOffer);
            }
            targets.add(index, chosen); // before this lot's bumped lots, which were appended
        }
        // Half the time, re-home each bumped lot on another of its offers with room left (else leave it
        // unfunded): an ejection chain of depth one, so trading which offer funds which need is one
        // move. Always re-homing made moves so large that tabu search slowed down (province, 60 s:
        // +738 children in tier ED over greedy, against +1,434 without; the tiny optimum needs it).
        boolean rehome = random.nextBoolean();
        for (int i = lots.size(); i < moved.size() && rehome; i++) {
            Lot victim = moved.get(i);
            OfferBudget home = null;
            for (OfferBudget offer : victim.getNeed().getEligibleOffers()) {
                if (offer != victim.getOffer() && take(room, offer, victim.getUnits() * offer.capacityPerUnit(victim.getNeed()))) {
                    home = offer;
                    break;
                }
            }
            targets.set(i, home);
        }
        return new ReassignLotsMove(moved, targets);
    }

    private static long roomOf(Map<OfferBudget, Long> extraRoom, OfferBudget offer) {
        return offer.room() + extraRoom.getOrDefault(offer, 0L);
    }

    /** Takes {@code cost} of the offer's room when it has that much. */
    private static boolean take(Map<OfferBudget, Long> extraRoom, OfferBudget offer, long cost) {
        if (cost > roomOf(extraRoom, offer)) {
            return false;
        }
        extraRoom.merge(offer, -cost, Long::sum);
        return true;
    }

    /**
     * Lots of other needs on {@code offer} at {@code lot}'s priority level or below that together
     * free at least {@code shortfall}; null when none such are found. Lower levels go first. Same-level
     * lots may go too: trading a dense need for a bigger one can be the better knapsack, and the
     * score decides. Scans at most {@link #BUMP_SCAN_LIMIT} lots per level from a random start, so a
     * move stays cheap however many lots an offer funds.
     */
    private static List<Lot> bumpable(OfferBudget offer, Lot lot, Set<Lot> alreadyBumped, long shortfall,
            Random random) {
        List<Lot> funded = offer.getLots();
        if (funded.isEmpty()) {
            return null;
        }
        List<Lot> victims = new ArrayList<>();
        long freed = 0;
        for (boolean sameLevel : new boolean[] {false, true}) {
            int start = random.nextInt(funded.size());
            int scan = Math.min(funded.size(), BUMP_SCAN_LIMIT);
            for (int k = 0; k < scan && freed < shortfall; k++) {
                Lot other = funded.get((start + k) % funded.size());
                boolean levelFits = sameLevel ? other.getPriorityLevel() == lot.getPriorityLevel()
                        : other.getPriorityLevel() > lot.getPriorityLevel();
                // The two passes take disjoint levels and each looks at a lot once, so victims has no repeats.
                if (levelFits && other.getNeed() != lot.getNeed() && !other.isPinned()
                        && (alreadyBumped.isEmpty() || !alreadyBumped.contains(other))) {
                    victims.add(other);
                    freed += other.capacityUse();
                }
            }
        }
        return freed >= shortfall ? victims : null;
    }

}
