package vn.childaid.matching.whatif;

import java.util.List;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Scenario;

/**
 * Which lines of a previous plan a change leaves untouched: lines whose offer and need the change
 * neither removed nor shrank, and that still hold under the changed scenario (see {@link Carryover}).
 * These are the lines a {@code KEEP} re-plan never moves and whose share a stable re-plan is judged by.
 */
public final class Untouched {
    private Untouched() {}

    /** The untouched lines of {@code previous} (a plan of {@code before}) under {@code after}, in the plan's order. */
    public static List<Allocation> lines(Scenario before, Plan previous, Scenario after) {
        return Carryover.of(before, previous, after).untouched();
    }
}
