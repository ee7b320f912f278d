package vn.childaid.matching.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.extensions.Extensions;

/**
 * A state programme that already pays for part of some needs (e.g. the lunch support of Decree
 * 105/2020): the needs of its {@code category} and {@code ageBands} in its places. It either
 * covers a share of each such need's units outright ({@code coveredShare}) or pays
 * {@code amountPerUnit} VND toward each unit, lowering what donors must pay. The scenario keeps the
 * rule as given and applies it to its needs when it is built ({@link Need#openUnits()},
 * {@link Need#donorUnitCost()}); value rules (exactly one of the two, a share in [0, 1], known area
 * codes) are checked by {@link Scenario}.
 *
 * <p>Places: a need is in them when it lies within one of {@code areas} (any level; none means
 * everywhere) and, when {@code especiallyDifficult} or {@code regions} are given, sits in an
 * especially difficult village or in a commune of one of the regions (either is enough, as the
 * decree names both "especially difficult villages and region-III communes").
 */
public final class Entitlement {
    private final String name;
    private final Category category;
    private final Set<AgeBand> ageBands;
    private final Set<String> areas;
    private final boolean especiallyDifficult;
    private final Set<Region> regions;
    private final Extensions placesExtensions;
    private final OptionalDouble coveredShare;
    private final OptionalLong amountPerUnit;
    private final Extensions extensions;

    private Entitlement(Builder builder) {
        this.name = Checks.requireText(builder.name, "name");
        this.category = Objects.requireNonNull(builder.category, "category");
        this.ageBands = Set.copyOf(builder.ageBands);
        this.areas = Set.copyOf(builder.areas);
        this.especiallyDifficult = builder.especiallyDifficult;
        this.regions = Set.copyOf(builder.regions);
        this.placesExtensions = Objects.requireNonNull(builder.placesExtensions, "placesExtensions");
        this.coveredShare = builder.coveredShare;
        this.amountPerUnit = builder.amountPerUnit;
        this.extensions = Objects.requireNonNull(builder.extensions, "extensions");
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        return builder(name).category(category).ageBands(ageBands).areas(areas).especiallyDifficult(especiallyDifficult)
                .regions(regions).placesExtensions(placesExtensions).coveredShare(coveredShare)
                .amountPerUnit(amountPerUnit).extensions(extensions);
    }

    /** Names the programme in the plan's {@code coveredBy}; unique in a scenario. */
    public String name() { return name; }
    public Category category() { return category; }
    /** The age bands it covers; empty or holding {@code ALL} means every band. */
    public Set<AgeBand> ageBands() { return ageBands; }
    /** Area codes (village, commune or district) it is limited to; empty means everywhere. */
    public Set<String> areas() { return areas; }
    /** True when it covers needs in especially difficult villages (see the class comment for regions). */
    public boolean especiallyDifficult() { return especiallyDifficult; }
    /** Regions of the communes it covers (see the class comment for especially difficult villages). */
    public Set<Region> regions() { return regions; }
    /** The {@code places} object's own extensions. */
    public Extensions placesExtensions() { return placesExtensions; }
    /** The share of a need's units covered outright, in [0, 1]; empty for an amount per unit. */
    public OptionalDouble coveredShare() { return coveredShare; }
    /** VND paid toward each unit; empty for a covered share. */
    public OptionalLong amountPerUnit() { return amountPerUnit; }
    /** Caller data kept but never read by the engine. */
    public Extensions extensions() { return extensions; }

    /** Whether the programme pays for (part of) this need, which sits in {@code place}. */
    public boolean appliesTo(Need need, Place place) {
        if (need.category() != category) {
            return false;
        }
        if (!ageBands.isEmpty() && !ageBands.contains(AgeBand.ALL) && !ageBands.contains(need.ageBand())) {
            return false;
        }
        if (!areas.isEmpty() && areas.stream().noneMatch(place::isWithin)) {
            return false;
        }
        if (!especiallyDifficult && regions.isEmpty()) {
            return true;
        }
        return especiallyDifficult && place.especiallyDifficult() || regions.contains(place.region());
    }

    /**
     * Units of a need of {@code quantity} units that a covered share pays for: rounded down, so
     * the programme is never credited with a child it does not cover (0 for an amount per unit).
     * Exact in decimal: a share of 0.29 of 100 units is 29, not 28.
     */
    public int coveredUnits(int quantity) {
        if (coveredShare.isEmpty() || quantity <= 0) {
            return 0;
        }
        BigDecimal units = BigDecimal.valueOf(coveredShare.getAsDouble()).multiply(BigDecimal.valueOf(quantity))
                .setScale(0, RoundingMode.FLOOR);
        return Math.max(0, Math.min(quantity, units.intValue()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Entitlement that
                && name.equals(that.name) && category == that.category && ageBands.equals(that.ageBands)
                && areas.equals(that.areas) && especiallyDifficult == that.especiallyDifficult
                && regions.equals(that.regions) && placesExtensions.equals(that.placesExtensions)
                && coveredShare.equals(that.coveredShare) && amountPerUnit.equals(that.amountPerUnit)
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, category, ageBands, areas, especiallyDifficult, regions, placesExtensions,
                coveredShare, amountPerUnit, extensions);
    }

    @Override
    public String toString() {
        return "Entitlement[name=" + name + ", category=" + category + ", ageBands=" + ageBands + ", areas=" + areas
                + ", especiallyDifficult=" + especiallyDifficult + ", regions=" + regions + ", coveredShare="
                + coveredShare + ", amountPerUnit=" + amountPerUnit + "]";
    }

    /** Collects an entitlement's fields; nothing is set but the name until told. */
    public static final class Builder {
        private final String name;
        private Category category;
        private Set<AgeBand> ageBands = Set.of();
        private Set<String> areas = Set.of();
        private boolean especiallyDifficult;
        private Set<Region> regions = Set.of();
        private Extensions placesExtensions = Extensions.NONE;
        private OptionalDouble coveredShare = OptionalDouble.empty();
        private OptionalLong amountPerUnit = OptionalLong.empty();
        private Extensions extensions = Extensions.NONE;

        private Builder(String name) {
            this.name = name;
        }

        public Builder category(Category value) { this.category = value; return this; }
        public Builder ageBands(Set<AgeBand> values) { this.ageBands = values; return this; }
        public Builder areas(Set<String> codes) { this.areas = codes; return this; }
        public Builder especiallyDifficult(boolean value) { this.especiallyDifficult = value; return this; }
        public Builder regions(Set<Region> values) { this.regions = values; return this; }
        public Builder placesExtensions(Extensions value) { this.placesExtensions = value; return this; }
        public Builder coveredShare(double share) { this.coveredShare = OptionalDouble.of(share); return this; }
        public Builder coveredShare(OptionalDouble share) { this.coveredShare = share; return this; }
        public Builder amountPerUnit(long vnd) { this.amountPerUnit = OptionalLong.of(vnd); return this; }
        public Builder amountPerUnit(OptionalLong vnd) { this.amountPerUnit = vnd; return this; }
        public Builder extensions(Extensions value) { this.extensions = value; return this; }

        public Entitlement build() {
            return new Entitlement(this);
        }
    }
}
