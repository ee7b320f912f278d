package vn.childaid.matching.engine;

import java.util.Objects;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Scenario;

/**
 * The plan a re-plan starts from, the scenario it was made for (which tells what the change
 * touched), and how stable the re-plan must keep it.
 */
public record PreviousPlan(Plan plan, Scenario scenario, Stability stability) {
    public PreviousPlan {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(stability, "stability");
    }
}
