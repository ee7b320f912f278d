package vn.childaid.matching.scenario;

import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.AgeBand;
import static vn.childaid.matching.scenario.Checks.requireText;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.childaid.matching.rules.OfferTerms;

/**
 * What a donor puts forward: cash ({@code amount} VND for any eligible need) or goods in kind
 * ({@code quantity} units of exactly one {@code category}, each worth {@code unitValue} VND for
 * reporting). The eligibility fields are hard rules; {@link #preferences} are soft.
 *
 * @param categories eligible categories; empty means all
 * @param areas district, commune or village codes a need must lie in; empty means everywhere
 * @param ageBands eligible age bands; empty means all
 * @param minGrant least VND per allocation line unless the need ends fully funded; 0 means none
 * @param maxNeeds most distinct needs this offer may fund; 0 means unlimited
 */
public record Offer(
        String id,
        String donor,
        OfferKind kind,
        long amount,
        Optional<Category> category,
        int quantity,
        long unitValue,
        Set<Category> categories,
        Set<String> areas,
        Set<AgeBand> ageBands,
        boolean especiallyDifficultOnly,
        long minGrant,
        int maxNeeds,
        Preferences preferences) implements OfferTerms {

    public Offer {
        requireText(id, "id");
        requireText(donor, "donor");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        categories = Set.copyOf(Objects.requireNonNull(categories, "categories"));
        areas = Set.copyOf(Objects.requireNonNull(areas, "areas"));
        ageBands = Set.copyOf(Objects.requireNonNull(ageBands, "ageBands"));
        Objects.requireNonNull(preferences, "preferences");
    }

    /** A cash offer open to every need; narrow it with the {@code with…} methods. */
    public static Offer cash(String id, String donor, long amount) {
        return new Offer(id, donor, OfferKind.CASH, amount, Optional.empty(), 0, 0,
                Set.of(), Set.of(), Set.of(), false, 0, 0, Preferences.NONE);
    }

    /** An in-kind offer of {@code quantity} units of one category. */
    public static Offer inKind(String id, String donor, Category category, int quantity, long unitValue) {
        return new Offer(id, donor, OfferKind.IN_KIND, 0, Optional.of(category), quantity, unitValue,
                Set.of(), Set.of(), Set.of(), false, 0, 0, Preferences.NONE);
    }

    public Offer withCategories(Set<Category> eligible) {
        return new Offer(id, donor, kind, amount, category, quantity, unitValue, eligible, areas, ageBands,
                especiallyDifficultOnly, minGrant, maxNeeds, preferences);
    }

    public Offer withAreas(Set<String> eligible) {
        return new Offer(id, donor, kind, amount, category, quantity, unitValue, categories, eligible, ageBands,
                especiallyDifficultOnly, minGrant, maxNeeds, preferences);
    }

    public Offer withAgeBands(Set<AgeBand> eligible) {
        return new Offer(id, donor, kind, amount, category, quantity, unitValue, categories, areas, eligible,
                especiallyDifficultOnly, minGrant, maxNeeds, preferences);
    }

    public Offer withEspeciallyDifficultOnly(boolean only) {
        return new Offer(id, donor, kind, amount, category, quantity, unitValue, categories, areas, ageBands,
                only, minGrant, maxNeeds, preferences);
    }

    public Offer withMinGrant(long vnd) {
        return new Offer(id, donor, kind, amount, category, quantity, unitValue, categories, areas, ageBands,
                especiallyDifficultOnly, vnd, maxNeeds, preferences);
    }

    public Offer withMaxNeeds(int count) {
        return new Offer(id, donor, kind, amount, category, quantity, unitValue, categories, areas, ageBands,
                especiallyDifficultOnly, minGrant, count, preferences);
    }

    public Offer withPreferences(Preferences wishes) {
        return new Offer(id, donor, kind, amount, category, quantity, unitValue, categories, areas, ageBands,
                especiallyDifficultOnly, minGrant, maxNeeds, wishes);
    }

    public boolean isCash() {
        return kind == OfferKind.CASH;
    }

    /**
     * VND one unit of {@code need} costs against this offer's capacity (cash), or is worth for
     * reporting (in kind).
     */
    public long unitAmount(Need need) {
        return isCash() ? need.unitCost() : unitValue;
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
}
