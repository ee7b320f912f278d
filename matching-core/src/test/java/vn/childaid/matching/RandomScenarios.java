package vn.childaid.matching;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Preferences;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.classification.Urgency;

/**
 * Small random scenarios over the {@link TestScenarios} area tree, exercising every rule: cash and
 * in-kind offers, category, area, age and especially-difficult eligibility, minGrant, maxNeeds,
 * indivisible needs, already-covered units, preferences and commitments.
 */
public final class RandomScenarios {
    private static final String[] VILLAGES = {TestScenarios.ED_VILLAGE, TestScenarios.R3_VILLAGE, TestScenarios.R2_VILLAGE};
    private static final Category[] CATEGORIES = {Category.NUTRITION, Category.SCHOOL_TRANSPORT, Category.CHARITY_HOUSE,
            Category.SCHOLARSHIP};
    private static final String[] AREAS = {TestScenarios.ED_VILLAGE, TestScenarios.R3_COMMUNE, TestScenarios.DISTRICT, "24460"};

    private RandomScenarios() {}

    /** A scenario of {@code needCount} needs and {@code offerCount} offers, each of at most {@code maxUnits} units. */
    public static Scenario generate(long seed, int needCount, int offerCount, int maxUnits, Policy policy) {
        Random random = new Random(seed);
        Scenario.Builder builder = TestScenarios.areas("random-" + seed).policy(policy);
        List<Need> needs = new ArrayList<>();
        for (int i = 0; i < needCount; i++) {
            Category category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            int quantity = 1 + random.nextInt(maxUnits);
            Need need = Need.inVillage("N-" + i, VILLAGES[random.nextInt(VILLAGES.length)], category,
                    random.nextBoolean() ? AgeBand.PRIMARY : AgeBand.PRESCHOOL, 1 + random.nextInt(20), quantity,
                    (1 + random.nextInt(10)) * 100_000L, Urgency.values()[random.nextInt(3)]);
            if (random.nextInt(5) == 0) {
                need = need.withAlreadyCovered(random.nextInt(quantity));
            }
            needs.add(need);
            builder.need(need);
        }
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < offerCount; i++) {
            String donor = "D-" + (1 + random.nextInt(3));
            Offer offer = random.nextInt(4) == 0
                    ? Offer.inKind("O-" + i, donor, CATEGORIES[random.nextInt(CATEGORIES.length)], 1 + random.nextInt(maxUnits * 2),
                            200_000)
                    : Offer.cash("O-" + i, donor, (1 + random.nextInt(needCount * maxUnits)) * 200_000L);
            if (random.nextInt(4) == 0 && offer.isCash()) {
                offer = offer.withCategories(EnumSet.of(CATEGORIES[random.nextInt(CATEGORIES.length)],
                        CATEGORIES[random.nextInt(CATEGORIES.length)]));
            }
            if (random.nextInt(4) == 0) {
                offer = offer.withAreas(Set.of(AREAS[random.nextInt(AREAS.length)]));
            }
            if (random.nextInt(5) == 0) {
                offer = offer.withAgeBands(Set.of(AgeBand.PRIMARY));
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
            offers.add(offer);
            builder.offer(offer);
        }
        // At most one commitment, on a divisible need, well within the offer's capacity.
        if (random.nextInt(3) == 0 && !offers.isEmpty()) {
            Offer offer = offers.get(random.nextInt(offers.size()));
            Need need = needs.get(random.nextInt(needs.size()));
            long perUnit = offer.isCash() ? need.unitCost() : 1;
            long capacity = offer.isCash() ? offer.amount() : offer.quantity();
            boolean fitsCategory = offer.category().map(c -> c == need.category()).orElse(true);
            if (need.divisible() && need.openUnits() >= 1 && perUnit <= capacity && fitsCategory) {
                builder.commitment(Commitment.of(offer.id(), need.id(), 1));
            }
        }
        return builder.build();
    }

    public static Scenario generate(long seed, int needCount, int offerCount, int maxUnits) {
        return generate(seed, needCount, offerCount, maxUnits, Policy.defaultPolicy());
    }
}
