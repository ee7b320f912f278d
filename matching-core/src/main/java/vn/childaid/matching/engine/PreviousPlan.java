package vn.childaid.matching.engine;

import java.util.Objects;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Scenario;

/**
 * The plan a re-plan starts from, the scenario it was made for (which tells what the change
 * touched), and how stable the re-plan must keep it. Made by {@link SolveOptions#withPreviousPlan};
 * a class, not a record, so that it may gain fields.
 */
public final class PreviousPlan {
    private final Plan plan;
    private final Scenario scenario;
    private final Stability stability;

    PreviousPlan(Plan plan, Scenario scenario, Stability stability) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.stability = Objects.requireNonNull(stability, "stability");
    }

    /** The previous plan. */
    public Plan plan() {
        return plan;
    }

    /** The scenario the previous plan was made for, before the change. */
    public Scenario scenario() {
        return scenario;
    }

    public Stability stability() {
        return stability;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreviousPlan that && plan.equals(that.plan) && scenario.equals(that.scenario)
                && stability == that.stability;
    }

    @Override
    public int hashCode() {
        return Objects.hash(plan, scenario, stability);
    }

    @Override
    public String toString() {
        return "PreviousPlan[" + plan.scenario() + ", " + stability + "]";
    }
}
