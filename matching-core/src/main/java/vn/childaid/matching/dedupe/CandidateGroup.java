package vn.childaid.matching.dedupe;

import java.util.List;
import java.util.Objects;

/**
 * Records that may describe one thing twice: their ids in scenario order, how sure the finder is
 * (0 to 1), and why, in words a coordinator reads.
 */
public record CandidateGroup(List<String> ids, double confidence, List<String> reasons) {
    public CandidateGroup {
        ids = List.copyOf(ids);
        reasons = List.copyOf(reasons);
        if (ids.size() < 2) {
            throw new IllegalArgumentException("a group has at least two ids, found " + ids);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], found " + confidence);
        }
        Objects.requireNonNull(reasons, "reasons");
    }

    /** At least {@code threshold} sure. */
    public boolean atLeast(double threshold) {
        return confidence >= threshold;
    }
}
