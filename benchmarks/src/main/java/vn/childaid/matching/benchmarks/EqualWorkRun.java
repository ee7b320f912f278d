package vn.childaid.matching.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.engine.AllocationEngine;
import vn.childaid.matching.engine.SolveOptions;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Scenario;

/**
 * The engine's tier values after a fixed number of score calculations, per scenario seed: with a
 * fixed solver seed the result does not depend on how busy the machine is, so two builds of the
 * engine compare on a shared machine. The wall time printed beside each is only for orientation.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar vn.childaid.matching.benchmarks.EqualWorkRun \
 *     province 500000 2020 1 2 3</pre>
 */
public final class EqualWorkRun {
    private EqualWorkRun() {}

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: EqualWorkRun SIZE SCORE_CALCULATIONS SEED...");
            System.exit(2);
        }
        ScenarioSize size = ScenarioSize.valueOf(args[0].toUpperCase(Locale.ROOT));
        long calculations = Long.parseLong(args[1]);
        for (int i = 2; i < args.length; i++) {
            long seed = Long.parseLong(args[i]);
            Scenario scenario = DakLakGenerator.generate(size, seed);
            Plan greedy = GreedyAllocator.plan(scenario);
            Plan plan = AllocationEngine.solve(scenario, SolveOptions.defaults().withTimeLimit(Duration.ofHours(1))
                    .withScoreCalculationLimit(calculations).withRandomSeed(seed));
            System.out.printf(Locale.ROOT, "%s seed %d, %,d score calculations: greedy %s, engine %s, feasible %s (%,d ms)%n",
                    size, seed, calculations, Arrays.toString(greedy.tierValues()), Arrays.toString(plan.tierValues()),
                    plan.feasible(), plan.solver().millis());
        }
    }
}
