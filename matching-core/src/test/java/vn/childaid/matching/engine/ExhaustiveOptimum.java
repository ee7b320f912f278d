package vn.childaid.matching.engine;

import java.util.ArrayList;
import java.util.List;
import vn.childaid.matching.ContractOracle;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/** The lexicographically best tier values over every unit allocation of a tiny scenario. */
final class ExhaustiveOptimum {
    private ExhaustiveOptimum() {}

    static double[] tierValues(Scenario scenario) {
        List<Need> needs = new ArrayList<>();
        List<Offer> offers = new ArrayList<>();
        for (Need need : scenario.needs()) {
            for (Offer offer : scenario.offers()) {
                needs.add(need);
                offers.add(offer);
            }
        }
        double[][] best = {ContractOracle.tierValues(scenario, PlanAssembler.committedLines(scenario))};
        search(scenario, needs, offers, 0, new ArrayList<>(PlanAssembler.committedLines(scenario)), best);
        return best[0];
    }

    private static void search(Scenario scenario, List<Need> needs, List<Offer> offers, int pair,
            List<Allocation> lines, double[][] best) {
        if (pair == needs.size()) {
            if (ContractOracle.brokenRules(scenario, lines).isEmpty()) {
                double[] values = ContractOracle.tierValues(scenario, lines);
                if (ContractOracle.compareLexicographically(values, best[0]) > 0) {
                    best[0] = values;
                }
            }
            return;
        }
        Need need = needs.get(pair);
        Offer offer = offers.get(pair);
        search(scenario, needs, offers, pair + 1, lines, best);
        for (int units = 1; units <= need.openUnits(); units++) {
            lines.add(Allocation.of(offer.id(), need.id(), units, units * offer.unitAmount(need)));
            search(scenario, needs, offers, pair + 1, lines, best);
            lines.remove(lines.size() - 1);
        }
    }
}
