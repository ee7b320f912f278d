package vn.childaid.matching.explain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.childaid.matching.rules.RuleViolation;

/**
 * Explanations of a plan against its scenario, with the rulebook's audit of the plan made first:
 * read {@link #belongsToAnotherScenario()} and {@link #feasible()} before trusting the rest.
 *
 * @param scenario the scenario's name
 * @param audit every problem {@code PlanAudit} finds in the plan; empty when it passes
 * @param foreign why the plan belongs to another scenario (its name differs, or its lines name
 *     needs or offers the scenario does not have), in words; empty when it is this scenario's
 * @param needs the needs explained (see {@link Explainer})
 * @param offers the offers explained
 */
public record Explanation(String scenario, List<RuleViolation> audit, List<String> foreign,
        List<NeedExplanation> needs, List<OfferExplanation> offers) {
    public Explanation {
        Objects.requireNonNull(scenario, "scenario");
        audit = List.copyOf(audit);
        foreign = List.copyOf(foreign);
        needs = List.copyOf(needs);
        offers = List.copyOf(offers);
    }

    /** No hard rule is broken (reporting problems, {@code REPORTED_NUMBERS}, do not count). */
    public boolean feasible() {
        return audit.stream().noneMatch(violation -> violation.rule().isHard());
    }

    public boolean belongsToAnotherScenario() {
        return !foreign.isEmpty();
    }

    /** How many offers each code was given, over the needs explained, in code order; codes never given left out. */
    public Map<Reason, Long> codeCounts() {
        Map<Reason, Long> counts = new EnumMap<>(Reason.class);
        needs.forEach(need -> need.offers().forEach(reason -> counts.merge(reason.code(), 1L, Long::sum)));
        return counts;
    }
}
