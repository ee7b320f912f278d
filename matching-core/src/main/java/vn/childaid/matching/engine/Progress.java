package vn.childaid.matching.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The best plan so far, in brief.
 *
 * <p>The engine makes these with {@link #builder}, which is the API (the constructor is private),
 * so that the class can gain fields without breaking callers.
 */
public final class Progress {
    private final Duration elapsed;
    private final String bestScore;
    private final boolean feasible;
    private final List<String> tierNames;
    private final List<Double> tierValues;
    private final boolean constructionDone;

    private Progress(Builder builder) {
        this.elapsed = builder.elapsed;
        this.bestScore = builder.bestScore;
        this.feasible = builder.feasible;
        this.tierNames = List.copyOf(builder.tierNames);
        this.tierValues = List.copyOf(builder.tierValues);
        this.constructionDone = builder.constructionDone;
    }

    /** A builder with no tiers; lists left unset are empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this progress's fields, to derive a variant. */
    public Builder toBuilder() {
        return builder().elapsed(elapsed).bestScore(bestScore).feasible(feasible).tierNames(tierNames)
                .tierValues(tierValues).constructionDone(constructionDone);
    }

    /** Time since solving started. */
    public Duration elapsed() {
        return elapsed;
    }

    /** The best plan's score as text. */
    public String bestScore() {
        return bestScore;
    }

    /** The best plan breaks no hard rule. */
    public boolean feasible() {
        return feasible;
    }

    /** Tier names in policy order, the other tier last. */
    public List<String> tierNames() {
        return tierNames;
    }

    /**
     * T_1, T_2, … (category-weighted children reached, commitments included), the other tier last.
     */
    public List<Double> tierValues() {
        return tierValues;
    }

    /** False while the first plan is still being built. */
    public boolean constructionDone() {
        return constructionDone;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Progress that
                && Objects.equals(elapsed, that.elapsed) && Objects.equals(bestScore, that.bestScore)
                && feasible == that.feasible && tierNames.equals(that.tierNames)
                && tierValues.equals(that.tierValues) && constructionDone == that.constructionDone;
    }

    @Override
    public int hashCode() {
        return Objects.hash(elapsed, bestScore, feasible, tierNames, tierValues, constructionDone);
    }

    @Override
    public String toString() {
        return "Progress[elapsed=" + elapsed + ", bestScore=" + bestScore + ", feasible=" + feasible
                + ", tierNames=" + tierNames + ", tierValues=" + tierValues + ", constructionDone="
                + constructionDone + "]";
    }

    /** Collects a progress report. */
    public static final class Builder {
        private Duration elapsed;
        private String bestScore;
        private boolean feasible;
        private List<String> tierNames = List.of();
        private List<Double> tierValues = List.of();
        private boolean constructionDone;

        private Builder() {}

        public Builder elapsed(Duration value) { this.elapsed = value; return this; }
        public Builder bestScore(String score) { this.bestScore = score; return this; }
        public Builder feasible(boolean value) { this.feasible = value; return this; }
        public Builder tierNames(List<String> names) { this.tierNames = names; return this; }
        public Builder tierValues(List<Double> values) { this.tierValues = values; return this; }
        public Builder constructionDone(boolean value) { this.constructionDone = value; return this; }

        public Progress build() {
            return new Progress(this);
        }
    }
}
