package vn.childaid.matching.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.childaid.matching.engine.AllocationEngine;
import vn.childaid.matching.engine.SolveOptions;
import vn.childaid.matching.engine.Stability;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.rules.Objective;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.whatif.Change;
import vn.childaid.matching.whatif.ChangeSet;
import vn.childaid.matching.whatif.LineFates;
import vn.childaid.matching.whatif.Untouched;

/**
 * Issue 11's re-planning measure: solve an example (or read its plan), withdraw the offer that funds
 * the most top-tier children, then compare a cold solve of the changed scenario with {@code balanced},
 * {@code keep} and {@code free} re-plans from the previous plan: tier values, and the share of the
 * untouched lines each keeps.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar vn.childaid.matching.benchmarks.ReplanRun \
 *     province 2020 60 60 10 [PLAN.json]</pre>
 * (size, seed, seconds for the previous plan, for the cold solve, for each re-plan; a plan file of
 * that scenario skips the first solve).
 */
public final class ReplanRun {
    private ReplanRun() {}

    public static void main(String[] args) {
        if (args.length < 5 || args.length > 6) {
            System.err.println("usage: ReplanRun SIZE SEED PREVIOUS_SECONDS COLD_SECONDS REPLAN_SECONDS [PLAN]");
            System.exit(2);
        }
        ScenarioSize size = ScenarioSize.valueOf(args[0].toUpperCase(Locale.ROOT));
        long seed = Long.parseLong(args[1]);
        Duration previousTime = Duration.ofSeconds(Long.parseLong(args[2]));
        Duration coldTime = Duration.ofSeconds(Long.parseLong(args[3]));
        Duration replanTime = Duration.ofSeconds(Long.parseLong(args[4]));
        Scenario scenario = DakLakGenerator.generate(size, seed);
        Plan previous = args.length == 6 ? PlanJson.read(Path.of(args[5]))
                : AllocationEngine.solve(scenario, options(previousTime, seed));
        String withdrawn = offerFundingTheMostTopTierChildren(scenario, previous);
        Scenario changed = ChangeSet.of("withdraw " + withdrawn, List.of(new Change.RemoveOffer(withdrawn)))
                .applyTo(scenario, Optional.of(previous));
        List<Allocation> untouched = Untouched.lines(scenario, previous, changed);
        long previousLines = previous.allocations().stream().filter(line -> !line.committed()).count();
        System.out.printf(Locale.ROOT, "%s seed %d: withdrawing %s leaves %,d of %,d previous lines untouched%n", size, seed,
                withdrawn, untouched.size(), previousLines);
        print("previous plan", previous, untouched, previous.solver().millis());

        Plan cold = AllocationEngine.solve(changed, options(coldTime, seed));
        print("cold " + coldTime.toSeconds() + " s", cold, untouched, cold.solver().millis());
        for (Stability stability : List.of(Stability.BALANCED, Stability.KEEP, Stability.FREE)) {
            Plan plan = AllocationEngine.solve(changed, options(replanTime, seed).withPreviousPlan(previous, scenario, stability));
            print(stability.name().toLowerCase(Locale.ROOT) + " " + replanTime.toSeconds() + " s", plan, untouched,
                    plan.solver().millis());
            System.out.printf(Locale.ROOT, "    tiers against the cold solve: %s%n",
                    verdict(Objective.compare(changed.policy(), plan.tierValues(), cold.tierValues())));
        }
    }

    private static SolveOptions options(Duration time, long seed) {
        return SolveOptions.defaults().withTimeLimit(time).withRandomSeed(seed);
    }

    private static String verdict(int comparison) {
        return comparison > 0 ? "above" : comparison == 0 ? "equal" : "BELOW";
    }

    private static void print(String label, Plan plan, List<Allocation> untouched, long millis) {
        LineFates fates = LineFates.of(untouched, plan);
        StringBuilder tiers = new StringBuilder();
        plan.tiers().forEach(tier -> tiers.append(String.format(Locale.ROOT, " %s %,.1f", tier.name(), tier.reached())));
        System.out.printf(Locale.ROOT, "  %-14s feasible %-5s untouched kept %5.1f%% (%,d kept, %,d moved, %,d dropped), %,d ms:%s%n",
                label, plan.feasible(), 100 * fates.keptShare(), fates.kept(), fates.moved(), fates.dropped(), millis, tiers);
    }

    /**
     * The offer whose lines in {@code plan} reach the most children of the top tier; offers carrying
     * commitments cannot be withdrawn and are passed over.
     */
    static String offerFundingTheMostTopTierChildren(Scenario scenario, Plan plan) {
        Set<String> committed = new HashSet<>();
        scenario.commitments().stream().map(Commitment::offer).forEach(committed::add);
        Map<String, Double> topTierChildren = new HashMap<>();
        for (Allocation line : plan.allocations()) {
            Need need = scenario.need(line.need());
            if (!line.committed() && !committed.contains(line.offer()) && scenario.tierOf(need) == 0) {
                topTierChildren.merge(line.offer(), Objective.reached(need.children(), need.quantity(), line.units()),
                        Double::sum);
            }
        }
        return topTierChildren.entrySet().stream()
                .max(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new IllegalStateException("no offer without commitments funds the top tier"));
    }
}
