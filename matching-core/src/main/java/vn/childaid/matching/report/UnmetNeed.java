package vn.childaid.matching.report;

import java.util.Objects;
import java.util.Optional;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;

/**
 * One need the plan does not fund fully: what is missing, in units, children and VND (as in
 * {@link Unmet}).
 *
 * @param need the need's id
 * @param tier the name of the need's tier
 * @param village the need's village; empty for a need at commune level
 */
public record UnmetNeed(String need, String tier, Category category, Urgency urgency, Optional<AreaRef> district,
        AreaRef commune, Optional<AreaRef> village, boolean especiallyDifficult, long units, double children,
        long vnd) {
    public UnmetNeed {
        Objects.requireNonNull(need, "need");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(commune, "commune");
        Objects.requireNonNull(village, "village");
    }
}
