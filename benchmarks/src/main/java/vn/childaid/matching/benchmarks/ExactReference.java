package vn.childaid.matching.benchmarks;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * The contract as a mixed-integer program, solved tier by tier (lexicographically) with OR-Tools:
 * the optimum on small scenarios, and with {@link #linearRelaxation} an upper bound on large ones.
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

    private final Scenario scenario;
    private final boolean integral;
    private final MPSolver solver;
    private final Map<Need, Map<Offer, MPVariable>> units = new LinkedHashMap<>();
    private final List<Map<MPVariable, Double>> tierTerms = new ArrayList<>();
    private final double[] committedValue;

    static {
        Loader.loadNativeLibraries();
    }

    private ExactReference(Scenario scenario, boolean integral) {
        this.scenario = scenario;
        this.integral = integral;
        this.solver = MPSolver.createSolver(integral ? "SCIP" : "GLOP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no " + (integral ? "SCIP" : "GLOP") + " solver here");
        }
        this.committedValue = new double[scenario.policy().tierCount()];
        for (int i = 0; i < scenario.policy().tierCount(); i++) {
            tierTerms.add(new HashMap<>());
        }
        build();
    }

    /** The lexicographic optimum (or the best found within {@code limitPerTier} for each tier). */
    public static Result optimum(Scenario scenario, int tiers, Duration limitPerTier) {
        return new ExactReference(scenario, true).solve(tiers, limitPerTier, new double[0]);
    }

    /**
     * An upper bound on each tier's value: the linear relaxation, tier by tier, each later tier
     * bounded among plans that keep the earlier tiers at least at {@code earlierTiersAtLeast}
     * (pass the best known plan's values; empty keeps them at the relaxation's own maxima).
     */
    public static Result linearRelaxation(Scenario scenario, int tiers, double... earlierTiersAtLeast) {
        return new ExactReference(scenario, false).solve(tiers, Duration.ofMinutes(10), earlierTiersAtLeast);
    }

    private MPVariable variable(double upper, String name) {
        return integral ? solver.makeIntVar(0, upper, name) : solver.makeNumVar(0, upper, name);
    }

    private MPVariable binary(String name) {
        return integral ? solver.makeBoolVar(name) : solver.makeNumVar(0, 1, name);
    }

    private void build() {
        Map<String, Integer> committedUnits = new HashMap<>();
        Map<String, Long> committedUse = new HashMap<>();
        Map<String, Set<String>> committedNeedsOfOffer = new HashMap<>();
        Map<String, Set<String>> committedDonorsOfNeed = new HashMap<>();
        for (Commitment c : scenario.commitments()) {
            Offer offer = scenario.offer(c.offer());
            Need need = scenario.need(c.need());
            committedUnits.merge(need.id(), c.units(), Integer::sum);
            committedUse.merge(offer.id(), offer.isCash() ? c.units() * need.unitCost() : c.units(), Long::sum);
            committedNeedsOfOffer.computeIfAbsent(offer.id(), k -> new HashSet<>()).add(need.id());
            committedDonorsOfNeed.computeIfAbsent(need.id(), k -> new HashSet<>()).add(offer.donor());
            committedValue[scenario.tierOf(need)] += scenario.policy().categoryWeight(need.category())
                    * PlanAssembler.reachedChildren(need, c.units());
        }
        Map<Offer, MPConstraint> capacity = new HashMap<>();
        Map<Offer, MPConstraint> maxNeeds = new HashMap<>();
        for (Offer offer : scenario.offers()) {
            long left = (offer.isCash() ? offer.amount() : offer.quantity()) - committedUse.getOrDefault(offer.id(), 0L);
            capacity.put(offer, solver.makeConstraint(-MPSolver.infinity(), left, "cap:" + offer.id()));
            if (offer.maxNeeds() > 0) {
                int free = offer.maxNeeds() - committedNeedsOfOffer.getOrDefault(offer.id(), Set.of()).size();
                maxNeeds.put(offer, solver.makeConstraint(-MPSolver.infinity(), Math.max(0, free), "maxNeeds:" + offer.id()));
            }
        }
        int maxFunders = scenario.policy().maxFundersPerNeed();
        for (Need need : scenario.needs()) {
            int open = need.openUnits() - committedUnits.getOrDefault(need.id(), 0);
            List<Offer> eligible = scenario.eligibleOffers(need);
            if (open <= 0 || eligible.isEmpty()) {
                continue;
            }
            int tier = scenario.tierOf(need);
            double valuePerUnit = scenario.policy().categoryWeight(need.category()) * need.children() / (double) need.quantity();
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
                    if (committedUnits.getOrDefault(need.id(), 0) > 0) {
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
            Set<String> committedDonors = committedDonorsOfNeed.getOrDefault(need.id(), Set.of());
            for (Map.Entry<Offer, MPVariable> entry : needUnits.entrySet()) {
                Offer offer = entry.getKey();
                MPVariable x = entry.getValue();
                total.setCoefficient(x, 1);
                capacity.get(offer).setCoefficient(x, offer.isCash() ? need.unitCost() : 1);
                tierTerms.get(tier).merge(x, valuePerUnit, Double::sum);
                boolean countsForMaxNeeds = maxNeeds.containsKey(offer)
                        && !committedNeedsOfOffer.getOrDefault(offer.id(), Set.of()).contains(need.id());
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
        if (integral) {
            units.forEach((need, byOffer) -> byOffer.forEach((offer, x) -> {
                int funded = (int) Math.round(x.solutionValue());
                if (funded > 0) {
                    lines.add(new Allocation(offer.id(), need.id(), funded, funded * offer.unitAmount(need), false));
                }
            }));
        }
        return lines;
    }

    private Result solve(int tiers, Duration limitPerTier, double[] earlierTiersAtLeast) {
        long start = System.nanoTime();
        int count = Math.min(tiers, tierTerms.size());
        double[] values = committedValue.clone();
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
            // Keep this tier at its value (or at least the given one) while the next is maximised.
            double floor = k < earlierTiersAtLeast.length ? earlierTiersAtLeast[k] - committedValue[k] : best;
            MPConstraint keep = solver.makeConstraint(floor - 1e-6, MPSolver.infinity(), "keepTier" + k);
            tierTerms.get(k).forEach(keep::setCoefficient);
        }
        return new Result(java.util.Arrays.copyOf(values, count), optimal, (System.nanoTime() - start) / 1_000_000, lines);
    }
}
