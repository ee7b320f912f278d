package vn.childaid.matching.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.engine.AllocationEngine;
import vn.childaid.matching.engine.SolveOptions;
import vn.childaid.matching.examples.ContentionFamily;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAudit;
import vn.childaid.matching.scenario.Scenario;

/**
 * The engine with and without the exact re-optimisation of neighbourhoods, on contention members:
 * the greedy's tier values, then each way's after each limit, and whether the plan passes the
 * audit. A limit ending in {@code c} is a score-calculation count (with a one-hour time limit):
 * then both ways are deterministic for the seed, the exact way running its phase to the end first,
 * so the comparison is "exact phase + N calculations of local search" against "N calculations".
 *
 * <pre>java -Xmx4g -cp benchmarks/target/benchmarks.jar vn.childaid.matching.benchmarks.ExactNeighbourhoodsRun \
 *     small-tier1,small-tier2-tight 10,60 [seed 2020]
 * java -cp benchmarks/target/benchmarks.jar vn.childaid.matching.benchmarks.ExactNeighbourhoodsRun small-tier1 200000c</pre>
 *
 * <p>{@code -Denr.onlyOn=true} runs only the exact way (the default engine), to try changes quickly.
 */
public final class ExactNeighbourhoodsRun {
    private ExactNeighbourhoodsRun() {}

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: ExactNeighbourhoodsRun MEMBER[,MEMBER…] LIMIT[,LIMIT…] [SEED 2020]");
            System.err.println("a LIMIT is seconds (10) or score calculations (200000c); members: " + ContentionFamily.names());
            System.exit(2);
        }
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2020;
        for (String name : args[0].split(",")) {
            ContentionFamily member = ContentionFamily.named(name).orElseThrow(() -> new IllegalArgumentException(
                    "no member '" + name + "'; use one of " + ContentionFamily.names()));
            Scenario scenario = member.scenario(seed);
            Plan greedy = GreedyAllocator.plan(scenario);
            System.out.printf(Locale.ROOT, "%s seed %d: greedy %s%n", member.memberName(), seed,
                    values(greedy.tierValues()));
            for (String limit : args[1].split(",")) {
                SolveOptions options = SolveOptions.defaults().withRandomSeed(seed);
                options = limit.endsWith("c")
                        ? options.withTimeLimit(Duration.ofHours(1))
                                .withScoreCalculationLimit(Long.parseLong(limit.substring(0, limit.length() - 1)))
                        : options.withTimeLimit(Duration.ofSeconds(Long.parseLong(limit)));
                for (boolean exact : Boolean.getBoolean("enr.onlyOn") ? new boolean[] {true} : new boolean[] {false, true}) {
                    Plan plan = AllocationEngine.solve(scenario, options.withExactNeighbourhoods(exact));
                    System.out.printf(Locale.ROOT, "  %s, exact neighbourhoods %-3s: %s, audit %s (%,d ms)%n", limit,
                            exact ? "on" : "off", values(plan.tierValues()),
                            PlanAudit.audit(scenario, plan).isEmpty() ? "clean" : PlanAudit.audit(scenario, plan),
                            plan.solver().millis());
                }
            }
        }
    }

    private static String values(double[] tierValues) {
        return Arrays.toString(Arrays.stream(tierValues).map(v -> Math.round(v * 10) / 10.0).toArray());
    }
}
