package vn.childaid.matching.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * What a scenario's contention measures: how much of each tier's demand the offers could cover,
 * how restricted the offers are, and how many offers a need can draw on. Demand is what needs cost
 * donors (open units × donor unit cost); offers are worth their cash amount or goods at unit value.
 *
 * @param tierNames the policy's tier names, the other tier last
 * @param demandByTier VND the needs of each tier cost donors
 * @param offeredVnd VND all offers are worth
 * @param coverageOfTopTiers entry k: offered VND / demand of tiers 1..k+1 together
 * @param minGrantShare share of offers with a minimum grant
 * @param needCapShare share of offers with a cap on needs
 * @param earmarkShare share of offers limited to areas
 * @param especiallyDifficultOnlyShare share of offers for especially difficult villages only
 * @param narrowCategoryShare share of offers limited to one or two categories (goods in kind included)
 * @param eligibleOffersPerNeed mean number of offers eligible for a need
 */
public record ContentionProfile(List<String> tierNames, List<Long> demandByTier, long offeredVnd,
        List<Double> coverageOfTopTiers, double minGrantShare, double needCapShare, double earmarkShare,
        double especiallyDifficultOnlyShare, double narrowCategoryShare, double eligibleOffersPerNeed) {

    public ContentionProfile {
        tierNames = List.copyOf(tierNames);
        demandByTier = List.copyOf(demandByTier);
        coverageOfTopTiers = List.copyOf(coverageOfTopTiers);
    }

    /** Measures a scenario. */
    public static ContentionProfile of(Scenario scenario) {
        long[] demand = demandByTier(scenario);
        long offered = scenario.offers().stream().mapToLong(Offer::totalValue).sum();
        List<Long> demandList = new ArrayList<>();
        List<Double> coverage = new ArrayList<>();
        long cumulative = 0;
        for (long tierDemand : demand) {
            demandList.add(tierDemand);
            cumulative += tierDemand;
            coverage.add(cumulative == 0 ? Double.POSITIVE_INFINITY : (double) offered / cumulative);
        }
        List<Offer> offers = scenario.offers();
        double eligible = scenario.needs().stream().mapToInt(n -> scenario.eligibleOffers(n).size()).sum();
        return new ContentionProfile(scenario.policy().tierNames(), demandList, offered, coverage,
                share(offers, o -> o.minGrant() > 0), share(offers, o -> o.maxNeeds() > 0),
                share(offers, o -> !o.areas().isEmpty()), share(offers, Offer::especiallyDifficultOnly),
                share(offers, ContentionPass::isNarrow), eligible / Math.max(1, scenario.needs().size()));
    }

    /** VND the needs of each tier cost donors, in the scenario's tier order. */
    static long[] demandByTier(Scenario scenario) {
        long[] demand = new long[scenario.policy().tierCount()];
        for (Need need : scenario.needs()) {
            demand[scenario.tierOf(need)] += (long) need.openUnits() * need.donorUnitCost();
        }
        return demand;
    }

    /** Offered VND over the demand of tiers 1..{@code tiers} together. */
    public double coverageOfTopTiers(int tiers) {
        return coverageOfTopTiers.get(Math.min(tiers, coverageOfTopTiers.size()) - 1);
    }

    /** One line a person can read, e.g. for the benchmarks' README. */
    public String describe() {
        StringBuilder text = new StringBuilder("offers cover");
        for (int k = 0; k < coverageOfTopTiers.size() - 1; k++) {
            text.append(k == 0 ? " " : ", ").append(percent(coverageOfTopTiers.get(k))).append(" of tier")
                    .append(k == 0 ? " 1" : "s 1–" + (k + 1));
        }
        return text.append(String.format(Locale.ROOT,
                "; minimum grant %s, need cap %s, earmarked %s, especially-difficult-only %s, 1–2 categories %s"
                        + "; %.1f eligible offers per need",
                percent(minGrantShare), percent(needCapShare), percent(earmarkShare),
                percent(especiallyDifficultOnlyShare), percent(narrowCategoryShare), eligibleOffersPerNeed)).toString();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    private static double share(List<Offer> offers, java.util.function.Predicate<Offer> restricted) {
        return offers.isEmpty() ? 0 : (double) offers.stream().filter(restricted).count() / offers.size();
    }
}
