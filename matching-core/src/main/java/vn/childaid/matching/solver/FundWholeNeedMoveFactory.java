package vn.childaid.matching.solver;

import java.util.ArrayList;
import java.util.Comparator;
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
 * Generates {@link FundWholeNeedMove}s. A random need is either released (all lots unfunded) or
 * refilled: its lots, biggest first, go to the first of its eligible offers (tried from a random
 * one onwards) with room left for them, so most moves respect capacity and use few funders.
 * Indivisible needs are chosen as often as all divisible needs together, because they are the ones
 * single-lot moves cannot fund.
 */
public final class FundWholeNeedMoveFactory implements MoveIteratorFactory<AllocationSolution, FundWholeNeedMove> {
    /** Most lots looked at per priority level when making room on an offer. */
    private static final int BUMP_SCAN_LIMIT = 48;

    /** Share of moves that release a need rather than refill it. */
    private static final double RELEASE_SHARE = 0.2;

    private List<List<Lot>> divisibleNeedLots = List.of();
    private List<List<Lot>> indivisibleNeedLots = List.of();

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
            (need.isDivisible() ? divisible : indivisible).add(List.copyOf(biggestFirst));
        });
        divisibleNeedLots = divisible;
        indivisibleNeedLots = indivisible;
    }

    @Override
    public void phaseEnded(ScoreDirector<AllocationSolution> scoreDirector) {
        divisibleNeedLots = List.of();
        indivisibleNeedLots = List.of();
    }

    @Override
    public long getSize(ScoreDirector<AllocationSolution> scoreDirector) {
        long size = 0;
        for (List<Lot> lots : allNeedLots()) {
            size += lots.get(0).getNeed().getEligibleOffers().size() + 1;
        }
        return size;
    }

    private List<List<Lot>> allNeedLots() {
        List<List<Lot>> all = new ArrayList<>(indivisibleNeedLots);
        all.addAll(divisibleNeedLots);
        return all;
    }

    @Override
    public Iterator<FundWholeNeedMove> createOriginalMoveIterator(ScoreDirector<AllocationSolution> scoreDirector) {
        List<FundWholeNeedMove> moves = new ArrayList<>();
        for (List<Lot> lots : allNeedLots()) {
            int offerCount = lots.get(0).getNeed().getEligibleOffers().size();
            for (int first = 0; first < offerCount; first++) {
                moves.add(refill(lots, first, new Random(first)));
            }
            moves.add(FundWholeNeedMove.fundAll(lots, null));
        }
        return moves.iterator();
    }

    @Override
    public Iterator<FundWholeNeedMove> createRandomMoveIterator(ScoreDirector<AllocationSolution> scoreDirector,
            Random random) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !divisibleNeedLots.isEmpty() || !indivisibleNeedLots.isEmpty();
            }

            @Override
            public FundWholeNeedMove next() {
                boolean pickIndivisible = divisibleNeedLots.isEmpty()
                        || (!indivisibleNeedLots.isEmpty() && random.nextBoolean());
                List<List<Lot>> pool = pickIndivisible ? indivisibleNeedLots : divisibleNeedLots;
                List<Lot> lots = pool.get(random.nextInt(pool.size()));
                if (random.nextDouble() < RELEASE_SHARE) {
                    return FundWholeNeedMove.fundAll(lots, null);
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
    static FundWholeNeedMove refill(List<Lot> lots, int firstOffer, Random random) {
        NeedFact need = lots.get(0).getNeed();
        List<OfferBudget> offers = need.getEligibleOffers();
        long[] room = new long[offers.size()];
        for (int i = 0; i < offers.size(); i++) {
            OfferBudget offer = offers.get(i);
            room[i] = offer.room();
        }
        for (Lot lot : lots) {
            int current = lot.getOffer() == null ? -1 : offers.indexOf(lot.getOffer());
            if (current >= 0) {
                room[current] += lot.capacityUse();
            }
        }
        List<Lot> moved = new ArrayList<>(lots);
        List<OfferBudget> targets = new ArrayList<>(lots.size());
        Set<Lot> bumped = new HashSet<>();
        for (Lot lot : lots) {
            OfferBudget chosen = null;
            for (int step = 0; step < offers.size() && chosen == null; step++) {
                int i = (firstOffer + step) % offers.size();
                long cost = lot.getUnits() * offers.get(i).capacityPerUnit(need);
                if (cost <= room[i]) {
                    room[i] -= cost;
                    chosen = offers.get(i);
                }
            }
            for (int step = 0; step < offers.size() && chosen == null; step++) {
                int i = (firstOffer + step) % offers.size();
                long cost = lot.getUnits() * offers.get(i).capacityPerUnit(need);
                List<Lot> victims = bumpable(offers.get(i), lot, bumped, cost - room[i], random);
                if (victims != null) {
                    for (Lot victim : victims) {
                        room[i] += victim.capacityUse();
                        bumped.add(victim);
                        moved.add(victim);
                    }
                    room[i] -= cost;
                    chosen = offers.get(i);
                }
            }
            if (chosen == null && !need.isDivisible()) {
                chosen = offers.get(firstOffer);
            }
            targets.add(chosen);
        }
        while (targets.size() < moved.size()) {
            targets.add(null);
        }
        return new FundWholeNeedMove(moved, targets);
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
                if (levelFits && other.getNeed() != lot.getNeed() && !other.isPinned() && !alreadyBumped.contains(other)
                        && !victims.contains(other)) {
                    victims.add(other);
                    freed += other.capacityUse();
                }
            }
        }
        return freed >= shortfall ? victims : null;
    }

}
