package vn.childaid.matching.benchmarks;

import java.util.ArrayList;
import java.util.List;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.policy.PriorityMode;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * The data every exact encoding of the contract starts from, once: the residual problem
 * ({@link Residual}) and, for each need still open with an eligible offer, its tier, open units,
 * value per unit and eligible offers. The SCIP model ({@link ExactReference}) and the CP-SAT model
 * ({@link CpSatReference}) each build their own variables and constraints on it.
 */
final class EligibleLines {
    /** A need the models decide on: what a unit is worth in its tier, and who may fund it. */
    record NeedLines(Need need, int tier, int open, double valuePerUnit, List<Offer> eligible) {
    }

    private final Scenario scenario;
    private final Residual residual;
    private final List<NeedLines> needs = new ArrayList<>();

    EligibleLines(Scenario scenario) {
        this.scenario = scenario;
        this.residual = new Residual(scenario);
        for (Need need : scenario.needs()) {
            int open = residual.openUnits(need);
            List<Offer> eligible = scenario.eligibleOffers(need);
            if (open > 0 && !eligible.isEmpty()) {
                needs.add(new NeedLines(need, scenario.tierOf(need), open, residual.valuePerUnit(need), eligible));
            }
        }
    }

    Scenario scenario() {
        return scenario;
    }

    Residual residual() {
        return residual;
    }

    /** The needs still open that some offer may fund, in scenario order. */
    List<NeedLines> needs() {
        return needs;
    }

    /** Need–offer lines in all. */
    long lineCount() {
        return needs.stream().mapToLong(n -> n.eligible().size()).sum();
    }

    /**
     * Each tier's weight in the policy's measure: the policy's tier weights under WEIGHTED, else
     * null (STRICT compares tier by tier).
     */
    static long[] weightsOrNull(Policy policy) {
        return policy.priorityMode() == PriorityMode.WEIGHTED
                ? policy.tierWeights().stream().mapToLong(Long::longValue).toArray() : null;
    }

    /**
     * The demand bound of Σ weight_k × T_k: every need that can be funded funded in full, commitments
     * included. No plan can reach more.
     */
    double weightedDemandBound(long[] weights) {
        double bound = 0;
        for (int tier = 0; tier < weights.length; tier++) {
            bound += weights[tier] * residual.committedValue(tier);
        }
        for (NeedLines line : needs) {
            bound += weights[line.tier()] * line.valuePerUnit() * line.open();
        }
        return bound;
    }
}
