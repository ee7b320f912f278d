package vn.childaid.matching.plan;

import java.util.List;
import java.util.Objects;
import vn.childaid.matching.extensions.Extensions;
import java.util.Optional;
import vn.childaid.matching.rules.RuleViolation;

/**
 * The outcome of solving a scenario, shaped as the v1 plan JSON: every allocation line (committed
 * ones included), every need's and offer's outcome, per-tier totals in policy order, the hard
 * rules broken in words (empty when {@link #feasible()}), and solver statistics.
 *
 * <p>Make one with {@link #builder}: it is the API, so that the class can gain fields without
 * breaking callers.
 */
public final class Plan {
    public static final int FORMAT_VERSION = 1;

    private final String scenario;
    private final boolean feasible;
    private final String score;
    private final List<Allocation> allocations;
    private final List<NeedOutcome> needs;
    private final List<OfferUse> offers;
    private final List<TierTotal> tiers;
    private final List<String> violations;
    private final List<RuleViolation> ruleViolations;
    private final SolverStats solver;

    private final Extensions extensions;

    private Plan(Builder builder) {
        this.scenario = Objects.requireNonNull(builder.scenario, "scenario");
        this.feasible = builder.feasible;
        this.score = Objects.requireNonNull(builder.score, "score");
        this.allocations = List.copyOf(builder.allocations);
        this.needs = List.copyOf(builder.needs);
        this.offers = List.copyOf(builder.offers);
        this.tiers = List.copyOf(builder.tiers);
        this.violations = List.copyOf(builder.violations);
        this.ruleViolations = List.copyOf(builder.ruleViolations);
        this.solver = Objects.requireNonNull(builder.solver, "solver");
        this.extensions = builder.extensions;
    }

    /** A builder of a plan for the scenario named {@code scenario}; give it a score and solver statistics. */
    public static Builder builder(String scenario) {
        return new Builder(scenario);
    }

    /** A builder holding this plan's fields, to derive a variant. */
    public Builder toBuilder() {
        return builder(scenario).feasible(feasible).score(score).allocations(allocations).needs(needs).offers(offers)
                .tiers(tiers).violations(violations).ruleViolations(ruleViolations).solver(solver)
                .extensions(extensions);
    }

    /** The name of the scenario solved. */
    public String scenario() {
        return scenario;
    }

    /** No hard rule is broken. */
    public boolean feasible() {
        return feasible;
    }

    /** The solver's score as text, or a description when none was computed. */
    public String score() {
        return score;
    }

    /** Every line, committed ones included. */
    public List<Allocation> allocations() {
        return allocations;
    }

    /** Every need of the scenario, in scenario order. */
    public List<NeedOutcome> needs() {
        return needs;
    }

    /** Every offer of the scenario, in scenario order. */
    public List<OfferUse> offers() {
        return offers;
    }

    /** Every tier in policy order, the other tier last. */
    public List<TierTotal> tiers() {
        return tiers;
    }

    /** Every broken hard rule in words; empty in a feasible plan. */
    public List<String> violations() {
        return violations;
    }

    /** Every broken rule, structured: rule code, offer, need, excess and its unit, message. */
    public List<RuleViolation> ruleViolations() {
        return ruleViolations;
    }

    public SolverStats solver() {
        return solver;
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

    /** The plan's top-level {@code extensions} object, kept verbatim; {@link Extensions#NONE} when absent. */
    public Extensions extensions() {
        return extensions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Plan that
                && scenario.equals(that.scenario) && feasible == that.feasible && score.equals(that.score)
                && allocations.equals(that.allocations) && needs.equals(that.needs) && offers.equals(that.offers)
                && tiers.equals(that.tiers) && violations.equals(that.violations)
                && ruleViolations.equals(that.ruleViolations) && solver.equals(that.solver)
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scenario, feasible, score, allocations, needs, offers, tiers, violations, ruleViolations, solver, extensions);
    }

    @Override
    public String toString() {
        return "Plan[scenario=" + scenario + ", feasible=" + feasible + ", score=" + score + ", allocations="
                + allocations + ", needs=" + needs + ", offers=" + offers + ", tiers=" + tiers + ", violations="
                + violations + ", ruleViolations=" + ruleViolations + ", solver=" + solver + "]";
    }

    /** Collects a plan's parts; lists left unset are empty. */
    public static final class Builder {
        private Extensions extensions = Extensions.NONE;
        private final String scenario;
        private boolean feasible;
        private String score;
        private List<Allocation> allocations = List.of();
        private List<NeedOutcome> needs = List.of();
        private List<OfferUse> offers = List.of();
        private List<TierTotal> tiers = List.of();
        private List<String> violations = List.of();
        private List<RuleViolation> ruleViolations = List.of();
        private SolverStats solver;

        private Builder(String scenario) {
            this.scenario = scenario;
        }

        public Builder feasible(boolean value) { this.feasible = value; return this; }
        public Builder score(String value) { this.score = value; return this; }
        public Builder allocations(List<Allocation> lines) { this.allocations = lines; return this; }
        public Builder needs(List<NeedOutcome> outcomes) { this.needs = outcomes; return this; }
        public Builder offers(List<OfferUse> uses) { this.offers = uses; return this; }
        public Builder tiers(List<TierTotal> totals) { this.tiers = totals; return this; }
        public Builder violations(List<String> broken) { this.violations = broken; return this; }
        public Builder ruleViolations(List<RuleViolation> broken) { this.ruleViolations = broken; return this; }
        public Builder solver(SolverStats stats) { this.solver = stats; return this; }

        public Builder extensions(Extensions value) { this.extensions = Objects.requireNonNull(value, "extensions"); return this; }

        public Plan build() {
            return new Plan(this);
        }
    }
}
