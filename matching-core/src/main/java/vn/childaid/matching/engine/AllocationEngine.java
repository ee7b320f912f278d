package vn.childaid.matching.engine;

import java.util.concurrent.Executor;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Scenario;

/**
 * The entry point for simple embedding: a validated {@link Scenario} in, an optimised {@link Plan} out.
 *
 * <pre>{@code
 * Scenario scenario = ScenarioJson.read(path);
 * Plan plan = AllocationEngine.solve(scenario, SolveOptions.defaults().withTimeLimit(Duration.ofSeconds(10)));
 * PlanJson.write(plan, out);
 * }</pre>
 *
 * Servers that solve many scenarios at once use a {@link SolveService}, which bounds how many solve
 * at a time and owns its threads; {@link #solveAsync} runs one job on an executor of the caller's.
 */
public final class AllocationEngine {
    private AllocationEngine() {}

    /** Solves on the calling thread until a limit in {@code options} is reached. */
    public static Plan solve(Scenario scenario, SolveOptions options) {
        return new SolveJob(scenario, options).runHere();
    }

    /**
     * Starts solving on {@code executor}; the returned job gives the plan and can be cancelled. The
     * job is {@link JobStatus#QUEUED} until the executor runs it.
     */
    public static SolveJob solveAsync(Scenario scenario, SolveOptions options, Executor executor) {
        SolveJob job = new SolveJob(scenario, options);
        executor.execute(job::run);
        return job;
    }
}
