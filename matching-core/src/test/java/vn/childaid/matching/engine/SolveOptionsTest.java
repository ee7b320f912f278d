package vn.childaid.matching.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The exact phase's default follows the limits; a choice made by the caller wins. */
class SolveOptionsTest {
    @Test
    void aTimeLimitedSolveReoptimisesNeighbourhoodsExactlyByDefault() {
        assertTrue(SolveOptions.defaults().withTimeLimit(Duration.ofSeconds(10)).exactNeighbourhoods());
    }

    @Test
    void aCountLimitedSolveRunsTheLocalSearchAloneUnlessAskedForBoth() {
        SolveOptions counted = SolveOptions.defaults().withScoreCalculationLimit(20_000);
        assertFalse(counted.exactNeighbourhoods());
        assertTrue(counted.withExactNeighbourhoods(true).exactNeighbourhoods());
        assertFalse(SolveOptions.defaults().withExactNeighbourhoods(false).exactNeighbourhoods());
    }

    @Test
    void anExplicitChoiceIsPartOfTheOptionsValue() {
        SolveOptions defaults = SolveOptions.defaults();
        assertNotEquals(defaults, defaults.withExactNeighbourhoods(true));
        assertEquals(defaults.withExactNeighbourhoods(false), SolveOptions.defaults().withExactNeighbourhoods(false));
    }
}
