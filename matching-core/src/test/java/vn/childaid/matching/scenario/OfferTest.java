package vn.childaid.matching.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.extensions.Extensions;

class OfferTest {
    private static final Preferences WISHES = Preferences.builder().categories(Map.of(Category.NUTRITION, 2.0))
            .areas(Map.of("645", 1.0)).extensions(Extensions.ofJson("{\"why\":\"meals\"}")).build();
    private static final Offer FULL = Offer.builder("O-1").donor("D-1").kind(OfferKind.CASH).amount(900_000_000)
            .categories(Set.of(Category.NUTRITION, Category.HEALTHCARE)).areas(Set.of("645"))
            .ageBands(Set.of(AgeBand.PRESCHOOL)).especiallyDifficultOnly(true).minGrant(1_000_000).maxNeeds(4)
            .preferences(WISHES).extensions(Extensions.ofJson("{\"crm\":\"X-17\"}")).build();

    @Test
    void theFactoriesAreTheBuilderWithItsFields() {
        assertEquals(Offer.builder("O-1").donor("D-1").kind(OfferKind.CASH).amount(5).build(),
                Offer.cash("O-1", "D-1", 5));
        assertEquals(Offer.builder("O-2").donor("D-1").kind(OfferKind.IN_KIND).category(Category.CLOTHING)
                        .quantity(30).unitValue(350_000).build(),
                Offer.inKind("O-2", "D-1", Category.CLOTHING, 30, 350_000));
        Offer cash = Offer.cash("O-1", "D-1", 5);
        assertEquals(Set.of(), cash.categories());
        assertEquals(Preferences.NONE, cash.preferences());
        assertEquals(Extensions.NONE, cash.extensions());
    }

    @Test
    void withMethodsChangeOneFieldAndKeepTheRest() {
        assertEquals(FULL, FULL.toBuilder().build());
        assertEquals(FULL, FULL.withCategories(Set.of()).withCategories(FULL.categories()));
        assertEquals(FULL, FULL.withAreas(Set.of()).withAreas(FULL.areas()));
        assertEquals(FULL, FULL.withAgeBands(Set.of()).withAgeBands(FULL.ageBands()));
        assertEquals(FULL, FULL.withEspeciallyDifficultOnly(false).withEspeciallyDifficultOnly(true));
        assertEquals(FULL, FULL.withMinGrant(0).withMinGrant(1_000_000));
        assertEquals(FULL, FULL.withMaxNeeds(0).withMaxNeeds(4));
        assertEquals(FULL, FULL.withPreferences(Preferences.NONE).withPreferences(WISHES));
        assertEquals(7, FULL.withMaxNeeds(7).maxNeeds());
    }

    @Test
    void equalityLooksAtEveryField() {
        List<Offer> variants = List.of(
                Offer.builder("O-2").donor("D-1").kind(OfferKind.CASH).amount(900_000_000)
                        .categories(FULL.categories()).areas(FULL.areas()).ageBands(FULL.ageBands())
                        .especiallyDifficultOnly(true).minGrant(1_000_000).maxNeeds(4).preferences(WISHES)
                        .extensions(FULL.extensions()).build(),
                FULL.toBuilder().donor("D-2").build(),
                FULL.toBuilder().kind(OfferKind.IN_KIND).build(),
                FULL.toBuilder().amount(1).build(),
                FULL.toBuilder().category(Category.NUTRITION).build(),
                FULL.toBuilder().quantity(1).build(),
                FULL.toBuilder().unitValue(1).build(),
                FULL.withCategories(Set.of()),
                FULL.withAreas(Set.of()),
                FULL.withAgeBands(Set.of()),
                FULL.withEspeciallyDifficultOnly(false),
                FULL.withMinGrant(0),
                FULL.withMaxNeeds(0),
                FULL.withPreferences(WISHES.toBuilder().extensions(Extensions.NONE).build()),
                FULL.toBuilder().extensions(Extensions.NONE).build());
        for (Offer variant : variants) {
            assertNotEquals(FULL, variant, variant::toString);
        }
    }

    @Test
    void eligibilitySetsAreImmutableCopies() {
        Set<Category> given = new HashSet<>(EnumSet.of(Category.NUTRITION));
        Offer offer = Offer.cash("O-1", "D-1", 5).withCategories(given);
        given.add(Category.CLOTHING);
        assertEquals(Set.of(Category.NUTRITION), offer.categories());
        assertThrows(UnsupportedOperationException.class, () -> offer.categories().add(Category.CLOTHING));
    }

    @Test
    void anOfferWithoutDonorOrKindIsRejectedNamingTheField() {
        assertEquals("donor", assertThrows(NullPointerException.class,
                () -> Offer.builder("O-1").kind(OfferKind.CASH).build()).getMessage());
        assertEquals("kind", assertThrows(NullPointerException.class,
                () -> Offer.builder("O-1").donor("D-1").build()).getMessage());
    }
}
