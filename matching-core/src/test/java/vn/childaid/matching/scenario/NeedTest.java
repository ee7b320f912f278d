package vn.childaid.matching.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.extensions.Extensions;

class NeedTest {
    private static final Need FULL = Need.builder("N-1").village("24457-07").category(Category.NUTRITION)
            .ageBand(AgeBand.PRESCHOOL).children(42).quantity(40).unitCost(1_800_000).urgency(Urgency.CRITICAL)
            .divisible(false).alreadyCovered(5).reportedBy("DOET").extensions(Extensions.ofJson("{\"crm\":1}"))
            .build();

    private static Need.Builder minimal(Category category) {
        return Need.builder("N-1").village("V").category(category).children(1).quantity(1);
    }

    @Test
    void theBuilderStartsFromTheContractsDefaults() {
        Need need = minimal(Category.NUTRITION).build();
        assertEquals(AgeBand.ALL, need.ageBand());
        assertEquals(Urgency.NORMAL, need.urgency());
        assertTrue(need.divisible());
        assertEquals(0, need.alreadyCovered());
        assertEquals(Optional.empty(), need.reportedBy());
        assertEquals(Optional.empty(), need.commune());
        assertEquals(Extensions.NONE, need.extensions());
    }

    @Test
    void divisibleFollowsTheCategoryUnlessGiven() {
        assertFalse(minimal(Category.CHARITY_HOUSE).build().divisible());
        assertFalse(minimal(Category.PLAYGROUND).build().divisible());
        assertTrue(minimal(Category.CHARITY_HOUSE).divisible(true).build().divisible());
        assertFalse(minimal(Category.NUTRITION).divisible(false).build().divisible());
    }

    @Test
    void inVillageIsTheBuilderWithItsFields() {
        assertEquals(minimal(Category.CLOTHING).ageBand(AgeBand.PRIMARY).unitCost(300_000).urgency(Urgency.HIGH)
                        .build(),
                Need.inVillage("N-1", "V", Category.CLOTHING, AgeBand.PRIMARY, 1, 1, 300_000, Urgency.HIGH));
    }

    @Test
    void toBuilderAndWithAlreadyCoveredKeepEveryOtherField() {
        assertEquals(FULL, FULL.toBuilder().build());
        Need covered = FULL.withAlreadyCovered(7);
        assertEquals(7, covered.alreadyCovered());
        assertEquals(FULL, covered.toBuilder().alreadyCovered(5).build());
    }

    @Test
    void equalityLooksAtEveryField() {
        List<Need> variants = List.of(
                Need.builder("N-2").village("24457-07").category(Category.NUTRITION).ageBand(AgeBand.PRESCHOOL)
                        .children(42).quantity(40).unitCost(1_800_000).urgency(Urgency.CRITICAL).divisible(false)
                        .alreadyCovered(5).reportedBy("DOET").extensions(Extensions.ofJson("{\"crm\":1}")).build(),
                FULL.toBuilder().village("24457-08").build(),
                FULL.toBuilder().commune("24457").build(),
                FULL.toBuilder().category(Category.HEALTHCARE).build(),
                FULL.toBuilder().ageBand(AgeBand.PRIMARY).build(),
                FULL.toBuilder().children(41).build(),
                FULL.toBuilder().quantity(41).build(),
                FULL.toBuilder().unitCost(1).build(),
                FULL.toBuilder().urgency(Urgency.HIGH).build(),
                FULL.toBuilder().divisible(true).build(),
                FULL.toBuilder().alreadyCovered(4).build(),
                FULL.toBuilder().reportedBy("DOLISA").build(),
                FULL.toBuilder().extensions(Extensions.NONE).build());
        for (Need variant : variants) {
            assertNotEquals(FULL, variant, variant::toString);
        }
        assertEquals(FULL.hashCode(), FULL.toBuilder().build().hashCode());
    }

    @Test
    void aMissingCategoryIsNamed() {
        NullPointerException error = assertThrows(NullPointerException.class,
                () -> Need.builder("N-1").village("V").children(1).quantity(1).build());
        assertEquals("category", error.getMessage());
    }
}
