package vn.childaid.matching.engine;

import java.time.Duration;
import java.util.List;

/**
 * The best plan so far, in brief.
 *
 * @param tierValues T_1, T_2, … (category-weighted children reached, commitments included), the
 *     other tier last
 * @param constructionDone false while the first plan is still being built
 */
public record Progress(Duration elapsed, String bestScore, boolean feasible, List<String> tierNames,
        List<Double> tierValues, boolean constructionDone) {
    public Progress {
        tierNames = List.copyOf(tierNames);
        tierValues = List.copyOf(tierValues);
    }
}
