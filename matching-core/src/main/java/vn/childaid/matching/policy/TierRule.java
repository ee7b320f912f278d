package vn.childaid.matching.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.extensions.Extensions;

/**
 * One priority group. A need matches when every condition given holds; an omitted condition
 * (empty) matches anything.
 *
 * <p>Make one with {@link #named} and its narrowing methods, or {@link #builder}: those are the
 * API, so that the class can gain fields without breaking callers.
 */
public final class TierRule {
    private final String name;
    private final Optional<Boolean> especiallyDifficult;
    private final Set<Region> regions;
    private final Set<Urgency> urgencies;
    private final Extensions extensions;

    private TierRule(Builder builder) {
        this.name = Objects.requireNonNull(builder.name, "name");
        this.especiallyDifficult = Objects.requireNonNull(builder.especiallyDifficult, "especiallyDifficult");
        this.regions = Set.copyOf(Objects.requireNonNull(builder.regions, "regions"));
        this.urgencies = Set.copyOf(Objects.requireNonNull(builder.urgencies, "urgencies"));
        this.extensions = Objects.requireNonNull(builder.extensions, "extensions");
    }

    /** A rule that matches every need; narrow it with the methods below. */
    public static TierRule named(String name) {
        return builder(name).build();
    }

    /** A builder of a rule with no conditions yet. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding this rule's fields, to derive a variant. */
    public Builder toBuilder() {
        Builder builder = builder(name).regions(regions).urgencies(urgencies).extensions(extensions);
        builder.especiallyDifficult = especiallyDifficult;
        return builder;
    }

    public TierRule especiallyDifficult(boolean required) {
        return toBuilder().especiallyDifficult(required).build();
    }

    public TierRule inRegions(Region... allowed) {
        return toBuilder().regions(Set.of(allowed)).build();
    }

    public TierRule withUrgency(Urgency... allowed) {
        return toBuilder().urgencies(Set.of(allowed)).build();
    }

    public String name() {
        return name;
    }

    /** Whether the need must (or must not) be in an especially difficult village; empty: either. */
    public Optional<Boolean> especiallyDifficult() {
        return especiallyDifficult;
    }

    /** The commune's region must be one of these; empty: any. */
    public Set<Region> regions() {
        return regions;
    }

    /** The need's urgency must be one of these; empty: any. */
    public Set<Urgency> urgencies() {
        return urgencies;
    }

    /** Caller data kept but never read by the engine. */
    public Extensions extensions() {
        return extensions;
    }

    public boolean matches(boolean needInEspeciallyDifficultVillage, Region region, Urgency urgency) {
        return especiallyDifficult.map(required -> required == needInEspeciallyDifficultVillage).orElse(true)
                && (regions.isEmpty() || regions.contains(region))
                && (urgencies.isEmpty() || urgencies.contains(urgency));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TierRule that
                && name.equals(that.name) && especiallyDifficult.equals(that.especiallyDifficult)
                && regions.equals(that.regions) && urgencies.equals(that.urgencies)
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, especiallyDifficult, regions, urgencies, extensions);
    }

    @Override
    public String toString() {
        return "TierRule[name=" + name + ", especiallyDifficult=" + especiallyDifficult + ", regions=" + regions
                + ", urgencies=" + urgencies + ", extensions=" + extensions + "]";
    }

    /** Collects a rule's conditions; any left unset matches every need. */
    public static final class Builder {
        private final String name;
        private Optional<Boolean> especiallyDifficult = Optional.empty();
        private Set<Region> regions = Set.of();
        private Set<Urgency> urgencies = Set.of();
        private Extensions extensions = Extensions.NONE;

        private Builder(String name) {
            this.name = name;
        }

        public Builder especiallyDifficult(boolean required) { this.especiallyDifficult = Optional.of(required); return this; }
        public Builder regions(Set<Region> allowed) { this.regions = allowed; return this; }
        public Builder urgencies(Set<Urgency> allowed) { this.urgencies = allowed; return this; }
        public Builder extensions(Extensions value) { this.extensions = value; return this; }

        public TierRule build() {
            return new TierRule(this);
        }
    }
}
