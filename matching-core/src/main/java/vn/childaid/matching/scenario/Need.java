package vn.childaid.matching.scenario;

import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Urgency;
import static vn.childaid.matching.scenario.Checks.requireText;

import java.util.Objects;
import java.util.Optional;
import vn.childaid.matching.rules.NeedTerms;

/**
 * An assessed need of children in one place: a village, or a commune (e.g. a playground at the
 * commune centre). Value rules (counts ≥ 1, {@code alreadyCovered ≤ quantity}, exactly one place)
 * are checked by {@link Scenario}, which reports every problem at once.
 *
 * @param alreadyCovered units funded by other programmes (e.g. state lunch entitlements): only
 *     {@code quantity − alreadyCovered} is open to donors
 * @param divisible false when the need is funded all-or-nothing
 */
public record Need(
        String id,
        Optional<String> village,
        Optional<String> commune,
        Category category,
        AgeBand ageBand,
        int children,
        int quantity,
        long unitCost,
        Urgency urgency,
        boolean divisible,
        int alreadyCovered,
        Optional<String> reportedBy) implements NeedTerms {

    public Need {
        requireText(id, "id");
        Objects.requireNonNull(village, "village");
        Objects.requireNonNull(commune, "commune");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(ageBand, "ageBand");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(reportedBy, "reportedBy");
    }

    /** Units still open to donors. */
    @Override
    public int openUnits() {
        return quantity - alreadyCovered;
    }

    /** The village or commune code the need sits in. */
    public String areaCode() {
        return village.orElseGet(() -> commune.orElseThrow());
    }

    /** A village need with the defaults of the contract; a convenient start for tests and examples. */
    public static Need inVillage(String id, String village, Category category, AgeBand ageBand,
            int children, int quantity, long unitCost, Urgency urgency) {
        return new Need(id, Optional.of(village), Optional.empty(), category, ageBand, children, quantity,
                unitCost, urgency, category.divisibleByDefault(), 0, Optional.empty());
    }

    public Need withAlreadyCovered(int units) {
        return new Need(id, village, commune, category, ageBand, children, quantity, unitCost, urgency,
                divisible, units, reportedBy);
    }
}
