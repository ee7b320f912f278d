package vn.childaid.matching.engine;

import java.util.ArrayList;
import java.util.List;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.solver.AllocationSolution;
import vn.childaid.matching.solver.Lot;
import vn.childaid.matching.solver.ScoreLevels;

/** Tier values of a working solution, cheaply, for progress reports: commitments plus funded lots. */
final class TierTally {
    private final List<String> tierNames;
    private final double[] committedValues;

    TierTally(Scenario scenario) {
        this.tierNames = scenario.policy().tierNames();
        this.committedValues = PlanAssembler.assemble(scenario, List.of(), "", vn.childaid.matching.plan.SolverStats.NONE)
                .tierValues();
    }

    List<String> tierNames() {
        return tierNames;
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
