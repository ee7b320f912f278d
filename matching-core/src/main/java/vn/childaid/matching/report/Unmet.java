package vn.childaid.matching.report;

import java.util.Objects;
import java.util.Optional;
import vn.childaid.matching.classification.Category;

/**
 * Need the plan leaves unfunded in one commune and category: open units not funded, the children
 * they would have reached (children × units / quantity) and what they would cost donors (units ×
 * unit cost after entitlements).
 *
 * @param district the commune's district; empty when it has none
 * @param needs how many needs of the commune and category are not fully funded
 */
public record Unmet(Optional<AreaRef> district, AreaRef commune, Category category, int needs, long units,
        double children, long vnd) {
    public Unmet {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(commune, "commune");
        Objects.requireNonNull(category, "category");
    }
}
