package vn.childaid.matching.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.engine.AllocationEngine;
import vn.childaid.matching.engine.SolveOptions;
import vn.childaid.matching.examples.ContentionFamily;
import vn.childaid.matching.examples.ContentionProfile;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAudit;
import vn.childaid.matching.policy.PriorityMode;
import vn.childaid.matching.rules.Objective;
import vn.childaid.matching.rules.RuleViolation;
import vn.childaid.matching.scenario.Scenario;

/**
 * The contention family's table: one row per member, with the greedy, the engine at each
 * checkpoint (a solve with that time limit, default options, through the public API: the engine
 * shares its time among its phases by the limit, so one long run's state at 10 s is not a 10 s
 * solve), CP-SAT at each checkpoint (a
 * separate run per budget, {@link CpSatReference#WORKERS} workers, after the engine has finished so
 * neither slows the other), against the proven optimum or the best bound. STRICT members show T_1 /
 * T_2 as % of the reference; the WEIGHTED member shows Σ tierWeight × T_k as % of its reference.
 *
 * <p>Reference, STRICT: T_1 — the tightest of the LP bound ({@link PricedBound}) and CP-SAT's bounds
 * on T_1; T_2 — the tightest of the LP bound (T_1 kept at the engine's), SCIP's bound from the
 * engine's plan ({@link ExactReference#tierBound}) and CP-SAT's bounds on T_2 (T_1 kept at its own
 * T_1). Each holds for the lexicographic optimum, whose T_1 is at least any plan's. WEIGHTED: the
 * tightest of the demand bound, SCIP's bound on the weighted sum from the engine's plan and
 * CP-SAT's bounds. "optimum" when a solver proved one, else "bound".
 *
 * <p>Every plan in the table goes through {@link PlanAudit}: each engine plan and each CP-SAT
 * plan; a rejected plan is shown as rejected and never counted.
 *
 * <pre>java -Xmx6g -cp benchmarks/target/benchmarks.jar vn.childaid.matching.benchmarks.ContentionTable \
 *     small-tier1 10,60,300 [seed 2020] [SCIP proof seconds 120]</pre>
 */
public final class ContentionTable {
    private static final Logger LOG = LoggerFactory.getLogger(ContentionTable.class);
    private static final int TIERS = 2;
    /** Above this many need–offer lines the LP does not fit this machine's time or memory. */
    private static final long MAX_LINES_FOR_MODELS = 2_000_000;

    private ContentionTable() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: ContentionTable MEMBER[,MEMBER…] [CHECKPOINTS 10,60,300] [SEED 2020] [PROOF_SECONDS 120]");
            System.err.println("members: " + ContentionFamily.names());
            System.exit(2);
        }
        List<ContentionFamily> members = new ArrayList<>();
        for (String name : args[0].split(",")) {
            members.add(ContentionFamily.named(name).orElseThrow(() -> new IllegalArgumentException(
                    "no member '" + name + "'; use one of " + ContentionFamily.names())));
        }
        long[] checkpoints = Arrays.stream((args.length > 1 ? args[1] : "10,60,300").split(","))
                .mapToLong(s -> Long.parseLong(s.trim())).toArray();
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2020;
        Duration proofBudget = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 120);

        List<String> rows = new ArrayList<>();
        for (ContentionFamily member : members) {
            rows.add(measure(member, seed, checkpoints, proofBudget));
            System.err.println(rows.get(rows.size() - 1));
        }
        System.out.println();
        System.out.println(header(checkpoints));
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nSTRICT: T_1 / T_2 as %% of the reference; WEIGHTED: Σ tierWeight × T_k as %% of it."
                + " Seed %d; CP-SAT %d workers, run after the engine; SCIP from the engine's plan %d s; %s, %d cores%n",
                seed, CpSatReference.WORKERS, proofBudget.toSeconds(), Runtime.version(),
                Runtime.getRuntime().availableProcessors());
    }

    private static String header(long[] checkpoints) {
        StringBuilder head = new StringBuilder("| member | needs / offers | reference | greedy |");
        StringBuilder rule = new StringBuilder("| --- | --- | --- | --- |");
        for (long checkpoint : checkpoints) {
            head.append(" engine ").append(checkpoint).append(" s |");
            rule.append(" --- |");
        }
        for (long checkpoint : checkpoints) {
            head.append(" CP-SAT ").append(checkpoint).append(" s |");
            rule.append(" --- |");
        }
        return head + "\n" + rule;
    }

    static String measure(ContentionFamily member, long seed, long[] checkpoints, Duration proofBudget) {
        Scenario scenario = member.scenario(seed);
        LOG.info("{}: {}", member.memberName(), ContentionProfile.of(scenario).describe());
        boolean weighted = scenario.policy().priorityMode() == PriorityMode.WEIGHTED;
        Plan greedy = GreedyAllocator.plan(scenario);

        // One solve per checkpoint: the engine shares its time among phases by the limit it is given,
        // so a 60 s solve's state at 10 s is not what a 10 s solve gives.
        List<Plan> engineRuns = new ArrayList<>();
        List<List<RuleViolation>> engineProblems = new ArrayList<>();
        for (long checkpoint : checkpoints) {
            Plan run = AllocationEngine.solve(scenario, SolveOptions.defaults()
                    .withTimeLimit(Duration.ofSeconds(checkpoint)).withRandomSeed(seed));
            List<RuleViolation> problems = PlanAudit.audit(scenario, run);
            if (!problems.isEmpty()) {
                LOG.warn("{}: the audit rejects the engine's {} s plan: {}", member.memberName(), checkpoint, problems);
            }
            LOG.info("{}: engine {} s: {}", member.memberName(), checkpoint, Arrays.toString(run.tierValues()));
            engineRuns.add(run);
            engineProblems.add(problems);
        }
        Plan engine = engineRuns.get(engineRuns.size() - 1);

        // CP-SAT only now, one budget after another, so that it never shares the cores with the engine.
        List<CpSatReference.Result> cpSat = new ArrayList<>();
        for (long checkpoint : checkpoints) {
            CpSatReference.Result result = CpSatReference.solve(scenario, TIERS, Duration.ofSeconds(checkpoint));
            LOG.info("{}: CP-SAT {} s: values {}, bounds {}, optimal {}, {} ms{}", member.memberName(), checkpoint,
                    Arrays.toString(result.stageValues()), Arrays.toString(result.stageBounds()), result.optimal(),
                    result.millis(), result.accepted() || result.plan().isEmpty() ? ""
                            : ", REJECTED by the audit: " + result.violations());
            cpSat.add(result);
        }

        Reference reference = weighted ? weightedReference(scenario, engine, cpSat, proofBudget)
                : strictReference(scenario, engine, cpSat, proofBudget);
        LOG.info("{}: greedy {}, engine final {}, reference {} {}", member.memberName(),
                Arrays.toString(greedy.tierValues()), Arrays.toString(engine.tierValues()), reference.name(),
                Arrays.toString(reference.values()));

        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %,d / %,d | %s | %s |",
                member.memberName(), scenario.needs().size(), scenario.offers().size(), reference.describe(),
                cell(scenario, greedy.tierValues(), reference)));
        for (int i = 0; i < checkpoints.length; i++) {
            row.append(' ').append(engineProblems.get(i).isEmpty() ? cell(scenario, engineRuns.get(i).tierValues(), reference)
                    : "rejected by the audit").append(" |");
        }
        for (CpSatReference.Result result : cpSat) {
            String text = result.plan().isEmpty() ? "none"
                    : !result.accepted() ? "rejected by the audit (" + result.violations().size() + ")"
                    : cell(scenario, result.plan().get().tierValues(), reference);
            row.append(' ').append(text).append(" |");
        }
        return row.toString();
    }

    /** The figures a row compares: T_1 and T_2 (STRICT) or Σ tierWeight × T_k (WEIGHTED); the reference's name. */
    record Reference(String name, double[] values, boolean weighted) {
        String describe() {
            return weighted ? String.format(Locale.ROOT, "%s Σw·T %.0f", name, values[0])
                    : String.format(Locale.ROOT, "%s %.0f / %.0f", name, values[0], values[1]);
        }
    }

    private static Reference strictReference(Scenario scenario, Plan engine, List<CpSatReference.Result> cpSat,
            Duration proofBudget) {
        PricedBound.Bounds lp = PricedBound.tierBounds(scenario, engine, TIERS, MAX_LINES_FOR_MODELS);
        double[] bound = lp.tierValues();
        boolean proven = false;
        for (CpSatReference.Result result : cpSat) {
            for (int tier = 0; tier < TIERS; tier++) {
                if (!Double.isNaN(result.stageBounds()[tier])) {
                    bound[tier] = Math.min(bound[tier], result.stageBounds()[tier]);
                }
            }
            proven |= result.optimal() && result.accepted();
        }
        if (lp.linearRelaxation()) {
            ExactReference.TierBound proof = ExactReference.tierBound(scenario, 1, new double[] {engine.tierValues()[0]},
                    engine.allocations(), proofBudget);
            LOG.info("SCIP from the engine's plan in {} ms: T2 best {}, bound {}{}", proof.millis(), proof.best(),
                    proof.bound(), proof.optimal() ? " (optimal)" : "");
            // A bound below a plan SCIP holds would be a solver fault, not a bound: ignore it then.
            if (!Double.isNaN(proof.bound()) && proof.bound() >= engine.tierValues()[1] - 1e-6) {
                bound[1] = Math.min(bound[1], proof.bound());
                proven |= proof.optimal() && engine.tierValues()[0] >= bound[0] - 1e-6;
            }
        }
        return new Reference(proven ? "optimum" : lp.linearRelaxation() ? "bound" : "demand bound", bound, false);
    }

    private static Reference weightedReference(Scenario scenario, Plan engine, List<CpSatReference.Result> cpSat,
            Duration proofBudget) {
        long[] weights = EligibleLines.weightsOrNull(scenario.policy());
        EligibleLines data = new EligibleLines(scenario);
        double bound = data.weightedDemandBound(weights);
        boolean proven = false;
        for (CpSatReference.Result result : cpSat) {
            if (!Double.isNaN(result.stageBounds()[0])) {
                bound = Math.min(bound, result.stageBounds()[0]);
            }
            proven |= result.optimal() && result.accepted();
        }
        if (data.lineCount() <= MAX_LINES_FOR_MODELS) {
            ExactReference.TierBound proof = ExactReference.weightedBound(scenario, weights, engine.allocations(), proofBudget);
            LOG.info("SCIP from the engine's plan in {} ms: Σw·T best {}, bound {}{}", proof.millis(), proof.best(),
                    proof.bound(), proof.optimal() ? " (optimal)" : "");
            double engineValue = weightedValue(scenario, engine.tierValues());
            if (!Double.isNaN(proof.bound()) && proof.bound() >= engineValue - 1e-6) {
                bound = Math.min(bound, proof.bound());
                proven |= proof.optimal();
            }
        }
        return new Reference(proven ? "optimum" : "bound", new double[] {bound}, true);
    }

    /** Σ tierWeight × T_k of a plan's tier values, by the policy's own measure. */
    static double weightedValue(Scenario scenario, double[] tierValues) {
        return Objective.weightedSum(scenario.policy().tierWeights(), tierValues);
    }

    private static String cell(Scenario scenario, double[] tierValues, Reference reference) {
        if (reference.weighted()) {
            return share(weightedValue(scenario, tierValues), reference.values()[0]);
        }
        return share(tierValues[0], reference.values()[0]) + " / " + share(tierValues[1], reference.values()[1]);
    }

    private static String share(double value, double reference) {
        return reference <= 0 ? "—" : String.format(Locale.ROOT, "%.2f%%", 100 * value / reference);
    }
}
