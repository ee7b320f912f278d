package vn.childaid.matching.examples.cli;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.childaid.matching.plan.NeedOutcome;
import vn.childaid.matching.plan.NeedStatus;
import vn.childaid.matching.plan.OfferUse;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.TierTotal;

/** The plan in words a coordinator reads: per tier, children reached against children in need; needs; offers. */
final class PlanSummary {
    /** A broken plan can hold thousands; past this many they are counted, not printed. */
    static final int MOST_VIOLATIONS_PRINTED = ValidateCommand.MOST_LINES_PRINTED;

    private PlanSummary() {}

    static String of(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Plan for \"%s\": %s%n", plan.scenario(),
                plan.feasible() ? "feasible (every hard rule holds)" : "NOT feasible"));
        out.append("Score: ").append(plan.score()).append('\n');
        if (plan.solver().millis() > 0) {
            // The engine's score text starts so when no solver ran (time ran out or a cancel came first).
            boolean solved = !plan.score().startsWith("not solved");
            out.append(String.format(Locale.ROOT, "%s %.1f s%s, %,d score calculations per second, seed %d%n",
                    solved ? "Solved in" : "Stopped after", plan.solver().millis() / 1000.0,
                    plan.solver().constructionMillis() >= 0
                            ? String.format(Locale.ROOT, " (first plan after %.1f s)", plan.solver().constructionMillis() / 1000.0)
                            : "",
                    plan.solver().scoreCalculationSpeed(), plan.solver().randomSeed()));
        }
        Map<String, Map<NeedStatus, Integer>> statusByTier = new HashMap<>();
        for (NeedOutcome need : plan.needs()) {
            statusByTier.computeIfAbsent(need.tier(), k -> new EnumMap<>(NeedStatus.class)).merge(need.status(), 1, Integer::sum);
        }
        out.append('\n').append("Children reached, by priority tier (highest first)\n");
        out.append(String.format(Locale.ROOT, "  %-14s %12s %10s %7s   %6s %8s %9s%n", "tier", "reached", "in need", "share",
                "funded", "partial", "unfunded"));
        for (TierTotal tier : plan.tiers()) {
            Map<NeedStatus, Integer> statuses = statusByTier.getOrDefault(tier.name(), Map.of());
            out.append(String.format(Locale.ROOT, "  %-14s %,12.1f %,10d %6.1f%%   %6d %8d %9d%n", tier.name(), tier.reached(),
                    tier.children(), tier.children() == 0 ? 0.0 : 100.0 * tier.reached() / tier.children(),
                    statuses.getOrDefault(NeedStatus.FUNDED, 0), statuses.getOrDefault(NeedStatus.PARTIAL, 0),
                    statuses.getOrDefault(NeedStatus.UNFUNDED, 0)));
        }
        out.append("  (children whose units other programmes already cover count in need, not as reached)\n");
        long funded = count(plan.needs(), NeedStatus.FUNDED);
        long partial = count(plan.needs(), NeedStatus.PARTIAL);
        long unfunded = count(plan.needs(), NeedStatus.UNFUNDED);
        out.append(String.format(Locale.ROOT, "%nNeeds: %,d funded, %,d partly funded, %,d unfunded, of %,d%n", funded, partial,
                unfunded, plan.needs().size()));
        long used = plan.offers().stream().mapToLong(OfferUse::used).sum();
        long left = plan.offers().stream().mapToLong(OfferUse::remaining).sum();
        long offersUsed = plan.offers().stream().filter(o -> o.used() > 0).count();
        out.append(String.format(Locale.ROOT, "Offers: %,d VND given, %,d VND left; %,d of %,d offers used%n", used, left,
                offersUsed, plan.offers().size()));
        long committed = plan.allocations().stream().filter(a -> a.committed()).count();
        out.append(String.format(Locale.ROOT, "Allocation lines: %,d (%,d already committed)%n", plan.allocations().size(),
                committed));
        List<String> violations = plan.violations();
        if (violations.isEmpty()) {
            out.append("Violations: none\n");
        } else {
            out.append(String.format(Locale.ROOT, "Violations: %,d%n", violations.size()));
            violations.stream().limit(MOST_VIOLATIONS_PRINTED).forEach(v -> out.append("  - ").append(v).append('\n'));
            if (violations.size() > MOST_VIOLATIONS_PRINTED) {
                out.append(String.format(Locale.ROOT, "  … and %,d more (the plan JSON lists them all)%n",
                        violations.size() - MOST_VIOLATIONS_PRINTED));
            }
        }
        return out.toString();
    }

    private static long count(List<NeedOutcome> needs, NeedStatus status) {
        return needs.stream().filter(n -> n.status() == status).count();
    }
}
