package vn.childaid.matching.solver;

/**
 * A village (or, for commune-level needs, a commune) as the fairness level sees it: how many
 * children its needs serve and how many are already reached by commitments.
 */
final class AreaFact {
    private final String code;
    private final long childrenInNeed;
    private final long committedReachedMilli;

    AreaFact(String code, long childrenInNeed, long committedReachedMilli) {
        this.code = code;
        this.childrenInNeed = Math.max(1, childrenInNeed);
        this.committedReachedMilli = committedReachedMilli;
    }

    String getCode() {
        return code;
    }

    /**
     * The fairness penalty of raising this area's reach by {@code addedMilli}: the growth of
     * reach² / children, a convex cost that is least when every area of a tier has the same share
     * of its children reached.
     */
    long concentrationCost(long addedMilli) {
        long before = committedReachedMilli;
        long after = committedReachedMilli + addedMilli;
        return (after * after - before * before) / (childrenInNeed * 1000);
    }

    @Override
    public String toString() {
        return code;
    }
}
