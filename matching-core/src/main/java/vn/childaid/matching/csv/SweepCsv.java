package vn.childaid.matching.csv;

import java.util.ArrayList;
import java.util.List;
import vn.childaid.matching.files.CsvText;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.TierTotal;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.whatif.BudgetSweep.Step;

/**
 * The CSV tables of budget sweeps (see the contract's {@code sweep}), in the form of every CSV file
 * this library writes. Tier columns are named by the tier and hold its T_k ({@link TierTotal#value()}).
 */
public final class SweepCsv {
    private SweepCsv() {}

    /** {@code factor, offeredVnd, <tier>…, needsFunded}: one row per step of a scaling sweep. */
    public static String scaling(List<String> tierNames, List<Step> steps) {
        List<String> columns = new ArrayList<>(List.of("factor", "offeredVnd"));
        columns.addAll(tierNames);
        columns.add("needsFunded");
        List<List<String>> rows = new ArrayList<>();
        for (Step step : steps) {
            List<String> row = new ArrayList<>();
            row.add(step.factor().map(java.math.BigDecimal::toPlainString).orElse(""));
            row.add(Long.toString(step.offeredVnd()));
            tierNames.forEach(tier -> row.add(figure(value(step.plan(), tier))));
            row.add(Integer.toString(step.needsFunded()));
            rows.add(row);
        }
        return CsvText.of(withHeader(columns, rows));
    }

    /**
     * {@code offer, donor, offerVnd, <tier>…, needsFunded}: one row per withdrawn offer, each tier
     * holding what the plan loses there without the offer (the first step's T_k, the scenario as it
     * is, less this step's), {@code needsFunded} the fully funded needs lost likewise. A heuristic
     * re-plan may find more than the first plan did, so a loss can be negative. {@code steps} are
     * a {@link vn.childaid.matching.whatif.BudgetSweep#withdrawingEach} sweep's, the first step
     * first; none gives the header alone. The donor column is empty for a donor who asked to stay
     * anonymous.
     */
    public static String withdrawals(Scenario scenario, List<Step> steps) {
        List<String> tierNames = scenario.policy().tierNames();
        List<Step> withdrawals = steps.isEmpty() ? List.of() : steps.subList(1, steps.size());
        Step base = steps.isEmpty() ? null : steps.get(0);
        List<String> columns = new ArrayList<>(List.of("offer", "donor", "offerVnd"));
        columns.addAll(tierNames);
        columns.add("needsFunded");
        List<List<String>> rows = new ArrayList<>();
        for (Step step : withdrawals) {
            List<String> row = new ArrayList<>();
            var offer = step.withdrawn().orElseThrow(() -> new IllegalArgumentException("a step withdrew no offer"));
            row.add(offer.id());
            row.add(scenario.donor(offer.donor()).anonymous() ? "" : offer.donor());
            row.add(Long.toString(offer.totalValue()));
            tierNames.forEach(tier -> row.add(figure(value(base.plan(), tier) - value(step.plan(), tier))));
            row.add(Integer.toString(base.needsFunded() - step.needsFunded()));
            rows.add(row);
        }
        return CsvText.of(withHeader(columns, rows));
    }

    private static List<List<String>> withHeader(List<String> columns, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>(rows.size() + 1);
        all.add(columns);
        all.addAll(rows);
        return all;
    }

    /** Children to six decimals, the objective's precision: a difference shows no 0.30000000000000004. */
    private static String figure(double children) {
        return java.math.BigDecimal.valueOf(children).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }

    private static double value(Plan plan, String tier) {
        return plan.tier(tier).map(TierTotal::value).orElse(0.0);
    }
}
