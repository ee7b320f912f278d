package vn.childaid.matching.solver;

import java.util.ArrayList;
import java.util.List;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.scenario.Scenario;

/**
 * Tier values of a working solution, cheaply, for progress reports: commitments (and fixed lines) plus funded lots, in
 * the order of the policy's tier names.
 */
final class TierTally {
    private final double[] committedValues;

    /** @param fixedLines lines the model holds as facts (a re-plan's kept lines), counted like commitments */
    TierTally(Scenario scenario, List<Allocation> fixedLines) {
        this.committedValues = PlanAssembler.assemble(scenario, fixedLines, "", SolverStats.NONE).tierValues();
    }

    List<Double> values(AllocationSolution solution) {
        double[] values = committedValues.clone();
        for (Lot lot : solution.getLots()) {
            if (lot.getOffer() != null) {
                values[lot.getNeed().getTier()] += (double) lot.getValueMilli() / ScoreLevels.MILLI;
            }
        }
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(value);
        }
        return list;
    }
}
