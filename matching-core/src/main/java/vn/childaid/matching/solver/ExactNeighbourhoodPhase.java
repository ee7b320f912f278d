package vn.childaid.matching.solver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.childaid.matching.policy.Policy;

/**
 * The exact re-optimisation of neighbourhoods (a matheuristic), as one OptaPlanner custom-phase
 * command that re-decides one neighbourhood per call; the phase lists it many times, so OptaPlanner
 * checks its terminations and records a new best plan between neighbourhoods.
 *
 * <p>A neighbourhood is a seed offer and the {@code k} offers sharing most eligible needs with it,
 * the needs of higher priority levels weighing far more ({@link #affinity}); seeds are the offers
 * that could fund demand still unfunded, the highest level's first. Its lots are solved exactly
 * ({@link NeighbourhoodSolver}), written back through the score director, and kept only if the
 * whole score is not worse, so an encoding slip or a lower soft level the exact model does not see
 * can never make the plan worse. {@code k} adapts: it grows while neighbourhoods solve to proven
 * optimality well within the limit, shrinks when one does not, and grows further after a pass over
 * every seed gains nothing; when the largest size gains nothing either, the command does nothing
 * more and the phase ends at once.
 *
 * <p>Deterministic for a seed: CP-SAT interleaves its workers deterministically, with a fixed seed
 * and a deterministic work limit, and the order of neighbourhoods depends only on the plan and the
 * seed; only the wall-time limits (the solve's deadline, the phase's share of it, a cap per
 * neighbourhood) can make two runs differ, so a count-limited solve is repeatable when its time
 * limit is generous.
 */
final class ExactNeighbourhoodPhase implements CustomPhaseCommand<AllocationSolution> {
    private static final Logger LOG = LoggerFactory.getLogger(ExactNeighbourhoodPhase.class);
    /** Offers besides the seed in the first neighbourhoods: about what the probe used. */
    static final int INITIAL_NEIGHBOURS = 8;
    static final int MIN_NEIGHBOURS = 2;
    /** Free lots per neighbourhood at most, whatever k: bounds CP-SAT's memory and time on big offers. */
    static final int MAX_FREE_LOTS = 4_000;
    /** CP-SAT's deterministic work limit per objective stage of one neighbourhood. */
    static final double DETERMINISTIC_LIMIT = 1.0;
    /** Wall time one neighbourhood may take at most, on a busy machine too. */
    static final long NEIGHBOURHOOD_WALL_NANOS = 60_000_000_000L;
    /** Copies of the command in the phase: more neighbourhoods than any limit lets it reach. */
    static final int CALLS = 20_000;

    static final long SCORE_CALCULATIONS_PER_DETERMINISTIC_SECOND = 100_000;

    private final NeighbourhoodSolver solver;
    private final double deterministicBudget;
    private double deterministicSpent;
    private final LongSupplier deadlineNanos;
    private final Random random;
    private final int solverSeed;

    private AllocationSolution indexed;
    private Map<NeedFact, List<Lot>> lotsByNeed;
    private Map<OfferBudget, List<NeedFact>> needsByOffer;
    private final Deque<OfferBudget> seeds = new ArrayDeque<>();
    private int neighbours = INITIAL_NEIGHBOURS;
    private boolean improvedThisPass;
    private boolean shrunkThisPass;
    private int passes;
    private volatile boolean finished;
    private int solved;
    private int optimal;
    private int improved;
    private int rejected;

    /**
     * @param deadlineNanos {@link System#nanoTime()} by which the whole solve must end
     */
    ExactNeighbourhoodPhase(NeighbourhoodSolver solver, long randomSeed, LongSupplier deadlineNanos) {
        this(solver, randomSeed, deadlineNanos, Double.POSITIVE_INFINITY);
    }

    /**
     * @param deterministicBudget CP-SAT work the phase may spend in all, in its deterministic
     *     seconds: a solve limited by a count of score calculations gives the exact phase work in
     *     proportion ({@link #deterministicBudgetFor}), so it ends, and ends the same way, however
     *     busy the machine
     */
    ExactNeighbourhoodPhase(NeighbourhoodSolver solver, long randomSeed, LongSupplier deadlineNanos,
            double deterministicBudget) {
        this.deterministicBudget = deterministicBudget;
        this.solver = solver;
        this.deadlineNanos = deadlineNanos;
        this.random = new Random(randomSeed);
        this.solverSeed = (int) (randomSeed ^ (randomSeed >>> 32)) & Integer.MAX_VALUE;
    }

    /**
     * The exact phase's share of a count-limited solve: a second of CP-SAT's deterministic work for
     * every {@value #SCORE_CALCULATIONS_PER_DETERMINISTIC_SECOND} score calculations, about what local
     * search does in a second on the small example; unlimited when the count is (0).
     */
    static double deterministicBudgetFor(long scoreCalculationLimit) {
        return scoreCalculationLimit > 0 ? (double) scoreCalculationLimit / SCORE_CALCULATIONS_PER_DETERMINISTIC_SECOND
                : Double.POSITIVE_INFINITY;
    }

    /** Stops a neighbourhood being solved, from any thread (the solve's cancel). */
    void stop() {
        finished = true;
        solver.stop();
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<AllocationSolution> scoreDirector) {
        if (finished) {
            return;
        }
        AllocationSolution solution = scoreDirector.getWorkingSolution();
        if (indexed != solution) {
            index(solution);
        }
        if (deterministicSpent >= deterministicBudget) {
            finished = true;
            LOG.info("Exact neighbourhoods done: their share of the score calculation limit is spent ({} solved, {} improved)",
                    solved, improved);
            return;
        }
        if (seeds.isEmpty() && !nextPass(solution)) {
            finished = true;
            LOG.info("Exact neighbourhoods done after {} passes: {} solved ({} optimal), {} improved, {} rejected, k={}",
                    passes, solved, optimal, improved, rejected, neighbours);
            return;
        }
        OfferBudget seed = seeds.poll();
        Neighbourhood neighbourhood = Neighbourhood.of(solution, neighbourhoodOf(seed, solution), lotsByNeed);
        if (neighbourhood.freeLots.isEmpty()) {
            return;
        }
        long deadline = Math.min(deadlineNanos.getAsLong(), System.nanoTime() + NEIGHBOURHOOD_WALL_NANOS);
        Optional<NeighbourhoodSolver.Solution> result = solver.solve(neighbourhood, solverSeed, DETERMINISTIC_LIMIT,
                deadline);
        solved++;
        deterministicSpent += result.map(NeighbourhoodSolver.Solution::deterministicTime).orElse(DETERMINISTIC_LIMIT);
        if (result.isPresent() && result.get().optimal()) {
            optimal++;
            if (result.get().deterministicTime() < DETERMINISTIC_LIMIT / 4) {
                neighbours = Math.min(neighbours + 1, maxNeighbours(solution));
            }
        } else {
            neighbours = Math.max(MIN_NEIGHBOURS, neighbours - 1);
            shrunkThisPass = true;
        }
        result.ifPresent(found -> writeBack(scoreDirector, neighbourhood, found.offers()));
        LOG.debug("Neighbourhood {} of seed {}: {} offers, {} lots, {}, score {}", solved, seed,
                neighbourhood.offers.size(), neighbourhood.freeLots.size(),
                result.map(found -> found.optimal() ? "optimal" : "not proven").orElse("no plan"),
                ((InnerScoreDirector<AllocationSolution, ?>) scoreDirector).calculateScore());
        if (result.isPresent() && result.get().optimal() && neighbourhood.offers.size() == solution.getOffers().size()) {
            finished = true; // the whole problem, solved to proven optimality: no neighbourhood can add to it
            LOG.info("Exact neighbourhoods done: the whole problem solved to optimality in {} neighbourhoods", solved);
        }
    }

    /** Lots changed through the score director; reverted unless the whole score is at least as good. */
    @SuppressWarnings("unchecked")
    private void writeBack(ScoreDirector<AllocationSolution> scoreDirector, Neighbourhood neighbourhood,
            List<OfferBudget> offers) {
        InnerScoreDirector<AllocationSolution, BendableLongScore> inner =
                (InnerScoreDirector<AllocationSolution, BendableLongScore>) scoreDirector;
        List<OfferBudget> before = neighbourhood.freeLots.stream().map(Lot::getOffer).toList();
        if (before.equals(offers)) {
            return;
        }
        BendableLongScore scoreBefore = inner.calculateScore();
        assign(scoreDirector, neighbourhood.freeLots, offers);
        BendableLongScore scoreAfter = inner.calculateScore();
        int comparison = scoreAfter.compareTo(scoreBefore);
        if (comparison < 0) {
            assign(scoreDirector, neighbourhood.freeLots, before);
            inner.calculateScore();
            rejected++;
            LOG.debug("Neighbourhood rejected: {} < {}", scoreAfter, scoreBefore);
        } else if (comparison > 0) {
            improved++;
            improvedThisPass = true;
        }
    }

    private static void assign(ScoreDirector<AllocationSolution> scoreDirector, List<Lot> lots, List<OfferBudget> offers) {
        for (int i = 0; i < lots.size(); i++) {
            Lot lot = lots.get(i);
            if (lot.getOffer() != offers.get(i)) {
                scoreDirector.beforeVariableChanged(lot, "offer");
                lot.setOffer(offers.get(i));
                scoreDirector.afterVariableChanged(lot, "offer");
            }
        }
        scoreDirector.triggerVariableListeners();
    }

    /**
     * Queues the seeds of a new pass, or says the work is done: after a pass that gained nothing at
     * the largest size (or nothing is left unfunded), another pass would solve the same problems.
     */
    private boolean nextPass(AllocationSolution solution) {
        if (passes > 0 && !improvedThisPass) {
            int largest = maxNeighbours(solution);
            if (neighbours >= largest || shrunkThisPass) {
                return false;
            }
            neighbours = Math.min(largest, neighbours * 2);
        }
        passes++;
        improvedThisPass = false;
        shrunkThisPass = false;
        // Demand still unfunded, by priority level, that each offer could fund.
        Map<OfferBudget, long[]> unfunded = new IdentityHashMap<>();
        for (Lot lot : solution.getLots()) {
            if (lot.getOffer() == null && !lot.isPinned()) {
                for (OfferBudget offer : lot.getEligibleOffers()) {
                    unfunded.computeIfAbsent(offer, k -> new long[Policy.MAX_TIERS])[lot.getPriorityLevel()]
                            += lot.getPriorityValue();
                }
            }
        }
        List<OfferBudget> ranked = new ArrayList<>(solution.getOffers().stream().filter(unfunded::containsKey).toList());
        ranked.sort(Comparator.comparing(offer -> unfunded.get(offer), ExactNeighbourhoodPhase::moreValueFirst));
        seeds.addAll(ranked);
        return !seeds.isEmpty();
    }

    /** Higher levels first: the array with more value at the first level where they differ comes first. */
    private static int moreValueFirst(long[] a, long[] b) {
        for (int level = 0; level < a.length; level++) {
            if (a[level] != b[level]) {
                return Long.compare(b[level], a[level]);
            }
        }
        return 0;
    }

    private int maxNeighbours(AllocationSolution solution) {
        return Math.max(MIN_NEIGHBOURS, solution.getOffers().size() - 1);
    }

    /** The seed and its {@code neighbours} closest offers, within {@link #MAX_FREE_LOTS}. */
    private List<OfferBudget> neighbourhoodOf(OfferBudget seed, AllocationSolution solution) {
        Map<OfferBudget, Double> affinity = new HashMap<>();
        for (NeedFact need : needsByOffer.getOrDefault(seed, List.of())) {
            double weight = affinity(need);
            for (OfferBudget other : need.getEligibleOffers()) {
                if (other != seed) {
                    affinity.merge(other, weight, Double::sum);
                }
            }
        }
        // Offers sharing no need with the seed come last: they matter only once k reaches every offer,
        // when the neighbourhood becomes the whole problem and its solution the exact optimum.
        List<OfferBudget> others = new ArrayList<>(solution.getOffers());
        others.remove(seed);
        for (OfferBudget offer : others) {
            affinity.putIfAbsent(offer, 0.0);
        }
        // Ties broken at random (seeded), so repeated passes do not always pick the same set.
        Map<OfferBudget, Double> tieBreak = new IdentityHashMap<>();
        for (OfferBudget offer : solution.getOffers()) {
            tieBreak.put(offer, random.nextDouble());
        }
        others.sort(Comparator.comparing((OfferBudget o) -> -affinity.get(o)).thenComparing(tieBreak::get));
        List<OfferBudget> chosen = new ArrayList<>();
        Set<Lot> freeLots = new LinkedHashSet<>();
        addFreeLots(seed, freeLots);
        chosen.add(seed);
        for (OfferBudget other : others) {
            if (chosen.size() > neighbours) {
                break;
            }
            Set<Lot> more = new LinkedHashSet<>(freeLots);
            addFreeLots(other, more);
            if (more.size() > MAX_FREE_LOTS) {
                continue;
            }
            freeLots = more;
            chosen.add(other);
        }
        return chosen;
    }

    /** Lots the offer would free: those it funds and the unfunded ones of its needs (an upper estimate). */
    private void addFreeLots(OfferBudget offer, Set<Lot> freeLots) {
        for (NeedFact need : needsByOffer.getOrDefault(offer, List.of())) {
            for (Lot lot : lotsByNeed.getOrDefault(need, List.of())) {
                if (lot.getOffer() == null || lot.getOffer() == offer) {
                    freeLots.add(lot);
                }
            }
        }
    }

    /**
     * How much a shared need draws two offers together: its value, a thousand times more per level
     * higher, so a neighbourhood gathers the offers competing for the highest tier first.
     */
    private double affinity(NeedFact need) {
        List<Lot> lots = lotsByNeed.getOrDefault(need, List.of());
        if (lots.isEmpty()) {
            return 0;
        }
        double value = 0;
        for (Lot lot : lots) {
            value += lot.getPriorityValue();
        }
        return (1 + value) * Math.pow(1e-3, lots.get(0).getPriorityLevel());
    }

    private void index(AllocationSolution solution) {
        indexed = solution;
        lotsByNeed = new IdentityHashMap<>();
        for (Lot lot : solution.getLots()) {
            lotsByNeed.computeIfAbsent(lot.getNeed(), k -> new ArrayList<>()).add(lot);
        }
        needsByOffer = new IdentityHashMap<>();
        for (NeedFact need : solution.getNeeds()) { // in the solution's order: sums and ties never depend on hashing
            if (lotsByNeed.containsKey(need)) {
                for (OfferBudget offer : need.getEligibleOffers()) {
                    needsByOffer.computeIfAbsent(offer, k -> new ArrayList<>()).add(need);
                }
            }
        }
    }
}
