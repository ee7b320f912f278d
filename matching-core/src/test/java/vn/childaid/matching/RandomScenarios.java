package vn.childaid.matching;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.policy.PolicyPreset;
import vn.childaid.matching.policy.PriorityMode;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Preferences;
import vn.childaid.matching.scenario.Scenario;

/**
 * Small random scenarios over the {@link TestScenarios} area tree, exercising every rule: cash and
 * in-kind offers (some with a {@code categories} list to intersect with), category, area, age band
 * (needs of band ALL included) and especially-difficult eligibility, minGrant, maxNeeds,
 * maxFundersPerNeed, indivisible needs, already-covered units, preferences, commitments of several
 * units (some partial on an indivisible need, which the plan must complete), and STRICT and
 * WEIGHTED policies, with and without category weights.
 */
public final class RandomScenarios {
    private static final String[] VILLAGES = {TestScenarios.ED_VILLAGE, TestScenarios.R3_VILLAGE, TestScenarios.R2_VILLAGE};
    private static final Category[] CATEGORIES = {Category.NUTRITION, Category.SCHOOL_TRANSPORT, Category.CHARITY_HOUSE,
            Category.SCHOLARSHIP};
    private static final String[] AREAS = {TestScenarios.ED_VILLAGE, TestScenarios.R3_COMMUNE, TestScenarios.DISTRICT, "24460"};
    /** Tier weights to draw from: far enough apart that a lower tier sometimes outweighs a higher one. */
    private static final long[] TIER_WEIGHTS = {1, 5, 50, 500};

    private RandomScenarios() {}

    /**
     * A scenario of {@code needCount} needs and at least {@code offerCount} offers (one more when it
     * holds a partial commitment on an indivisible need), each of at most {@code maxUnits} units,
     * under the given policy.
     */
    public static Scenario generate(long seed, int needCount, int offerCount, int maxUnits, Policy policy) {
        Random random = new Random(seed);
        Scenario.Builder builder = TestScenarios.areas("random-" + seed).policy(policy);
        List<Need> needs = new ArrayList<>();
        for (int i = 0; i < needCount; i++) {
            Category category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            int quantity = 1 + random.nextInt(maxUnits);
            AgeBand ageBand = switch (random.nextInt(5)) {
                case 0 -> AgeBand.ALL;
                case 1, 2 -> AgeBand.PRESCHOOL;
                default -> AgeBand.PRIMARY;
            };
            Need need = Need.inVillage("N-" + i, VILLAGES[random.nextInt(VILLAGES.length)], category, ageBand,
                    1 + random.nextInt(20), quantity, (1 + random.nextInt(10)) * 100_000L, Urgency.values()[random.nextInt(3)]);
            if (random.nextInt(5) == 0) {
                need = need.withAlreadyCovered(random.nextInt(quantity));
            }
            needs.add(need);
            builder.need(need);
        }
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < offerCount; i++) {
            Offer offer = randomOffer(random, "O-" + i, needCount, maxUnits);
            offers.add(offer);
            builder.offer(offer);
        }
        addCommitments(random, builder, needs, offers);
        return builder.build();
    }

    /** A scenario as above under a policy drawn from the same seed: STRICT or WEIGHTED, limits varied. */
    public static Scenario generate(long seed, int needCount, int offerCount, int maxUnits) {
        return generate(seed, needCount, offerCount, maxUnits, randomPolicy(new Random(~seed)));
    }

    /**
     * Mostly the phase-1 default; otherwise phase 2 (especially difficult first), sometimes
     * WEIGHTED with drawn tier weights, another maxFundersPerNeed (0 = unlimited), or a category weight.
     */
    static Policy randomPolicy(Random random) {
        Policy policy = random.nextInt(3) == 0 ? PolicyPreset.PHASE_2_2022_2025.policy() : Policy.defaultPolicy();
        if (random.nextInt(3) == 0) {
            List<Long> weights = new ArrayList<>();
            for (int tier = 0; tier < policy.tierCount(); tier++) {
                weights.add(TIER_WEIGHTS[random.nextInt(TIER_WEIGHTS.length)]);
            }
            policy = policy.withPriorityMode(PriorityMode.WEIGHTED).withTierWeights(weights);
        }
        if (random.nextInt(3) == 0) {
            policy = policy.withMaxFundersPerNeed(random.nextInt(3)); // 0 (unlimited), 1 or 2
        }
        if (random.nextInt(4) == 0) {
            policy = policy.withCategoryWeights(Map.of(CATEGORIES[random.nextInt(CATEGORIES.length)], 2.0));
        }
        return policy;
    }

    private static Offer randomOffer(Random random, String id, int needCount, int maxUnits) {
        String donor = "D-" + (1 + random.nextInt(3));
        Offer offer = random.nextInt(4) == 0
                ? Offer.inKind(id, donor, CATEGORIES[random.nextInt(CATEGORIES.length)], 1 + random.nextInt(maxUnits * 2),
                        200_000)
                : Offer.cash(id, donor, (1 + random.nextInt(needCount * maxUnits)) * 200_000L);
        if (random.nextInt(4) == 0) {
            // In kind, eligibility is the intersection with the offer's own category.
            offer = offer.withCategories(EnumSet.of(CATEGORIES[random.nextInt(CATEGORIES.length)],
                    CATEGORIES[random.nextInt(CATEGORIES.length)]));
        }
        if (random.nextInt(4) == 0) {
            offer = offer.withAreas(Set.of(AREAS[random.nextInt(AREAS.length)]));
        }
        if (random.nextInt(5) == 0) {
            offer = offer.withAgeBands(random.nextBoolean() ? Set.of(AgeBand.PRIMARY) : Set.of(AgeBand.ALL));
        }
        if (random.nextInt(5) == 0) {
            offer = offer.withEspeciallyDifficultOnly(true);
        }
        if (random.nextInt(5) == 0) {
            offer = offer.withMinGrant((1 + random.nextInt(4)) * 200_000L);
        }
        if (random.nextInt(5) == 0) {
            offer = offer.withMaxNeeds(1 + random.nextInt(2));
        }
        if (random.nextInt(3) == 0) {
            offer = offer.withPreferences(Preferences.of(Map.of(CATEGORIES[random.nextInt(CATEGORIES.length)], 2.0),
                    Map.of(AREAS[random.nextInt(AREAS.length)], 1.0)));
        }
        return offer;
    }

    /**
     * Sometimes a commitment of one or more units on a divisible need (not re-judged for
     * eligibility or minGrant, so any offer may hold it); sometimes a partial commitment on an
     * indivisible need, held by an extra offer that can pay exactly for the rest of it and fund no
     * other need (maxNeeds 1), so a plan can always complete it. At most one per need, which keeps
     * every maxFundersPerNeed; each within its offer's capacity and its need's open units.
     */
    private static void addCommitments(Random random, Scenario.Builder builder, List<Need> needs, List<Offer> offers) {
        Set<String> committedNeeds = new HashSet<>();
        if (random.nextInt(3) == 0) {
            Offer offer = offers.get(random.nextInt(offers.size()));
            Need need = needs.get(random.nextInt(needs.size()));
            long perUnit = offer.isCash() ? need.unitCost() : 1;
            long capacity = offer.isCash() ? offer.amount() : offer.quantity();
            long most = Math.min(need.openUnits(), capacity / perUnit);
            if (need.divisible() && most >= 1) {
                builder.commitment(Commitment.of(offer.id(), need.id(), 1 + random.nextInt((int) most)));
                committedNeeds.add(need.id());
            }
        }
        List<Need> indivisible = needs.stream()
                .filter(need -> !need.divisible() && need.openUnits() >= 2 && !committedNeeds.contains(need.id())).toList();
        if (!indivisible.isEmpty() && random.nextInt(3) == 0) {
            Need need = indivisible.get(random.nextInt(indivisible.size()));
            Offer pledge = Offer.cash("O-pledge", "D-" + (1 + random.nextInt(3)), need.openUnits() * need.unitCost())
                    .withMaxNeeds(1);
            builder.offer(pledge);
            builder.commitment(Commitment.of(pledge.id(), need.id(), 1 + random.nextInt(need.openUnits() - 1)));
        }
    }

    /**
     * One random scenario's size, drawn from the seed, so the seed alone replays the case. The
     * sizes are the cases of a property: {@link #cases} gives {@link Seeds}' fixed seeds plus fresh ones.
     */
    public record Case(long seed, int needs, int offers) {
        public static Case of(long seed, int maxNeeds, int maxOffers) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            return new Case(seed, size(random, maxNeeds), size(random, maxOffers));
        }

        public static java.util.stream.Stream<Case> cases(int count, int maxNeeds, int maxOffers) {
            return Seeds.fixedThenFresh(count).mapToObj(seed -> of(seed, maxNeeds, maxOffers));
        }

        /** From 1 to max, the two ends drawn more often than the rest: bugs gather at the edges. */
        private static int size(java.util.SplittableRandom random, int max) {
            return switch (random.nextInt(8)) {
                case 0 -> 1;
                case 1 -> max;
                default -> 1 + random.nextInt(max);
            };
        }

        public Scenario scenario(int maxUnits) {
            return generate(seed, needs, offers, maxUnits);
        }

        @Override
        public String toString() {
            return "seed=" + seed + ", needs=" + needs + ", offers=" + offers;
        }
    }
}
