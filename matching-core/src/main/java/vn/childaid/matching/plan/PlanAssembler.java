package vn.childaid.matching.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/** Turns a scenario and the lines a solve chose into a full {@link Plan}: outcomes, totals, violations. */
public final class PlanAssembler {
    private PlanAssembler() {}

    /** The scenario's commitments as plan lines, marked committed. */
    public static List<Allocation> committedLines(Scenario scenario) {
        List<Allocation> lines = new ArrayList<>();
        for (Commitment commitment : scenario.commitments()) {
            Offer offer = scenario.offer(commitment.offer());
            Need need = scenario.need(commitment.need());
            lines.add(Allocation.committed(offer.id(), need.id(), commitment.units(),
                    commitment.units() * offer.unitAmount(need)));
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
        Map<String, Integer> fundedByNeed = new HashMap<>();
        Map<String, Long> usedByOffer = new HashMap<>();
        for (Allocation line : lines) {
            fundedByNeed.merge(line.need(), line.units(), Integer::sum);
            usedByOffer.merge(line.offer(), line.amount(), Long::sum);
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
            int funded = fundedByNeed.getOrDefault(need.id(), 0);
            NeedStatus status = NeedStatus.of(funded, need.openUnits());
            double needReached = reachedChildren(need, funded);
            needs.add(NeedOutcome.builder(need.id()).tier(tierNames.get(tier)).openUnits(need.openUnits())
                    .fundedUnits(funded).status(status).reached(needReached).build());
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
                    long used = usedByOffer.getOrDefault(offer.id(), 0L);
                    return OfferUse.of(offer.id(), used, offer.totalValue() - used);
                })
                .toList();
        List<String> violations = HardRuleAudit.violations(scenario, lines);
        return Plan.builder(scenario.name()).feasible(violations.isEmpty()).score(score).allocations(lines).needs(needs)
                .offers(offers).tiers(tiers).violations(violations).solver(stats).build();
    }

    /** reached(n) = children(n) × fundedUnits(n) / quantity(n). */
    public static double reachedChildren(Need need, int fundedUnits) {
        return (double) need.children() * fundedUnits / need.quantity();
    }
}
