package vn.childaid.matching.solver;

import java.util.List;
import java.util.Optional;

/**
 * Re-decides a {@link Neighbourhood}'s lots exactly. An interface free of OR-Tools types, so that the
 * phase that uses it loads without OR-Tools; the one implementation, {@link CpSatNeighbourhoodSolver},
 * is created only after {@link ExactNeighbourhoods} has found OR-Tools and its natives.
 */
interface NeighbourhoodSolver {

    /**
     * A new offer (or null) for each free lot, in {@link Neighbourhood#freeLots} order.
     *
     * @param optimal whether every tier was proven optimal within the neighbourhood
     * @param deterministicTime the solver's own measure of work spent, machine-independent
     */
    record Solution(List<OfferBudget> offers, boolean optimal, double deterministicTime) {
    }

    /**
     * The best plan of the neighbourhood found within the limits, tier by tier (holding each tier
     * while the next is maximised), or empty when none was found (e.g. the fixed part already breaks a rule).
     *
     * @param deterministicLimit work allowed per objective stage, in the solver's deterministic seconds
     * @param deadlineNanos {@link System#nanoTime()} after which to stop at once
     */
    Optional<Solution> solve(Neighbourhood neighbourhood, int randomSeed, double deterministicLimit,
            long deadlineNanos);

    /** Stops a solve under way, from any thread; it then returns what it has. */
    void stop();
}
