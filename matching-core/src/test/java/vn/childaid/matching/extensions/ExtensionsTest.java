package vn.childaid.matching.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExtensionsTest {
    @Test
    void noneHoldsNothing() {
        assertFalse(Extensions.NONE.isPresent());
        assertEquals(Optional.empty(), Extensions.NONE.json());
        assertNotEquals(Extensions.NONE, Extensions.ofJson("{}"), "an empty object is kept, unlike none");
    }

    @Test
    void textIsKeptAsGivenAndComparedAsText() {
        Extensions tagged = Extensions.ofJson("  {\"a\": 1}\n");
        assertTrue(tagged.isPresent());
        assertEquals(Optional.of("{\"a\": 1}"), tagged.json());
        assertEquals(Extensions.ofJson("{\"a\": 1}"), tagged);
        assertEquals(Extensions.ofJson("{\"a\": 1}").hashCode(), tagged.hashCode());
        assertNotEquals(Extensions.ofJson("{\"a\":1}"), tagged);
    }

    @Test
    void onlyAnObjectIsAccepted() {
        assertThrows(IllegalArgumentException.class, () -> Extensions.ofJson("[1]"));
        assertThrows(IllegalArgumentException.class, () -> Extensions.ofJson("\"text\""));
        assertThrows(IllegalArgumentException.class, () -> Extensions.ofJson(""));
        assertThrows(NullPointerException.class, () -> Extensions.ofJson(null));
    }
}
