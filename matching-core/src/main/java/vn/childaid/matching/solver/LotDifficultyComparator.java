package vn.childaid.matching.solver;

import java.util.Comparator;

/**
 * Orders lots for the construction heuristic, easiest first (OptaPlanner assigns the most difficult
 * first): the top tier is hardest, then the most children per VND, then the biggest lot, so the
 * highest tiers claim the offers first and small lots fill what is left. Construction runs only for
 * a solve without a start plan.
 *
 * <p>Public only because OptaPlanner instantiates it by reflection; not API.
 */
public final class LotDifficultyComparator implements Comparator<Lot> {
    private static final Comparator<Lot> ORDER = Comparator
            .comparingInt((Lot lot) -> -lot.getPriorityLevel())
            .thenComparingDouble(LotDifficultyComparator::valuePerThousandVnd)
            .thenComparingInt(Lot::getUnits)
            .thenComparing(Lot::getId, Comparator.reverseOrder());

    @Override
    public int compare(Lot a, Lot b) {
        return ORDER.compare(a, b);
    }

    private static double valuePerThousandVnd(Lot lot) {
        double cost = (double) lot.getUnits() * lot.getNeed().donorUnitCost() / 1000.0;
        return lot.getPriorityValue() / Math.max(1.0, cost);
    }
}
