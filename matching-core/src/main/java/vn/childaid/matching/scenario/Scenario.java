package vn.childaid.matching.scenario;

import vn.childaid.matching.classification.AgeBand;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.childaid.matching.extensions.Extensions;
import vn.childaid.matching.policy.Policy;

/**
 * A validated, immutable allocation problem: the area tree, needs, donors, offers, existing
 * commitments and the priority policy. Construction checks every rule of the v1 contract and
 * throws {@link InvalidScenarioException} listing all problems, so any {@code Scenario} instance
 * can be solved.
 */
public final class Scenario {
    public static final int FORMAT_VERSION = 1;
    /** Ids and codes (and every reference to one) have at most this many characters. */
    public static final int MAX_ID_LENGTH = 100;
    /** Names and other free text (the scenario's, areas', donors', tiers', {@code reportedBy}) have at most this many. */
    public static final int MAX_NAME_LENGTH = 1000;

    private final String name;
    private final OptionalInt year;
    private final Optional<Province> province;
    private final Policy policy;
    private final List<District> districts;
    private final List<Commune> communes;
    private final List<Village> villages;
    private final List<Need> needs;
    private final List<Donor> donors;
    private final List<Offer> offers;
    private final List<Commitment> commitments;
    private final List<Entitlement> entitlements;
    private final Extensions extensions;

    private final Map<String, Commune> communeByCode;
    private final Map<String, Village> villageByCode;
    private final Map<String, Need> needById;
    private final Map<String, Donor> donorById;
    private final Map<String, Offer> offerById;
    /** Offers by the area codes they are limited to; those open everywhere under "". For eligibleOffers. */
    private final Map<String, List<Integer>> offerIndexesByArea;
    private final Map<String, Integer> needPosition;
    /**
     * Each need's entry filled on first use, one need at a time: all at once took seconds on a
     * national scenario, during which a time limit or a cancel could not stop the greedy start.
     * A benign race at worst computes an entry twice.
     */
    private final AtomicReferenceArray<List<Offer>> eligibleOffersByNeed;

    private Scenario(Builder builder) {
        this(builder, true);
    }

    /** {@code checked == false} only for {@link Builder#problems()}, whose instance never escapes. */
    private Scenario(Builder builder, boolean checked) {
        this.name = Objects.requireNonNull(builder.name, "name");
        this.year = builder.year;
        this.province = Objects.requireNonNull(builder.province, "province");
        this.policy = Objects.requireNonNull(builder.policy, "policy");
        this.districts = List.copyOf(builder.districts);
        this.communes = List.copyOf(builder.communes);
        this.villages = List.copyOf(builder.villages);
        this.entitlements = List.copyOf(builder.entitlements);
        this.communeByCode = index(communes, Commune::code);
        this.villageByCode = index(villages, Village::code);
        // Entitlements apply before validation, so that commitments are checked against the units
        // really open to donors.
        this.needs = builder.needs.stream().map(this::withEntitlements).toList();
        this.donors = List.copyOf(builder.donors);
        this.offers = List.copyOf(builder.offers);
        this.commitments = List.copyOf(builder.commitments);
        this.extensions = Objects.requireNonNull(builder.extensions, "extensions");
        if (checked) {
            List<Problem> problems = new ScenarioValidator(this).validate();
            if (!problems.isEmpty()) {
                throw new InvalidScenarioException(problems);
            }
        }
        this.needById = index(needs, Need::id);
        this.donorById = index(donors, Donor::id);
        this.offerById = index(offers, Offer::id);
        Map<String, List<Integer>> byArea = new java.util.HashMap<>();
        for (int i = 0; i < offers.size(); i++) {
            Offer offer = offers.get(i);
            for (String area : offer.areas().isEmpty() ? List.of("") : offer.areas()) {
                byArea.computeIfAbsent(area, k -> new java.util.ArrayList<>()).add(i);
            }
        }
        this.offerIndexesByArea = byArea;
        Map<String, Integer> positions = new java.util.HashMap<>();
        for (int i = 0; i < needs.size(); i++) {
            positions.putIfAbsent(needs.get(i).id(), i);
        }
        this.needPosition = positions;
        this.eligibleOffersByNeed = new AtomicReferenceArray<>(needs.size());
    }

    /**
     * The need with what this scenario's entitlements pay for it, worked out from its given fields
     * alone (so a need taken from another scenario is judged afresh). Covered shares: each its own
     * units (the need takes the largest, see {@link Need#effectiveAlreadyCovered()}). Amounts per
     * unit add up, in scenario order, each capped at what is left of the unit cost.
     */
    private Need withEntitlements(Need need) {
        if (entitlements.isEmpty()) {
            return need.withCoverage(List.of());
        }
        Optional<Place> place = findPlace(need);
        if (place.isEmpty()) {
            return need.withCoverage(List.of()); // an unknown area: validation reports it
        }
        List<EntitlementCover> covers = new java.util.ArrayList<>();
        long costLeft = Math.max(0, need.unitCost());
        for (Entitlement entitlement : entitlements) {
            if (entitlement.appliesTo(need, place.get())) {
                long amount = Math.min(costLeft, Math.max(0, entitlement.amountPerUnit().orElse(0)));
                costLeft -= amount;
                covers.add(new EntitlementCover(entitlement.name(), entitlement.coveredUnits(need.quantity()), amount));
            }
        }
        return need.withCoverage(covers);
    }

    /** {@link #placeOf}, or empty when the need's village or commune is unknown or it names none. */
    private Optional<Place> findPlace(Need need) {
        Optional<String> communeCode;
        Optional<Village> village = need.village().map(villageByCode::get);
        if (need.village().isPresent()) {
            communeCode = village.map(Village::commune);
        } else {
            communeCode = need.commune();
        }
        Optional<Commune> commune = communeCode.map(communeByCode::get);
        if (commune.isEmpty() || need.village().isPresent() && village.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Place(village, commune.get(), commune.get().district()));
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        // First wins; duplicates were rejected by validation already.
        return items.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity(), (a, b) -> a));
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding this scenario's parts, to derive a variant (a what-if). */
    public Builder toBuilder() {
        Builder builder = new Builder(name).policy(policy);
        builder.year = year;
        builder.province = province;
        builder.districts.addAll(districts);
        builder.communes.addAll(communes);
        builder.villages.addAll(villages);
        builder.needs.addAll(needs);
        builder.donors.addAll(donors);
        builder.offers.addAll(offers);
        builder.commitments.addAll(commitments);
        builder.entitlements.addAll(entitlements);
        builder.extensions = extensions;
        return builder;
    }

    public String name() { return name; }
    public OptionalInt year() { return year; }
    /** The province the scenario covers, for reports; empty when not given. */
    public Optional<Province> province() { return province; }
    public Policy policy() { return policy; }
    public List<District> districts() { return districts; }
    public List<Commune> communes() { return communes; }
    public List<Village> villages() { return villages; }
    public List<Need> needs() { return needs; }
    public List<Donor> donors() { return donors; }
    public List<Offer> offers() { return offers; }
    public List<Commitment> commitments() { return commitments; }
    /**
     * State programmes that pay for part of some needs, as given; their effect is in the needs
     * ({@link Need#openUnits()}, {@link Need#donorUnitCost()}, {@link Need#coveredBy()}).
     */
    public List<Entitlement> entitlements() { return entitlements; }
    /** Caller data kept but never read by the engine. */
    public Extensions extensions() { return extensions; }

    public Need need(String id) {
        return lookUp(needById, id, "need");
    }

    public Offer offer(String id) {
        return lookUp(offerById, id, "offer");
    }

    /** The need with this id, if the scenario has one. */
    public Optional<Need> findNeed(String id) {
        return Optional.ofNullable(needById.get(id));
    }

    /** The offer with this id, if the scenario has one. */
    public Optional<Offer> findOffer(String id) {
        return Optional.ofNullable(offerById.get(id));
    }

    public Donor donor(String id) {
        return lookUp(donorById, id, "donor");
    }

    private static <T> T lookUp(Map<String, T> index, String id, String what) {
        T found = index.get(id);
        if (found == null) {
            throw new IllegalArgumentException("no " + what + " with id '" + id + "'");
        }
        return found;
    }

    /** The village, commune and district a need sits in. */
    public Place placeOf(Need need) {
        Optional<Village> village = need.village().map(villageByCode::get);
        Commune commune = communeByCode.get(village.map(Village::commune).orElseGet(() -> need.commune().orElseThrow()));
        return new Place(village, commune, commune.district());
    }

    /** The tier index of a need under this scenario's policy (the other tier is last). */
    public int tierOf(Need need) {
        Place place = placeOf(need);
        return policy.tierOf(place.especiallyDifficult(), place.region(), need.urgency());
    }

    /**
     * Whether an offer may fund a need under the contract's hard eligibility rules: its in-kind
     * category, {@code categories}, {@code areas} at any level, {@code ageBands} and
     * {@code especiallyDifficultOnly}. True exactly when {@link #whyIneligible} is empty.
     */
    public boolean isEligible(Offer offer, Need need) {
        return firstExclusion(offer, need, placeOf(need)) == null;
    }

    /**
     * The first eligibility sub-rule (in {@link EligibilityRule}'s order) that keeps the offer from
     * funding the need, or empty when the offer is eligible.
     */
    public Optional<EligibilityRule> whyIneligible(Offer offer, Need need) {
        return Optional.ofNullable(firstExclusion(offer, need, placeOf(need)));
    }

    /** The one statement of eligibility: null when eligible (no Optional on the hot path of eligibleOffers). */
    private static EligibilityRule firstExclusion(Offer offer, Need need, Place place) {
        if (offer.category().isPresent() && offer.category().get() != need.category()) {
            return EligibilityRule.IN_KIND_CATEGORY;
        }
        if (!offer.categories().isEmpty() && !offer.categories().contains(need.category())) {
            return EligibilityRule.CATEGORY;
        }
        if (!offer.ageBands().isEmpty() && !offer.ageBands().contains(AgeBand.ALL)
                && !offer.ageBands().contains(need.ageBand())) {
            return EligibilityRule.AGE_BAND;
        }
        if (offer.especiallyDifficultOnly() && !place.especiallyDifficult()) {
            return EligibilityRule.ESPECIALLY_DIFFICULT_ONLY;
        }
        if (!offer.areas().isEmpty() && offer.areas().stream().noneMatch(place::isWithin)) {
            return EligibilityRule.AREA;
        }
        return null;
    }

    /**
     * The offers eligible for a need, in scenario order. Looks only at offers open everywhere or
     * limited to the need's village, commune or district, so it stays fast with thousands of
     * offers; computed once per need, since the greedy start and the solver model both ask.
     */
    public List<Offer> eligibleOffers(Need need) {
        Integer position = needPosition.get(need.id());
        if (position == null || !needs.get(position).equals(need)) {
            return findEligibleOffers(need); // a need from elsewhere: answer without the cache
        }
        List<Offer> eligible = eligibleOffersByNeed.get(position);
        if (eligible == null) {
            eligible = findEligibleOffers(need);
            eligibleOffersByNeed.set(position, eligible);
        }
        return eligible;
    }

    private List<Offer> findEligibleOffers(Need need) {
        Place place = placeOf(need);
        java.util.BitSet candidates = new java.util.BitSet(offers.size());
        markOffersLimitedTo("", candidates);
        place.village().ifPresent(v -> markOffersLimitedTo(v.code(), candidates));
        markOffersLimitedTo(place.commune().code(), candidates);
        place.district().ifPresent(d -> markOffersLimitedTo(d, candidates));
        List<Offer> eligible = new java.util.ArrayList<>();
        for (int index = candidates.nextSetBit(0); index >= 0; index = candidates.nextSetBit(index + 1)) {
            Offer offer = offers.get(index);
            if (firstExclusion(offer, need, place) == null) {
                eligible.add(offer);
            }
        }
        return List.copyOf(eligible);
    }

    private void markOffersLimitedTo(String area, java.util.BitSet candidates) {
        for (int index : offerIndexesByArea.getOrDefault(area, List.of())) {
            candidates.set(index);
        }
    }

    /** The same scenario under another policy, checked again. */
    public Scenario withPolicy(Policy other) {
        return toBuilder().policy(other).build();
    }

    /** The same scenario with these offers in place of its own (a what-if), checked again. */
    public Scenario withOffers(List<Offer> others) {
        Builder builder = toBuilder();
        builder.offers.clear();
        builder.offers.addAll(others);
        return builder.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scenario that
                && name.equals(that.name) && year.equals(that.year) && province.equals(that.province) && policy.equals(that.policy)
                && districts.equals(that.districts) && communes.equals(that.communes)
                && villages.equals(that.villages) && needs.equals(that.needs) && donors.equals(that.donors)
                && offers.equals(that.offers) && commitments.equals(that.commitments)
                && entitlements.equals(that.entitlements) && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, year, province, policy, districts, communes, villages, needs, donors, offers, commitments,
                entitlements, extensions);
    }

    @Override
    public String toString() {
        return "Scenario[" + name + ": " + needs.size() + " needs, " + offers.size() + " offers, "
                + commitments.size() + " commitments]";
    }

    /** Collects a scenario's parts; {@link #build()} validates them all at once. */
    public static final class Builder {
        private final String name;
        private OptionalInt year = OptionalInt.empty();
        private Optional<Province> province = Optional.empty();
        private Policy policy = Policy.defaultPolicy();
        private final List<District> districts = new java.util.ArrayList<>();
        private final List<Commune> communes = new java.util.ArrayList<>();
        private final List<Village> villages = new java.util.ArrayList<>();
        private final List<Need> needs = new java.util.ArrayList<>();
        private final List<Donor> donors = new java.util.ArrayList<>();
        private final List<Offer> offers = new java.util.ArrayList<>();
        private final List<Commitment> commitments = new java.util.ArrayList<>();
        private final List<Entitlement> entitlements = new java.util.ArrayList<>();
        private Extensions extensions = Extensions.NONE;

        private Builder(String name) {
            this.name = name;
        }

        public Builder year(int value) { this.year = OptionalInt.of(value); return this; }
        public Builder province(Province value) { this.province = Optional.of(value); return this; }
        public Builder policy(Policy value) { this.policy = value; return this; }
        public Builder district(District value) { districts.add(value); return this; }
        public Builder commune(Commune value) { communes.add(value); return this; }
        public Builder village(Village value) { villages.add(value); return this; }
        public Builder need(Need value) { needs.add(value); return this; }
        public Builder donor(Donor value) { donors.add(value); return this; }
        public Builder offer(Offer value) { offers.add(value); return this; }
        public Builder commitment(Commitment value) { commitments.add(value); return this; }
        public Builder entitlement(Entitlement value) { entitlements.add(value); return this; }
        public Builder extensions(Extensions value) { this.extensions = value; return this; }

        /** Validates everything and returns the scenario, or throws listing every problem. */
        public Scenario build() {
            return new Scenario(this);
        }

        /**
         * Every problem {@link #build()} would report, each with its JSON path, without building:
         * empty when {@code build()} would succeed.
         */
        public List<Problem> problems() {
            return List.copyOf(new ScenarioValidator(new Scenario(this, false)).validate());
        }
    }
}
