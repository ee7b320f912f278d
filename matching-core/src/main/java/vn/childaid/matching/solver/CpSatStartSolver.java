package vn.childaid.matching.solver;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.childaid.matching.policy.Policy;

/**
 * The model's undecided units as a CP-SAT model on allocation lines: an integer x[need, offer] per
 * need with lots and each offer it is eligible for, and every hard rule of the contract over them,
 * commitments and fixed lines being in the facts already — capacity; all-or-nothing; a minimum
 * grant per line unless the need ends fully funded; maxNeeds; maxFundersPerNeed. A literal
 * "complete" per need where all-or-nothing or a minimum grant needs it, "line" per (need, offer)
 * where maxNeeds or a minimum grant applies, "donor" per (need, donor) under maxFundersPerNeed.
 * Capacity rows are divided by the gcd of their coefficients (VND costs are round numbers), which
 * tightens propagation without changing what is feasible.
 *
 * <p>Objective: one priority level, the lots' priority values per unit of each need (what the
 * score's level counts, up to the lots' own rounding), the levels above held at least at the
 * start's values; below the first level the start plan is the hint (see {@link Build#solve}). The caller
 * ({@link SolverRun}) goes level by level and refills the levels below between them.
 *
 * <p>Workers: the machine's processors (at most {@value #MAX_WORKERS}) running in parallel when
 * limited by time alone; with a deterministic limit, {@value #MAX_WORKERS} interleaved on one thread
 * so that a seed gives the same lines on any machine.
 */
final class CpSatStartSolver implements ExactStartSolver {
    private static final Logger LOG = LoggerFactory.getLogger(CpSatStartSolver.class);
    static final int MAX_WORKERS = 8;
    /** Objective coefficients are the value per unit × this, rounded; lowered when sums could overflow. */
    private static final long FINE_SCALE = 1_000;
    private static final double OVERFLOW_GUARD = 1e17;

    private volatile CpSolver running;
    private volatile boolean stopped;

    /** Loaded reflectively by {@link ExactNeighbourhoods}. */
    CpSatStartSolver() {
    }

    @Override
    public void stop() {
        stopped = true;
        CpSolver solver = running;
        if (solver != null) {
            solver.stopSearch();
        }
    }

    /** One need with lots to decide: its open units, level, value per unit and the start's lines. */
    private record Decided(NeedFact need, int units, int level, double valuePerUnit, Map<OfferBudget, Integer> start) {
    }

    @Override
    public Optional<Result> solve(AllocationSolution solution, int level, int randomSeed, double deterministicLimit,
            long deadlineNanos) {
        Map<NeedFact, List<Lot>> lotsByNeed = new LinkedHashMap<>();
        for (Lot lot : solution.getLots()) {
            if (lot.isPinned()) {
                LOG.debug("Exact start skipped: the model has pinned lots, which this encoding does not hold");
                return Optional.empty();
            }
            lotsByNeed.computeIfAbsent(lot.getNeed(), k -> new ArrayList<>()).add(lot);
        }
        List<Decided> needs = new ArrayList<>();
        for (Map.Entry<NeedFact, List<Lot>> entry : lotsByNeed.entrySet()) {
            int units = 0;
            long value = 0;
            Map<OfferBudget, Integer> start = new IdentityHashMap<>();
            for (Lot lot : entry.getValue()) {
                units += lot.getUnits();
                value += lot.getPriorityValue();
                if (lot.getOffer() != null) {
                    start.merge(lot.getOffer(), lot.getUnits(), Integer::sum);
                }
            }
            if (!entry.getKey().getEligibleOffers().isEmpty()) {
                needs.add(new Decided(entry.getKey(), units, entry.getValue().get(0).getPriorityLevel(),
                        (double) value / units, start));
            }
        }
        if (needs.isEmpty()) {
            return Optional.empty();
        }
        return new Build(needs).solve(level, randomSeed, deterministicLimit, deadlineNanos);
    }

    /** One model and its stages. */
    private final class Build {
        private final List<Decided> needs;
        private final CpModel model = new CpModel();
        private final List<Map<OfferBudget, IntVar>> units = new ArrayList<>();
        /** Every variable and its value in the start, for the first hint. */
        private final Map<IntVar, Long> hint = new LinkedHashMap<>();
        private final long scale;

        Build(List<Decided> needs) {
            this.needs = needs;
            double largest = 0;
            for (Decided decided : needs) {
                largest += decided.valuePerUnit() * decided.units();
            }
            long chosen = FINE_SCALE;
            while (chosen > 1 && largest * chosen > OVERFLOW_GUARD) {
                chosen /= 10;
            }
            this.scale = chosen;
            build();
        }

        private void build() {
            Map<OfferBudget, List<IntVar>> capacityVars = new LinkedHashMap<>();
            Map<OfferBudget, List<Long>> capacityCoefficients = new LinkedHashMap<>();
            Map<OfferBudget, LinearExprBuilder> slotsUsed = new LinkedHashMap<>();
            for (Decided decided : needs) {
                NeedFact need = decided.need();
                int open = decided.units();
                int startTotal = decided.start().values().stream().mapToInt(Integer::intValue).sum();
                Map<OfferBudget, IntVar> byOffer = new LinkedHashMap<>();
                LinearExprBuilder total = LinearExpr.newBuilder();
                for (OfferBudget offer : need.getEligibleOffers()) {
                    IntVar x = model.newIntVar(0, open, "x");
                    byOffer.put(offer, x);
                    hint.put(x, (long) decided.start().getOrDefault(offer, 0));
                    total.add(x);
                    capacityVars.computeIfAbsent(offer, o -> new ArrayList<>()).add(x);
                    capacityCoefficients.computeIfAbsent(offer, o -> new ArrayList<>()).add(offer.capacityPerUnit(need));
                }
                units.add(byOffer);
                LinearExpr funded = total.build();
                model.addLessOrEqual(funded, open);
                boolean anyMinGrant = need.getEligibleOffers().stream().anyMatch(o -> o.minGrant() > 0);
                BoolVar complete = null;
                if (!need.divisible() || anyMinGrant) {
                    complete = model.newBoolVar("complete");
                    hint.put(complete, startTotal == open ? 1L : 0L);
                    model.addGreaterOrEqual(funded, open).onlyEnforceIf(complete);
                    if (!need.divisible()) {
                        if (need.getCommittedUnits() > 0) {
                            model.addEquality(complete, 1); // partly funded already: it must be completed
                        } else {
                            model.addLessOrEqual(funded, 0).onlyEnforceIf(complete.not());
                        }
                    }
                }
                Map<String, BoolVar> donorUsed = new LinkedHashMap<>();
                for (Map.Entry<OfferBudget, IntVar> entry : byOffer.entrySet()) {
                    OfferBudget offer = entry.getKey();
                    IntVar x = entry.getValue();
                    boolean startsLine = decided.start().getOrDefault(offer, 0) > 0;
                    boolean takesSlot = offer.maxNeeds() > 0 && !offer.alreadyFunds(need);
                    if (takesSlot || offer.minGrant() > 0) {
                        BoolVar line = model.newBoolVar("line");
                        hint.put(line, startsLine ? 1L : 0L);
                        model.addLessOrEqual(x, 0).onlyEnforceIf(line.not());
                        if (takesSlot) {
                            slotsUsed.computeIfAbsent(offer, o -> LinearExpr.newBuilder()).add(line);
                        }
                        long unitAmount = offer.amountPerUnit(need);
                        if (offer.minGrant() > 0) {
                            // A line below the minimum grant is allowed only when the need ends fully funded.
                            long leastUnits = unitAmount <= 0 ? open + 1L
                                    : Math.floorDiv(offer.minGrant() + unitAmount - 1, unitAmount);
                            if (leastUnits > 1) {
                                model.addGreaterOrEqual(x, Math.min(leastUnits, open + 1L))
                                        .onlyEnforceIf(new Literal[] {line, complete.not()});
                            }
                        }
                    }
                    if (need.getMaxFunders() > 0 && !need.alreadyFundedBy(offer.donor())) {
                        BoolVar used = donorUsed.computeIfAbsent(offer.donor(), d -> model.newBoolVar("donor"));
                        if (startsLine) {
                            hint.put(used, 1L);
                        } else {
                            hint.putIfAbsent(used, 0L);
                        }
                        model.addLessOrEqual(x, 0).onlyEnforceIf(used.not());
                    }
                }
                if (need.getMaxFunders() > 0 && donorUsed.size() + need.committedDonorCount() > need.getMaxFunders()) {
                    model.addLessOrEqual(LinearExpr.sum(donorUsed.values().toArray(BoolVar[]::new)),
                            Math.max(0, need.getMaxFunders() - need.committedDonorCount()));
                }
            }
            for (Map.Entry<OfferBudget, List<IntVar>> entry : capacityVars.entrySet()) {
                long[] coefficients = capacityCoefficients.get(entry.getKey()).stream().mapToLong(Long::longValue).toArray();
                long divisor = gcd(coefficients);
                long[] reduced = Arrays.stream(coefficients).map(c -> c / divisor).toArray();
                model.addLessOrEqual(LinearExpr.weightedSum(entry.getValue().toArray(IntVar[]::new), reduced),
                        Math.floorDiv(Math.max(0, entry.getKey().capacity()), divisor));
            }
            slotsUsed.forEach((offer, used) -> model.addLessOrEqual(used.build(),
                    Math.max(0, offer.maxNeeds() - offer.committedNeedCount())));
        }

        /** Maximises one level, every level above held at least at the start's value. */
        Optional<Result> solve(int level, int randomSeed, double deterministicLimit, long deadlineNanos) {
            LinearExpr value = null;
            long best = 0;
            long hinted = 0;
            for (int held = 0; held <= level; held++) {
                LinearExprBuilder expr = LinearExpr.newBuilder();
                long levelBest = 0;
                long levelHinted = 0;
                for (int n = 0; n < needs.size(); n++) {
                    Decided decided = needs.get(n);
                    if (decided.level() != held) {
                        continue;
                    }
                    long coefficient = Math.round(decided.valuePerUnit() * scale);
                    levelBest += coefficient * decided.units();
                    for (IntVar x : units.get(n).values()) {
                        expr.addTerm(x, coefficient);
                        levelHinted += coefficient * hint.get(x);
                    }
                }
                if (held < level) {
                    model.addGreaterOrEqual(expr.build(), levelHinted);
                } else {
                    value = expr.build();
                    best = levelBest;
                    hinted = levelHinted;
                }
            }
            long nanosLeft = deadlineNanos - System.nanoTime();
            if (hinted >= best || stopped || nanosLeft <= 0) {
                return Optional.empty(); // the start funds all this level could reach, or no time is left
            }
            if (level > 0) {
                // Below the first level the start is the hint: holding the levels above makes a
                // feasible plan hard to find from scratch (province-tier2-tight, second level, 24 s:
                // none without the hint). The first level is solved from scratch: from the greedy's
                // plan CP-SAT's neighbourhood search stayed near it (province-weighted, 60 s: 94.6%
                // of the bound with the hint, 99.5% without); the start is kept if it does better.
                hint.forEach((x, v) -> model.addHint(x, v));
            }
            model.maximize(value);
            CpSolver solver = new CpSolver();
            solver.getParameters().setRandomSeed(randomSeed).setCatchSigintSignal(false).setLogSearchProgress(false)
                    .setMaxTimeInSeconds(nanosLeft / 1e9);
            if (Double.isFinite(deterministicLimit)) {
                // Interleaved on one thread: the same seed gives the same lines on any machine.
                solver.getParameters().setNumWorkers(MAX_WORKERS).setInterleaveSearch(true)
                        .setMaxDeterministicTime(deterministicLimit);
            } else {
                solver.getParameters().setNumWorkers(
                        Math.max(1, Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors())));
            }
            CpSolverStatus status;
            running = solver;
            try {
                if (stopped) {
                    return Optional.empty();
                }
                status = solver.solve(model);
            } finally {
                running = null;
            }
            boolean found = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
            LOG.debug("Exact start, level {}: {} after {} s, value {} (start {}), bound {}", level + 1, status,
                    solver.wallTime(), found ? solver.value(value) / (double) scale : Double.NaN,
                    hinted / (double) scale, solver.bestObjectiveBound() / scale);
            if (!found) {
                return Optional.empty();
            }
            List<Line> lines = new ArrayList<>();
            for (int n = 0; n < needs.size(); n++) {
                for (Map.Entry<OfferBudget, IntVar> entry : units.get(n).entrySet()) {
                    long funded = solver.value(entry.getValue());
                    if (funded > 0) {
                        lines.add(new Line(needs.get(n).need(), entry.getKey(), Math.toIntExact(funded)));
                    }
                }
            }
            return Optional.of(new Result(lines, status == CpSolverStatus.OPTIMAL));
        }
    }

    private static long gcd(long[] values) {
        BigInteger divisor = BigInteger.ZERO;
        for (long value : values) {
            divisor = divisor.gcd(BigInteger.valueOf(value));
        }
        return divisor.signum() == 0 ? 1 : divisor.longValueExact();
    }
}
