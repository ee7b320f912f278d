package vn.childaid.matching.engine;

/**
 * Where a {@link SolveJob} is. It moves forward only: {@code QUEUED → SOLVING → DONE | CANCELLED |
 * FAILED}, or {@code QUEUED → CANCELLED}.
 */
public enum JobStatus {
    /** Waiting for a free solving slot; {@link SolveJob#bestPlan()} is empty. */
    QUEUED,
    /** Building the start plan or solving; the best plan so far appears once the start is scored. */
    SOLVING,
    /** Ended at a limit of its options; the result holds the plan. */
    DONE,
    /**
     * Ended by {@link SolveJob#cancel()}: the result holds the best plan found before the solver stopped
     * (cancelled while building the greedy start, the greedy's lines so far); for a job cancelled
     * while still queued there is none, and the result is cancelled too.
     */
    CANCELLED,
    /** Ended by an error; the result holds it. */
    FAILED;

    /** Whether the job has ended: its result is complete and its status will not change again. */
    public boolean isFinal() {
        return this == DONE || this == CANCELLED || this == FAILED;
    }
}
