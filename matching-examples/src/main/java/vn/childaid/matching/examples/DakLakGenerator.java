package vn.childaid.matching.examples;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.scenario.Commune;
import vn.childaid.matching.scenario.District;
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Preferences;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.scenario.Village;

/**
 * Generates realistic, deterministic scenarios shaped like the Đắk Lắk plan (seed document,
 * {@code shared/docs/domain.md}): the province's fifteen pre-2025 district-level units, region-III
 * communes holding especially difficult villages, other villages and some region I/II communes;
 * needs in all nine categories at plausible VND costs; and donors of every kind the plan names,
 * each offering along its focus in the plan. Offers total about 55% of what the needs cost, so
 * priority matters.
 *
 * <p>That default is easy to allocate well: offers cover about the whole demand of the top two
 * tiers, few carry minimum grants or caps on needs, and a need has dozens of eligible offers.
 * {@link #generate(ScenarioSize, long, Contention)} takes {@link Contention} settings for what
 * makes allocation hard — the policy, where the money runs out (offers' worth as a share of the
 * top tiers' demand), the shares of offers with a minimum grant, a cap on needs, an earmark, an
 * especially-difficult-only rule or one or two categories, and the mean number of offers eligible
 * for a need — and {@link ContentionFamily} names the benchmarks' members built from them.
 *
 * <p>District codes are GSO's (643–657); commune codes are synthetic five-digit codes in GSO's
 * shape, villages are commune code + sequence. Names of communes and villages are synthetic.
 */
public final class DakLakGenerator {
    /** Đắk Lắk's district-level units before the July 2025 reform, with their GSO codes. */
    static final List<District> DAK_LAK_DISTRICTS = List.of(
            District.of("643", "Buôn Ma Thuột"), District.of("644", "Buôn Hồ"), District.of("645", "Ea H'leo"),
            District.of("646", "Ea Súp"), District.of("647", "Buôn Đôn"), District.of("648", "Cư M'gar"),
            District.of("649", "Krông Búk"), District.of("650", "Krông Năng"), District.of("651", "Ea Kar"),
            District.of("652", "M'Đrắk"), District.of("653", "Krông Bông"), District.of("654", "Krông Pắc"),
            District.of("655", "Krông A Na"), District.of("656", "Lắk"), District.of("657", "Cư Kuin"));
    private static final String[] NAME_PREFIXES = {"Ea", "Cư", "Krông", "Yang", "Đắk", "Dang", "Ia", "Hòa"};
    private static final String[] NAME_ROOTS = {"Sol", "Pui", "Mao", "Rbin", "Hiao", "Tiêu", "Ktur", "Drông", "Sin",
            "Phê", "Yông", "M'lang", "Knia", "Huar", "Kiết", "Bông", "Wy", "Lốp", "Nuôl", "Mdroh", "Pơng", "Kar"};
    /** Province codes for the national size: Đắk Lắk first, then other provinces with region-III communes. */
    private static final String[] PROVINCE_CODES = {"66", "62", "64", "67", "02", "04", "06", "08", "10", "11", "12",
            "14", "15", "17", "19", "20", "24", "38", "40", "45"};

    private final Random random;
    private final ScenarioSize size;
    private final Scenario.Builder builder;
    private final List<Village> especiallyDifficult = new ArrayList<>();
    private final List<Village> otherVillages = new ArrayList<>();
    private final List<Commune> regionThree = new ArrayList<>();
    private final List<Commune> otherCommunes = new ArrayList<>();
    private final List<String> districtCodes = new ArrayList<>();
    /** District codes of each province, to keep most offers of a national scenario in their province. */
    private final List<List<String>> districtsByProvince = new ArrayList<>();
    private final List<Need> needs = new ArrayList<>();
    private int villageNameCounter;

    private DakLakGenerator(ScenarioSize size, long seed) {
        this.random = new Random(seed);
        this.size = size;
        String name = size == ScenarioSize.NATIONAL ? "National plan (generated, seed " + seed + ")"
                : "Dak Lak 2020 plan (generated, " + size.name().toLowerCase() + ", seed " + seed + ")";
        this.builder = Scenario.builder(name).year(2020).policy(Policy.defaultPolicy());
    }

    /** A scenario of the given size, the same for the same seed. */
    public static Scenario generate(ScenarioSize size, long seed) {
        return new DakLakGenerator(size, seed).build();
    }

    /**
     * A scenario of the given size made harder (or easier) to allocate by {@code contention}: the
     * default scenario of this size and seed, then the settings applied as {@link Contention}
     * describes, from a random stream of their own. {@link Contention#AS_GENERATED} gives exactly
     * {@link #generate(ScenarioSize, long)}.
     */
    public static Scenario generate(ScenarioSize size, long seed, Contention contention) {
        return ContentionPass.apply(generate(size, seed), contention, seed);
    }

    private Scenario build() {
        for (int province = 0; province < size.provinces; province++) {
            addAreas(province);
        }
        long totalNeed = 0;
        for (int i = 0; i < size.expectedNeeds(); i++) {
            Need need = randomNeed(i);
            needs.add(need);
            builder.need(need);
            totalNeed += (long) need.openUnits() * need.unitCost();
        }
        addDonorsAndOffers(totalNeed);
        return builder.build();
    }

    // ---- Areas ----

    private void addAreas(int province) {
        String provinceCode = PROVINCE_CODES[province % PROVINCE_CODES.length];
        List<District> districts = new ArrayList<>();
        List<String> provinceDistricts = new ArrayList<>();
        districtsByProvince.add(provinceDistricts);
        for (int d = 0; d < size.districtsPerProvince; d++) {
            District district = province == 0 && d < DAK_LAK_DISTRICTS.size() ? DAK_LAK_DISTRICTS.get(d)
                    : District.of(provinceCode + "D" + d, "District " + (d + 1) + " of province " + provinceCode);
            districts.add(district);
            builder.district(district);
            districtCodes.add(district.code());
            provinceDistricts.add(district.code());
        }
        // The provincial city holds no region-III commune: the hardest communes are in the rural districts.
        List<District> rural = districts.size() > 1 ? districts.subList(1, districts.size()) : districts;
        int communeSequence = 0;
        int villagesLeft = size.especiallyDifficultVillagesPerProvince;
        for (int c = 0; c < size.regionThreeCommunesPerProvince; c++) {
            District district = rural.get(c % rural.size());
            Commune commune = Commune.inDistrict(communeCode(province, communeSequence++), "Xã " + areaName(),
                    district.code(), Region.III);
            builder.commune(commune);
            regionThree.add(commune);
            // Spread the especially difficult villages evenly; the last communes take the remainder.
            int communesLeft = size.regionThreeCommunesPerProvince - c;
            int edHere = villagesLeft / communesLeft + (c < villagesLeft % communesLeft ? 1 : 0);
            villagesLeft -= edHere;
            int villageSequence = 1;
            for (int v = 0; v < edHere; v++) {
                especiallyDifficult.add(addVillage(commune, villageSequence++, true));
            }
            for (int v = 0; v < 2 + random.nextInt(3); v++) {
                otherVillages.add(addVillage(commune, villageSequence++, false));
            }
        }
        for (int c = 0; c < size.otherCommunesPerProvince; c++) {
            District district = districts.get(c % districts.size());
            Commune commune = Commune.inDistrict(communeCode(province, communeSequence++), "Xã " + areaName(),
                    district.code(), random.nextBoolean() ? Region.II : Region.I);
            builder.commune(commune);
            otherCommunes.add(commune);
            for (int v = 1; v <= 2 + random.nextInt(3); v++) {
                otherVillages.add(addVillage(commune, v, false));
            }
        }
    }

    private static String communeCode(int province, int sequence) {
        // Synthetic but GSO-shaped: five digits, unique across provinces.
        return String.format("%05d", 24100 + province * 400 + sequence * 3);
    }

    private Village addVillage(Commune commune, int sequence, boolean especiallyDifficultVillage) {
        String name = random.nextInt(3) == 0 ? "Thôn " + (++villageNameCounter % 20 + 1) : "Buôn " + areaName();
        Village village = Village.of(String.format("%s-%02d", commune.code(), sequence), name, commune.code(),
                especiallyDifficultVillage);
        builder.village(village);
        return village;
    }

    private String areaName() {
        return NAME_PREFIXES[random.nextInt(NAME_PREFIXES.length)] + " " + NAME_ROOTS[random.nextInt(NAME_ROOTS.length)];
    }

    // ---- Needs ----

    /** Where needs fall: mostly especially difficult villages (the plan's first focus), then the rest. */
    private Need randomNeed(int index) {
        String id = String.format("N-%05d", index + 1);
        Category category = randomCategory();
        if (category == Category.PLAYGROUND && random.nextInt(3) > 0) {
            Commune commune = random.nextInt(4) > 0 ? pick(regionThree) : pick(otherCommunes.isEmpty() ? regionThree : otherCommunes);
            return need(id, Optional.empty(), Optional.of(commune.code()), category, false);
        }
        int place = random.nextInt(100);
        Village village = place < 60 || otherVillages.isEmpty() ? pick(especiallyDifficult) : pick(otherVillages);
        return need(id, Optional.of(village.code()), Optional.empty(), category, village.especiallyDifficult());
    }

    private Category randomCategory() {
        int roll = random.nextInt(100);
        if (roll < 16) return Category.NUTRITION;
        if (roll < 30) return Category.HEALTHCARE;
        if (roll < 43) return Category.SCHOOL_SUPPLIES;
        if (roll < 55) return Category.CLOTHING;
        if (roll < 66) return Category.SCHOLARSHIP;
        if (roll < 77) return Category.SCHOOL_TRANSPORT;
        if (roll < 87) return Category.CHARITY_HOUSE;
        if (roll < 95) return Category.PLAY_EQUIPMENT;
        return Category.PLAYGROUND;
    }

    private Need need(String id, Optional<String> village, Optional<String> commune, Category category,
            boolean inEspeciallyDifficultVillage) {
        int quantity;
        int children;
        long unitCost;
        AgeBand ageBand;
        switch (category) {
            case HEALTHCARE -> {
                quantity = between(15, 80);
                children = quantity;
                unitCost = roundTo(between(250, 600) * 1_000L, 10_000);
                ageBand = random.nextBoolean() ? AgeBand.PRESCHOOL : AgeBand.PRIMARY;
            }
            case NUTRITION -> {
                quantity = between(20, 90);
                children = quantity;
                // About 15,000 VND a meal over a 180-day school year.
                unitCost = roundTo(between(2_200, 3_400) * 1_000L, 100_000);
                ageBand = random.nextBoolean() ? AgeBand.PRESCHOOL : AgeBand.PRIMARY;
            }
            case CLOTHING -> {
                quantity = between(20, 120);
                children = quantity;
                unitCost = roundTo(between(250, 500) * 1_000L, 10_000);
                ageBand = randomSchoolAge();
            }
            case SCHOOL_TRANSPORT -> {
                quantity = between(5, 35);
                children = quantity;
                unitCost = roundTo(between(1_500, 2_500) * 1_000L, 100_000);
                ageBand = random.nextBoolean() ? AgeBand.PRIMARY : AgeBand.LOWER_SECONDARY;
            }
            case SCHOLARSHIP -> {
                quantity = between(3, 25);
                children = quantity;
                unitCost = roundTo(between(2_000, 5_000) * 1_000L, 500_000);
                ageBand = randomSchoolAge();
            }
            case SCHOOL_SUPPLIES -> {
                quantity = between(20, 150);
                children = quantity;
                unitCost = roundTo(between(200, 400) * 1_000L, 10_000);
                ageBand = randomSchoolAge();
            }
            case CHARITY_HOUSE -> {
                quantity = between(1, 3);
                children = quantity * between(2, 5);
                unitCost = roundTo(between(50_000, 80_000) * 1_000L, 5_000_000);
                ageBand = AgeBand.ALL;
            }
            case PLAYGROUND -> {
                quantity = 1;
                children = between(80, 400);
                unitCost = roundTo(between(80_000, 250_000) * 1_000L, 10_000_000);
                ageBand = AgeBand.ALL;
            }
            default -> {
                quantity = between(1, 5);
                children = quantity * between(30, 80);
                unitCost = roundTo(between(5_000, 20_000) * 1_000L, 1_000_000);
                ageBand = AgeBand.ALL;
            }
        }
        Urgency urgency = randomUrgency(inEspeciallyDifficultVillage);
        // State entitlements already cover part of some meals (Decree 105/2020: preschool lunch support).
        int covered = category == Category.NUTRITION && ageBand == AgeBand.PRESCHOOL && random.nextInt(3) == 0
                ? quantity * between(20, 60) / 100 : 0;
        Need.Builder need = Need.builder(id).category(category).ageBand(ageBand).children(children)
                .quantity(quantity).unitCost(unitCost).urgency(urgency).alreadyCovered(covered)
                .reportedBy(random.nextBoolean() ? "DOLISA" : "DOET");
        village.ifPresent(need::village);
        commune.ifPresent(need::commune);
        return need.build();
    }

    private AgeBand randomSchoolAge() {
        return switch (random.nextInt(4)) {
            case 0 -> AgeBand.PRESCHOOL;
            case 1, 2 -> AgeBand.PRIMARY;
            default -> AgeBand.LOWER_SECONDARY;
        };
    }

    private Urgency randomUrgency(boolean inEspeciallyDifficultVillage) {
        int roll = random.nextInt(100);
        int critical = inEspeciallyDifficultVillage ? 28 : 15;
        return roll < critical ? Urgency.CRITICAL : roll < critical + 35 ? Urgency.HIGH : Urgency.NORMAL;
    }

    // ---- Donors and offers ----

    /** A donor profile from the plan: who gives, what kind of giver, what they focus on. */
    private record Profile(String name, DonorType type, Set<Category> focus, int weight, boolean inKind) {
    }

    private static final List<Profile> PROFILES = List.of(
            new Profile("Provincial state budget", DonorType.STATE_BUDGET, Set.of(), 10, false),
            new Profile("Department of Education and Training", DonorType.STATE_AGENCY,
                    EnumSet.of(Category.NUTRITION, Category.CLOTHING, Category.SCHOOL_TRANSPORT, Category.SCHOLARSHIP,
                            Category.SCHOOL_SUPPLIES, Category.CHARITY_HOUSE), 4, false),
            new Profile("Department of Health", DonorType.STATE_AGENCY,
                    EnumSet.of(Category.HEALTHCARE, Category.NUTRITION), 3, false),
            new Profile("Fatherland Front — Fund for the Poor", DonorType.MASS_ORGANIZATION,
                    EnumSet.of(Category.CLOTHING, Category.SCHOLARSHIP, Category.SCHOOL_SUPPLIES, Category.CHARITY_HOUSE), 6, false),
            new Profile("Women's Union", DonorType.MASS_ORGANIZATION,
                    EnumSet.of(Category.HEALTHCARE, Category.NUTRITION), 5, false),
            new Profile("Youth Union", DonorType.MASS_ORGANIZATION,
                    EnumSet.of(Category.PLAYGROUND, Category.PLAY_EQUIPMENT, Category.SCHOOL_TRANSPORT,
                            Category.SCHOLARSHIP, Category.SCHOOL_SUPPLIES), 5, false),
            new Profile("Farmers' Association", DonorType.MASS_ORGANIZATION, Set.of(), 2, false),
            new Profile("Red Cross", DonorType.MASS_ORGANIZATION,
                    EnumSet.of(Category.HEALTHCARE, Category.CLOTHING, Category.NUTRITION), 3, false),
            new Profile("Association for the Disabled and Orphans", DonorType.MASS_ORGANIZATION, Set.of(), 2, false),
            new Profile("Provincial Child Protection Fund", DonorType.CHARITY_FUND, Set.of(), 6, false),
            new Profile("Enterprise", DonorType.ENTERPRISE, Set.of(), 14, true),
            new Profile("Charity fund", DonorType.CHARITY_FUND, Set.of(), 6, false),
            new Profile("Individual donor", DonorType.INDIVIDUAL, Set.of(), 14, false),
            new Profile("Foreign organisation", DonorType.FOREIGN_ORGANIZATION,
                    EnumSet.of(Category.HEALTHCARE, Category.NUTRITION, Category.PLAYGROUND), 4, false));

    private static final Category[] IN_KIND_CATEGORIES = {Category.SCHOOL_TRANSPORT, Category.CLOTHING,
            Category.SCHOOL_SUPPLIES, Category.PLAY_EQUIPMENT};

    private void addDonorsAndOffers(long totalNeedVnd) {
        int offerCount = size.expectedOffers();
        int totalWeight = PROFILES.stream().mapToInt(Profile::weight).sum();
        List<Offer> drafts = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        int donorIndex = 0;
        int sequence = 0;
        for (Profile profile : PROFILES) {
            int offersOfProfile = Math.max(1, Math.round((float) offerCount * profile.weight() / totalWeight));
            // Organisations give several offers; enterprises and people are many donors with one each.
            boolean oneOfferEach = profile.type() == DonorType.ENTERPRISE || profile.type() == DonorType.INDIVIDUAL
                    || profile.name().equals("Charity fund");
            String donorId = null;
            for (int k = 0; k < offersOfProfile && sequence < offerCount; k++) {
                if (donorId == null || oneOfferEach) {
                    donorId = String.format("D-%03d", ++donorIndex);
                    String name = oneOfferEach ? profile.name() + " " + donorIndex : profile.name();
                    builder.donor(Donor.of(donorId, name, profile.type()));
                }
                String offerId = String.format("O-%04d", ++sequence);
                drafts.add(draftOffer(offerId, donorId, profile));
                shares.add(shareOf(profile));
            }
        }
        // Scale so that offers cover about 55% of the total need: priority must choose.
        double shareSum = shares.stream().mapToDouble(Double::doubleValue).sum();
        double budget = totalNeedVnd * 0.55;
        for (int i = 0; i < drafts.size(); i++) {
            builder.offer(scaled(drafts.get(i), budget * shares.get(i) / shareSum));
        }
    }

    private double shareOf(Profile profile) {
        double base = switch (profile.type()) {
            case STATE_BUDGET -> 8;
            case FOREIGN_ORGANIZATION -> 5;
            case STATE_AGENCY, CHARITY_FUND -> 3;
            case ENTERPRISE -> 2.5;
            case MASS_ORGANIZATION -> 2;
            case INDIVIDUAL -> 0.2;
        };
        return base * (0.5 + random.nextDouble());
    }

    private Offer draftOffer(String id, String donor, Profile profile) {
        Offer offer;
        if (profile.inKind() && random.nextInt(5) < 2) {
            Category category = IN_KIND_CATEGORIES[random.nextInt(IN_KIND_CATEGORIES.length)];
            offer = Offer.inKind(id, donor, category, 1, typicalUnitValue(category));
        } else {
            offer = Offer.cash(id, donor, 1);
            if (!profile.focus().isEmpty()) {
                offer = offer.withCategories(profile.focus());
            } else if (profile.type() == DonorType.ENTERPRISE && random.nextBoolean()) {
                offer = offer.withCategories(EnumSet.of(randomCategory(), randomCategory()));
            }
        }
        if (profile.name().equals("Women's Union")) {
            offer = offer.withAgeBands(EnumSet.of(AgeBand.PRESCHOOL, AgeBand.PRIMARY));
        }
        if (random.nextInt(100) < 25 && profile.type() != DonorType.STATE_BUDGET) {
            offer = offer.withAreas(Set.of(pick(districtCodes)));
        } else if (districtsByProvince.size() > 1 && random.nextInt(100) < 85) {
            // Most givers of a national scenario give in their own province.
            offer = offer.withAreas(Set.copyOf(pick(districtsByProvince)));
        }
        if (profile.type() == DonorType.FOREIGN_ORGANIZATION || random.nextInt(100) < 15) {
            offer = offer.withEspeciallyDifficultOnly(true);
        }
        if (profile.type() == DonorType.ENTERPRISE && random.nextInt(3) == 0) {
            offer = offer.withMinGrant(roundTo(between(5, 20) * 1_000_000L, 1_000_000));
        }
        if (profile.type() == DonorType.INDIVIDUAL && random.nextBoolean()) {
            offer = offer.withMaxNeeds(between(1, 3));
        }
        if (random.nextInt(100) < 60) {
            Category liked = profile.focus().isEmpty() ? randomCategory() : pick(new ArrayList<>(profile.focus()));
            offer = offer.withPreferences(Preferences.of(Map.of(liked, (double) between(1, 3)),
                    random.nextBoolean() ? Map.of(pick(districtCodes), 1.0) : Map.of()));
        }
        return offer;
    }

    private static long typicalUnitValue(Category category) {
        return switch (category) {
            case SCHOOL_TRANSPORT -> 1_800_000;
            case CLOTHING -> 350_000;
            case SCHOOL_SUPPLIES -> 300_000;
            default -> 12_000_000;
        };
    }

    /** The draft with its amount (cash) or quantity (goods at unit value) set to about {@code vnd}. */
    static Offer scaled(Offer draft, double vnd) {
        if (draft.isCash()) {
            long amount = Math.max(1_000_000, roundTo((long) vnd, 1_000_000));
            return draft.toBuilder().amount(amount).build();
        }
        int quantity = (int) Math.max(1, Math.round(vnd / draft.unitValue()));
        return draft.toBuilder().quantity(quantity).build();
    }

    private int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    static long roundTo(long value, long step) {
        return Math.max(step, Math.round((double) value / step) * step);
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
