package vn.childaid.matching.benchmarks;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * The LP bound, by column generation with every bound certified by prices: GLOP never sees more than
 * a small share of the need–offer lines (province: 115,000 of 750,000+, 15 s, where the whole LP
 * took GLOP three minutes).
 *
 * <p>The relaxation: units {@code x[n,o] ≥ 0} for each need and eligible offer; {@code Σ_o x ≤ open_n};
 * {@code Σ_n a[n,o]·x ≤ left_o} (a = unit cost for cash, 1 in kind); where maxNeeds applies,
 * {@code Σ_n x/open_n ≤ slots_o} (a fractional line is a fraction of a slot); earlier tiers at least
 * their floors. Integrality, all-or-nothing, minGrant and maxFundersPerNeed are dropped, so its
 * optimum bounds the contract's from above.
 *
 * <p>Weak duality gives, for any prices λ_o ≥ 0 (capacity), κ_o ≥ 0 (slots) and ν_i ≥ 0 (floors),
 * <pre>B = Σ λ_o·left_o + Σ κ_o·slots_o − Σ ν_i·floor_i + Σ_n open_n·max(0, w_n − min_o (a[n,o]·λ_o + κ_o/open_n))</pre>
 * with {@code w_n} the need's value in the tier bounded plus ν_i times its value in earlier tier i.
 * B is an upper bound whatever the prices, so an imprecise LP solve can only loosen it, never make
 * it wrong. The prices come from GLOP's duals on a restricted LP over some lines (seeded with a
 * known plan's lines, so the floors are reachable); lines whose reduced cost is positive are added
 * and the LP re-solved until its optimum, a value the relaxation reaches, meets B.
 */
public final class PricedBound {
    private static final Logger LOG = LoggerFactory.getLogger(PricedBound.class);
    private static final int LINES_ADDED_PER_NEED = 3;
    private static final int MAX_ROUNDS = 60;
    private static final double RELATIVE_GAP = 1e-6;

    static {
        Loader.loadNativeLibraries();
    }

    private final Residual residual;
    private final Need[] needs;
    private final int[] open;
    private final int[] tierOfNeed;
    private final double[] value;
    private final int[][] eligible;
    private final Offer[] offers;
    private final long[] left;
    private final int[] slots; // −1 where maxNeeds does not apply
    private MPSolver lp;
    private MPConstraint[] openRows;
    private MPConstraint[] capacityRows;
    private MPConstraint[] slotRows;
    private final List<MPConstraint> floorRows = new ArrayList<>();
    private final List<Map<Long, MPVariable>> linesOfTier = new ArrayList<>();
    private int boundedTier = -1;

    private PricedBound(Scenario scenario) {
        this.residual = new Residual(scenario);
        this.offers = scenario.offers().toArray(Offer[]::new);
        Map<Offer, Integer> offerIndex = new HashMap<>();
        for (int o = 0; o < offers.length; o++) {
            offerIndex.put(offers[o], o);
        }
        List<Need> kept = scenario.needs().stream()
                .filter(n -> residual.openUnits(n) > 0 && !scenario.eligibleOffers(n).isEmpty()).toList();
        this.needs = kept.toArray(Need[]::new);
        this.open = new int[needs.length];
        this.tierOfNeed = new int[needs.length];
        this.value = new double[needs.length];
        this.eligible = new int[needs.length][];
        for (int n = 0; n < needs.length; n++) {
            open[n] = residual.openUnits(needs[n]);
            tierOfNeed[n] = scenario.tierOf(needs[n]);
            value[n] = residual.valuePerUnit(needs[n]);
            eligible[n] = scenario.eligibleOffers(needs[n]).stream().mapToInt(offerIndex::get).toArray();
        }
        this.left = new long[offers.length];
        this.slots = new int[offers.length];
        for (int o = 0; o < offers.length; o++) {
            left[o] = residual.capacityLeft(offers[o]);
            slots[o] = offers[o].maxNeeds() > 0 ? residual.needSlotsLeft(offers[o]) : -1;
        }
        for (int t = 0; t < scenario.policy().tierCount(); t++) {
            linesOfTier.add(new HashMap<>());
        }
    }

    /** The restricted LP's rows, without lines yet. */
    private void buildMaster() {
        lp = MPSolver.createSolver("GLOP");
        if (lp == null) {
            throw new IllegalStateException("OR-Tools has no GLOP solver here");
        }
        openRows = new MPConstraint[needs.length];
        capacityRows = new MPConstraint[offers.length];
        slotRows = new MPConstraint[offers.length];
        for (int o = 0; o < offers.length; o++) {
            capacityRows[o] = lp.makeConstraint(-MPSolver.infinity(), left[o], "");
            if (slots[o] >= 0) {
                slotRows[o] = lp.makeConstraint(-MPSolver.infinity(), slots[o], "");
            }
        }
        for (int n = 0; n < needs.length; n++) {
            openRows[n] = lp.makeConstraint(-MPSolver.infinity(), open[n], "");
        }
    }

    /** An upper bound on each of the first tiers and what kind of bound it is. */
    public record Bounds(double[] tierValues, boolean linearRelaxation, long lines) {
    }

    /**
     * Upper bounds on T_1 … T_tiers, each tier bounded among plans that keep the earlier tiers at
     * least at the known plan's values; the known plan (the engine's or the greedy's) seeds the
     * column generation, so those floors are reachable. Up to {@code maxLinesForLp} need–offer lines
     * the bound is the LP optimum; beyond, GLOP takes too long (the national scenario, 23 million
     * lines, ran over 17 minutes) and the bound is the tier's whole demand: every need of the tier
     * funded in full (B at zero prices), which on the province scenario is 0.07% above the LP bound.
     */
    public static Bounds tierBounds(Scenario scenario, Plan known, int tiers, long maxLinesForLp) {
        PricedBound model = new PricedBound(scenario);
        int count = Math.min(tiers, scenario.policy().tierCount());
        long lines = model.lineCount();
        boolean byColumns = lines <= maxLinesForLp;
        LOG.info("{} need-offer lines: bounding by {}", lines, byColumns ? "column generation" : "demand");
        if (byColumns) {
            model.buildMaster();
            model.seed(scenario, known.allocations());
        }
        double[] reached = new double[count];
        double[] bounds = new double[count];
        for (int k = 0; k < count; k++) {
            reached[k] = known.tierValues()[k] - model.residual.committedValue(k);
            double[] floors = Arrays.copyOf(reached, k);
            double bound = byColumns ? model.boundByColumns(k, floors)
                    : model.bound(k, floors, new Prices(new double[model.offers.length],
                            new double[model.offers.length], new double[k]));
            bounds[k] = bound + model.residual.committedValue(k);
            if (byColumns) {
                model.addFloor(k, reached[k]);
            }
        }
        return new Bounds(bounds, byColumns, lines);
    }

    /** Need–offer lines in the relaxation: the MIP's unit variables. */
    long lineCount() {
        long lines = 0;
        for (int[] offersOfNeed : eligible) {
            lines += offersOfNeed.length;
        }
        return lines;
    }

    private void seed(Scenario scenario, List<Allocation> lines) {
        Map<Need, Integer> needIndex = new HashMap<>();
        for (int n = 0; n < needs.length; n++) {
            needIndex.put(needs[n], n);
        }
        Map<Offer, Integer> offerIndex = new HashMap<>();
        for (int o = 0; o < offers.length; o++) {
            offerIndex.put(offers[o], o);
        }
        for (Allocation line : lines) {
            Integer n = needIndex.get(scenario.need(line.need()));
            if (!line.committed() && n != null) {
                addLine(n, offerIndex.get(scenario.offer(line.offer())));
            }
        }
    }

    private void addLine(int n, int o) {
        if (isPresent(n, o)) {
            return;
        }
        MPVariable x = lp.makeNumVar(0, MPSolver.infinity(), "");
        openRows[n].setCoefficient(x, 1);
        capacityRows[o].setCoefficient(x, Residual.capacityPerUnit(offers[o], needs[n]));
        if (slotRows[o] != null && residual.takesNeedSlot(offers[o], needs[n])) {
            slotRows[o].setCoefficient(x, 1.0 / open[n]);
        }
        int tier = tierOfNeed[n];
        if (tier < floorRows.size()) {
            floorRows.get(tier).setCoefficient(x, value[n]);
        }
        if (tier == boundedTier) {
            lp.objective().setCoefficient(x, value[n]);
        }
        linesOfTier.get(tier).put((long) n * offers.length + o, x);
    }

    private boolean isPresent(int n, int o) {
        return linesOfTier.get(tierOfNeed[n]).containsKey((long) n * offers.length + o);
    }

    private void addFloor(int tier, double floor) {
        MPConstraint row = lp.makeConstraint(floor - 1e-6, MPSolver.infinity(), "");
        linesOfTier.get(tier).forEach((key, x) -> row.setCoefficient(x, value[(int) (key / offers.length)]));
        floorRows.add(row);
    }

    /** Prices on the relaxation's rows: capacity (λ), need slots (κ) and tier floors (ν), all ≥ 0. */
    private record Prices(double[] capacity, double[] slot, double[] floor) {
    }

    private double price(int n, int o, Prices prices) {
        double price = Residual.capacityPerUnit(offers[o], needs[n]) * prices.capacity()[o];
        if (slots[o] >= 0 && residual.takesNeedSlot(offers[o], needs[n])) {
            price += prices.slot()[o] / open[n];
        }
        return price;
    }

    /** A need's worth per unit when bounding {@code tier}: its value there, or ν times its value in a floored tier. */
    private double worth(int n, int tier, Prices prices) {
        int t = tierOfNeed[n];
        return t == tier ? value[n] : t < prices.floor().length ? prices.floor()[t] * value[n] : 0;
    }

    /** B, the bound these prices certify (see the class comment); one pass over every line. */
    private double bound(int tier, double[] floors, Prices prices) {
        double bound = 0;
        for (int o = 0; o < offers.length; o++) {
            bound += prices.capacity()[o] * left[o] + (slots[o] >= 0 ? prices.slot()[o] * slots[o] : 0);
        }
        for (int i = 0; i < floors.length; i++) {
            bound -= prices.floor()[i] * floors[i];
        }
        for (int n = 0; n < needs.length; n++) {
            double worth = worth(n, tier, prices);
            double cheapest = Double.POSITIVE_INFINITY;
            for (int o : eligible[n]) {
                cheapest = Math.min(cheapest, price(n, o, prices));
            }
            bound += open[n] * Math.max(0, worth - cheapest);
        }
        return bound;
    }

    /**
     * The LP bound of one tier: columns generated until the restricted LP's optimum (a value the
     * relaxation reaches) and the bound its duals certify meet.
     */
    private double boundByColumns(int tier, double[] floors) {
        boundedTier = tier;
        lp.objective().clear();
        linesOfTier.get(tier).forEach((key, x) -> lp.objective().setCoefficient(x, value[(int) (key / offers.length)]));
        lp.objective().setMaximization();
        double best = Double.POSITIVE_INFINITY;
        double restricted = 0;
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            MPSolver.ResultStatus status = lp.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                throw new IllegalStateException("tier " + (tier + 1) + ", round " + round + ": GLOP " + status);
            }
            restricted = lp.objective().value();
            Prices prices = new Prices(new double[offers.length], new double[offers.length], new double[floors.length]);
            for (int o = 0; o < offers.length; o++) {
                prices.capacity()[o] = Math.abs(capacityRows[o].dualValue());
                prices.slot()[o] = slotRows[o] == null ? 0 : Math.abs(slotRows[o].dualValue());
            }
            for (int i = 0; i < floors.length; i++) {
                prices.floor()[i] = Math.abs(floorRows.get(i).dualValue());
            }
            best = Math.min(best, bound(tier, floors, prices));
            List<int[]> added = new ArrayList<>();
            int[] candidates = new int[LINES_ADDED_PER_NEED];
            double[] candidateGain = new double[LINES_ADDED_PER_NEED];
            for (int n = 0; n < needs.length; n++) {
                double worth = worth(n, tier, prices);
                if (worth <= 0) {
                    continue;
                }
                double mu = Math.abs(openRows[n].dualValue());
                Arrays.fill(candidates, -1);
                for (int o : eligible[n]) {
                    double gain = worth - price(n, o, prices) - mu;
                    if (gain > 1e-9 * worth && !isPresent(n, o)) {
                        keepBest(candidates, candidateGain, o, gain);
                    }
                }
                for (int o : candidates) {
                    if (o >= 0) {
                        added.add(new int[] {n, o});
                    }
                }
            }
            LOG.info("tier {} round {}: restricted LP {} over {} lines, bound {}, {} lines priced in", tier + 1, round,
                    String.format("%.2f", restricted), linesOfTier.stream().mapToInt(Map::size).sum(), String.format("%.2f", best), added.size());
            if (best - restricted <= RELATIVE_GAP * Math.max(1, Math.abs(best)) || added.isEmpty()) {
                break;
            }
            added.forEach(line -> addLine(line[0], line[1]));
        }
        return best;
    }

    private static void keepBest(int[] candidates, double[] gains, int offer, double gain) {
        int worst = 0;
        for (int i = 1; i < candidates.length; i++) {
            if (candidates[i] < 0 || (candidates[worst] >= 0 && gains[i] < gains[worst])) {
                worst = i;
            }
        }
        if (candidates[worst] < 0 || gain > gains[worst]) {
            candidates[worst] = offer;
            gains[worst] = gain;
        }
    }
}
