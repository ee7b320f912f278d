package vn.childaid.matching.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
    private static final int TIERS = 2;

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
        System.out.printf(Locale.ROOT, "%nT_1/T_2 as %% of the reference (the proven optimum, else the LP bound); seed %d; %s, %d cores%n",
                seed, Runtime.version(), Runtime.getRuntime().availableProcessors());
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

        resetPeakHeap();
        List<Progress> history = new ArrayList<>();
        Plan plan = AllocationEngine.solve(scenario, SolveOptions.defaults()
                .withTimeLimit(Duration.ofSeconds(checkpoints[checkpoints.length - 1]))
                .withRandomSeed(seed)
                .withProgressListener(history::add));
        long heap = peakHeapMegabytes();

        if (size == ScenarioSize.NATIONAL) {
            // Millions of MIP variables: OR-Tools would not fit in this machine's memory. Engine only.
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT,
                    "| national | %,d / %,d | none (too big for the MIP) | T2 %.0f | %.1f s |", scenario.needs().size(),
                    scenario.offers().size(), greedy[1], plan.solver().constructionMillis() / 1000.0));
            for (long checkpoint : checkpoints) {
                row.append(String.format(Locale.ROOT, " T2 %+.0f vs greedy | — |",
                        tierValues(bestAt(history, checkpoint))[1] - greedy[1]));
            }
            return row.append(String.format(Locale.ROOT, " %,d | %,d MB |", plan.solver().scoreCalculationSpeed(), heap))
                    .toString();
        }
        List<double[]> mip = new ArrayList<>();
        ExactReference.Result lastMip = null;
        for (long checkpoint : checkpoints) {
            try {
                lastMip = ExactReference.optimum(scenario, TIERS, Duration.ofMillis(checkpoint * 1000 / TIERS));
                mip.add(lastMip.tierValues());
            } catch (IllegalStateException e) {
                mip.add(null); // no solution found in time
            }
        }
        double[] reference;
        String referenceName;
        if (lastMip != null && lastMip.optimal()) {
            reference = lastMip.tierValues();
            referenceName = "optimum";
        } else {
            double bestT1 = Math.max(plan.tierValues()[0], lastMip == null ? 0 : lastMip.tierValues()[0]);
            reference = ExactReference.linearRelaxation(scenario, TIERS, bestT1).tierValues();
            referenceName = "LP bound";
        }

        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %,d / %,d | %s %.0f / %.0f | %s | %.1f s |",
                size.name().toLowerCase(Locale.ROOT), scenario.needs().size(), scenario.offers().size(), referenceName,
                reference[0], reference[1], percent(greedy, reference), plan.solver().constructionMillis() / 1000.0));
        for (int i = 0; i < checkpoints.length; i++) {
            row.append(' ').append(percent(tierValues(bestAt(history, checkpoints[i])), reference)).append(" | ")
                    .append(mip.get(i) == null ? "none" : percent(mip.get(i), reference)).append(" |");
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

    private static double[] tierValues(Progress progress) {
        return new double[] {progress.tierValues().get(0), progress.tierValues().get(1)};
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
