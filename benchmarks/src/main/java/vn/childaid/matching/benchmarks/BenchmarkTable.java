package vn.childaid.matching.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.engine.AllocationEngine;
import vn.childaid.matching.engine.Progress;
import vn.childaid.matching.engine.SolveOptions;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Scenario;

/**
 * The one table: for each scenario size, how the engine's T_1 and T_2 compare with the exact
 * optimum (or, where the MIP proves none in time, with the LP bound) at each checkpoint, next to
 * the greedy baseline and the MIP solver's own best at the same times.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar vn.childaid.matching.benchmarks.BenchmarkTable \
 *     tiny,small,province 10,60,300 2020</pre>
 */
public final class BenchmarkTable {
    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkTable.class);
    private static final int TIERS = 2;
    /** Above this many need–offer lines the MIP and the LP do not fit this machine's time or memory. */
    private static final long MAX_LINES_FOR_MODELS = 2_000_000;
    /** What SCIP gets to prove a bound on T_2 from the engine's plan. */
    private static final Duration PROOF_BUDGET = Duration.ofSeconds(120);

    private BenchmarkTable() {}

    public static void main(String[] args) {
        List<ScenarioSize> sizes = Arrays.stream((args.length > 0 ? args[0] : "tiny,small,province").split(","))
                .map(s -> ScenarioSize.valueOf(s.trim().toUpperCase(Locale.ROOT))).toList();
        long[] checkpoints = Arrays.stream((args.length > 1 ? args[1] : "10,60,300").split(","))
                .mapToLong(Long::parseLong).toArray();
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2020;

        List<String> rows = new ArrayList<>();
        for (ScenarioSize size : sizes) {
            rows.add(measure(size, seed, checkpoints));
            System.err.println(rows.get(rows.size() - 1));
        }
        System.out.println();
        System.out.println(header(checkpoints));
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nT_1/T_2 as %% of the reference: the proven optimum, else the tighter of the LP bound and SCIP's bound;"
                + " above %,d need-offer lines the demand bound; seed %d; %s, %d cores%n",
                MAX_LINES_FOR_MODELS, seed, Runtime.version(), Runtime.getRuntime().availableProcessors());
    }

    private static String header(long[] checkpoints) {
        StringBuilder head = new StringBuilder("| size | needs / offers | reference | greedy T1 / T2 | engine at greedy level |");
        StringBuilder rule = new StringBuilder("| --- | --- | --- | --- | --- |");
        for (long checkpoint : checkpoints) {
            head.append(" engine ").append(checkpoint).append(" s | MIP ").append(checkpoint).append(" s |");
            rule.append(" --- | --- |");
        }
        head.append(" score calc/s | peak heap |");
        rule.append(" --- | --- |");
        return head + "\n" + rule;
    }

    private static String measure(ScenarioSize size, long seed, long[] checkpoints) {
        Scenario scenario = DakLakGenerator.generate(size, seed);
        double[] greedy = Arrays.copyOf(GreedyAllocator.plan(scenario).tierValues(), TIERS);

        // One solve per checkpoint: the engine shares its time among phases by the limit it is given,
        // so a long solve's state at 10 s is not what a 10 s solve gives. The longest is measured for
        // speed and heap.
        List<double[]> engineAt = new ArrayList<>();
        for (int i = 0; i < checkpoints.length - 1; i++) {
            double[] values = AllocationEngine.solve(scenario, SolveOptions.defaults()
                    .withTimeLimit(Duration.ofSeconds(checkpoints[i])).withRandomSeed(seed)).tierValues();
            engineAt.add(Arrays.copyOf(values, TIERS));
        }
        resetPeakHeap();
        Plan plan = AllocationEngine.solve(scenario, SolveOptions.defaults()
                .withTimeLimit(Duration.ofSeconds(checkpoints[checkpoints.length - 1]))
                .withRandomSeed(seed));
        long heap = peakHeapMegabytes();
        engineAt.add(Arrays.copyOf(plan.tierValues(), TIERS));

        PricedBound.Bounds bounds = PricedBound.tierBounds(scenario, plan, TIERS, MAX_LINES_FOR_MODELS);
        double[] reference = bounds.tierValues();
        String referenceName = bounds.linearRelaxation() ? "LP bound" : "demand bound";
        List<double[]> mip = new ArrayList<>();
        if (bounds.linearRelaxation()) {
            for (long checkpoint : checkpoints) {
                try {
                    mip.add(ExactReference.optimum(scenario, TIERS, Duration.ofMillis(checkpoint * 1000 / TIERS)).tierValues());
                } catch (IllegalStateException e) {
                    mip.add(null); // no solution found in time
                }
            }
            // SCIP, started from the engine's plan, proves what it can about T_2 (among plans keeping
            // the engine's T_1, which holds the lexicographic optimum since T_1 there is at least as high).
            ExactReference.TierBound proof = ExactReference.tierBound(scenario, 1, new double[] {plan.tierValues()[0]},
                    plan.allocations(), PROOF_BUDGET);
            boolean topTierProven = plan.tierValues()[0] >= reference[0] - 1e-6;
            LOG.info("{}: SCIP from the engine's plan in {} ms: T2 best {}, bound {}{}", size, proof.millis(), proof.best(),
                    proof.bound(), proof.optimal() ? " (optimal)" : "");
            // A bound below a plan SCIP holds would be a solver fault, not a bound: ignore it then.
            if (!Double.isNaN(proof.bound()) && proof.bound() >= plan.tierValues()[1] - 1e-6
                    && proof.bound() <= reference[1] + 1e-6) {
                reference[1] = proof.bound();
                referenceName = topTierProven && proof.optimal() ? "optimum" : "SCIP bound";
            }
        }
        for (int i = 0; i < checkpoints.length; i++) {
            LOG.info("{}: engine {} s: {}", size, checkpoints[i], Arrays.toString(engineAt.get(i)));
        }
        LOG.info("{}: greedy {}, reference {} {}", size, Arrays.toString(greedy), referenceName, Arrays.toString(reference));
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %,d / %,d | %s %.0f / %.0f | %s | %.1f s |",
                size.name().toLowerCase(Locale.ROOT), scenario.needs().size(), scenario.offers().size(), referenceName,
                reference[0], reference[1], percent(greedy, reference), plan.solver().constructionMillis() / 1000.0));
        for (int i = 0; i < checkpoints.length; i++) {
            String mipCell = mip.isEmpty() ? String.format(Locale.ROOT, "— (%,d lines)", bounds.lines())
                    : mip.get(i) == null ? "none" : percent(mip.get(i), reference);
            row.append(' ').append(percent(engineAt.get(i), reference)).append(" | ")
                    .append(mipCell).append(" |");
        }
        row.append(String.format(Locale.ROOT, " %,d | %,d MB |", plan.solver().scoreCalculationSpeed(), heap));
        return row.toString();
    }

    /** The best plan reported by {@code seconds} into a run (the first report if none came that early). */
    static Progress bestAt(List<Progress> history, long seconds) {
        Progress best = history.get(0);
        for (Progress progress : history) {
            if (progress.elapsed().toMillis() <= seconds * 1000) {
                best = progress;
            }
        }
        return best;
    }

    private static String percent(double[] values, double[] reference) {
        return String.format(Locale.ROOT, "%s / %s", share(values[0], reference[0]), share(values[1], reference[1]));
    }

    private static String share(double value, double reference) {
        return reference <= 0 ? "—" : String.format(Locale.ROOT, "%.2f%%", 100 * value / reference);
    }

    private static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
