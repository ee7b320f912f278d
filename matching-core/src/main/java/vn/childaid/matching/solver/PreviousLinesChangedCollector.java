package vn.childaid.matching.solver;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.optaplanner.core.api.score.stream.uni.UniConstraintCollector;

/**
 * Counts, over the lots of one need, the need's previous lines whose units differ from what they
 * were (a line with no units left is dropped, which counts the same). Incremental: each lot added
 * or removed updates one offer's units and whether that line matches, in O(1).
 */
final class PreviousLinesChangedCollector
        implements UniConstraintCollector<Lot, PreviousLinesChangedCollector.Tally, Integer> {

    /** The units each previous offer now gives one need, and how many previous lines match exactly. */
    static final class Tally {
        private final Map<String, Integer> unitsByOffer = new HashMap<>();
        private NeedFact need;
        private int matching;

        private Runnable add(Lot lot) {
            need = lot.getNeed();
            OfferBudget offer = lot.getOffer();
            if (offer == null || need.previousUnits(offer.id()) == 0) {
                return () -> { };
            }
            change(offer.id(), lot.getUnits());
            return () -> change(offer.id(), -lot.getUnits());
        }

        private void change(String offerId, int units) {
            int previous = need.previousUnits(offerId);
            int before = unitsByOffer.getOrDefault(offerId, 0);
            int after = before + units;
            if (after == 0) {
                unitsByOffer.remove(offerId);
            } else {
                unitsByOffer.put(offerId, after);
            }
            matching += (after == previous ? 1 : 0) - (before == previous ? 1 : 0);
        }

        private int changed() {
            return need == null ? 0 : need.previousLineCount() - matching;
        }
    }

    @Override
    public Supplier<Tally> supplier() {
        return Tally::new;
    }

    @Override
    public BiFunction<Tally, Lot, Runnable> accumulator() {
        return Tally::add;
    }

    @Override
    public Function<Tally, Integer> finisher() {
        return Tally::changed;
    }
}
