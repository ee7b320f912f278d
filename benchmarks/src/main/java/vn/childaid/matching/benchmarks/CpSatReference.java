package vn.childaid.matching.benchmarks;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.PlanAudit;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.rules.HardRules;
import vn.childaid.matching.rules.RuleViolation;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * The contract as a CP-SAT model (OR-Tools), the solver a user would pick instead of the engine:
 * lexicographic tier by tier under a STRICT policy, one objective Σ weight_k × T_k under WEIGHTED.
 * Its plans are never taken on trust: every plan goes through {@link PlanAudit}, and a plan the
 * audit rejects is reported as rejected.
 *
 * <p>Variables: units {@code x[n,o]} for each need and eligible offer ({@link EligibleLines}, shared
 * with the SCIP model); a literal "complete" per need that is indivisible (Σx = open × complete) or
 * has an eligible offer with a minimum grant (complete ⇒ Σx = open); a literal "line" where maxNeeds
 * or a minimum grant applies (x > 0 ⇒ line; line ∧ ¬complete ⇒ x ≥ ⌈minGrant / unit amount⌉;
 * Σ line ≤ the offer's slots left); a literal per need and donor under maxFundersPerNeed. Capacity
 * rows are divided by the gcd of their coefficients (VND costs are round numbers), which tightens
 * CP-SAT's propagation without changing the feasible set. Commitments are constants, as in the
 * engine. Objective coefficients are children per unit × category weight (× tier weight), scaled by
 * the least power of ten that makes them whole; where none up to 10⁴ does, they are rounded at 10³
 * and the reported bound is loosened by the largest rounding error, so it stays a bound.
 *
 * <p>Time: a checkpoint's budget counts from the start of model building. Under STRICT, tier k of K
 * gets (budget left) / (K − k): half of it to T_1 when K = 2, and all that T_1 did not use to T_2. Each
 * tier starts from the previous tier's plan (a hint) and keeps the previous tier at the value found.
 * Two workers ({@link #WORKERS}); run it apart from the engine, so neither slows the other.
 */
public final class CpSatReference {
    /** CP-SAT's workers: the machine's two cores, when the engine is not running. */
    public static final int WORKERS = 2;

    static {
        Loader.loadNativeLibraries();
    }

    /**
     * What one run found.
     *
     * @param plan the best plan, audited; empty when CP-SAT found none in time
     * @param violations what the audit found wrong with the plan (a rejected plan is not a result)
     * @param stageValues per stage (tier k under STRICT; the one weighted objective under WEIGHTED) the best
     *     value found, NaN where the stage was not reached
     * @param stageBounds per stage CP-SAT's proven upper bound (under STRICT on tier k among plans keeping the
     *     earlier tiers at the values found), NaN where not reached
     * @param optimal whether every stage was proven optimal
     * @param millis wall time, model building included
     */
    public record Result(Optional<Plan> plan, List<RuleViolation> violations, double[] stageValues, double[] stageBounds,
            boolean optimal, long millis) {
        /** A plan the audit accepts. */
        public boolean accepted() {
            return plan.isPresent() && violations.isEmpty();
        }
    }

    private final Scenario scenario;
    private final EligibleLines data;
    private final CpModel model = new CpModel();
    private final Map<Need, Map<Offer, IntVar>> units = new LinkedHashMap<>();
    private final List<IntVar> allUnits = new ArrayList<>();
    /** Objective terms per tier: x and its scaled value per unit. */
    private final List<Map<IntVar, Long>> tierTerms = new ArrayList<>();
    private final long scale;
    private final boolean exactValues;
    private long openUnitsInAll;

    private CpSatReference(Scenario scenario) {
        this.scenario = scenario;
        this.data = new EligibleLines(scenario);
        for (int k = 0; k < scenario.policy().tierCount(); k++) {
            tierTerms.add(new LinkedHashMap<>());
        }
        long found = 0;
        for (long candidate = 1; candidate <= 10_000; candidate *= 10) {
            if (allWhole(candidate)) {
                found = candidate;
                break;
            }
        }
        this.exactValues = found > 0;
        this.scale = exactValues ? found : 1_000;
        build();
    }

    /**
     * The best plan CP-SAT finds within {@code budget}: under STRICT lexicographically over the first
     * {@code tiers} tiers, under WEIGHTED for Σ weight_k × T_k over all tiers.
     */
    public static Result solve(Scenario scenario, int tiers, Duration budget) {
        long start = System.nanoTime();
        CpSatReference reference = new CpSatReference(scenario);
        long[] weights = EligibleLines.weightsOrNull(scenario.policy());
        return weights == null ? reference.lexicographic(Math.min(tiers, scenario.policy().tierCount()), start, budget)
                : reference.weighted(weights, start, budget);
    }

    private boolean allWhole(long candidate) {
        for (EligibleLines.NeedLines line : data.needs()) {
            double scaled = line.valuePerUnit() * candidate;
            if (Math.abs(scaled - Math.rint(scaled)) > 1e-6) {
                return false;
            }
        }
        return true;
    }

    private long scaled(double valuePerUnit) {
        return Math.round(valuePerUnit * scale);
    }

    private void build() {
        Residual residual = data.residual();
        Map<Offer, List<IntVar>> capacityVars = new HashMap<>();
        Map<Offer, List<Long>> capacityCoefficients = new HashMap<>();
        Map<Offer, LinearExprBuilder> slotsUsed = new HashMap<>();
        int maxFunders = scenario.policy().maxFundersPerNeed();
        for (EligibleLines.NeedLines lines : data.needs()) {
            Need need = lines.need();
            int open = lines.open();
            openUnitsInAll += open;
            Map<Offer, IntVar> needUnits = new LinkedHashMap<>();
            LinearExprBuilder total = LinearExpr.newBuilder();
            for (Offer offer : lines.eligible()) {
                IntVar x = model.newIntVar(0, open, "x:" + need.id() + ":" + offer.id());
                needUnits.put(offer, x);
                allUnits.add(x);
                total.add(x);
                capacityVars.computeIfAbsent(offer, o -> new ArrayList<>()).add(x);
                capacityCoefficients.computeIfAbsent(offer, o -> new ArrayList<>()).add(Residual.capacityPerUnit(offer, need));
                tierTerms.get(lines.tier()).merge(x, scaled(lines.valuePerUnit()), Long::sum);
            }
            LinearExpr funded = total.build();
            boolean anyMinGrant = lines.eligible().stream().anyMatch(o -> o.minGrant() > 0);
            BoolVar complete = null;
            if (!need.divisible() || anyMinGrant) {
                complete = model.newBoolVar("complete:" + need.id());
                model.addGreaterOrEqual(funded, open).onlyEnforceIf(complete);
                if (!need.divisible()) {
                    model.addLessOrEqual(funded, 0).onlyEnforceIf(complete.not()); // all or nothing
                    if (residual.hasCommitments(need)) {
                        model.addEquality(complete, 1);
                    }
                }
            }
            model.addLessOrEqual(funded, open);
            Map<String, BoolVar> donorUsed = new HashMap<>();
            Set<String> committedDonors = residual.committedDonors(need);
            for (Map.Entry<Offer, IntVar> entry : needUnits.entrySet()) {
                Offer offer = entry.getKey();
                IntVar x = entry.getValue();
                boolean takesSlot = residual.takesNeedSlot(offer, need);
                if (takesSlot || offer.minGrant() > 0) {
                    BoolVar line = model.newBoolVar("line:" + need.id() + ":" + offer.id());
                    model.addLessOrEqual(x, 0).onlyEnforceIf(line.not());
                    if (takesSlot) {
                        slotsUsed.computeIfAbsent(offer, o -> LinearExpr.newBuilder()).add(line);
                    }
                    if (offer.minGrant() > 0) {
                        long unitAmount = HardRules.lineAmount(offer, need, 1);
                        // A line below the minimum grant is allowed only when the need ends fully funded.
                        long leastUnits = unitAmount <= 0 ? open + 1L : Math.floorDiv(offer.minGrant() + unitAmount - 1, unitAmount);
                        if (leastUnits > 1) {
                            model.addGreaterOrEqual(x, leastUnits).onlyEnforceIf(new Literal[] {line, complete.not()});
                        }
                    }
                }
                if (maxFunders > 0 && !committedDonors.contains(offer.donor())) {
                    BoolVar used = donorUsed.computeIfAbsent(offer.donor(), d -> model.newBoolVar("donor:" + need.id() + ":" + d));
                    model.addLessOrEqual(x, 0).onlyEnforceIf(used.not());
                }
            }
            if (maxFunders > 0 && donorUsed.size() + committedDonors.size() > maxFunders) {
                model.addLessOrEqual(LinearExpr.sum(donorUsed.values().toArray(BoolVar[]::new)),
                        maxFunders - committedDonors.size());
            }
            units.put(need, needUnits);
        }
        for (Map.Entry<Offer, List<IntVar>> entry : capacityVars.entrySet()) {
            Offer offer = entry.getKey();
            long[] coefficients = capacityCoefficients.get(offer).stream().mapToLong(Long::longValue).toArray();
            long divisor = gcd(coefficients);
            long[] reduced = Arrays.stream(coefficients).map(c -> c / divisor).toArray();
            model.addLessOrEqual(LinearExpr.weightedSum(entry.getValue().toArray(IntVar[]::new), reduced),
                    Math.floorDiv(residual.capacityLeft(offer), divisor));
        }
        slotsUsed.forEach((offer, used) -> model.addLessOrEqual(used.build(), residual.needSlotsLeft(offer)));
    }

    private static long gcd(long[] values) {
        BigInteger divisor = BigInteger.ZERO;
        for (long value : values) {
            divisor = divisor.gcd(BigInteger.valueOf(value));
        }
        return divisor.signum() == 0 ? 1 : divisor.longValueExact();
    }

    private LinearExpr objective(Map<IntVar, Long> terms) {
        LinearExprBuilder expr = LinearExpr.newBuilder();
        terms.forEach(expr::addTerm);
        return expr.build();
    }

    private Result lexicographic(int tiers, long start, Duration budget) {
        long deadline = start + budget.toNanos();
        double[] values = new double[tiers];
        double[] bounds = new double[tiers];
        Arrays.fill(values, Double.NaN);
        Arrays.fill(bounds, Double.NaN);
        boolean optimal = true;
        List<Allocation> lines = null;
        for (int k = 0; k < tiers; k++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                optimal = false;
                break;
            }
            model.clearObjective();
            model.maximize(objective(tierTerms.get(k)));
            CpSolver solver = solver(left / (tiers - k));
            CpSolverStatus status = solver.solve(model);
            if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
                optimal = false;
                break;
            }
            optimal &= status == CpSolverStatus.OPTIMAL;
            long best = Math.round(solver.objectiveValue());
            values[k] = best / (double) scale + data.residual().committedValue(k);
            bounds[k] = boundOf(solver) + data.residual().committedValue(k);
            lines = linesOf(solver);
            hintFrom(solver);
            model.addGreaterOrEqual(objective(tierTerms.get(k)), best); // keep tier k while the next is maximised
        }
        return result(lines, values, bounds, optimal, start);
    }

    private Result weighted(long[] weights, long start, Duration budget) {
        Map<IntVar, Long> terms = new LinkedHashMap<>();
        double committed = 0;
        for (int k = 0; k < tierTerms.size(); k++) {
            long weight = weights[k];
            tierTerms.get(k).forEach((x, value) -> terms.merge(x, weight * value, Long::sum));
            committed += weight * data.residual().committedValue(k);
        }
        model.maximize(objective(terms));
        long left = start + budget.toNanos() - System.nanoTime();
        double[] values = {Double.NaN};
        double[] bounds = {Double.NaN};
        if (left <= 0) {
            return result(null, values, bounds, false, start);
        }
        CpSolver solver = solver(left);
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return result(null, values, bounds, false, start);
        }
        long maxWeight = Arrays.stream(weights).max().orElse(1);
        values[0] = Math.round(solver.objectiveValue()) / (double) scale + committed;
        bounds[0] = solver.bestObjectiveBound() / scale + (exactValues ? 0 : maxWeight * 0.5 * openUnitsInAll / scale) + committed;
        return result(linesOf(solver), values, bounds, status == CpSolverStatus.OPTIMAL, start);
    }

    private CpSolver solver(long nanos) {
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(WORKERS).setMaxTimeInSeconds(nanos / 1e9).setLogSearchProgress(false)
                .setCatchSigintSignal(false); // Ctrl-C ends the benchmark, not one CP-SAT run
        return solver;
    }

    /** CP-SAT's bound in tier units, loosened by the rounding error when the values were rounded. */
    private double boundOf(CpSolver solver) {
        return solver.bestObjectiveBound() / scale + (exactValues ? 0 : 0.5 * openUnitsInAll / scale);
    }

    private void hintFrom(CpSolver solver) {
        model.clearHints();
        for (IntVar x : allUnits) {
            model.addHint(x, solver.value(x));
        }
    }

    private List<Allocation> linesOf(CpSolver solver) {
        List<Allocation> lines = new ArrayList<>(PlanAssembler.committedLines(scenario));
        units.forEach((need, byOffer) -> byOffer.forEach((offer, x) -> {
            long funded = solver.value(x);
            if (funded > 0) {
                lines.add(Allocation.of(offer.id(), need.id(), (int) funded, HardRules.lineAmount(offer, need, funded)));
            }
        }));
        return lines;
    }

    private Result result(List<Allocation> lines, double[] values, double[] bounds, boolean optimal, long start) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (lines == null) {
            return new Result(Optional.empty(), List.of(), values, bounds, false, millis);
        }
        Plan plan = PlanAssembler.fromLines(scenario, lines, "CP-SAT", SolverStats.NONE);
        return new Result(Optional.of(plan), PlanAudit.audit(scenario, plan), values, bounds, optimal, millis);
    }
}
