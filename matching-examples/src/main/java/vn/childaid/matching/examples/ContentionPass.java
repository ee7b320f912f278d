package vn.childaid.matching.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Place;
import vn.childaid.matching.scenario.Scenario;

/**
 * Applies {@link Contention} settings to a generated scenario, in the order its javadoc gives. Its
 * randomness is its own stream, so the default scenario's draws are never disturbed.
 */
final class ContentionPass {
    /** Mixed into the seed so that this stream differs from the generator's own. */
    private static final long STREAM = 0x13C0_47E5_7D1AL;
    private static final List<AgeBand> SCHOOL_AGES = List.of(AgeBand.PRESCHOOL, AgeBand.PRIMARY, AgeBand.LOWER_SECONDARY);

    private final Contention contention;
    private final Random random;
    private final Scenario scenario;
    private final List<Offer> offers;
    private final Map<Category, List<Need>> needsByCategory = new EnumMap<>(Category.class);

    private ContentionPass(Scenario generated, Contention contention, long seed) {
        this.contention = contention;
        this.random = new Random(seed ^ STREAM);
        this.scenario = contention.policy().map(generated::withPolicy).orElse(generated);
        this.offers = new ArrayList<>(scenario.offers());
        for (Need need : scenario.needs()) {
            needsByCategory.computeIfAbsent(need.category(), c -> new ArrayList<>()).add(need);
        }
    }

    static Scenario apply(Scenario generated, Contention contention, long seed) {
        if (contention.isAsGenerated()) {
            return generated;
        }
        return new ContentionPass(generated, contention, seed).run(generated.name() + " with " + contention);
    }

    private Scenario run(String name) {
        contention.moneyShare().ifPresent(this::scaleMoney);
        contention.minGrantShare().ifPresent(share -> restrict(share, (offer, on) -> offer.withMinGrant(
                on ? DakLakGenerator.roundTo(between(contention.minGrantLowVnd(), contention.minGrantHighVnd()), 1_000_000) : 0)));
        contention.needCapShare().ifPresent(share -> restrict(share, (offer, on) -> offer.withMaxNeeds(
                on ? (int) between(contention.needCapLow(), contention.needCapHigh()) : 0)));
        contention.earmarkShare().ifPresent(share -> restrict(share, (offer, on) -> offer.withAreas(
                on ? Set.of(districtOfRandomNeed()) : offer.areas().size() > 1 ? offer.areas() : Set.of())));
        contention.especiallyDifficultOnlyShare().ifPresent(share -> restrict(share, Offer::withEspeciallyDifficultOnly));
        contention.narrowCategoryShare().ifPresent(this::narrowCategories);
        contention.eligibleOffersPerNeed().ifPresent(this::narrowTowards);
        // A minimum grant above what the offer is worth would make it unusable but for whole needs.
        offers.replaceAll(offer -> offer.minGrant() > offer.totalValue() ? offer.withMinGrant(offer.totalValue()) : offer);
        return rebuild(name);
    }

    // ---- Money ----

    private void scaleMoney(double share) {
        long[] demandByTier = ContentionProfile.demandByTier(scenario);
        double demand = 0;
        for (int tier = 0; tier < Math.min(contention.moneyTiers(), demandByTier.length); tier++) {
            demand += demandByTier[tier];
        }
        double worth = offers.stream().mapToDouble(o -> (double) o.totalValue()).sum();
        double factor = share * demand / worth;
        offers.replaceAll(offer -> DakLakGenerator.scaled(offer, offer.totalValue() * factor));
    }

    // ---- Restrictions ----

    private interface Restriction {
        Offer set(Offer offer, boolean on);
    }

    /** Exactly round(share × offers) offers, picked at random, get the restriction; the others lose it. */
    private void restrict(double share, Restriction restriction) {
        Set<Integer> chosen = pick(Math.round(share * offers.size()), indexes(offers.size()));
        for (int i = 0; i < offers.size(); i++) {
            offers.set(i, restriction.set(offers.get(i), chosen.contains(i)));
        }
    }

    private void narrowCategories(double share) {
        long wanted = Math.round(share * offers.size());
        List<Integer> narrowCash = new ArrayList<>();
        List<Integer> wideCash = new ArrayList<>();
        long narrow = 0;
        for (int i = 0; i < offers.size(); i++) {
            Offer offer = offers.get(i);
            if (!offer.isCash()) {
                narrow++; // goods in kind are always one category
            } else if (isNarrow(offer)) {
                narrowCash.add(i);
            } else {
                wideCash.add(i);
            }
        }
        narrow += narrowCash.size();
        if (narrow < wanted) {
            for (int i : pick(wanted - narrow, wideCash)) {
                Set<Category> categories = EnumSet.of(randomNeed().category(), randomNeed().category());
                if (random.nextBoolean()) {
                    categories = EnumSet.of(categories.iterator().next());
                }
                offers.set(i, offers.get(i).withCategories(categories));
            }
        } else if (narrow > wanted) {
            for (int i : pick(Math.min(narrow - wanted, narrowCash.size()), narrowCash)) {
                offers.set(i, offers.get(i).withCategories(Set.of()));
            }
        }
    }

    static boolean isNarrow(Offer offer) {
        return !offer.isCash() || (!offer.categories().isEmpty() && offer.categories().size() <= 2);
    }

    // ---- Eligible offers per need ----

    /**
     * Narrows the offer eligible for the most needs one step at a time until the mean number of
     * eligible offers per need is at most the target, then keeps whichever of the last two states is
     * nearer to it.
     */
    private void narrowTowards(double target) {
        int needCount = scenario.needs().size();
        List<List<Category>> keptCategories = new ArrayList<>();
        long[] eligibleNeeds = new long[offers.size()];
        long total = 0;
        for (int i = 0; i < offers.size(); i++) {
            Offer offer = offers.get(i);
            List<Category> kept = new ArrayList<>(offer.categories().isEmpty() ? EnumSet.allOf(Category.class) : offer.categories());
            Collections.shuffle(kept, random);
            keptCategories.add(kept);
            eligibleNeeds[i] = countEligible(offer);
            total += eligibleNeeds[i];
        }
        Set<Integer> exhausted = new HashSet<>();
        while ((double) total / needCount > target) {
            int widest = -1;
            for (int i = 0; i < offers.size(); i++) {
                if (!exhausted.contains(i) && (widest < 0 || eligibleNeeds[i] > eligibleNeeds[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return; // nothing left to narrow: the nearest reachable mean
            }
            Offer before = offers.get(widest);
            Offer after = narrowed(before, keptCategories.get(widest));
            if (after == null) {
                exhausted.add(widest);
                continue;
            }
            long count = countEligible(after);
            long newTotal = total - eligibleNeeds[widest] + count;
            if ((double) newTotal / needCount <= target
                    && target - (double) newTotal / needCount > (double) total / needCount - target) {
                return; // the state before this step is nearer to the target
            }
            offers.set(widest, after);
            eligibleNeeds[widest] = count;
            total = newTotal;
        }
    }

    /**
     * The offer one step narrower, or null when it cannot narrow without losing every need: one
     * category less (cash offers, down to one), else one school age band, else its district
     * earmark moved to the district's commune with the most of its eligible needs.
     */
    private Offer narrowed(Offer offer, List<Category> kept) {
        if (offer.isCash() && kept.size() > 1) {
            // Drop the last category whose loss leaves the offer some eligible need.
            for (int drop = kept.size() - 1; drop >= 0; drop--) {
                List<Category> fewer = new ArrayList<>(kept);
                fewer.remove(drop);
                Offer candidate = offer.withCategories(EnumSet.copyOf(fewer));
                if (countEligible(candidate) > 0) {
                    kept.remove(drop);
                    return candidate;
                }
            }
        }
        if (offer.ageBands().isEmpty() || offer.ageBands().contains(AgeBand.ALL) || offer.ageBands().size() > 1) {
            Offer best = null;
            long bestCount = 0;
            for (AgeBand band : SCHOOL_AGES) {
                Offer candidate = offer.withAgeBands(EnumSet.of(band));
                long count = countEligible(candidate);
                if (count > bestCount) {
                    best = candidate;
                    bestCount = count;
                }
            }
            if (best != null) {
                return best;
            }
        }
        if (offer.areas().size() == 1) {
            String district = offer.areas().iterator().next();
            Map<String, Long> byCommune = new LinkedHashMap<>();
            for (Need need : scenario.needs()) {
                Place place = scenario.placeOf(need);
                if (district.equals(place.district().orElse(null)) && scenario.isEligible(offer, need)) {
                    byCommune.merge(place.commune().code(), 1L, Long::sum);
                }
            }
            return byCommune.entrySet().stream().filter(e -> !e.getKey().equals(district))
                    .max(Map.Entry.comparingByValue()).map(e -> offer.withAreas(Set.of(e.getKey()))).orElse(null);
        }
        return null;
    }

    private long countEligible(Offer offer) {
        long count = 0;
        Set<Category> categories = offer.category().map(EnumSet::of)
                .orElseGet(() -> offer.categories().isEmpty() ? EnumSet.allOf(Category.class) : EnumSet.copyOf(offer.categories()));
        for (Category category : categories) {
            for (Need need : needsByCategory.getOrDefault(category, List.of())) {
                if (scenario.isEligible(offer, need)) {
                    count++;
                }
            }
        }
        return count;
    }

    // ---- Helpers ----

    private String districtOfRandomNeed() {
        // Needs without a district (a commune outside any) cannot be earmarked to; try another.
        for (int attempt = 0; attempt < 100; attempt++) {
            Place place = scenario.placeOf(randomNeed());
            if (place.district().isPresent()) {
                return place.district().get();
            }
        }
        return scenario.districts().get(random.nextInt(scenario.districts().size())).code();
    }

    private Need randomNeed() {
        return scenario.needs().get(random.nextInt(scenario.needs().size()));
    }

    private long between(long low, long high) {
        return low + (long) (random.nextDouble() * (high - low + 1));
    }

    private static List<Integer> indexes(int count) {
        List<Integer> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(i);
        }
        return all;
    }

    private Set<Integer> pick(long count, List<Integer> from) {
        List<Integer> shuffled = new ArrayList<>(from);
        Collections.shuffle(shuffled, random);
        return new TreeSet<>(shuffled.subList(0, (int) Math.min(count, shuffled.size())));
    }

    private Scenario rebuild(String name) {
        Scenario.Builder builder = Scenario.builder(name).policy(scenario.policy()).extensions(scenario.extensions());
        scenario.year().ifPresent(builder::year);
        scenario.districts().forEach(builder::district);
        scenario.communes().forEach(builder::commune);
        scenario.villages().forEach(builder::village);
        scenario.needs().forEach(builder::need);
        scenario.donors().forEach(builder::donor);
        offers.forEach(builder::offer);
        scenario.commitments().forEach(builder::commitment);
        scenario.entitlements().forEach(builder::entitlement);
        return builder.build();
    }
}
