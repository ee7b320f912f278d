package vn.childaid.matching.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.childaid.matching.rules.RuleViolation;

/**
 * The outcome of solving a scenario, shaped as the v1 plan JSON: every allocation line (committed
 * ones included), every need's and offer's outcome, per-tier totals in policy order, the hard
 * rules broken (structured in {@link #ruleViolations()}, in words in {@link #violations()}; both empty when
 * {@link #feasible()}), and solver statistics.
 */
public record Plan(
        String scenario,
        boolean feasible,
        String score,
        List<Allocation> allocations,
        List<NeedOutcome> needs,
        List<OfferUse> offers,
        List<TierTotal> tiers,
        List<String> violations,
        List<RuleViolation> ruleViolations,
        SolverStats solver) {

    public static final int FORMAT_VERSION = 1;

    public Plan {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(score, "score");
        allocations = List.copyOf(allocations);
        needs = List.copyOf(needs);
        offers = List.copyOf(offers);
        tiers = List.copyOf(tiers);
        violations = List.copyOf(violations);
        ruleViolations = List.copyOf(ruleViolations);
        Objects.requireNonNull(solver, "solver");
    }

    public Optional<NeedOutcome> need(String id) {
        return needs.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public Optional<TierTotal> tier(String name) {
        return tiers.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** T_1, T_2, …: each tier's category-weighted value, in policy order, the other tier last. */
    public double[] tierValues() {
        return tiers.stream().mapToDouble(TierTotal::value).toArray();
    }
}
