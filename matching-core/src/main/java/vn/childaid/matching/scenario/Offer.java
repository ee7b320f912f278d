package vn.childaid.matching.scenario;

import static vn.childaid.matching.scenario.Checks.requireText;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.extensions.Extensions;
import vn.childaid.matching.rules.OfferTerms;

/**
 * What a donor puts forward: cash ({@code amount} VND for any eligible need) or goods in kind
 * ({@code quantity} units of exactly one {@code category}, each worth {@code unitValue} VND for
 * reporting). The eligibility fields are hard rules; {@link #preferences} are soft.
 *
 * <p>Make one with {@link #cash}, {@link #inKind}, {@link #builder} or {@link #toBuilder}, and
 * narrow it with the {@code with…} methods: those are the API, so that the class can gain fields
 * without breaking callers. Eligibility left unset is open: every category, area and age band, no
 * minimum grant, no limit on needs, no preferences.
 */
public final class Offer implements OfferTerms {
    private final String id;
    private final String donor;
    private final OfferKind kind;
    private final long amount;
    private final Optional<Category> category;
    private final int quantity;
    private final long unitValue;
    private final Set<Category> categories;
    private final Set<String> areas;
    private final Set<AgeBand> ageBands;
    private final boolean especiallyDifficultOnly;
    private final long minGrant;
    private final int maxNeeds;
    private final Preferences preferences;
    private final Extensions extensions;

    private Offer(Builder builder) {
        this.id = requireText(builder.id, "id");
        this.donor = requireText(builder.donor, "donor");
        this.kind = Objects.requireNonNull(builder.kind, "kind");
        this.amount = builder.amount;
        this.category = Objects.requireNonNull(builder.category, "category");
        this.quantity = builder.quantity;
        this.unitValue = builder.unitValue;
        this.categories = Set.copyOf(Objects.requireNonNull(builder.categories, "categories"));
        this.areas = Set.copyOf(Objects.requireNonNull(builder.areas, "areas"));
        this.ageBands = Set.copyOf(Objects.requireNonNull(builder.ageBands, "ageBands"));
        this.especiallyDifficultOnly = builder.especiallyDifficultOnly;
        this.minGrant = builder.minGrant;
        this.maxNeeds = builder.maxNeeds;
        this.preferences = Objects.requireNonNull(builder.preferences, "preferences");
        this.extensions = Objects.requireNonNull(builder.extensions, "extensions");
    }

    /** A builder of an offer open to every need; give it a donor and a kind, then what it gives. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A cash offer open to every need; narrow it with the {@code with…} methods. */
    public static Offer cash(String id, String donor, long amount) {
        return builder(id).donor(donor).kind(OfferKind.CASH).amount(amount).build();
    }

    /** An in-kind offer of {@code quantity} units of one category. */
    public static Offer inKind(String id, String donor, Category category, int quantity, long unitValue) {
        return builder(id).donor(donor).kind(OfferKind.IN_KIND).category(category).quantity(quantity)
                .unitValue(unitValue).build();
    }

    /** A builder holding every field of this offer, to derive a variant. */
    public Builder toBuilder() {
        Builder builder = builder(id).donor(donor).kind(kind).amount(amount).quantity(quantity).unitValue(unitValue)
                .categories(categories).areas(areas).ageBands(ageBands).especiallyDifficultOnly(especiallyDifficultOnly)
                .minGrant(minGrant).maxNeeds(maxNeeds).preferences(preferences).extensions(extensions);
        builder.category = category;
        return builder;
    }

    public Offer withCategories(Set<Category> eligible) {
        return toBuilder().categories(eligible).build();
    }

    public Offer withAreas(Set<String> eligible) {
        return toBuilder().areas(eligible).build();
    }

    public Offer withAgeBands(Set<AgeBand> eligible) {
        return toBuilder().ageBands(eligible).build();
    }

    public Offer withEspeciallyDifficultOnly(boolean only) {
        return toBuilder().especiallyDifficultOnly(only).build();
    }

    public Offer withMinGrant(long vnd) {
        return toBuilder().minGrant(vnd).build();
    }

    public Offer withMaxNeeds(int count) {
        return toBuilder().maxNeeds(count).build();
    }

    public Offer withPreferences(Preferences wishes) {
        return toBuilder().preferences(wishes).build();
    }

    @Override
    public String id() {
        return id;
    }

    /** The id of the donor who gives. */
    @Override
    public String donor() {
        return donor;
    }

    public OfferKind kind() {
        return kind;
    }

    /** VND given, for a cash offer; 0 in kind. */
    public long amount() {
        return amount;
    }

    /** The one category of goods an in-kind offer gives; empty for cash. */
    public Optional<Category> category() {
        return category;
    }

    /** Units of goods given, for an in-kind offer; 0 for cash. */
    public int quantity() {
        return quantity;
    }

    /** VND one unit of goods is worth, for reporting; 0 for cash. */
    @Override
    public long unitValue() {
        return unitValue;
    }

    /** Eligible categories; empty means all. */
    public Set<Category> categories() {
        return categories;
    }

    /** District, commune or village codes a need must lie in; empty means everywhere. */
    public Set<String> areas() {
        return areas;
    }

    /** Eligible age bands; empty means all. */
    public Set<AgeBand> ageBands() {
        return ageBands;
    }

    /** Only needs in especially difficult villages are eligible. */
    public boolean especiallyDifficultOnly() {
        return especiallyDifficultOnly;
    }

    /** Least VND per allocation line unless the need ends fully funded; 0 means none. */
    @Override
    public long minGrant() {
        return minGrant;
    }

    /** Most distinct needs this offer may fund; 0 means unlimited. */
    @Override
    public int maxNeeds() {
        return maxNeeds;
    }

    /** The donor's soft wishes. */
    public Preferences preferences() {
        return preferences;
    }

    /** Caller data kept but never read by the engine. */
    public Extensions extensions() {
        return extensions;
    }

    @Override
    public boolean isCash() {
        return kind == OfferKind.CASH;
    }

    /**
     * VND one unit of {@code need} costs donors (after entitlements) against this offer's capacity (cash), or is worth for
     * reporting (in kind).
     */
    public long unitAmount(Need need) {
        return isCash() ? need.donorUnitCost() : unitValue;
    }

    /** What the offer can give: its amount in VND for cash, its quantity in units for goods. */
    @Override
    public long capacity() {
        return isCash() ? amount : quantity;
    }

    /** Total VND this offer is worth: its amount, or quantity × unit value for goods. */
    public long totalValue() {
        return isCash() ? amount : quantity * unitValue;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Offer that
                && id.equals(that.id) && donor.equals(that.donor) && kind == that.kind && amount == that.amount
                && category.equals(that.category) && quantity == that.quantity && unitValue == that.unitValue
                && categories.equals(that.categories) && areas.equals(that.areas) && ageBands.equals(that.ageBands)
                && especiallyDifficultOnly == that.especiallyDifficultOnly && minGrant == that.minGrant
                && maxNeeds == that.maxNeeds && preferences.equals(that.preferences)
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, donor, kind, amount, category, quantity, unitValue, categories, areas, ageBands,
                especiallyDifficultOnly, minGrant, maxNeeds, preferences, extensions);
    }

    @Override
    public String toString() {
        return "Offer[id=" + id + ", donor=" + donor + ", kind=" + kind + ", amount=" + amount + ", category="
                + category + ", quantity=" + quantity + ", unitValue=" + unitValue + ", categories=" + categories
                + ", areas=" + areas + ", ageBands=" + ageBands + ", especiallyDifficultOnly="
                + especiallyDifficultOnly + ", minGrant=" + minGrant + ", maxNeeds=" + maxNeeds + ", preferences="
                + preferences + ", extensions=" + extensions + "]";
    }

    /**
     * Collects an offer's fields; {@link #build()} checks that the required ones (donor, kind) are
     * there. Value rules are checked by the scenario.
     */
    public static final class Builder {
        private final String id;
        private String donor;
        private OfferKind kind;
        private long amount;
        private Optional<Category> category = Optional.empty();
        private int quantity;
        private long unitValue;
        private Set<Category> categories = Set.of();
        private Set<String> areas = Set.of();
        private Set<AgeBand> ageBands = Set.of();
        private boolean especiallyDifficultOnly;
        private long minGrant;
        private int maxNeeds;
        private Preferences preferences = Preferences.NONE;
        private Extensions extensions = Extensions.NONE;

        private Builder(String id) {
            this.id = id;
        }

        public Builder donor(String id) { this.donor = id; return this; }
        public Builder kind(OfferKind value) { this.kind = value; return this; }
        public Builder amount(long vnd) { this.amount = vnd; return this; }
        /** The category of goods an in-kind offer gives. */
        public Builder category(Category value) { this.category = Optional.of(value); return this; }
        public Builder quantity(int units) { this.quantity = units; return this; }
        public Builder unitValue(long vnd) { this.unitValue = vnd; return this; }
        public Builder categories(Set<Category> eligible) { this.categories = eligible; return this; }
        public Builder areas(Set<String> eligible) { this.areas = eligible; return this; }
        public Builder ageBands(Set<AgeBand> eligible) { this.ageBands = eligible; return this; }
        public Builder especiallyDifficultOnly(boolean only) { this.especiallyDifficultOnly = only; return this; }
        public Builder minGrant(long vnd) { this.minGrant = vnd; return this; }
        public Builder maxNeeds(int count) { this.maxNeeds = count; return this; }
        public Builder preferences(Preferences wishes) { this.preferences = wishes; return this; }
        public Builder extensions(Extensions value) { this.extensions = value; return this; }

        public Offer build() {
            return new Offer(this);
        }
    }
}
