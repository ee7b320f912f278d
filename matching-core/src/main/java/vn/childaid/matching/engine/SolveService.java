package vn.childaid.matching.engine;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import vn.childaid.matching.scenario.Scenario;

/**
 * The engine as a server holds it: built once with its configuration, it solves submitted
 * scenarios on threads it owns, at most {@link #maxConcurrentSolves()} at a time; later jobs wait,
 * {@link JobStatus#QUEUED}, in the order they came. Closing it cancels every job and ends its threads.
 *
 * <pre>{@code
 * try (SolveService service = SolveService.builder()
 *         .maxConcurrentSolves(2)
 *         .defaultOptions(SolveOptions.defaults().withTimeLimit(Duration.ofMinutes(1)))
 *         .build()) {
 *     SolveJob job = service.submit(scenario);
 *     job.bestPlan().ifPresent(plan -> show(plan));   // while it solves
 *     Plan plan = job.result().get();
 * }
 * }</pre>
 *
 * <p>Safe to share between threads: one instance serves every request of an application.
 */
public final class SolveService implements AutoCloseable {
    /** Idle solving threads end after this long, so a quiet service holds none. */
    private static final long IDLE_THREAD_SECONDS = 60;

    private final SolveOptions defaultOptions;
    private final int maxConcurrentSolves;
    private final ThreadPoolExecutor executor;
    private final Set<SolveJob> unfinished = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    /** Guarded by {@link #lock}, so no job slips in while {@link #close()} cancels them all. */
    private boolean closed;

    private SolveService(Builder builder) {
        this.defaultOptions = builder.defaultOptions;
        this.maxConcurrentSolves = builder.maxConcurrentSolves;
        this.executor = new ThreadPoolExecutor(maxConcurrentSolves, maxConcurrentSolves, IDLE_THREAD_SECONDS,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), builder.threadFactory);
        executor.allowCoreThreadTimeOut(true);
    }

    /** One concurrent solve, {@link SolveOptions#defaults()}, daemon threads named {@code matching-solve-N}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Solves {@code scenario} with the service's default options. */
    public SolveJob submit(Scenario scenario) {
        return submit(scenario, defaultOptions);
    }

    /**
     * Queues a solve of {@code scenario}; it starts as soon as a slot is free.
     *
     * @throws IllegalStateException once the service is closed
     */
    public SolveJob submit(Scenario scenario, SolveOptions options) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(options, "options");
        SolveJob job = new SolveJob(scenario, options);
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("this SolveService is closed");
            }
            unfinished.add(job);
            job.whenEnded(() -> unfinished.remove(job));
            executor.execute(job::run);
        }
        return job;
    }

    public SolveOptions defaultOptions() {
        return defaultOptions;
    }

    public int maxConcurrentSolves() {
        return maxConcurrentSolves;
    }

    /**
     * Refuses new jobs, cancels every unfinished one (queued jobs end at once; solving jobs end with
     * their best plan so far) and waits until the service's threads have ended. Calling it again does
     * nothing more. If the waiting thread is interrupted, the threads are interrupted too and the
     * method returns early with the interrupt flag set.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        executor.shutdown();
        // Queued jobs first: a slot freed by a stopped job must not start one of them.
        List<SolveJob> jobs = List.copyOf(unfinished);
        jobs.stream().filter(job -> job.status() == JobStatus.QUEUED).forEach(SolveJob::cancel);
        jobs.forEach(SolveJob::cancel);
        try {
            while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                // A solver stops within a step, a greedy start between two needs.
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The configuration of a {@link SolveService}. */
    public static final class Builder {
        private SolveOptions defaultOptions = SolveOptions.defaults();
        private int maxConcurrentSolves = 1;
        private ThreadFactory threadFactory = daemonThreads();

        private Builder() {
        }

        /** The options of {@link SolveService#submit(Scenario)}; their progress listener is shared by those jobs. */
        public Builder defaultOptions(SolveOptions options) {
            this.defaultOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * How many jobs solve at once (default 1). Each keeps a core busy ({@link
         * SolveOptions#moveThreads()} of them) and, on a national scenario, gigabytes of heap.
         */
        public Builder maxConcurrentSolves(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConcurrentSolves must be ≥ 1, was " + max);
            }
            this.maxConcurrentSolves = max;
            return this;
        }

        /** Makes the service's solving threads (default: daemon threads named {@code matching-solve-N}). */
        public Builder threadFactory(ThreadFactory factory) {
            this.threadFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        public SolveService build() {
            return new SolveService(this);
        }

        /** Daemon, so an application that forgets {@link SolveService#close()} can still exit. */
        private static ThreadFactory daemonThreads() {
            AtomicInteger count = new AtomicInteger();
            return task -> {
                Thread thread = new Thread(task, "matching-solve-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
