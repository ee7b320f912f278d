package vn.childaid.matching.scenario;

import java.util.Map;
import java.util.Objects;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.extensions.Extensions;

/**
 * A donor's soft wishes for an offer: weights (≥ 0) for categories and for area codes (district,
 * commune or village). The solver rewards weight × VND allocated, below every priority level.
 *
 * <p>Make one with {@link #of}, {@link #builder} or start from {@link #NONE}: those are the API, so
 * that the class can gain fields without breaking callers.
 */
public final class Preferences {
    public static final Preferences NONE = builder().build();

    private final Map<Category, Double> categories;
    private final Map<String, Double> areas;
    private final Extensions extensions;

    private Preferences(Builder builder) {
        this.categories = Map.copyOf(Objects.requireNonNull(builder.categories, "categories"));
        this.areas = Map.copyOf(Objects.requireNonNull(builder.areas, "areas"));
        this.extensions = Objects.requireNonNull(builder.extensions, "extensions");
    }

    public static Preferences of(Map<Category, Double> categories, Map<String, Double> areas) {
        return builder().categories(categories).areas(areas).build();
    }

    /** A builder with no weights. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these preferences, to derive a variant. */
    public Builder toBuilder() {
        return builder().categories(categories).areas(areas).extensions(extensions);
    }

    /** Weight by category; a category not listed weighs 0. */
    public Map<Category, Double> categories() {
        return categories;
    }

    /** Weight by district, commune or village code; an area not listed weighs 0. */
    public Map<String, Double> areas() {
        return areas;
    }

    /** Caller data kept but never read by the engine. */
    public Extensions extensions() {
        return extensions;
    }

    /** True when there are no weights (extensions do not count: the solver never reads them). */
    public boolean isEmpty() {
        return categories.isEmpty() && areas.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preferences that
                && categories.equals(that.categories) && areas.equals(that.areas)
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(categories, areas, extensions);
    }

    @Override
    public String toString() {
        return "Preferences[categories=" + categories + ", areas=" + areas + ", extensions=" + extensions + "]";
    }

    /** Collects weights; {@link #build()} checks them (their ranges are checked by the scenario). */
    public static final class Builder {
        private Map<Category, Double> categories = Map.of();
        private Map<String, Double> areas = Map.of();
        private Extensions extensions = Extensions.NONE;

        private Builder() {}

        public Builder categories(Map<Category, Double> weights) { this.categories = weights; return this; }
        public Builder areas(Map<String, Double> weights) { this.areas = weights; return this; }
        public Builder extensions(Extensions value) { this.extensions = value; return this; }

        public Preferences build() {
            return new Preferences(this);
        }
    }
}
