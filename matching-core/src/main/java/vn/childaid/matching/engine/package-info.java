/**
 * The facade for embedding. {@link vn.childaid.matching.engine.AllocationEngine} solves a scenario
 * with {@link vn.childaid.matching.engine.SolveOptions} (time limits, seed, threads, progress
 * listener) on the calling thread or an executor; a {@link vn.childaid.matching.engine.SolveService}
 * is the instance a server keeps: it owns its threads, bounds how many scenarios solve at once and
 * queues the rest. Both hand out a {@link vn.childaid.matching.engine.SolveJob} to watch
 * ({@link vn.childaid.matching.engine.JobStatus}, the best plan so far) and cancel.
 *
 * <p>A re-plan after a change is a solve with a previous plan ({@code
 * SolveOptions.withPreviousPlan(plan, scenarioBefore, stability)}): the previous lines that still
 * hold ({@link vn.childaid.matching.whatif.Carryover}) start the search, and the {@link
 * vn.childaid.matching.engine.Stability} says whether they stay fixed, cost on a level of their own
 * when they move, or are only a warm start.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>Immutable, so free to share: {@link vn.childaid.matching.engine.SolveOptions},
 *       {@link vn.childaid.matching.engine.Progress}, {@link vn.childaid.matching.engine.StartProgress},
 *       and the scenarios and plans that go in and come out.</li>
 *   <li>Safe to use from several threads at once: {@link vn.childaid.matching.engine.SolveService}
 *       (one per application), {@link vn.childaid.matching.engine.SolveJob} (poll, wait and cancel
 *       from anywhere) and the static {@link vn.childaid.matching.engine.AllocationEngine}.</li>
 *   <li>Called on a job's solving thread: its {@link vn.childaid.matching.engine.ProgressListener};
 *       a listener shared by several jobs (say, in a service's default options) is called from
 *       several threads at once and must be thread-safe.</li>
 * </ul>
 *
 * <p>The solver behind it ({@code vn.childaid.matching.solver}) is internal and may change in any
 * release.
 *
 * <p><b>No public type here is a record</b>: {@link vn.childaid.matching.engine.SolveOptions} (made
 * from {@code defaults()} and its {@code with…} methods) and {@link vn.childaid.matching.engine.Progress}
 * (made by its builder) are classes that may gain fields, because new options and progress details
 * are expected.
 */
package vn.childaid.matching.engine;
