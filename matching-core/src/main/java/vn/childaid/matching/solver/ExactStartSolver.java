package vn.childaid.matching.solver;

import java.util.List;
import java.util.Optional;

/**
 * Solves the whole model exactly on allocation lines — units per (need, offer) — rather than on lots,
 * to give local search a start. An interface free of OR-Tools types, so that {@link SolverRun} loads
 * without OR-Tools; the one implementation, {@link CpSatStartSolver}, is created only after {@link
 * ExactNeighbourhoods} has found OR-Tools and its natives.
 *
 * <p>Why lines and not lots: a need of 300 units has 20 lots, and CP-SAT spends its time proving
 * that permutations of them are equivalent; one integer per line is what an exact solver handles
 * best, and the lot model is rebuilt around the lines found, which it reproduces exactly.
 */
interface ExactStartSolver {

    /** Units an offer gives a need: one uncommitted line of the start. */
    record Line(NeedFact need, OfferBudget offer, int units) {
    }

    /**
     * What the solve found.
     *
     * @param lines the new lines, for the model's undecided units only (commitments and fixed lines are
     *     in the model's facts already)
     * @param optimal whether the level was proven optimal
     */
    record Result(List<Line> lines, boolean optimal) {
    }

    /**
     * The best lines found within the limits for one priority level, every level above it held at
     * least at the value the model's current lots give it, those lots being the hint; empty when
     * none was found, when the current lots already fund all the level could reach, or when the
     * model has something this encoding does not hold (pinned lots).
     *
     * @param deterministicLimit the solver's own measure of work allowed in all, or infinity for none;
     *     with one, the solve is repeatable for a seed whatever the machine does
     * @param deadlineNanos {@link System#nanoTime()} after which to stop at once
     */
    Optional<Result> solve(AllocationSolution model, int level, int randomSeed, double deterministicLimit,
            long deadlineNanos);

    /** Stops a solve under way, from any thread; it then returns what it has. */
    void stop();
}
