package vn.childaid.matching.engine;

import java.util.ArrayList;
import java.util.List;
import vn.childaid.matching.ContractOracle;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.OfferKind;
import vn.childaid.matching.scenario.Scenario;

/**
 * The best tier values, by the policy's own measure, over every unit allocation of a tiny scenario,
 * judged by {@link ContractOracle} alone.
 */
public final class ExhaustiveOptimum {
    private ExhaustiveOptimum() {}

    public static double[] tierValues(Scenario scenario) {
        List<Need> needs = new ArrayList<>();
        List<Offer> offers = new ArrayList<>();
        for (Need need : scenario.needs()) {
            for (Offer offer : scenario.offers()) {
                // A new line of an ineligible pair always breaks a rule: no optimum holds one.
                if (ContractOracle.eligible(scenario, offer, need)) {
                    needs.add(need);
                    offers.add(offer);
                }
            }
        }
        List<Allocation> committed = ContractOracle.committedLines(scenario);
        double[][] best = {ContractOracle.tierValues(scenario, committed)};
        search(scenario, needs, offers, 0, new ArrayList<>(committed), best);
        return best[0];
    }

    private static void search(Scenario scenario, List<Need> needs, List<Offer> offers, int pair,
            List<Allocation> lines, double[][] best) {
        if (pair == needs.size()) {
            if (ContractOracle.broken(scenario, lines).isEmpty()) {
                double[] values = ContractOracle.tierValues(scenario, lines);
                if (ContractOracle.compare(scenario.policy(), values, best[0]) > 0) {
                    best[0] = values;
                }
            }
            return;
        }
        Need need = needs.get(pair);
        Offer offer = offers.get(pair);
        search(scenario, needs, offers, pair + 1, lines, best);
        for (int units = 1; units <= need.quantity() - need.alreadyCovered(); units++) {
            long amount = units * (offer.kind() == OfferKind.CASH ? need.unitCost() : offer.unitValue());
            lines.add(Allocation.of(offer.id(), need.id(), units, amount));
            search(scenario, needs, offers, pair + 1, lines, best);
            lines.remove(lines.size() - 1);
        }
    }
}
