package vn.childaid.matching.scenario;

import static vn.childaid.matching.scenario.Problem.shown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.policy.PriorityMode;
import vn.childaid.matching.policy.TierRule;
import vn.childaid.matching.rules.HardRules;
import vn.childaid.matching.rules.Ledger;

/**
 * Every value and reference rule of the v1 contract, reported with the JSON path of the field
 * at fault. Collects all problems; never stops at the first.
 */
final class ScenarioValidator {
    /** Sums in the score stay below this (2^62), leaving room for the levels' own arithmetic. */
    private static final double SCORE_LIMIT = 0x1p62;

    private final Scenario scenario;
    private final List<Problem> problems = new ArrayList<>();
    /** Every area code (district, commune, village), to catch one code used at two levels. */
    private final Map<String, String> areaPaths = new HashMap<>();
    private final Map<String, Commune> communes = new HashMap<>();
    private final Map<String, Village> villages = new HashMap<>();
    private final Map<String, Need> needs = new HashMap<>();
    private final Map<String, Offer> offers = new HashMap<>();

    ScenarioValidator(Scenario scenario) {
        this.scenario = scenario;
    }

    List<Problem> validate() {
        if (scenario.name().isBlank()) {
            problem("$.name", "must not be blank");
        }
        checkName(scenario.name(), "$.name");
        scenario.province().ifPresent(province -> {
            checkId(province.code(), "$.province.code");
            checkName(province.name(), "$.province.name");
        });
        validatePolicy(scenario.policy());
        validateAreas();
        validateNeeds();
        Set<String> donorIds = validateDonors();
        validateOffers(donorIds);
        validateEntitlements();
        validateCommitments();
        validateScoreFitsInLong();
        return problems;
    }

    private void problem(String path, String message) {
        problems.add(new Problem(path, message));
    }

    private void checkId(String value, String path) {
        checkLength(value, path, Scenario.MAX_ID_LENGTH, "an id or code");
    }

    private void checkName(String value, String path) {
        checkLength(value, path, Scenario.MAX_NAME_LENGTH, "a name");
    }

    /** Characters are counted as the contract's schema counts them: code points, not UTF-16 units. */
    private void checkLength(String value, String path, int most, String what) {
        if (value.length() > most) {
            int length = value.codePointCount(0, value.length());
            if (length > most) {
                problem(path, String.format(Locale.ROOT, "is %,d characters long; %s has at most %,d", length, what, most));
            }
        }
    }

    /** A map key as a path shows it: whole when it is an id's length at most, cut otherwise. */
    private static String pathKey(String key) {
        return key.length() <= Scenario.MAX_ID_LENGTH ? key : key.substring(0, 40) + "…";
    }

    private void validateEntitlements() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < scenario.entitlements().size(); i++) {
            Entitlement entitlement = scenario.entitlements().get(i);
            String at = "$.entitlements[" + i + "]";
            checkName(entitlement.name(), at + ".name");
            if (entitlement.name().isBlank()) {
                problem(at + ".name", "must not be blank");
            } else if (!names.add(entitlement.name())) {
                problem(at + ".name", "duplicate entitlement name " + shown(entitlement.name()));
            }
            for (String area : entitlement.areas()) {
                checkId(area, at + ".places.areas");
                if (!areaPaths.containsKey(area)) {
                    problem(at + ".places.areas", "unknown area code " + shown(area));
                }
            }
            boolean share = entitlement.coveredShare().isPresent();
            boolean amount = entitlement.amountPerUnit().isPresent();
            if (share == amount) {
                problem(at, share ? "gives both coveredShare and amountPerUnit; give one"
                        : "gives neither coveredShare nor amountPerUnit; give one");
            }
            entitlement.coveredShare().ifPresent(value -> {
                if (!(value >= 0 && value <= 1)) {
                    problem(at + ".coveredShare", "must be between 0 and 1, found " + value);
                }
            });
            entitlement.amountPerUnit().ifPresent(value -> {
                if (value < 1) {
                    problem(at + ".amountPerUnit", "must be ≥ 1 VND, found " + value);
                }
            });
        }
    }

    private void validatePolicy(Policy policy) {
        String at = "$.policy";
        if (policy.tierCount() > Policy.MAX_TIERS) {
            problem(at + ".tiers", "has " + policy.tiers().size() + " tiers; at most " + (Policy.MAX_TIERS - 1)
                    + " are supported (plus the other tier)");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < policy.tiers().size(); i++) {
            TierRule tier = policy.tiers().get(i);
            checkName(tier.name(), at + ".tiers[" + i + "].name");
            if (tier.name().isBlank()) {
                problem(at + ".tiers[" + i + "].name", "must not be blank");
            } else if (!names.add(tier.name())) {
                problem(at + ".tiers[" + i + "].name", "duplicate tier name " + shown(tier.name()));
            }
        }
        checkName(policy.otherTier(), at + ".otherTier");
        policy.preset().ifPresent(preset -> checkName(preset, at + ".preset"));
        if (policy.otherTier().isBlank()) {
            problem(at + ".otherTier", "must not be blank");
        } else if (names.contains(policy.otherTier())) {
            problem(at + ".otherTier", shown(policy.otherTier()) + " is also the name of a tier");
        }
        if (policy.priorityMode() == PriorityMode.WEIGHTED && policy.tierWeights().size() != policy.tierCount()) {
            problem(at + ".tierWeights", "WEIGHTED needs one weight per tier plus one for the other tier ("
                    + policy.tierCount() + "), found " + policy.tierWeights().size());
        }
        for (int i = 0; i < policy.tierWeights().size(); i++) {
            if (policy.tierWeights().get(i) < 0) {
                problem(at + ".tierWeights[" + i + "]", "must be ≥ 0, found " + policy.tierWeights().get(i));
            }
        }
        if (policy.priorityMode() == PriorityMode.WEIGHTED && policy.tierWeights().stream().anyMatch(w -> w > 1_000_000_000L)) {
            problem(at + ".tierWeights", "weights above 1,000,000,000 risk overflowing the score");
        }
        policy.categoryWeights().forEach((category, weight) -> {
            if (!(weight >= 0 && weight <= 1000)) {
                problem(at + ".categoryWeights." + category, "must be between 0 and 1000, found " + weight);
            }
        });
        if (policy.maxFundersPerNeed() < 0) {
            problem(at + ".maxFundersPerNeed", "must be ≥ 0 (0 = unlimited), found " + policy.maxFundersPerNeed());
        }
    }

    private void claimAreaCode(String code, String path) {
        String earlier = areaPaths.putIfAbsent(code, path);
        if (earlier != null) {
            problem(path, "area code " + shown(code) + " is already used at " + earlier);
        }
    }

    private void validateAreas() {
        Set<String> districtCodes = new HashSet<>();
        for (int i = 0; i < scenario.districts().size(); i++) {
            District district = scenario.districts().get(i);
            checkId(district.code(), "$.districts[" + i + "].code");
            checkName(district.name(), "$.districts[" + i + "].name");
            claimAreaCode(district.code(), "$.districts[" + i + "].code");
            districtCodes.add(district.code());
        }
        for (int i = 0; i < scenario.communes().size(); i++) {
            Commune commune = scenario.communes().get(i);
            String at = "$.communes[" + i + "]";
            checkId(commune.code(), at + ".code");
            checkName(commune.name(), at + ".name");
            commune.district().ifPresent(d -> checkId(d, at + ".district"));
            claimAreaCode(commune.code(), at + ".code");
            communes.putIfAbsent(commune.code(), commune);
            commune.district().filter(d -> !districtCodes.contains(d))
                    .ifPresent(d -> problem(at + ".district", "unknown district " + shown(d)));
        }
        for (int i = 0; i < scenario.villages().size(); i++) {
            Village village = scenario.villages().get(i);
            String at = "$.villages[" + i + "]";
            checkId(village.code(), at + ".code");
            checkName(village.name(), at + ".name");
            checkId(village.commune(), at + ".commune");
            claimAreaCode(village.code(), at + ".code");
            villages.putIfAbsent(village.code(), village);
            if (!communes.containsKey(village.commune())) {
                problem(at + ".commune", "unknown commune " + shown(village.commune()));
            }
        }
    }

    private void validateNeeds() {
        for (int i = 0; i < scenario.needs().size(); i++) {
            Need need = scenario.needs().get(i);
            String at = "$.needs[" + i + "]";
            checkId(need.id(), at + ".id");
            need.village().ifPresent(v -> checkId(v, at + ".village"));
            need.commune().ifPresent(c -> checkId(c, at + ".commune"));
            need.reportedBy().ifPresent(r -> checkName(r, at + ".reportedBy"));
            if (needs.putIfAbsent(need.id(), need) != null) {
                problem(at + ".id", "duplicate need id " + shown(need.id()));
            }
            if (need.village().isPresent() == need.commune().isPresent()) {
                problem(at, "give exactly one of 'village' or 'commune'");
            }
            need.village().filter(v -> !villages.containsKey(v))
                    .ifPresent(v -> problem(at + ".village", "unknown village " + shown(v)));
            need.commune().filter(c -> !communes.containsKey(c))
                    .ifPresent(c -> problem(at + ".commune", "unknown commune " + shown(c)));
            if (need.children() < 1) {
                problem(at + ".children", "must be ≥ 1, found " + need.children());
            }
            if (need.quantity() < 1) {
                problem(at + ".quantity", "must be ≥ 1, found " + need.quantity());
            }
            if (need.unitCost() < 0) {
                problem(at + ".unitCost", "must be ≥ 0, found " + need.unitCost());
            }
            if (need.alreadyCovered() < 0) {
                problem(at + ".alreadyCovered", "must be ≥ 0, found " + need.alreadyCovered());
            } else if (need.alreadyCovered() > need.quantity() && need.quantity() >= 1) {
                problem(at + ".alreadyCovered", "is " + need.alreadyCovered() + ", more than quantity "
                        + need.quantity());
            }
            if (need.quantity() > 0 && need.unitCost() > 0 && overflows(need.quantity(), need.unitCost())) {
                problem(at + ".unitCost", "quantity × unitCost overflows a 64-bit VND amount");
            }
        }
    }

    private static boolean overflows(long a, long b) {
        try {
            Math.multiplyExact(a, b);
            return false;
        } catch (ArithmeticException e) {
            return true;
        }
    }

    private Set<String> validateDonors() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < scenario.donors().size(); i++) {
            Donor donor = scenario.donors().get(i);
            checkId(donor.id(), "$.donors[" + i + "].id");
            checkName(donor.name(), "$.donors[" + i + "].name");
            if (!ids.add(donor.id())) {
                problem("$.donors[" + i + "].id", "duplicate donor id " + shown(donor.id()));
            }
        }
        return ids;
    }

    private void validateOffers(Set<String> donorIds) {
        for (int i = 0; i < scenario.offers().size(); i++) {
            Offer offer = scenario.offers().get(i);
            String at = "$.offers[" + i + "]";
            checkId(offer.id(), at + ".id");
            checkId(offer.donor(), at + ".donor");
            if (offers.putIfAbsent(offer.id(), offer) != null) {
                problem(at + ".id", "duplicate offer id " + shown(offer.id()));
            }
            if (!donorIds.contains(offer.donor())) {
                problem(at + ".donor", "unknown donor " + shown(offer.donor()));
            }
            if (offer.isCash()) {
                if (offer.amount() < 0) {
                    problem(at + ".amount", "must be ≥ 0, found " + offer.amount());
                }
                if (offer.category().isPresent()) {
                    problem(at + ".category", "only in-kind offers have a single category; use 'categories' for cash");
                }
            } else {
                if (offer.category().isEmpty()) {
                    problem(at + ".category", "an IN_KIND offer needs the category of goods it gives");
                }
                // 'categories' without the offer's own category is valid: eligibility is the
                // intersection of both, so such an offer funds nothing (the contract says so).
                if (offer.quantity() < 1) {
                    problem(at + ".quantity", "must be ≥ 1, found " + offer.quantity());
                }
                if (offer.unitValue() < 0) {
                    problem(at + ".unitValue", "must be ≥ 0, found " + offer.unitValue());
                } else if (offer.quantity() > 0 && overflows(offer.quantity(), offer.unitValue())) {
                    problem(at + ".unitValue", "quantity × unitValue overflows a 64-bit VND amount");
                }
            }
            for (String area : offer.areas()) {
                checkId(area, at + ".areas");
                if (!areaPaths.containsKey(area)) {
                    problem(at + ".areas", "unknown area code " + shown(area));
                }
            }
            if (offer.minGrant() < 0) {
                problem(at + ".minGrant", "must be ≥ 0 (0 = none), found " + offer.minGrant());
            }
            if (offer.maxNeeds() < 0) {
                problem(at + ".maxNeeds", "must be ≥ 0 (0 = unlimited), found " + offer.maxNeeds());
            }
            offer.preferences().categories().forEach((category, weight) -> {
                if (!(weight >= 0 && weight <= 1000)) {
                    problem(at + ".preferences.categories." + category, "must be between 0 and 1000, found " + weight);
                }
            });
            offer.preferences().areas().forEach((area, weight) -> {
                checkId(area, at + ".preferences.areas." + pathKey(area));
                if (!areaPaths.containsKey(area)) {
                    problem(at + ".preferences.areas." + pathKey(area), "unknown area code " + shown(area));
                }
                if (!(weight >= 0 && weight <= 1000)) {
                    problem(at + ".preferences.areas." + pathKey(area), "must be between 0 and 1000, found " + weight);
                }
            });
        }
    }

    /**
     * Commitments are taken as given (not re-judged for eligibility or minGrant), but they must not
     * already break a rule the solver could never repair: capacity, open units, maxNeeds and
     * maxFundersPerNeed, judged by the rulebook on the commitments' own books. A partial commitment
     * on an indivisible need is accepted: the plan must complete it (all-or-nothing).
     */
    private void validateCommitments() {
        Ledger books = new Ledger();
        Map<String, String> lastPathOfNeed = new LinkedHashMap<>();
        Map<String, String> lastPathOfOffer = new LinkedHashMap<>();
        boolean countsSound = true;
        for (int i = 0; i < scenario.commitments().size(); i++) {
            Commitment commitment = scenario.commitments().get(i);
            String at = "$.commitments[" + i + "]";
            checkId(commitment.offer(), at + ".offer");
            checkId(commitment.need(), at + ".need");
            Offer offer = offers.get(commitment.offer());
            Need need = needs.get(commitment.need());
            if (offer == null) {
                problem(at + ".offer", "unknown offer " + shown(commitment.offer()));
            }
            if (need == null) {
                problem(at + ".need", "unknown need " + shown(commitment.need()));
            }
            if (commitment.units() < 1) {
                problem(at + ".units", "must be ≥ 1, found " + commitment.units());
                countsSound = false;
            }
            if (offer == null || need == null || commitment.units() < 1 || need.openUnits() < 0
                    || !offer.isCash() && offer.quantity() < 1) {
                continue; // Reported above or among the need's and offer's own values.
            }
            try {
                books.record(offer, need, commitment.units());
            } catch (ArithmeticException tooMuch) {
                // quantity × unitCost fits in 64 bits (checked above), so these units exceed the quantity.
                problem(at + ".units", "is " + commitment.units() + ", more than need '" + need.id() + "' has open ("
                        + need.openUnits() + ")");
                continue;
            }
            lastPathOfNeed.put(need.id(), at);
            lastPathOfOffer.put(offer.id(), at);
        }
        if (!countsSound) {
            return;
        }
        int maxFunders = scenario.policy().maxFundersPerNeed();
        lastPathOfNeed.forEach((needId, at) -> {
            Need need = needs.get(needId);
            long funded = books.unitsFunded(need);
            if (HardRules.openUnitsExcess(need, funded) > 0) {
                problem(at, "commitments give need " + shown(needId) + " " + funded + " units but only "
                        + need.openUnits() + " are open (quantity − alreadyCovered"
                        + (need.effectiveAlreadyCovered() > need.alreadyCovered() ? ", entitlements included" : "")
                        + ")");
            }
            if (HardRules.fundersBeyondLimit(maxFunders, books.donorCount(need)) > 0) {
                problem(at, "commitments give need " + shown(needId) + " " + books.donorCount(need)
                        + " donors, more than maxFundersPerNeed " + maxFunders);
            }
        });
        lastPathOfOffer.forEach((offerId, at) -> {
            Offer offer = offers.get(offerId);
            long used = books.capacityUsed(offer);
            if (HardRules.capacityExcess(offer, used) > 0) {
                problem(at, "commitments use " + used + (offer.isCash() ? " VND" : " units") + " of offer "
                        + shown(offerId) + ", more than its " + offer.capacity());
            }
            if (HardRules.needsBeyondLimit(offer, books.needCount(offer)) > 0) {
                problem(at, "commitments fund " + books.needCount(offer) + " needs from offer " + shown(offerId)
                        + ", more than its maxNeeds " + offer.maxNeeds());
            }
        });
    }

    /**
     * The score adds up children (in thousandths, × category weight, × tier weight when WEIGHTED),
     * VND × preference weights and squared village reach in 64-bit integers. A scenario whose sums
     * could overflow is refused here, naming the field to lower, rather than solved into nonsense.
     */
    private void validateScoreFitsInLong() {
        double totalChildren = 0;
        double totalCost = 0;
        double totalUnits = 0;
        Map<String, Double> childrenByArea = new HashMap<>();
        Map<String, String> lastNeedOfArea = new HashMap<>();
        for (int i = 0; i < scenario.needs().size(); i++) {
            Need need = scenario.needs().get(i);
            totalChildren += Math.max(0, need.children());
            totalCost += Math.max(0, (double) need.quantity()) * Math.max(0, need.unitCost());
            totalUnits += Math.max(0, need.quantity());
            String area = need.village().or(need::commune).orElse("");
            childrenByArea.merge(area, (double) Math.max(0, need.children()), Double::sum);
            lastNeedOfArea.put(area, "$.needs[" + i + "].children");
        }
        Policy policy = scenario.policy();
        double largestCategoryWeight = policy.categoryWeights().values().stream()
                .mapToDouble(Double::doubleValue).max().orElse(1);
        largestCategoryWeight = Math.max(1, largestCategoryWeight);
        double largestTierWeight = policy.priorityMode() == PriorityMode.WEIGHTED
                ? policy.tierWeights().stream().mapToLong(Long::longValue).max().orElse(1) : 1;
        double tierLevel = totalChildren * 1000 * largestCategoryWeight * Math.max(1, largestTierWeight);
        if (tierLevel > SCORE_LIMIT) {
            problem(policy.priorityMode() == PriorityMode.WEIGHTED ? "$.policy.tierWeights" : "$.policy.categoryWeights",
                    String.format("%,.0f children × the largest category weight %s%s is too large for the score "
                            + "(at most %,.0f); lower the weights", totalChildren, largestCategoryWeight,
                            policy.priorityMode() == PriorityMode.WEIGHTED ? " × the largest tier weight " + largestTierWeight : "",
                            SCORE_LIMIT / 1000));
        }
        if (totalCost > SCORE_LIMIT) {
            problem("$.needs", String.format("the needs cost %,.0f VND in all, more than the %,.0f VND the engine can "
                    + "add up", totalCost, SCORE_LIMIT));
        }
        childrenByArea.forEach((area, children) -> {
            if (children * 1000 * children * 1000 > SCORE_LIMIT) {
                problem(lastNeedOfArea.get(area), String.format("the needs of area %s serve %,.0f children, more "
                        + "than the %,.0f one village or commune may hold", shown(area), children, Math.sqrt(SCORE_LIMIT) / 1000));
            }
        });
        for (int i = 0; i < scenario.offers().size(); i++) {
            Offer offer = scenario.offers().get(i);
            double weight = offer.preferences().categories().values().stream().mapToDouble(Double::doubleValue).max()
                    .orElse(0) + offer.preferences().areas().values().stream().mapToDouble(Double::doubleValue).sum();
            if (weight * 1000 * Math.max(totalCost, totalUnits * Math.max(0, offer.unitValue())) > SCORE_LIMIT) {
                problem("$.offers[" + i + "].preferences", String.format("preference weights up to %s × the VND "
                        + "this offer could give are too large for the score; lower the weights", weight));
            }
            if (!offer.isCash() && totalUnits * Math.max(0, offer.unitValue()) > SCORE_LIMIT) {
                problem("$.offers[" + i + "].unitValue", "× the needs' units is more VND than the engine can add up");
            }
        }
    }
}
