package vn.childaid.matching.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import vn.childaid.matching.dedupe.CandidateGroup;
import vn.childaid.matching.dedupe.DuplicateCandidates;
import vn.childaid.matching.dedupe.Duplicates;
import vn.childaid.matching.dedupe.Resolution;
import vn.childaid.matching.dedupe.Resolved;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * How often {@code dedupe} is wrong, both ways. The generator's scenarios hold no real duplicates,
 * so every group it raises on them is a false alarm; then duplicates are planted (needs copied with
 * counts changed within 20% and the other agency as reporter, donors under Vietnamese name
 * variants, offers entered twice) and the run counts how many are found, and whether {@code
 * --resolve merge} removes them.
 *
 * <p>Arguments: sizes (comma-separated), then seeds. Prints one table row per size and seed.
 */
public final class DuplicatesRun {
    static final int PLANTED_NEEDS = 20;
    static final int PLANTED_OFFERS = 5;

    /** Pairs of spellings of one donor, as agencies write them. */
    static final List<List<String>> DONOR_VARIANTS = List.of(
            List.of("Hội LHPN tỉnh", "Hội Liên hiệp Phụ nữ tỉnh Đắk Lắk"),
            List.of("Hội Liên hiệp Phụ nữ huyện Krông Pắc", "Hoi Lien hiep Phu nu huyen Krong Pac"),
            List.of("Cty TNHH Cà phê Ea Tu", "Công ty TNHH Cà phê Ea Tu"),
            List.of("CTCP Sữa Đắk Lắk", "Công ty Cổ phần Sữa ĐL"),
            List.of("UBND TP Buôn Ma Thuột", "Ủy ban nhân dân thành phố Buôn Ma Thuột"),
            List.of("Ủy ban MTTQ tỉnh Đắk Lắk", "Uy ban Mat tran To quoc tinh"),
            List.of("Hội Chữ thập đỏ tỉnh Đắk Lắk", "Hội CTĐ tỉnh"),
            List.of("Sở GD&ĐT Đắk Lắk", "Sở Giáo dục và Đào tạo tỉnh Đắk Lắk"));

    private DuplicatesRun() {}

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: DuplicatesRun small,province SEED...");
            System.exit(2);
        }
        System.out.println("| size | seed | needs | groups (needs/donors/offers) | false alarms ≥ 0.8 | planted needs found (≥ 0.8) "
                + "| planted donors found (≥ 0.8) | planted offers found (≥ 0.8) | merge removes |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (String sizeName : args[0].split(",")) {
            ScenarioSize size = ScenarioSize.valueOf(sizeName.trim().toUpperCase(Locale.ROOT));
            for (int i = 1; i < args.length; i++) {
                long seed = Long.parseLong(args[i]);
                System.out.println(row(size, seed));
            }
        }
    }

    private static String row(ScenarioSize size, long seed) {
        Scenario generated = DakLakGenerator.generate(size, seed);
        DuplicateCandidates clean = Duplicates.find(generated);
        long falseAlarms = clean.all().filter(g -> g.atLeast(Duplicates.LIKELY)).count();

        Random random = new Random(seed);
        Scenario.Builder builder = generated.toBuilder();
        List<List<String>> needPairs = plantNeeds(generated, builder, random);
        List<List<String>> donorPairs = plantDonors(builder);
        List<List<String>> offerPairs = plantOffers(generated, builder, random);
        Scenario planted = builder.build();
        DuplicateCandidates found = Duplicates.find(planted);
        Resolved merged = Duplicates.resolve(planted, Resolution.MERGE);
        int removed = planted.needs().size() - merged.scenario().needs().size()
                + planted.donors().size() - merged.scenario().donors().size()
                + planted.offers().size() - merged.scenario().offers().size();
        return String.format(Locale.ROOT, "| %s | %d | %,d | %d/%d/%d | %d | %s | %s | %s | %d of %d |",
                size.name().toLowerCase(Locale.ROOT), seed, generated.needs().size(), clean.needs().size(),
                clean.donors().size(), clean.offers().size(), falseAlarms, foundCount(needPairs, found.needs()),
                foundCount(donorPairs, found.donors()), foundCount(offerPairs, found.offers()), removed,
                needPairs.size() + donorPairs.size() + offerPairs.size());
    }

    private static List<List<String>> plantNeeds(Scenario generated, Scenario.Builder builder, Random random) {
        List<List<String>> pairs = new ArrayList<>();
        List<Need> needs = generated.needs();
        for (int k = 0; k < PLANTED_NEEDS; k++) {
            Need original = needs.get(random.nextInt(needs.size()));
            if (pairs.stream().anyMatch(pair -> pair.get(0).equals(original.id()))) {
                continue;
            }
            int children = within20Percent(original.children(), random);
            int quantity = within20Percent(original.quantity(), random);
            String otherAgency = original.reportedBy().filter("DOET"::equals).isPresent() ? "DOLISA" : "DOET";
            String copyId = original.id() + "-copy";
            Need.Builder copy = Need.builder(copyId).category(original.category()).ageBand(original.ageBand())
                    .children(children).quantity(quantity).unitCost(original.unitCost()).urgency(original.urgency())
                    .divisible(original.divisible()).alreadyCovered(Math.min(original.alreadyCovered(), quantity))
                    .reportedBy(otherAgency);
            original.village().ifPresent(copy::village);
            original.commune().ifPresent(copy::commune);
            builder.need(copy.build());
            pairs.add(List.of(original.id(), copyId));
        }
        return pairs;
    }

    /** A count at most 20% away from {@code value}, either way, judged against the larger of the two. */
    private static int within20Percent(int value, Random random) {
        int candidate = (int) Math.round(value * (0.85 + 0.3 * random.nextDouble()));
        candidate = Math.max(1, candidate);
        return 5L * Math.abs(candidate - value) <= Math.max(candidate, value) ? candidate : value;
    }

    private static List<List<String>> plantDonors(Scenario.Builder builder) {
        List<List<String>> pairs = new ArrayList<>();
        for (int i = 0; i < DONOR_VARIANTS.size(); i++) {
            DonorType type = DONOR_VARIANTS.get(i).get(0).contains("TNHH") || DONOR_VARIANTS.get(i).get(0).contains("CTCP")
                    ? DonorType.ENTERPRISE : DonorType.MASS_ORGANIZATION;
            List<String> ids = List.of("PLANTED-" + i + "a", "PLANTED-" + i + "b");
            for (int v = 0; v < 2; v++) {
                builder.donor(Donor.of(ids.get(v), DONOR_VARIANTS.get(i).get(v), type));
                builder.offer(Offer.cash("PLANTED-OFFER-" + i + "-" + v, ids.get(v), 10_000_000L * (i + 1) + v));
            }
            pairs.add(ids);
        }
        return pairs;
    }

    private static List<List<String>> plantOffers(Scenario generated, Scenario.Builder builder, Random random) {
        List<List<String>> pairs = new ArrayList<>();
        List<Offer> offers = generated.offers();
        for (int k = 0; k < PLANTED_OFFERS; k++) {
            Offer original = offers.get(random.nextInt(offers.size()));
            if (pairs.stream().anyMatch(pair -> pair.get(0).equals(original.id()))) {
                continue;
            }
            String copyId = original.id() + "-copy";
            builder.offer(copyOf(original, copyId));
            pairs.add(List.of(original.id(), copyId));
        }
        return pairs;
    }

    private static Offer copyOf(Offer original, String id) {
        Offer.Builder copy = Offer.builder(id).donor(original.donor()).kind(original.kind()).amount(original.amount())
                .quantity(original.quantity()).unitValue(original.unitValue()).categories(original.categories())
                .areas(original.areas()).ageBands(original.ageBands())
                .especiallyDifficultOnly(original.especiallyDifficultOnly()).minGrant(original.minGrant())
                .maxNeeds(original.maxNeeds()).preferences(original.preferences()).extensions(original.extensions());
        original.category().ifPresent(copy::category);
        return copy.build();
    }

    /** "found/planted (at least 0.8: n)": planted pairs inside one candidate group. */
    private static String foundCount(List<List<String>> planted, List<CandidateGroup> groups) {
        int found = 0;
        int likely = 0;
        for (List<String> pair : planted) {
            for (CandidateGroup group : groups) {
                if (group.ids().containsAll(pair)) {
                    found++;
                    likely += group.atLeast(Duplicates.LIKELY) ? 1 : 0;
                    break;
                }
            }
        }
        return found + "/" + planted.size() + " (" + likely + ")";
    }
}
