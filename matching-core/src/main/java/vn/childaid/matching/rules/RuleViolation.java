package vn.childaid.matching.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * One broken rule, as the plan's {@code ruleViolations} and {@code validate --plan --json} carry it.
 *
 * @param offer the offer at fault, absent when the rule concerns only a need
 * @param need the need at fault, absent when the rule concerns only an offer
 * @param excess how far the rule is broken, in {@code unit}; signed for {@link Rule#COMMITMENT}
 *     and {@link Rule#REPORTED_NUMBERS} (reported − implied)
 * @param unit {@code VND}, {@code units}, {@code needs} or {@code donors} (see {@link Units})
 * @param message the same in words a coordinator can act on
 */
public record RuleViolation(Rule rule, Optional<String> offer, Optional<String> need, double excess, String unit,
        String message) {

    /** The units {@code excess} is counted in. */
    public static final class Units {
        public static final String VND = "VND";
        public static final String UNITS = "units";
        public static final String NEEDS = "needs";
        public static final String DONORS = "donors";
        /** Children-equivalents, for a reported {@code reached} or tier value. */
        public static final String CHILDREN = "children";

        private Units() {}
    }

    public RuleViolation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(need, "need");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(message, "message");
    }

    public static RuleViolation ofOffer(Rule rule, String offer, double excess, String unit, String message) {
        return new RuleViolation(rule, Optional.of(offer), Optional.empty(), excess, unit, message);
    }

    public static RuleViolation ofNeed(Rule rule, String need, double excess, String unit, String message) {
        return new RuleViolation(rule, Optional.empty(), Optional.of(need), excess, unit, message);
    }

    public static RuleViolation ofLine(Rule rule, String offer, String need, double excess, String unit, String message) {
        return new RuleViolation(rule, Optional.of(offer), Optional.of(need), excess, unit, message);
    }

    /** The plan-level kind, naming neither offer nor need (e.g. the plan's scenario name, or {@code feasible}). */
    public static RuleViolation ofPlan(Rule rule, double excess, String unit, String message) {
        return new RuleViolation(rule, Optional.empty(), Optional.empty(), excess, unit, message);
    }

    /** One line for people: {@code RULE offer=ID need=ID: message}, ids left out when absent. */
    public String toLine() {
        StringBuilder line = new StringBuilder(rule.name());
        offer.ifPresent(id -> line.append(" offer=").append(id));
        need.ifPresent(id -> line.append(" need=").append(id));
        return line.append(": ").append(message).toString();
    }
}
