package vn.childaid.matching.plan;

import java.util.ArrayList;
import java.util.List;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.rules.HardRules;
import vn.childaid.matching.rules.Ledger;
import vn.childaid.matching.rules.Objective;
import vn.childaid.matching.rules.RuleViolation;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/** Turns a scenario and allocation lines into a full {@link Plan}: outcomes, totals, violations. */
public final class PlanAssembler {
    private PlanAssembler() {}

    /** The scenario's commitments as plan lines, marked committed. */
    public static List<Allocation> committedLines(Scenario scenario) {
        List<Allocation> lines = new ArrayList<>();
        for (Commitment commitment : scenario.commitments()) {
            Offer offer = scenario.offer(commitment.offer());
            Need need = scenario.need(commitment.need());
            lines.add(Allocation.committed(offer.id(), need.id(), commitment.units(),
                    HardRules.lineAmount(offer, need, commitment.units())));
        }
        return lines;
    }

    /**
     * A plan from the scenario's commitments plus {@code newLines}.
     *
     * @param score the solver's score as text, or a description when none was computed
     */
    public static Plan assemble(Scenario scenario, List<Allocation> newLines, String score, SolverStats stats) {
        List<Allocation> lines = new ArrayList<>(committedLines(scenario));
        lines.addAll(newLines);
        return fromLines(scenario, lines, score, stats);
    }

    /**
     * The plan that exactly these lines make, commitments only as far as the lines carry them. Lines
     * naming unknown ids or fewer than 1 unit count toward nothing; the audit reports them.
     */
    public static Plan fromLines(Scenario scenario, List<Allocation> lines, String score, SolverStats stats) {
        Ledger books = new Ledger();
        for (Allocation line : lines) {
            if (HardRuleAudit.countable(scenario, line)) {
                books.record(scenario.offer(line.offer()), scenario.need(line.need()), line.units());
            }
        }
        Policy policy = scenario.policy();
        List<String> tierNames = policy.tierNames();
        double[] reached = new double[tierNames.size()];
        double[] value = new double[tierNames.size()];
        long[] children = new long[tierNames.size()];
        int[] needCount = new int[tierNames.size()];
        int[] fundedCount = new int[tierNames.size()];
        List<NeedOutcome> needs = new ArrayList<>();
        for (Need need : scenario.needs()) {
            int tier = scenario.tierOf(need);
            // A plan from elsewhere may fund a need beyond any count; the audit reports it, the figure saturates.
            int funded = (int) Math.min(Integer.MAX_VALUE, books.unitsFunded(need));
            NeedStatus status = NeedStatus.of(funded, need.openUnits());
            double needReached = Objective.reached(need.children(), need.quantity(), funded);
            needs.add(NeedOutcome.builder(need.id()).tier(tierNames.get(tier)).openUnits(need.openUnits())
                    .fundedUnits(funded).status(status).reached(needReached).coveredBy(coveredBy(need)).build());
            reached[tier] += needReached;
            value[tier] += policy.categoryWeight(need.category()) * needReached;
            children[tier] += need.children();
            needCount[tier]++;
            if (status == NeedStatus.FUNDED) {
                fundedCount[tier]++;
            }
        }
        List<TierTotal> tiers = new ArrayList<>();
        for (int i = 0; i < tierNames.size(); i++) {
            tiers.add(TierTotal.builder(tierNames.get(i)).reached(reached[i]).value(value[i]).children(children[i])
                    .needs(needCount[i]).fundedNeeds(fundedCount[i]).build());
        }
        List<OfferUse> offers = scenario.offers().stream()
                .map(offer -> {
                    long used = reportedUse(offer, books.capacityUsed(offer));
                    return OfferUse.of(offer.id(), used, offer.totalValue() - used);
                })
                .toList();
        List<RuleViolation> violations = HardRuleAudit.audit(scenario, lines);
        return Plan.builder(scenario.name()).feasible(violations.isEmpty()).score(score).allocations(lines)
                .needs(needs).offers(offers).tiers(tiers).violations(violations.stream().map(RuleViolation::message).toList())
                .ruleViolations(violations).solver(stats).build();
    }

    /** What entitlements pay for the need: their units, and their VND toward every open unit. */
    private static List<CoveredBy> coveredBy(Need need) {
        return need.coveredBy().stream().map(cover -> new CoveredBy(cover.name(), cover.units(),
                Math.multiplyExact(cover.amountPerUnit(), (long) Math.max(0, need.openUnits())))).toList();
    }

    /** An offer's {@code used} in VND: its capacity used for cash, units × unitValue for goods. */
    private static long reportedUse(Offer offer, long capacityUsed) {
        if (offer.isCash()) {
            return capacityUsed;
        }
        try {
            return Math.multiplyExact(capacityUsed, offer.unitValue());
        } catch (ArithmeticException beyondCounting) {
            return Long.MAX_VALUE; // only a plan from elsewhere gets here; the audit reports its CAPACITY
        }
    }
}
