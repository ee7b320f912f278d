package vn.childaid.matching.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How far the greedy start plan has got, before there is any plan to report as {@link Progress}.
 * The greedy passes over the needs twice (once per way of choosing offers, keeping the better plan),
 * and both passes count: {@link #needsTotal()} is twice the scenario's needs.
 *
 * <p>Made by the engine only; a class rather than a record so that it may gain fields.
 */
public final class StartProgress {
    private final Duration elapsed;
    private final long needsDone;
    private final long needsTotal;

    StartProgress(Duration elapsed, long needsDone, long needsTotal) {
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
        this.needsDone = needsDone;
        this.needsTotal = needsTotal;
    }

    /** Time since solving started. */
    public Duration elapsed() {
        return elapsed;
    }

    /** Needs decided so far, over both passes. */
    public long needsDone() {
        return needsDone;
    }

    /** Needs to decide in all: twice the scenario's needs. */
    public long needsTotal() {
        return needsTotal;
    }

    /** The share done, from 0 to 1 (1 for a scenario without needs). */
    public double fractionDone() {
        return needsTotal == 0 ? 1.0 : (double) needsDone / needsTotal;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StartProgress that
                && elapsed.equals(that.elapsed) && needsDone == that.needsDone && needsTotal == that.needsTotal;
    }

    @Override
    public int hashCode() {
        return Objects.hash(elapsed, needsDone, needsTotal);
    }

    @Override
    public String toString() {
        return "StartProgress[elapsed=" + elapsed + ", needsDone=" + needsDone + ", needsTotal=" + needsTotal + "]";
    }
}
