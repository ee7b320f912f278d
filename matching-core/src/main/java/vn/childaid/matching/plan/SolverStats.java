package vn.childaid.matching.plan;

import java.util.Objects;

/**
 * How the solve went.
 *
 * <p>Make one with {@link #builder} or take {@link #NONE}: those are the API, so that the class can
 * gain fields without breaking callers.
 */
public final class SolverStats {
    /** No solver ran. */
    public static final SolverStats NONE = builder().build();

    private final long millis;
    private final long scoreCalculationSpeed;
    private final long constructionMillis;
    private final long randomSeed;

    private SolverStats(Builder builder) {
        this.millis = builder.millis;
        this.scoreCalculationSpeed = builder.scoreCalculationSpeed;
        this.constructionMillis = builder.constructionMillis;
        this.randomSeed = builder.randomSeed;
    }

    /** A builder of all zeros, with the construction time unknown (−1). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these statistics, to derive a variant. */
    public Builder toBuilder() {
        return builder().millis(millis).scoreCalculationSpeed(scoreCalculationSpeed)
                .constructionMillis(constructionMillis).randomSeed(randomSeed);
    }

    /** Wall time spent solving. */
    public long millis() {
        return millis;
    }

    /** Score calculations per second. */
    public long scoreCalculationSpeed() {
        return scoreCalculationSpeed;
    }

    /** Time until the construction heuristic ended (−1 when unknown). */
    public long constructionMillis() {
        return constructionMillis;
    }

    /** The seed used, so the run can be repeated. */
    public long randomSeed() {
        return randomSeed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SolverStats that
                && millis == that.millis && scoreCalculationSpeed == that.scoreCalculationSpeed
                && constructionMillis == that.constructionMillis && randomSeed == that.randomSeed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(millis, scoreCalculationSpeed, constructionMillis, randomSeed);
    }

    @Override
    public String toString() {
        return "SolverStats[millis=" + millis + ", scoreCalculationSpeed=" + scoreCalculationSpeed
                + ", constructionMillis=" + constructionMillis + ", randomSeed=" + randomSeed + "]";
    }

    /** Collects statistics. */
    public static final class Builder {
        private long millis;
        private long scoreCalculationSpeed;
        private long constructionMillis = -1;
        private long randomSeed;

        private Builder() {}

        public Builder millis(long value) { this.millis = value; return this; }
        public Builder scoreCalculationSpeed(long perSecond) { this.scoreCalculationSpeed = perSecond; return this; }
        public Builder constructionMillis(long value) { this.constructionMillis = value; return this; }
        public Builder randomSeed(long seed) { this.randomSeed = seed; return this; }

        public SolverStats build() {
            return new SolverStats(this);
        }
    }
}
