package vn.childaid.matching.engine;

import java.util.concurrent.Executor;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Scenario;

/**
 * The entry point for embedding: a validated {@link Scenario} in, an optimised {@link Plan} out.
 *
 * <pre>{@code
 * Scenario scenario = ScenarioJson.read(path);
 * Plan plan = AllocationEngine.solve(scenario, SolveOptions.defaults().withTimeLimit(Duration.ofSeconds(10)));
 * PlanJson.write(plan, out);
 * }</pre>
 *
 * Servers that solve many scenarios at once use {@link #solveAsync}, each job on the executor
 * they choose, and may cancel any job.
 */
public final class AllocationEngine {
    private AllocationEngine() {}

    /** Solves on the calling thread until a limit in {@code options} is reached. */
    public static Plan solve(Scenario scenario, SolveOptions options) {
        return new SolveJob(scenario, options).run();
    }

    /** Starts solving on {@code executor}; the returned job gives the plan and can be cancelled. */
    public static SolveJob solveAsync(Scenario scenario, SolveOptions options, Executor executor) {
        SolveJob job = new SolveJob(scenario, options);
        job.start(executor);
        return job;
    }
}
