package vn.childaid.matching.scenario;

import vn.childaid.matching.classification.Category;
import java.util.Map;
import java.util.Objects;

/**
 * A donor's soft wishes for an offer: weights (≥ 0) for categories and for area codes (district,
 * commune or village). The solver rewards weight × VND allocated, below every priority level.
 */
public record Preferences(Map<Category, Double> categories, Map<String, Double> areas) {
    public static final Preferences NONE = new Preferences(Map.of(), Map.of());

    public Preferences {
        categories = Map.copyOf(Objects.requireNonNull(categories, "categories"));
        areas = Map.copyOf(Objects.requireNonNull(areas, "areas"));
    }

    public boolean isEmpty() {
        return categories.isEmpty() && areas.isEmpty();
    }
}
