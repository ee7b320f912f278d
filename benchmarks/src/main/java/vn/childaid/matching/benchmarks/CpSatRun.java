package vn.childaid.matching.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import vn.childaid.matching.examples.ContentionFamily;
import vn.childaid.matching.scenario.Scenario;

/**
 * CP-SAT alone ({@link CpSatReference}) on one contention member for one budget: the long runs the
 * contention targets compare with ("at 60 s, T_2 at least CP-SAT's after 10 minutes"), apart from
 * the table so that they can be recorded on their own.
 *
 * <pre>java -Xmx6g -cp benchmarks/target/benchmarks.jar vn.childaid.matching.benchmarks.CpSatRun province-tier2-tight 600 [seed 2020]</pre>
 */
public final class CpSatRun {
    private CpSatRun() {}

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: CpSatRun MEMBER SECONDS [SEED 2020]; members: " + ContentionFamily.names());
            System.exit(2);
        }
        ContentionFamily member = ContentionFamily.named(args[0]).orElseThrow(() -> new IllegalArgumentException(
                "no member '" + args[0] + "'; use one of " + ContentionFamily.names()));
        long seconds = Long.parseLong(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2020;
        Scenario scenario = member.scenario(seed);
        CpSatReference.Result result = CpSatReference.solve(scenario, 2, Duration.ofSeconds(seconds));
        System.out.printf(Locale.ROOT, "%s seed %d, CP-SAT %d s (%d workers): stage values %s, bounds %s, optimal %s, "
                        + "%,d ms, audit %s%n", member.memberName(), seed, seconds, CpSatReference.WORKERS,
                Arrays.toString(result.stageValues()), Arrays.toString(result.stageBounds()), result.optimal(),
                result.millis(), result.plan().isEmpty() ? "no plan" : result.accepted() ? "clean" : result.violations());
        result.plan().ifPresent(plan -> System.out.printf(Locale.ROOT, "  tier values %s%n",
                Arrays.toString(plan.tierValues())));
    }
}
