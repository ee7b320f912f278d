package vn.childaid.matching.whatif;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import vn.childaid.matching.charts.LineChart;
import vn.childaid.matching.engine.AllocationEngine;
import vn.childaid.matching.engine.SolveJob;
import vn.childaid.matching.engine.SolveOptions;
import vn.childaid.matching.engine.Stability;
import vn.childaid.matching.plan.NeedStatus;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.TierTotal;
import vn.childaid.matching.report.Words;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Problem;
import vn.childaid.matching.scenario.Scenario;

/**
 * Solves a scenario again and again under a series of changes to its money, each step
 * warm-started from a plan already found (with {@link Stability#FREE}: the previous plan only
 * starts the search):
 * <ul>
 * <li>{@link #scaling}: the selected offers scaled by each factor in turn, each step starting
 * from the previous step's plan — "what does one more billion VND buy in each tier";</li>
 * <li>{@link #withdrawingEach}: the scenario as it is, then, for each of the largest offers, the
 * scenario without that offer alone, each starting from the first plan — "what only this offer
 * reaches".</li>
 * </ul>
 * Every step's scenario is built (and validated) before any solving, so bad input is reported at
 * once, all of it. {@link #run} solves on a thread of its own; {@link #cancel} from any thread stops
 * the step being solved (its plan is dropped: it had less time than the others) and the steps after it.
 */
public final class BudgetSweep {
    /** Enough for any planner's question; a typo such as a step of 0.0001 is refused rather than run for days. */
    public static final int MOST_STEPS = 1_000;

    private final List<Variant> variants;
    private final boolean fromFirstPlan;
    private final SolveOptions perStep;
    private final Object lock = new Object();
    private SolveJob current;
    private boolean cancelled;

    private BudgetSweep(List<Variant> variants, boolean fromFirstPlan, SolveOptions perStep) {
        this.variants = List.copyOf(variants);
        this.fromFirstPlan = fromFirstPlan;
        this.perStep = Objects.requireNonNull(perStep, "perStep");
    }

    /** One scenario to solve: the offer withdrawn from the base, or the factor its selected offers were scaled by. */
    private record Variant(Scenario scenario, Optional<BigDecimal> factor, Optional<Offer> withdrawn) {}

    /**
     * One solved step: its scenario and plan, and the factor its selected offers were scaled by
     * ({@link #scaling}) or the offer withdrawn ({@link #withdrawingEach}; neither for its first
     * step, the scenario as it is).
     */
    public record Step(Scenario scenario, Plan plan, Optional<BigDecimal> factor, Optional<Offer> withdrawn) {
        public Step {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(factor, "factor");
            Objects.requireNonNull(withdrawn, "withdrawn");
        }

        /** VND all the scenario's offers hold: cash amounts, in-kind quantity × unitValue (saturating). */
        public long offeredVnd() {
            return offered(scenario);
        }

        /** How many needs the plan funds fully. */
        public int needsFunded() {
            return (int) plan.needs().stream().filter(need -> need.status() == NeedStatus.FUNDED).count();
        }
    }

    /** Told of each step once it is solved, on the thread that called {@link #run}. */
    @FunctionalInterface
    public interface StepListener {
        StepListener NONE = (index, count, step) -> { };

        /** Step {@code index} (from 0) of {@code count} is done. */
        void stepDone(int index, int count, Step step);
    }

    // ---- The two sweeps ----

    /**
     * Scales the offers {@code selection} picks by each of {@code factors} in turn (rounded down
     * to whole VND or whole units, see {@link #scaled}).
     *
     * @throws InvalidScenarioException listing, for every factor, each problem its scenario would have
     * @throws IllegalArgumentException when there are no factors or more than {@link #MOST_STEPS}
     */
    public static BudgetSweep scaling(Scenario base, OfferSelection selection, List<BigDecimal> factors,
            SolveOptions perStep) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(selection, "selection");
        if (factors.isEmpty() || factors.size() > MOST_STEPS) {
            throw new IllegalArgumentException("a sweep takes 1 to " + MOST_STEPS + " factors, not " + factors.size());
        }
        List<Problem> problems = new ArrayList<>(selection.problems(base));
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        List<Variant> variants = new ArrayList<>();
        for (BigDecimal factor : factors) {
            try {
                variants.add(new Variant(scaled(base, selection, factor), Optional.of(factor), Optional.empty()));
            } catch (InvalidScenarioException invalid) {
                invalid.problems().forEach(problem -> problems.add(new Problem("factor " + factor.toPlainString() + ": "
                        + problem.path(), problem.message())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        return new BudgetSweep(variants, false, perStep);
    }

    /**
     * The scenario as it is, then without each of its {@code top} most valuable offers in turn (by
     * {@link Offer#totalValue()}, ties by id). Offers that carry commitments are passed over: what
     * was delivered cannot be withdrawn.
     */
    public static BudgetSweep withdrawingEach(Scenario base, int top, SolveOptions perStep) {
        Objects.requireNonNull(base, "base");
        if (top < 1 || top >= MOST_STEPS) {
            throw new IllegalArgumentException("top must be 1 to " + (MOST_STEPS - 1) + ", was " + top);
        }
        Set<String> committed = base.commitments().stream().map(Commitment::offer).collect(Collectors.toSet());
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant(base, Optional.empty(), Optional.empty()));
        base.offers().stream().filter(offer -> !committed.contains(offer.id()))
                .sorted(Comparator.comparingLong(Offer::totalValue).reversed().thenComparing(Offer::id))
                .limit(top)
                .forEach(offer -> variants.add(new Variant(base.withOffers(base.offers().stream()
                        .filter(other -> other != offer).toList()), Optional.empty(), Optional.of(offer))));
        return new BudgetSweep(variants, true, perStep);
    }

    // ---- Running ----

    /** How many steps a full run solves. */
    public int stepCount() {
        return variants.size();
    }

    /**
     * Solves every step in order, each with {@code perStep}'s limits, and returns them; after
     * {@link #cancel()}, returns the steps solved before it.
     */
    public List<Step> run(StepListener listener) {
        Objects.requireNonNull(listener, "listener");
        List<Step> done = new ArrayList<>();
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "matching-sweep");
            thread.setDaemon(true); // a process told to exit must not wait for a step
            return thread;
        });
        try {
            for (int i = 0; i < variants.size(); i++) {
                Variant variant = variants.get(i);
                SolveOptions options = perStep;
                Optional<Step> from = fromFirstPlan ? done.stream().findFirst() : done.stream().reduce((a, b) -> b);
                if (from.isPresent()) {
                    options = options.withPreviousPlan(from.get().plan(), from.get().scenario(), Stability.FREE);
                }
                Optional<Plan> plan = solve(variant.scenario(), options, executor);
                if (plan.isEmpty()) {
                    break;
                }
                Step step = new Step(variant.scenario(), plan.get(), variant.factor(), variant.withdrawn());
                done.add(step);
                listener.stepDone(i, variants.size(), step);
            }
        } finally {
            executor.shutdown();
        }
        return List.copyOf(done);
    }

    /** The step's plan, or empty when the sweep was cancelled before or while it was solved. */
    private Optional<Plan> solve(Scenario scenario, SolveOptions options, ExecutorService executor) {
        SolveJob job;
        synchronized (lock) {
            if (cancelled) {
                return Optional.empty();
            }
            job = AllocationEngine.solveAsync(scenario, options, executor);
            current = job;
        }
        try {
            Plan plan = job.result().join();
            synchronized (lock) {
                current = null;
                return cancelled ? Optional.empty() : Optional.of(plan);
            }
        } catch (CancellationException e) {
            return Optional.empty();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Stops the step being solved and every step after it; {@link #run} then returns what it has. */
    public void cancel() {
        SolveJob job;
        synchronized (lock) {
            cancelled = true;
            job = current;
        }
        if (job != null) {
            job.cancel();
        }
    }

    public boolean isCancelled() {
        synchronized (lock) {
            return cancelled;
        }
    }

    // ---- Scaling ----

    /**
     * {@code base} with every offer {@code selection} picks scaled by {@code factor}: a cash offer's
     * amount, an in-kind offer's quantity, each rounded down to a whole VND or unit.
     *
     * @throws InvalidScenarioException when a scaled offer is more than the contract can hold, or the
     *     result breaks a rule (an in-kind offer scaled to no unit, a commitment beyond a shrunk offer)
     */
    public static Scenario scaled(Scenario base, OfferSelection selection, BigDecimal factor) {
        if (factor.signum() < 0) {
            throw new IllegalArgumentException("a scaling factor must be ≥ 0, was " + factor.toPlainString());
        }
        List<Problem> problems = new ArrayList<>();
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < base.offers().size(); i++) {
            Offer offer = base.offers().get(i);
            if (!selection.selects(base, offer)) {
                offers.add(offer);
                continue;
            }
            Optional<Offer> result = OfferScaling.scaled(offer, factor);
            if (result.isEmpty()) {
                problems.add(new Problem("$.offers[" + i + "]." + (offer.isCash() ? "amount" : "quantity"), "scaled by "
                        + factor.toPlainString() + " is " + OfferScaling.scaledCapacity(offer, factor).toPlainString()
                        + ", more than the contract holds (" + OfferScaling.mostCapacity(offer) + ")"));
            }
            offers.add(result.orElse(offer));
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        return base.withOffers(offers);
    }

    /**
     * The factors {@code START:END:STEP} names, from START to END inclusive, stepped in exact
     * decimals (0.5:1.5:0.1 is 0.5, 0.6, …, 1.5: eleven steps, no 1.4000000000000001); a single
     * number is one step.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code range}
     */
    public static List<BigDecimal> factors(String range) {
        String[] parts = range.strip().split(":", -1);
        if (parts.length != 1 && parts.length != 3) {
            throw new IllegalArgumentException("'" + range + "' is not START:END:STEP (such as 0.5:1.5:0.1) or one factor");
        }
        BigDecimal start = decimal(parts[0], "start", range);
        if (parts.length == 1) {
            return List.of(start);
        }
        BigDecimal end = decimal(parts[1], "end", range);
        BigDecimal step = decimal(parts[2], "step", range);
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("the step of '" + range + "' must be above 0");
        }
        if (end.compareTo(start) < 0) {
            throw new IllegalArgumentException("the end of '" + range + "' is below its start");
        }
        BigDecimal count = end.subtract(start).divide(step, 0, RoundingMode.FLOOR).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MOST_STEPS)) > 0) {
            throw new IllegalArgumentException("'" + range + "' makes " + count.toPlainString() + " steps, more than "
                    + MOST_STEPS);
        }
        List<BigDecimal> factors = new ArrayList<>();
        for (int i = 0; i < count.intValueExact(); i++) {
            factors.add(start.add(step.multiply(BigDecimal.valueOf(i))));
        }
        return factors;
    }

    private static BigDecimal decimal(String text, String what, String range) {
        try {
            BigDecimal value = new BigDecimal(text.strip());
            if (value.signum() < 0) {
                throw new IllegalArgumentException("the " + what + " of '" + range + "' must be ≥ 0");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the " + what + " of '" + range + "' is not a number: '" + text + "'");
        }
    }

    /**
     * The scaling sweep's picture: each tier's T_k against the VND offered, one line per tier in
     * {@code tierNames}' order, labelled in {@code words} ({@code sweep.chart.} keys).
     */
    public static LineChart chart(List<String> tierNames, List<Step> steps, Words words) {
        LineChart.Builder chart = LineChart.builder(words.get("sweep.chart.title"))
                .xLabel(words.get("sweep.chart.x")).yLabel(words.get("sweep.chart.y"));
        for (String tier : tierNames) {
            chart.series(tier, steps.stream().map(step -> new LineChart.Point(step.offeredVnd(),
                    step.plan().tier(tier).map(TierTotal::value).orElse(0.0))).toList());
        }
        return chart.build();
    }

    /** VND every offer of the scenario holds, saturating rather than overflowing. */
    static long offered(Scenario scenario) {
        long sum = 0;
        for (Offer offer : scenario.offers()) {
            long value = offer.totalValue();
            sum = Long.MAX_VALUE - sum < value ? Long.MAX_VALUE : sum + value;
        }
        return sum;
    }

    /** Which offers a sweep scales: those of a donor type and/or of one donor (both must hold); all when neither is given. */
    public record OfferSelection(Optional<DonorType> donorType, Optional<String> donor) {
        public OfferSelection {
            Objects.requireNonNull(donorType, "donorType");
            Objects.requireNonNull(donor, "donor");
        }

        public static OfferSelection all() {
            return new OfferSelection(Optional.empty(), Optional.empty());
        }

        public static OfferSelection ofDonorType(DonorType type) {
            return new OfferSelection(Optional.of(type), Optional.empty());
        }

        public static OfferSelection ofDonor(String id) {
            return new OfferSelection(Optional.empty(), Optional.of(id));
        }

        public boolean selects(Scenario scenario, Offer offer) {
            return donor.map(id -> id.equals(offer.donor())).orElse(true)
                    && donorType.map(type -> type == scenario.donor(offer.donor()).type()).orElse(true);
        }

        /** An unknown donor, or a selection of no offer at all. */
        List<Problem> problems(Scenario scenario) {
            if (donor.isPresent() && scenario.donors().stream().noneMatch(d -> d.id().equals(donor.get()))) {
                return List.of(new Problem("selection.donor", "the scenario has no donor " + Problem.shown(donor.get())));
            }
            if (scenario.offers().stream().noneMatch(offer -> selects(scenario, offer))) {
                return List.of(new Problem(donor.isPresent() ? "selection.donor" : donorType.isPresent() ? "selection.donorType" : "$.offers",
                        "selects no offer of the scenario" + donorType.map(t -> " (donor type " + t + ")").orElse("")));
            }
            return List.of();
        }
    }
}
