package vn.childaid.matching.benchmarks;

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
 * One engine run on a generated scenario, reporting what the engine issue asks for: time until the
 * first plan (construction) and its tier values, T_1 and T_2 at checkpoints, the greedy's values,
 * score calculation speed and peak heap.
 *
 * <pre>mvn -q -B install -DskipTests && java -cp "benchmarks/target/benchmarks.jar" \
 *     vn.childaid.matching.benchmarks.QualityRun province 2020 10 60</pre>
 */
public final class QualityRun {
    private QualityRun() {}

    public static void main(String[] args) {
        ScenarioSize size = ScenarioSize.valueOf(args.length > 0 ? args[0].toUpperCase(Locale.ROOT) : "PROVINCE");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 2020;
        long[] checkpoints = args.length > 2
                ? Arrays.stream(args, 2, args.length).mapToLong(Long::parseLong).toArray()
                : new long[] {10, 60};
        Scenario scenario = DakLakGenerator.generate(size, seed);
        long greedyStart = System.nanoTime();
        Plan greedy = GreedyAllocator.plan(scenario);
        long greedyMillis = (System.nanoTime() - greedyStart) / 1_000_000;

        List<Progress> history = new ArrayList<>();
        long last = checkpoints[checkpoints.length - 1];
        Plan plan = AllocationEngine.solve(scenario, SolveOptions.defaults()
                .withTimeLimit(Duration.ofSeconds(last))
                .withRandomSeed(seed)
                .withProgressListener(history::add));

        System.out.printf(Locale.ROOT, "scenario: %s — %,d needs, %,d offers, %s%n", scenario.name(),
                scenario.needs().size(), scenario.offers().size(), Runtime.version());
        System.out.printf(Locale.ROOT, "greedy: %d ms, T1 %.1f, T2 %.1f%n", greedyMillis, greedy.tierValues()[0],
                greedy.tierValues()[1]);
        Progress first = history.stream().filter(p -> !p.constructionDone()).findFirst().orElse(history.get(0));
        System.out.printf(Locale.ROOT, "construction ended: %d ms, T1 %.1f, T2 %.1f%n", plan.solver().constructionMillis(),
                first.tierValues().get(0), first.tierValues().get(1));
        for (long checkpoint : checkpoints) {
            Progress at = BenchmarkTable.bestAt(history, checkpoint);
            System.out.printf(Locale.ROOT, "at %ds: T1 %.1f, T2 %.1f (T2 %+.1f vs greedy), score %s%n", checkpoint,
                    at.tierValues().get(0), at.tierValues().get(1), at.tierValues().get(1) - greedy.tierValues()[1],
                    at.bestScore());
        }
        System.out.printf(Locale.ROOT, "final: feasible %s, %,d score calculations/s, peak heap %,d MB%n", plan.feasible(),
                plan.solver().scoreCalculationSpeed(), BenchmarkTable.peakHeapMegabytes());
    }
}
