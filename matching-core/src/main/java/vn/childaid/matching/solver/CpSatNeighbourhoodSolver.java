package vn.childaid.matching.solver;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.childaid.matching.policy.Policy;

/**
 * A {@link Neighbourhood} as a CP-SAT model: a boolean z[lot, offer] for each free lot and each
 * offer of the neighbourhood it is eligible for, at most one per lot, and every hard rule of the
 * contract over them with the fixed lots as constants — capacity, minimum grant per (offer, need)
 * line unless the need ends fully funded, maxNeeds, maxFundersPerNeed, all-or-nothing (committed
 * and fixed units counted). Eligibility and open units hold by construction, as in the lot model.
 *
 * <p>The objective follows the score's priority levels (milli-children, the lots' own priority
 * values, so it agrees with the score exactly): each level present is maximised in turn and then
 * held, then the especially-difficult-first level, and last the number of lots kept as they are, so
 * that the lower soft levels, which this model does not see, change no more than needed.
 *
 * <p>The only class that touches OR-Tools: it is loaded by name after {@link ExactNeighbourhoods}
 * has checked that OR-Tools and its natives are present. One instance per solver run, used on the
 * solving thread; {@link #stop()} may come from any thread.
 */
final class CpSatNeighbourhoodSolver implements NeighbourhoodSolver {
    /** Share of the stage limit the last, "keep what is there" stage gets: it only tidies. */
    private static final double KEEP_STAGE_SHARE = 0.25;
    /** Subsolvers CP-SAT interleaves (deterministically) in each solve. */
    static final int WORKERS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(CpSatNeighbourhoodSolver.class);

    private volatile CpSolver running;
    private volatile boolean stopped;

    /** Loaded reflectively by {@link ExactNeighbourhoods}. */
    CpSatNeighbourhoodSolver() {
    }

    @Override
    public void stop() {
        stopped = true;
        CpSolver solver = running;
        if (solver != null) {
            solver.stopSearch();
        }
    }

    @Override
    public Optional<Solution> solve(Neighbourhood nb, int randomSeed, double deterministicLimit, long deadlineNanos) {
        CpModel model = new CpModel();
        int lotCount = nb.freeLots.size();
        List<BoolVar[]> z = new ArrayList<>(lotCount);
        Map<OfferBudget, LinearExprBuilder> capacityUse = new LinkedHashMap<>();
        Map<OfferBudget, Map<NeedFact, List<Integer>>> lineLots = new LinkedHashMap<>(); // lot indexes per line
        Map<NeedFact, LinearExprBuilder> fundedUnits = new LinkedHashMap<>();
        Map<NeedFact, Long> freeUnits = new HashMap<>();
        for (int i = 0; i < lotCount; i++) {
            Lot lot = nb.freeLots.get(i);
            List<OfferBudget> candidates = nb.candidates.get(i);
            BoolVar[] choices = new BoolVar[candidates.size()];
            LinearExprBuilder any = LinearExpr.newBuilder();
            LinearExprBuilder units = fundedUnits.computeIfAbsent(lot.getNeed(), k -> LinearExpr.newBuilder());
            freeUnits.merge(lot.getNeed(), (long) lot.getUnits(), Long::sum);
            for (int j = 0; j < choices.length; j++) {
                OfferBudget offer = candidates.get(j);
                choices[j] = model.newBoolVar("z" + i + "_" + j);
                any.add(choices[j]);
                units.addTerm(choices[j], lot.getUnits());
                capacityUse.computeIfAbsent(offer, k -> LinearExpr.newBuilder())
                        .addTerm(choices[j], (long) lot.getUnits() * offer.capacityPerUnit(lot.getNeed()));
                lineLots.computeIfAbsent(offer, k -> new LinkedHashMap<>())
                        .computeIfAbsent(lot.getNeed(), k -> new ArrayList<>()).add(i);
            }
            model.addLessOrEqual(any, 1);
            z.add(choices);
        }

        for (Map.Entry<OfferBudget, LinearExprBuilder> entry : capacityUse.entrySet()) {
            long room = entry.getKey().capacity() - nb.fixedCapacityUse(entry.getKey());
            if (room < 0) {
                return Optional.empty(); // the fixed lots alone overspend: nothing here can repair that
            }
            model.addLessOrEqual(entry.getValue(), room);
        }

        // "Fully funded": every lot of the need funded, the fixed ones and all free ones.
        Map<NeedFact, Literal> full = new HashMap<>();
        for (NeedFact need : nb.needs) {
            BoolVar needFull = model.newBoolVar("full:" + need.id());
            model.addGreaterOrEqual(LinearExpr.newBuilder().add(fundedUnits.get(need))
                    .addTerm(needFull, -freeUnits.get(need)), 0);
            if (nb.cannotEndFull.contains(need)) {
                model.addEquality(needFull, 0);
            }
            if (nb.mustEndFull.contains(need)) {
                model.addEquality(needFull, 1);
            }
            full.put(need, needFull);
            if (!need.divisible()) {
                long base = (long) need.getCommittedUnits() + nb.fixedUnits.get(need);
                long rest = need.getUncommittedUnits() - nb.fixedUnits.get(need);
                if (base > 0) {
                    model.addEquality(fundedUnits.get(need), rest); // partly funded already: complete it
                } else {
                    BoolVar funded = model.newBoolVar("whole:" + need.id());
                    model.addEquality(LinearExpr.newBuilder().add(fundedUnits.get(need)).addTerm(funded, -rest), 0);
                }
            }
        }

        for (Map.Entry<OfferBudget, Map<NeedFact, List<Integer>>> byOffer : lineLots.entrySet()) {
            OfferBudget offer = byOffer.getKey();
            LinearExprBuilder newNeeds = LinearExpr.newBuilder();
            for (Map.Entry<NeedFact, List<Integer>> line : byOffer.getValue().entrySet()) {
                NeedFact need = line.getKey();
                long fixedAmount = nb.fixedAmount(offer, need);
                boolean countsForMaxNeeds = offer.maxNeeds() > 0 && !offer.alreadyFunds(need)
                        && !nb.fixedNeeds(offer).contains(need);
                if (!countsForMaxNeeds && offer.minGrant() <= 0) {
                    continue;
                }
                LinearExprBuilder amount = LinearExpr.newBuilder().add(fixedAmount);
                BoolVar exists = model.newBoolVar("line:" + offer.id() + ":" + need.id());
                for (int i : line.getValue()) {
                    BoolVar choice = z.get(i)[nb.candidates.get(i).indexOf(offer)];
                    model.addImplication(choice, exists);
                    amount.addTerm(choice, nb.freeLots.get(i).getUnits() * offer.amountPerUnit(need));
                }
                if (fixedAmount > 0) {
                    model.addEquality(exists, 1);
                }
                if (offer.minGrant() > 0) { // amount ≥ minGrant × exists − minGrant × full
                    model.addGreaterOrEqual(amount.addTerm(exists, -offer.minGrant())
                            .addTerm((BoolVar) full.get(need), offer.minGrant()), 0);
                }
                if (countsForMaxNeeds) {
                    newNeeds.add(exists);
                }
            }
            if (offer.maxNeeds() > 0) {
                model.addLessOrEqual(newNeeds,
                        offer.maxNeeds() - offer.committedNeedCount() - nb.fixedNeeds(offer).size());
            }
        }

        for (NeedFact need : nb.needs) {
            if (need.getMaxFunders() <= 0) {
                continue;
            }
            Map<String, BoolVar> donorUsed = new LinkedHashMap<>();
            for (int i = 0; i < lotCount; i++) {
                if (nb.freeLots.get(i).getNeed() != need) {
                    continue;
                }
                List<OfferBudget> candidates = nb.candidates.get(i);
                for (int j = 0; j < candidates.size(); j++) {
                    String donor = candidates.get(j).donor();
                    if (need.alreadyFundedBy(donor) || nb.fixedDonors.get(need).contains(donor)) {
                        continue;
                    }
                    BoolVar used = donorUsed.computeIfAbsent(donor, d -> model.newBoolVar("donor:" + need.id() + ":" + d));
                    model.addImplication(z.get(i)[j], used);
                }
            }
            if (!donorUsed.isEmpty()) {
                model.addLessOrEqual(LinearExpr.sum(donorUsed.values().toArray(BoolVar[]::new)),
                        need.getMaxFunders() - need.committedDonorCount() - nb.fixedDonors.get(need).size());
            }
        }

        // Objective stages: per lot, what funding it is worth at the stage's level (any offer alike).
        List<long[]> stageValues = new ArrayList<>();
        for (int level = 0; level < Policy.MAX_TIERS; level++) {
            long[] values = new long[lotCount];
            boolean any = false;
            for (int i = 0; i < lotCount; i++) {
                Lot lot = nb.freeLots.get(i);
                if (lot.getPriorityLevel() == level) {
                    values[i] = lot.getPriorityValue();
                    any |= values[i] != 0;
                }
            }
            if (any) {
                stageValues.add(values);
            }
        }
        int tierStages = stageValues.size();
        long[] especiallyDifficult = new long[lotCount];
        boolean anyEspeciallyDifficult = false;
        for (int i = 0; i < lotCount; i++) {
            especiallyDifficult[i] = nb.freeLots.get(i).getEspeciallyDifficultValue();
            anyEspeciallyDifficult |= especiallyDifficult[i] != 0;
        }
        if (anyEspeciallyDifficult) {
            stageValues.add(especiallyDifficult);
        }
        List<LinearExpr> stages = new ArrayList<>();
        for (long[] values : stageValues) {
            LinearExprBuilder value = LinearExpr.newBuilder();
            for (int i = 0; i < lotCount; i++) {
                if (values[i] != 0) {
                    for (BoolVar choice : z.get(i)) {
                        value.addTerm(choice, values[i]);
                    }
                }
            }
            stages.add(value.build());
        }
        LinearExprBuilder kept = LinearExpr.newBuilder();
        for (int i = 0; i < lotCount; i++) {
            OfferBudget current = nb.freeLots.get(i).getOffer();
            for (int j = 0; j < z.get(i).length; j++) {
                kept.addTerm(z.get(i)[j], nb.candidates.get(i).get(j) == current ? 1 : -1);
            }
        }
        stages.add(kept.build());

        long[] chosen = new long[lotCount]; // candidate index + 1, or 0 for none
        for (int i = 0; i < lotCount; i++) {
            chosen[i] = nb.candidates.get(i).indexOf(nb.freeLots.get(i).getOffer()) + 1;
        }
        List<int[]> alike = breakSymmetry(model, nb, z, chosen);
        boolean found = false;
        boolean optimal = true;
        int tierStagesDone = 0;
        double work = 0;
        for (int stage = 0; stage < stages.size() && !stopped; stage++) {
            double secondsLeft = (deadlineNanos - System.nanoTime()) / 1e9;
            if (secondsLeft <= 0) {
                break;
            }
            if (stage < stageValues.size()) {
                long[] values = stageValues.get(stage);
                long best = 0;
                long hinted = 0;
                for (int i = 0; i < lotCount; i++) {
                    best += Math.max(0, values[i]);
                    hinted += chosen[i] == 0 ? 0 : values[i];
                }
                if (hinted == best) { // every lot worth something here is funded already: nothing to solve
                    model.addGreaterOrEqual(stages.get(stage), best);
                    found = true;
                    tierStagesDone = Math.min(tierStages, stage + 1);
                    continue;
                }
            }
            model.clearHints();
            for (int i = 0; i < lotCount; i++) {
                for (int j = 0; j < z.get(i).length; j++) {
                    model.addHint(z.get(i)[j], chosen[i] == j + 1);
                }
            }
            model.maximize(stages.get(stage));
            CpSolver solver = new CpSolver();
            solver.getParameters()
                    // CP-SAT's portfolio of workers, interleaved deterministically: one worker alone often
                    // failed to prove a tier optimal on 80 lots within the limit (min grants and all-or-
                    // nothing weaken its bound); the interleaved portfolio proved the whole of such a
                    // problem in one go, and the same seed still gives the same answer.
                    .setNumWorkers(WORKERS)
                    .setInterleaveSearch(true)
                    // CP-SAT would take SIGINT from the JVM while it solves (and abort the process on
                    // it): Ctrl-C must reach the command line's handler, which stops us and keeps the plan.
                    .setCatchSigintSignal(false)
                    .setRandomSeed(randomSeed)
                    .setMaxDeterministicTime(stage == stages.size() - 1 ? deterministicLimit * KEEP_STAGE_SHARE
                            : deterministicLimit)
                    .setMaxTimeInSeconds(secondsLeft);
            running = solver;
            CpSolverStatus status;
            try {
                if (stopped) {
                    break;
                }
                status = solver.solve(model);
            } finally {
                running = null;
            }
            work += solver.response().getDeterministicTime();
            LOG.debug("Stage {}/{} of {} lots: {} after {} s (deterministic {}), objective {} bound {}", stage + 1,
                    stages.size(), lotCount, status, solver.wallTime(), solver.response().getDeterministicTime(),
                    solver.objectiveValue(), solver.bestObjectiveBound());
            if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
                if (stage < tierStages) {
                    optimal = false;
                }
                break; // keep the last stage's plan, which satisfies every rule and every hold so far
            }
            if (stage < tierStages && status != CpSolverStatus.OPTIMAL) {
                optimal = false;
            }
            found = true;
            tierStagesDone = Math.min(tierStages, stage + 1);
            for (int i = 0; i < lotCount; i++) {
                chosen[i] = 0;
                for (int j = 0; j < z.get(i).length; j++) {
                    if (solver.booleanValue(z.get(i)[j])) {
                        chosen[i] = j + 1;
                    }
                }
            }
            model.addGreaterOrEqual(stages.get(stage), Math.round(solver.objectiveValue()));
        }
        if (!found) {
            return Optional.empty();
        }
        List<OfferBudget> offers = new ArrayList<>(lotCount);
        for (int i = 0; i < lotCount; i++) {
            offers.add(chosen[i] == 0 ? null : nb.candidates.get(i).get((int) chosen[i] - 1));
        }
        keepLotsWhereTheyAre(nb, alike, offers);
        return Optional.of(new Solution(offers, optimal && tierStagesDone == tierStages, work));
    }

    /**
     * Lots of one need with the same units are interchangeable: without an order among them CP-SAT
     * would prove optimality over every permutation (a need of 12 units has 12 unit lots). Their
     * choices are ordered (funded before unfunded, then by candidate), and the hint is sorted the
     * same way, which changes no plan.
     *
     * @return the groups of interchangeable lots (indexes into the free lots), each of two or more
     */
    private static List<int[]> breakSymmetry(CpModel model, Neighbourhood nb, List<BoolVar[]> z, long[] chosen) {
        Map<NeedFact, Map<Integer, List<Integer>>> groups = new LinkedHashMap<>();
        for (int i = 0; i < nb.freeLots.size(); i++) {
            Lot lot = nb.freeLots.get(i);
            groups.computeIfAbsent(lot.getNeed(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(lot.getUnits(), k -> new ArrayList<>()).add(i);
        }
        List<int[]> alike = new ArrayList<>();
        for (Map<Integer, List<Integer>> bySize : groups.values()) {
            for (List<Integer> group : bySize.values()) {
                if (group.size() < 2) {
                    continue;
                }
                alike.add(group.stream().mapToInt(Integer::intValue).toArray());
                int none = z.get(group.get(0)).length + 1;
                List<Long> ranks = new ArrayList<>();
                for (int i : group) {
                    ranks.add(chosen[i] == 0 ? none : chosen[i]);
                }
                ranks.sort(null);
                LinearExpr previous = null;
                for (int t = 0; t < group.size(); t++) {
                    int i = group.get(t);
                    chosen[i] = ranks.get(t) == none ? 0 : ranks.get(t);
                    // rank = Σ (j+1)·z[j] + none·(1 − Σ z[j]): the candidate's place, or "none" last
                    LinearExprBuilder rank = LinearExpr.newBuilder().add(none);
                    for (int j = 0; j < z.get(i).length; j++) {
                        rank.addTerm(z.get(i)[j], j + 1 - none);
                    }
                    LinearExpr current = rank.build();
                    if (previous != null) {
                        model.addLessOrEqual(previous, current);
                    }
                    previous = current;
                }
            }
        }
        return alike;
    }

    /**
     * Within each group of interchangeable lots, gives each lot its current offer back where the new
     * plan still uses that offer for the group, so that only the lots that must change do.
     */
    private static void keepLotsWhereTheyAre(Neighbourhood nb, List<int[]> alike, List<OfferBudget> offers) {
        for (int[] group : alike) {
            List<OfferBudget> pool = new ArrayList<>();
            for (int i : group) {
                pool.add(offers.get(i));
            }
            List<Integer> unplaced = new ArrayList<>();
            for (int i : group) {
                OfferBudget current = nb.freeLots.get(i).getOffer();
                if (pool.remove(current)) {
                    offers.set(i, current);
                } else {
                    unplaced.add(i);
                }
            }
            for (int t = 0; t < unplaced.size(); t++) {
                offers.set(unplaced.get(t), pool.get(t));
            }
        }
    }
}
