package vn.childaid.matching.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import vn.childaid.matching.engine.AllocationEngine;
import vn.childaid.matching.engine.SolveJob;
import vn.childaid.matching.engine.SolveOptions;
import vn.childaid.matching.files.OutputFile;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Scenario;

/** What the solving commands ({@code solve}, {@code replan}) share once their options are made. */
final class Solving {
    private Solving() {}

    /** Solves on a thread of its own, so that a signal can cancel the job and this thread still writes its plan. */
    static Plan solve(Scenario scenario, SolveOptions options, Interruptions interruptions) {
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "matching-solve");
            thread.setDaemon(true); // a second Ctrl-C must not wait for it
            return thread;
        });
        try {
            SolveJob job = AllocationEngine.solveAsync(scenario, options, executor);
            interruptions.onFirstSignal(job::cancel);
            return job.result().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        } finally {
            executor.shutdown();
        }
    }

    /**
     * Writes the plan (when asked) and prints its summary, then what an interruption did; returns the
     * exit code.
     */
    static int report(Plan plan, Optional<OutputFile> planFile, Optional<Path> out, Interruptions interruptions,
            PrintWriter stdout) {
        planFile.ifPresent(file -> file.writeString(PlanJson.toJson(plan)));
        stdout.print(PlanSummary.of(plan));
        out.ifPresent(file -> stdout.println("Plan written to " + file));
        Optional<Interruptions.Signal> signal = interruptions.received();
        signal.ifPresent(received -> stdout.println("Interrupted by " + received
                + ": solving stopped early; this is the best plan found before it."));
        stdout.flush();
        return signal.map(Interruptions.Signal::exitCode).orElse(MatchingCli.OK);
    }
}
