package vn.childaid.matching.benchmarks;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * The contract as a mixed-integer program, solved tier by tier (lexicographically) with OR-Tools:
 * the optimum on small scenarios, and from a known plan a proven bound ({@link #tierBound}); the LP
 * bound is {@link PricedBound}'s.
 *
 * <p>Variables: units {@code x[n,o]} for each need and eligible offer; for an indivisible need a
 * binary "funded" that ties its units to all or nothing; where maxNeeds or minGrant apply a binary
 * "line exists"; where maxFundersPerNeed applies a binary per donor and need; where minGrant
 * applies a binary "need complete" that lifts it. Commitments are constants, as in the engine.
 */
public final class ExactReference {
    /**
     * Tier values T_1, T_2, …, whether each was proven optimal, the time taken, and (for the MIP)
     * the allocation lines found, commitments included, so a checker can audit them.
     */
    public record Result(double[] tierValues, boolean optimal, long millis, List<Allocation> allocations) {
    }

    /** One tier's best value found and the proven upper bound on it ({@code NaN} both when SCIP found no plan). */
    public record TierBound(double best, double bound, boolean optimal, long millis) {
    }

    private static final int SCIP_MEMORY_MEGABYTES = 6_000;

    private final Scenario scenario;
    private final MPSolver solver;
    private final Map<Need, Map<Offer, MPVariable>> units = new LinkedHashMap<>();
    private final List<Map<MPVariable, Double>> tierTerms = new ArrayList<>();
    private final Residual residual;
    private final EligibleLines data;

    static {
        Loader.loadNativeLibraries();
    }

    private ExactReference(Scenario scenario) {
        this.scenario = scenario;
        this.solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no SCIP solver here");
        }
        this.data = new EligibleLines(scenario);
        this.residual = data.residual();
        for (int i = 0; i < scenario.policy().tierCount(); i++) {
            tierTerms.add(new HashMap<>());
        }
        build();
    }

    /** The lexicographic optimum (or the best found within {@code limitPerTier} for each tier). */
    public static Result optimum(Scenario scenario, int tiers, Duration limitPerTier) {
        return new ExactReference(scenario).solve(tiers, limitPerTier);
    }

    /**
     * SCIP's proven upper bound on tier {@code tier} (0-based) among plans that keep each earlier
     * tier at least at {@code earlierTiersAtLeast}, searched from the hint's lines (a known plan,
     * e.g. the engine's) for at most {@code limit}. The bound is what SCIP's branch and bound has
     * proven by then, so it is never below the optimum and usually well below the LP bound.
     */
    public static TierBound tierBound(Scenario scenario, int tier, double[] earlierTiersAtLeast, List<Allocation> hint,
            Duration limit) {
        ExactReference model = new ExactReference(scenario);
        return model.boundTier(tier, earlierTiersAtLeast, hint, limit);
    }

    /**
     * SCIP's proven upper bound on Σ weight_k × T_k over all tiers (the measure of a WEIGHTED
     * policy), searched from the hint's lines for at most {@code limit}.
     */
    public static TierBound weightedBound(Scenario scenario, long[] weights, List<Allocation> hint, Duration limit) {
        ExactReference model = new ExactReference(scenario);
        Map<MPVariable, Double> terms = new HashMap<>();
        double committed = 0;
        for (int k = 0; k < model.tierTerms.size(); k++) {
            long weight = weights[k];
            model.tierTerms.get(k).forEach((x, value) -> terms.merge(x, weight * value, Double::sum));
            committed += weight * model.residual.committedValue(k);
        }
        return model.bound(terms, committed, hint, limit);
    }

    private TierBound boundTier(int tier, double[] earlierTiersAtLeast, List<Allocation> hint, Duration limit) {
        for (int k = 0; k < tier; k++) {
            MPConstraint keep = solver.makeConstraint(earlierTiersAtLeast[k] - residual.committedValue(k) - 1e-6,
                    MPSolver.infinity(), "keepTier" + k);
            tierTerms.get(k).forEach(keep::setCoefficient);
        }
        return bound(tierTerms.get(tier), residual.committedValue(tier), hint, limit);
    }

    private TierBound bound(Map<MPVariable, Double> terms, double committed, List<Allocation> hint, Duration limit) {
        long start = System.nanoTime();
        List<MPVariable> hinted = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Allocation line : hint) {
            if (line.committed()) {
                continue;
            }
            MPVariable x = units.getOrDefault(scenario.need(line.need()), Map.of()).get(scenario.offer(line.offer()));
            if (x != null) {
                hinted.add(x);
                values.add((double) line.units());
            }
        }
        solver.setHint(hinted.toArray(MPVariable[]::new), values.stream().mapToDouble(Double::doubleValue).toArray());
        MPObjective objective = solver.objective();
        terms.forEach(objective::setCoefficient);
        objective.setMaximization();
        solver.setTimeLimit(limit.toMillis());
        // SCIP's search tree grew past 20 GB on the province scenario in half an hour: cap it.
        solver.setSolverSpecificParametersAsString("limits/memory = " + SCIP_MEMORY_MEGABYTES);
        MPSolver.ResultStatus status = solver.solve();
        boolean found = status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
        // Without a plan SCIP may stop before its first bound (province: the memory cap, bound 0): no bound then.
        return new TierBound(found ? objective.value() + committed : Double.NaN,
                found ? objective.bestBound() + committed : Double.NaN,
                status == MPSolver.ResultStatus.OPTIMAL,
                (System.nanoTime() - start) / 1_000_000);
    }

    private MPVariable variable(double upper, String name) {
        return solver.makeIntVar(0, upper, name);
    }

    private MPVariable binary(String name) {
        return solver.makeBoolVar(name);
    }

    private void build() {
        Map<Offer, MPConstraint> capacity = new HashMap<>();
        Map<Offer, MPConstraint> maxNeeds = new HashMap<>();
        for (Offer offer : scenario.offers()) {
            capacity.put(offer, solver.makeConstraint(-MPSolver.infinity(), residual.capacityLeft(offer), "cap:" + offer.id()));
            if (offer.maxNeeds() > 0) {
                maxNeeds.put(offer, solver.makeConstraint(-MPSolver.infinity(), residual.needSlotsLeft(offer),
                        "maxNeeds:" + offer.id()));
            }
        }
        int maxFunders = scenario.policy().maxFundersPerNeed();
        for (EligibleLines.NeedLines lines : data.needs()) {
            Need need = lines.need();
            int open = lines.open();
            List<Offer> eligible = lines.eligible();
            int tier = lines.tier();
            double valuePerUnit = lines.valuePerUnit();
            Map<Offer, MPVariable> needUnits = new LinkedHashMap<>();
            MPConstraint total = solver.makeConstraint(-MPSolver.infinity(), open, "open:" + need.id());
            MPVariable complete = null;
            boolean anyMinGrant = eligible.stream().anyMatch(o -> o.minGrant() > 0);
            if (!need.divisible() || anyMinGrant) {
                complete = binary("complete:" + need.id());
                // complete ⇒ all open units funded: Σx ≥ open × complete
                MPConstraint completeness = solver.makeConstraint(0, MPSolver.infinity(), "isComplete:" + need.id());
                completeness.setCoefficient(complete, -open);
                if (!need.divisible()) {
                    // all or nothing: Σx ≤ open × complete, so Σx ∈ {0, open}
                    total.setBounds(-MPSolver.infinity(), 0);
                    total.setCoefficient(complete, -open);
                    if (residual.hasCommitments(need)) {
                        complete.setBounds(1, 1);
                    }
                }
                for (Offer offer : eligible) {
                    MPVariable x = variable(open, "x:" + need.id() + ":" + offer.id());
                    needUnits.put(offer, x);
                    completeness.setCoefficient(x, 1);
                }
            } else {
                for (Offer offer : eligible) {
                    needUnits.put(offer, variable(open, "x:" + need.id() + ":" + offer.id()));
                }
            }
            Map<String, MPVariable> donorUsed = new HashMap<>();
            Set<String> committedDonors = residual.committedDonors(need);
            for (Map.Entry<Offer, MPVariable> entry : needUnits.entrySet()) {
                Offer offer = entry.getKey();
                MPVariable x = entry.getValue();
                total.setCoefficient(x, 1);
                capacity.get(offer).setCoefficient(x, Residual.capacityPerUnit(offer, need));
                tierTerms.get(tier).merge(x, valuePerUnit, Double::sum);
                boolean countsForMaxNeeds = residual.takesNeedSlot(offer, need);
                if (countsForMaxNeeds || offer.minGrant() > 0) {
                    MPVariable line = binary("line:" + need.id() + ":" + offer.id());
                    MPConstraint link = solver.makeConstraint(-MPSolver.infinity(), 0, "lineLink:" + need.id() + ":" + offer.id());
                    link.setCoefficient(x, 1);
                    link.setCoefficient(line, -open);
                    if (countsForMaxNeeds) {
                        maxNeeds.get(offer).setCoefficient(line, 1);
                    }
                    if (offer.minGrant() > 0) {
                        // amount ≥ minGrant × line − minGrant × complete
                        MPConstraint grant = solver.makeConstraint(0, MPSolver.infinity(), "minGrant:" + need.id() + ":" + offer.id());
                        grant.setCoefficient(x, offer.unitAmount(need));
                        grant.setCoefficient(line, -offer.minGrant());
                        grant.setCoefficient(complete, offer.minGrant());
                    }
                }
                if (maxFunders > 0 && !committedDonors.contains(offer.donor())) {
                    MPVariable used = donorUsed.computeIfAbsent(offer.donor(), d -> binary("donor:" + need.id() + ":" + d));
                    MPConstraint link = solver.makeConstraint(-MPSolver.infinity(), 0, "donorLink:" + need.id() + ":" + offer.id());
                    link.setCoefficient(x, 1);
                    link.setCoefficient(used, -open);
                }
            }
            if (maxFunders > 0 && donorUsed.size() + committedDonors.size() > maxFunders) {
                MPConstraint funders = solver.makeConstraint(-MPSolver.infinity(), maxFunders - committedDonors.size(),
                        "maxFunders:" + need.id());
                donorUsed.values().forEach(v -> funders.setCoefficient(v, 1));
            }
            units.put(need, needUnits);
        }
    }

    private List<Allocation> currentLines() {
        List<Allocation> lines = new ArrayList<>(PlanAssembler.committedLines(scenario));
        units.forEach((need, byOffer) -> byOffer.forEach((offer, x) -> {
            int funded = (int) Math.round(x.solutionValue());
            if (funded > 0) {
                lines.add(Allocation.of(offer.id(), need.id(), funded, funded * offer.unitAmount(need)));
            }
        }));
        return lines;
    }

    private Result solve(int tiers, Duration limitPerTier) {
        long start = System.nanoTime();
        int count = Math.min(tiers, tierTerms.size());
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            values[k] = residual.committedValue(k);
        }
        boolean optimal = true;
        List<Allocation> lines = List.of();
        for (int k = 0; k < count; k++) {
            MPObjective objective = solver.objective();
            objective.clear();
            tierTerms.get(k).forEach(objective::setCoefficient);
            objective.setMaximization();
            solver.setTimeLimit(limitPerTier.toMillis());
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                throw new IllegalStateException("tier " + (k + 1) + ": " + status);
            }
            optimal &= status == MPSolver.ResultStatus.OPTIMAL;
            double best = objective.value();
            values[k] += best;
            lines = currentLines(); // read before the model changes: changing it forgets the solution
            // Keep this tier at its value while the next is maximised.
            MPConstraint keep = solver.makeConstraint(best - 1e-6, MPSolver.infinity(), "keepTier" + k);
            tierTerms.get(k).forEach(keep::setCoefficient);
        }
        return new Result(values, optimal, (System.nanoTime() - start) / 1_000_000, lines);
    }
}
