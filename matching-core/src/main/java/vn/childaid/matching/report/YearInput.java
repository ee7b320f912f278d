package vn.childaid.matching.report;

import java.util.Objects;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Scenario;

/** One year of a multi-year review: the year, its scenario and the plan made for it. */
public record YearInput(int year, Scenario scenario, Plan plan) {
    public YearInput {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(plan, "plan");
    }
}
