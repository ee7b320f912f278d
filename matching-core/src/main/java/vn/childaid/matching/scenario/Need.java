package vn.childaid.matching.scenario;

import static vn.childaid.matching.scenario.Checks.requireText;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.extensions.Extensions;
import vn.childaid.matching.rules.NeedTerms;

/**
 * An assessed need of children in one place: a village, or a commune (e.g. a playground at the
 * commune centre). Value rules (counts ≥ 1, {@code alreadyCovered ≤ quantity}, exactly one place)
 * are checked by {@link Scenario}, which reports every problem at once.
 *
 * <p>Make one with {@link #builder}, {@link #inVillage} or {@link #toBuilder}: those are the API, so
 * that the class can gain fields without breaking callers. The builder starts from the contract's
 * defaults: age band {@code ALL}, urgency {@code NORMAL}, divisible as the category is by default,
 * nothing already covered.
 */
public final class Need implements NeedTerms {
    private final String id;
    private final Optional<String> village;
    private final Optional<String> commune;
    private final Category category;
    private final AgeBand ageBand;
    private final int children;
    private final int quantity;
    private final long unitCost;
    private final Urgency urgency;
    private final boolean divisible;
    private final int alreadyCovered;
    private final Optional<String> reportedBy;
    private final Extensions extensions;
    /** What the scenario's entitlements pay for this need; set by the scenario, never by the builder. */
    private final List<EntitlementCover> coveredBy;

    private Need(Builder builder) {
        this(builder, List.of());
    }

    private Need(Builder builder, List<EntitlementCover> coveredBy) {
        this.id = requireText(builder.id, "id");
        this.village = Objects.requireNonNull(builder.village, "village");
        this.commune = Objects.requireNonNull(builder.commune, "commune");
        this.category = Objects.requireNonNull(builder.category, "category");
        this.ageBand = Objects.requireNonNull(builder.ageBand, "ageBand");
        this.children = builder.children;
        this.quantity = builder.quantity;
        this.unitCost = builder.unitCost;
        this.urgency = Objects.requireNonNull(builder.urgency, "urgency");
        this.divisible = builder.divisible != null ? builder.divisible : category.divisibleByDefault();
        this.alreadyCovered = builder.alreadyCovered;
        this.reportedBy = Objects.requireNonNull(builder.reportedBy, "reportedBy");
        this.extensions = Objects.requireNonNull(builder.extensions, "extensions");
        this.coveredBy = List.copyOf(coveredBy);
    }

    /** A builder with the contract's defaults; give it a place, category, counts and unit cost. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A village need with the defaults of the contract; a convenient start for tests and examples. */
    public static Need inVillage(String id, String village, Category category, AgeBand ageBand,
            int children, int quantity, long unitCost, Urgency urgency) {
        return builder(id).village(village).category(category).ageBand(ageBand).children(children)
                .quantity(quantity).unitCost(unitCost).urgency(urgency).build();
    }

    /**
     * A builder holding every field of this need, {@code divisible} included, to derive a variant;
     * not what entitlements pay, which the scenario the variant goes into works out again.
     */
    public Builder toBuilder() {
        Builder builder = builder(id).category(category).ageBand(ageBand).children(children).quantity(quantity)
                .unitCost(unitCost).urgency(urgency).divisible(divisible).alreadyCovered(alreadyCovered)
                .extensions(extensions);
        builder.village = village;
        builder.commune = commune;
        builder.reportedBy = reportedBy;
        return builder;
    }

    public Need withAlreadyCovered(int units) {
        return toBuilder().alreadyCovered(units).build();
    }

    @Override
    public String id() {
        return id;
    }

    /** The village code, for a village need; empty for a commune-level need. */
    public Optional<String> village() {
        return village;
    }

    /** The commune code, for a commune-level need; empty for a village need. */
    public Optional<String> commune() {
        return commune;
    }

    public Category category() {
        return category;
    }

    public AgeBand ageBand() {
        return ageBand;
    }

    /** Children the whole need serves. */
    public int children() {
        return children;
    }

    /** Units the whole need asks for. */
    public int quantity() {
        return quantity;
    }

    /** VND per unit, as given; donors pay {@link #donorUnitCost()}. */
    public long unitCost() {
        return unitCost;
    }

    /**
     * VND per unit that donors' cash pays: {@code unitCost} less what the scenario's entitlements
     * pay toward each unit, never below 0. Equal to {@code unitCost} outside a scenario.
     */
    @Override
    public long donorUnitCost() {
        return unitCost - coveredBy.stream().mapToLong(EntitlementCover::amountPerUnit).sum();
    }

    public Urgency urgency() {
        return urgency;
    }

    /** False when the need is funded all-or-nothing. */
    @Override
    public boolean divisible() {
        return divisible;
    }

    /**
     * Units funded by other programmes, as set by hand; the scenario's entitlements may cover more
     * ({@link #effectiveAlreadyCovered()}).
     */
    public int alreadyCovered() {
        return alreadyCovered;
    }

    /**
     * Units covered before donors: the larger of the hand-set {@code alreadyCovered} and the units
     * of the largest covered share among the scenario's entitlements (the same children are not
     * covered twice, so they do not add up).
     */
    public int effectiveAlreadyCovered() {
        return Math.max(alreadyCovered, coveredBy.stream().mapToInt(EntitlementCover::units).max().orElse(0));
    }

    /** What each of the scenario's entitlements that apply pays for this need, in scenario order. */
    public List<EntitlementCover> coveredBy() {
        return coveredBy;
    }

    /** This need with what entitlements pay for it; only the scenario works that out. */
    Need withCoverage(List<EntitlementCover> covers) {
        return covers.equals(coveredBy) ? this : new Need(toBuilder(), covers);
    }

    /** Who assessed the need (e.g. DOET, DOLISA), if known. */
    public Optional<String> reportedBy() {
        return reportedBy;
    }

    /** Caller data kept but never read by the engine. */
    public Extensions extensions() {
        return extensions;
    }

    /** Units still open to donors: quantity − {@link #effectiveAlreadyCovered()}. */
    @Override
    public int openUnits() {
        return quantity - effectiveAlreadyCovered();
    }

    /** The village or commune code the need sits in. */
    public String areaCode() {
        return village.orElseGet(() -> commune.orElseThrow());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Need that
                && id.equals(that.id) && village.equals(that.village) && commune.equals(that.commune)
                && category == that.category && ageBand == that.ageBand && children == that.children
                && quantity == that.quantity && unitCost == that.unitCost && urgency == that.urgency
                && divisible == that.divisible && alreadyCovered == that.alreadyCovered
                && reportedBy.equals(that.reportedBy) && extensions.equals(that.extensions)
                && coveredBy.equals(that.coveredBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, village, commune, category, ageBand, children, quantity, unitCost, urgency, divisible,
                alreadyCovered, reportedBy, extensions, coveredBy);
    }

    @Override
    public String toString() {
        return "Need[id=" + id + ", village=" + village + ", commune=" + commune + ", category=" + category
                + ", ageBand=" + ageBand + ", children=" + children + ", quantity=" + quantity + ", unitCost="
                + unitCost + ", urgency=" + urgency + ", divisible=" + divisible + ", alreadyCovered="
                + alreadyCovered + ", reportedBy=" + reportedBy + ", extensions=" + extensions
                + (coveredBy.isEmpty() ? "" : ", coveredBy=" + coveredBy) + "]";
    }

    /**
     * Collects a need's fields; {@link #build()} checks that the required ones are there. Counts
     * left unset are 0, which the scenario reports; {@code divisible} left unset follows the category.
     */
    public static final class Builder {
        private final String id;
        private Optional<String> village = Optional.empty();
        private Optional<String> commune = Optional.empty();
        private Category category;
        private AgeBand ageBand = AgeBand.ALL;
        private int children;
        private int quantity;
        private long unitCost;
        private Urgency urgency = Urgency.NORMAL;
        /** Null until set: then the category's default. */
        private Boolean divisible;
        private int alreadyCovered;
        private Optional<String> reportedBy = Optional.empty();
        private Extensions extensions = Extensions.NONE;

        private Builder(String id) {
            this.id = id;
        }

        /** The need sits in this village. */
        public Builder village(String code) { this.village = Optional.of(code); return this; }
        /** The need sits at this commune's level, in no village. */
        public Builder commune(String code) { this.commune = Optional.of(code); return this; }
        public Builder category(Category value) { this.category = value; return this; }
        public Builder ageBand(AgeBand value) { this.ageBand = value; return this; }
        public Builder children(int value) { this.children = value; return this; }
        public Builder quantity(int value) { this.quantity = value; return this; }
        public Builder unitCost(long vnd) { this.unitCost = vnd; return this; }
        public Builder urgency(Urgency value) { this.urgency = value; return this; }
        public Builder divisible(boolean value) { this.divisible = value; return this; }
        public Builder alreadyCovered(int units) { this.alreadyCovered = units; return this; }
        public Builder reportedBy(String value) { this.reportedBy = Optional.of(value); return this; }
        public Builder extensions(Extensions value) { this.extensions = value; return this; }

        public Need build() {
            return new Need(this);
        }
    }
}
