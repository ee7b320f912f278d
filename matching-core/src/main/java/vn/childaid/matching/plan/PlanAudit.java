package vn.childaid.matching.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.childaid.matching.rules.HardRules;
import vn.childaid.matching.rules.Objective;
import vn.childaid.matching.rules.Rule;
import vn.childaid.matching.rules.RuleViolation;
import vn.childaid.matching.rules.RuleViolation.Units;
import vn.childaid.matching.scenario.Scenario;

/**
 * Audits any plan against its scenario, as {@code validate --plan} does: every hard rule on the
 * plan's lines ({@link HardRuleAudit}), then every figure the plan reports — line amounts, each
 * need's, offer's and tier's outcome, and {@code feasible} — against what the lines imply
 * ({@link Rule#REPORTED_NUMBERS}, within {@link Objective#RELATIVE_TOLERANCE}). The plan's own
 * {@code violations} are not trusted: they are found again.
 */
public final class PlanAudit {
    private PlanAudit() {}

    /** Every problem of the plan; empty when it keeps every rule and reports its figures truly. */
    public static List<RuleViolation> audit(Scenario scenario, Plan plan) {
        List<RuleViolation> found = new ArrayList<>();
        if (!plan.scenario().equals(scenario.name())) {
            found.add(RuleViolation.ofPlan(Rule.REFERENCE, 0, Units.UNITS, "the plan is for scenario '"
                    + plan.scenario() + "', not '" + scenario.name() + "'"));
        }
        List<RuleViolation> broken = HardRuleAudit.audit(scenario, plan.allocations());
        found.addAll(broken);
        Plan implied = PlanAssembler.fromLines(scenario, plan.allocations(), plan.score(), plan.solver());
        checkLineAmounts(scenario, plan, found);
        checkNeeds(plan, implied, found);
        checkOffers(plan, implied, found);
        checkTiers(plan, implied, found);
        boolean feasible = broken.isEmpty();
        if (plan.feasible() != feasible) {
            found.add(RuleViolation.ofPlan(Rule.REPORTED_NUMBERS, plan.feasible() ? 1 : -1, Units.UNITS,
                    "the plan says feasible = " + plan.feasible() + ", but its lines " + (feasible
                            ? "keep every hard rule" : "break " + broken.size() + " hard rule(s)")));
        }
        return found;
    }

    private static void checkLineAmounts(Scenario scenario, Plan plan, List<RuleViolation> found) {
        for (Allocation line : plan.allocations()) {
            if (!HardRuleAudit.countable(scenario, line)) {
                continue; // A reference problem, reported by the hard-rule audit.
            }
            long amount = HardRules.lineAmount(scenario.offer(line.offer()), scenario.need(line.need()), line.units());
            if (!Objective.agree(line.amount(), amount)) {
                found.add(RuleViolation.ofLine(Rule.REPORTED_NUMBERS, line.offer(), line.need(), line.amount() - amount,
                        Units.VND, "line " + line.offer() + " → " + line.need() + " reports amount " + line.amount()
                                + " VND; " + line.units() + " units are worth " + amount));
            }
        }
    }

    private static void checkNeeds(Plan plan, Plan implied, List<RuleViolation> found) {
        Map<String, NeedOutcome> reported = byId(plan.needs(), implied.needs(), NeedOutcome::id, "need", found,
                RuleViolation::ofNeed);
        for (NeedOutcome truth : implied.needs()) {
            NeedOutcome outcome = reported.get(truth.id());
            Figures figures = new Figures(found, (excess, unit, message) -> RuleViolation.ofNeed(Rule.REPORTED_NUMBERS,
                    truth.id(), excess, unit, "need " + truth.id() + " " + message));
            if (outcome == null) {
                figures.missing("is missing from the plan's needs");
                continue;
            }
            figures.text("tier", outcome.tier(), truth.tier());
            figures.number("openUnits", outcome.openUnits(), truth.openUnits(), Units.UNITS);
            figures.number("fundedUnits", outcome.fundedUnits(), truth.fundedUnits(), Units.UNITS);
            figures.text("status", String.valueOf(outcome.status()), String.valueOf(truth.status()));
            figures.number("reached", outcome.reached(), truth.reached(), Units.CHILDREN);
            figures.text("coveredBy", String.valueOf(outcome.coveredBy()), String.valueOf(truth.coveredBy()));
        }
    }

    private static void checkOffers(Plan plan, Plan implied, List<RuleViolation> found) {
        Map<String, OfferUse> reported = byId(plan.offers(), implied.offers(), OfferUse::id, "offer", found,
                RuleViolation::ofOffer);
        for (OfferUse truth : implied.offers()) {
            OfferUse use = reported.get(truth.id());
            Figures figures = new Figures(found, (excess, unit, message) -> RuleViolation.ofOffer(Rule.REPORTED_NUMBERS,
                    truth.id(), excess, unit, "offer " + truth.id() + " " + message));
            if (use == null) {
                figures.missing("is missing from the plan's offers");
                continue;
            }
            figures.number("used", use.used(), truth.used(), Units.VND);
            figures.number("remaining", use.remaining(), truth.remaining(), Units.VND);
        }
    }

    private static void checkTiers(Plan plan, Plan implied, List<RuleViolation> found) {
        Map<String, TierTotal> reported = new HashMap<>();
        plan.tiers().forEach(tier -> reported.putIfAbsent(tier.name(), tier));
        Set<String> known = new HashSet<>();
        for (TierTotal truth : implied.tiers()) {
            known.add(truth.name());
            TierTotal total = reported.get(truth.name());
            Figures figures = new Figures(found, (excess, unit, message) -> RuleViolation.ofPlan(Rule.REPORTED_NUMBERS,
                    excess, unit, "tier '" + truth.name() + "' " + message));
            if (total == null) {
                figures.missing("is missing from the plan's tiers");
                continue;
            }
            figures.number("reached", total.reached(), truth.reached(), Units.CHILDREN);
            figures.number("value", total.value(), truth.value(), Units.CHILDREN);
            figures.number("children", total.children(), truth.children(), Units.CHILDREN);
            figures.number("needs", total.needs(), truth.needs(), Units.NEEDS);
            figures.number("fundedNeeds", total.fundedNeeds(), truth.fundedNeeds(), Units.NEEDS);
        }
        plan.tiers().stream().filter(tier -> !known.contains(tier.name())).forEach(tier -> found.add(
                RuleViolation.ofPlan(Rule.REFERENCE, 0, Units.UNITS, "tier '" + tier.name()
                        + "' is not a tier of the scenario's policy")));
    }

    /** Indexes reported outcomes by id, reporting those whose id is not among the true outcomes'. */
    private static <T> Map<String, T> byId(List<T> reported, List<T> truth, Function<T, String> id, String what,
            List<RuleViolation> found, Attributed attributed) {
        Set<String> known = new HashSet<>();
        truth.forEach(item -> known.add(id.apply(item)));
        Map<String, T> index = new HashMap<>();
        for (T item : reported) {
            String key = id.apply(item);
            if (!known.contains(key)) {
                found.add(attributed.of(Rule.REFERENCE, key, 0, Units.UNITS, "the plan reports an outcome for " + what
                        + " " + key + ", which the scenario does not have"));
            }
            index.putIfAbsent(key, item);
        }
        return index;
    }

    @FunctionalInterface
    private interface Attributed {
        RuleViolation of(Rule rule, String id, double excess, String unit, String message);
    }

    @FunctionalInterface
    private interface Report {
        RuleViolation of(double excess, String unit, String message);
    }

    /** Compares one outcome's reported figures with the true ones, reporting each that disagrees. */
    private record Figures(List<RuleViolation> found, Report report) {
        void missing(String message) {
            found.add(report.of(0, Units.UNITS, message));
        }

        void number(String field, double reported, double truth, String unit) {
            if (!Objective.agree(reported, truth)) {
                found.add(report.of(reported - truth, unit, "reports " + field + " " + trim(reported)
                        + ", but its lines make it " + trim(truth)));
            }
        }

        void text(String field, String reported, String truth) {
            if (!reported.equals(truth)) {
                found.add(report.of(0, Units.UNITS, "reports " + field + " " + reported + ", but it is " + truth));
            }
        }

        private static String trim(double value) {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                    : String.valueOf(value);
        }
    }
}
