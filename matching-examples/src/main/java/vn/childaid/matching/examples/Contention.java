package vn.childaid.matching.examples;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import vn.childaid.matching.policy.Policy;

/**
 * What makes allocation hard, as settings of {@link DakLakGenerator}: where the money runs out,
 * how restricted offers are, and how many offers a need can draw on. Every setting left unset
 * keeps what the generator draws by default, and {@link #AS_GENERATED} (all unset) gives exactly
 * the scenario of {@link DakLakGenerator#generate(ScenarioSize, long)}, byte for byte.
 *
 * <p>The settings, applied in this order after the default generation:
 * <ol>
 *   <li>{@link #policy}: the policy the scenario ranks needs by (and the tiers the money share is
 *       measured in).</li>
 *   <li>{@link #moneyShare} of the cumulative demand of the top {@link #moneyTiers} tiers: every
 *       offer's capacity is scaled by one factor so that what all offers are worth (cash amounts,
 *       goods at unit value) is about this share of what the needs of tiers 1..k cost donors
 *       (open units × donor unit cost). Share 0.8 with k = 1 makes the money run out in tier 1;
 *       share 0.8 with k = 2 covers tier 1 (when it costs less than 80% of the two) and runs out in
 *       tier 2.</li>
 *   <li>Restriction shares: exactly {@code round(share × offers)} offers, picked at random, carry
 *       the restriction and the others do not:
 *       {@link #minGrantShare} (a minimum grant drawn from {@link #minGrantVnd}, never above the
 *       offer's worth), {@link #needCapShare} (a cap on distinct needs drawn from
 *       {@link #needCapRange}), {@link #earmarkShare} (limited to one district, chosen where a
 *       random need lies, so earmarks follow where needs are; in a national scenario the others
 *       keep their province), {@link #especiallyDifficultOnlyShare} (only needs in especially
 *       difficult villages). {@link #narrowCategoryShare} is a floor: at least that share is
 *       limited to one or two categories (goods in kind always are; the rest get the categories of
 *       random needs).</li>
 *   <li>{@link #eligibleOffersPerNeed}: the target mean number of offers eligible for a need. While
 *       the mean is above it, the offer eligible for the most needs is narrowed one step — one
 *       category less (down to one), then one school age band, then an earmark from its district
 *       to that district's commune with the most needs — and the generator stops at whichever of
 *       the last two steps is nearer the target. A target below what the narrowing can reach, or
 *       above what the restrictions leave, gives the nearest mean reachable; nothing is widened.</li>
 * </ol>
 * The randomness of these settings comes from a stream of its own, seeded from the scenario's
 * seed, so the default scenario's draws are untouched and the same settings and seed give the
 * same scenario. {@link ContentionProfile} measures what a scenario ends up with.
 */
public final class Contention {
    /** No setting: the generator's default scenario. */
    public static final Contention AS_GENERATED = builder().build();

    private final Optional<Policy> policy;
    private final int moneyTiers;
    private final OptionalDouble moneyShare;
    private final OptionalDouble minGrantShare;
    private final long minGrantLowVnd;
    private final long minGrantHighVnd;
    private final OptionalDouble needCapShare;
    private final int needCapLow;
    private final int needCapHigh;
    private final OptionalDouble earmarkShare;
    private final OptionalDouble especiallyDifficultOnlyShare;
    private final OptionalDouble narrowCategoryShare;
    private final OptionalDouble eligibleOffersPerNeed;

    private Contention(Builder builder) {
        this.policy = builder.policy;
        this.moneyTiers = builder.moneyTiers;
        this.moneyShare = builder.moneyShare;
        this.minGrantShare = builder.minGrantShare;
        this.minGrantLowVnd = builder.minGrantLowVnd;
        this.minGrantHighVnd = builder.minGrantHighVnd;
        this.needCapShare = builder.needCapShare;
        this.needCapLow = builder.needCapLow;
        this.needCapHigh = builder.needCapHigh;
        this.earmarkShare = builder.earmarkShare;
        this.especiallyDifficultOnlyShare = builder.especiallyDifficultOnlyShare;
        this.narrowCategoryShare = builder.narrowCategoryShare;
        this.eligibleOffersPerNeed = builder.eligibleOffersPerNeed;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.policy = policy;
        builder.moneyTiers = moneyTiers;
        builder.moneyShare = moneyShare;
        builder.minGrantShare = minGrantShare;
        builder.minGrantLowVnd = minGrantLowVnd;
        builder.minGrantHighVnd = minGrantHighVnd;
        builder.needCapShare = needCapShare;
        builder.needCapLow = needCapLow;
        builder.needCapHigh = needCapHigh;
        builder.earmarkShare = earmarkShare;
        builder.especiallyDifficultOnlyShare = especiallyDifficultOnlyShare;
        builder.narrowCategoryShare = narrowCategoryShare;
        builder.eligibleOffersPerNeed = eligibleOffersPerNeed;
        return builder;
    }

    /** Whether every setting is unset, so the default scenario comes out unchanged. */
    public boolean isAsGenerated() {
        return policy.isEmpty() && moneyShare.isEmpty() && minGrantShare.isEmpty() && needCapShare.isEmpty()
                && earmarkShare.isEmpty() && especiallyDifficultOnlyShare.isEmpty() && narrowCategoryShare.isEmpty()
                && eligibleOffersPerNeed.isEmpty();
    }

    /** The policy the scenario gets; unset keeps the default (phase 1). */
    public Optional<Policy> policy() { return policy; }

    /** How many top tiers {@link #moneyShare} is measured against (1 = tier 1 alone). */
    public int moneyTiers() { return moneyTiers; }

    /** What all offers are worth as a share of the top {@link #moneyTiers} tiers' demand; unset keeps about 55% of all needs. */
    public OptionalDouble moneyShare() { return moneyShare; }

    /** Share of offers with a minimum grant (0–1). */
    public OptionalDouble minGrantShare() { return minGrantShare; }

    /** Lowest minimum grant drawn, VND (rounded to a million). */
    public long minGrantLowVnd() { return minGrantLowVnd; }

    /** Highest minimum grant drawn, VND. */
    public long minGrantHighVnd() { return minGrantHighVnd; }

    /** Share of offers with a cap on the number of needs they fund (0–1). */
    public OptionalDouble needCapShare() { return needCapShare; }

    /** Smallest cap drawn. */
    public int needCapLow() { return needCapLow; }

    /** Largest cap drawn. */
    public int needCapHigh() { return needCapHigh; }

    /** Share of offers earmarked to one district (0–1). */
    public OptionalDouble earmarkShare() { return earmarkShare; }

    /** Share of offers for especially difficult villages only (0–1). */
    public OptionalDouble especiallyDifficultOnlyShare() { return especiallyDifficultOnlyShare; }

    /** Least share of offers limited to one or two categories (0–1). */
    public OptionalDouble narrowCategoryShare() { return narrowCategoryShare; }

    /** Target mean number of offers eligible for a need (≥ 1). */
    public OptionalDouble eligibleOffersPerNeed() { return eligibleOffersPerNeed; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Contention that && policy.equals(that.policy) && moneyTiers == that.moneyTiers
                && moneyShare.equals(that.moneyShare) && minGrantShare.equals(that.minGrantShare)
                && minGrantLowVnd == that.minGrantLowVnd && minGrantHighVnd == that.minGrantHighVnd
                && needCapShare.equals(that.needCapShare) && needCapLow == that.needCapLow
                && needCapHigh == that.needCapHigh && earmarkShare.equals(that.earmarkShare)
                && especiallyDifficultOnlyShare.equals(that.especiallyDifficultOnlyShare)
                && narrowCategoryShare.equals(that.narrowCategoryShare)
                && eligibleOffersPerNeed.equals(that.eligibleOffersPerNeed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(policy, moneyTiers, moneyShare, minGrantShare, minGrantLowVnd, minGrantHighVnd, needCapShare,
                needCapLow, needCapHigh, earmarkShare, especiallyDifficultOnlyShare, narrowCategoryShare,
                eligibleOffersPerNeed);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Contention[");
        policy.ifPresent(p -> text.append("policy=").append(p.preset().orElse("custom")).append('/')
                .append(p.priorityMode()).append(' '));
        moneyShare.ifPresent(s -> text.append("money=").append(s).append(" of tiers 1..").append(moneyTiers).append(' '));
        minGrantShare.ifPresent(s -> text.append("minGrant=").append(s).append(' '));
        needCapShare.ifPresent(s -> text.append("needCap=").append(s).append(' '));
        earmarkShare.ifPresent(s -> text.append("earmark=").append(s).append(' '));
        especiallyDifficultOnlyShare.ifPresent(s -> text.append("edOnly=").append(s).append(' '));
        narrowCategoryShare.ifPresent(s -> text.append("narrow≥").append(s).append(' '));
        eligibleOffersPerNeed.ifPresent(s -> text.append("eligible/need=").append(s).append(' '));
        return text.toString().strip() + "]";
    }

    /** Settings, each unset until given; values are checked when given. */
    public static final class Builder {
        private Optional<Policy> policy = Optional.empty();
        private int moneyTiers = 2;
        private OptionalDouble moneyShare = OptionalDouble.empty();
        private OptionalDouble minGrantShare = OptionalDouble.empty();
        private long minGrantLowVnd = 10_000_000;
        private long minGrantHighVnd = 40_000_000;
        private OptionalDouble needCapShare = OptionalDouble.empty();
        private int needCapLow = 2;
        private int needCapHigh = 8;
        private OptionalDouble earmarkShare = OptionalDouble.empty();
        private OptionalDouble especiallyDifficultOnlyShare = OptionalDouble.empty();
        private OptionalDouble narrowCategoryShare = OptionalDouble.empty();
        private OptionalDouble eligibleOffersPerNeed = OptionalDouble.empty();

        private Builder() {
        }

        public Builder policy(Policy value) {
            this.policy = Optional.of(Objects.requireNonNull(value, "policy"));
            return this;
        }

        /** Offers worth {@code share} of what the needs of the top {@code tiers} tiers cost donors. */
        public Builder moneyShare(int tiers, double share) {
            if (tiers < 1 || tiers > Policy.MAX_TIERS) {
                throw new IllegalArgumentException("money tiers must be 1–" + Policy.MAX_TIERS + ", found " + tiers);
            }
            if (!(share > 0) || share > 10) {
                throw new IllegalArgumentException("money share must be above 0 and at most 10, found " + share);
            }
            this.moneyTiers = tiers;
            this.moneyShare = OptionalDouble.of(share);
            return this;
        }

        public Builder minGrantShare(double share) {
            this.minGrantShare = OptionalDouble.of(share(share, "minimum-grant share"));
            return this;
        }

        /** The range minimum grants are drawn from, VND. */
        public Builder minGrantVnd(long low, long high) {
            if (low < 1_000_000 || high < low) {
                throw new IllegalArgumentException("minimum grants must be 1,000,000 VND or more and low ≤ high, found "
                        + low + "–" + high);
            }
            this.minGrantLowVnd = low;
            this.minGrantHighVnd = high;
            return this;
        }

        public Builder needCapShare(double share) {
            this.needCapShare = OptionalDouble.of(share(share, "need-cap share"));
            return this;
        }

        /** The range caps on needs are drawn from. */
        public Builder needCapRange(int low, int high) {
            if (low < 1 || high < low) {
                throw new IllegalArgumentException("need caps must be 1 or more and low ≤ high, found " + low + "–" + high);
            }
            this.needCapLow = low;
            this.needCapHigh = high;
            return this;
        }

        public Builder earmarkShare(double share) {
            this.earmarkShare = OptionalDouble.of(share(share, "earmark share"));
            return this;
        }

        public Builder especiallyDifficultOnlyShare(double share) {
            this.especiallyDifficultOnlyShare = OptionalDouble.of(share(share, "especially-difficult-only share"));
            return this;
        }

        public Builder narrowCategoryShare(double share) {
            this.narrowCategoryShare = OptionalDouble.of(share(share, "narrow-category share"));
            return this;
        }

        public Builder eligibleOffersPerNeed(double mean) {
            if (!(mean >= 1)) {
                throw new IllegalArgumentException("eligible offers per need must be at least 1, found " + mean);
            }
            this.eligibleOffersPerNeed = OptionalDouble.of(mean);
            return this;
        }

        /** Leaves the mean number of eligible offers per need as the other settings make it. */
        public Builder clearEligibleOffersPerNeed() {
            this.eligibleOffersPerNeed = OptionalDouble.empty();
            return this;
        }

        public Contention build() {
            return new Contention(this);
        }

        private static double share(double value, String what) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(what + " must be between 0 and 1, found " + value);
            }
            return value;
        }
    }
}
