package vn.childaid.matching.plan;

/**
 * How the solve went.
 *
 * @param millis wall time spent solving
 * @param scoreCalculationSpeed score calculations per second
 * @param constructionMillis time until the construction heuristic ended (−1 when unknown)
 * @param randomSeed the seed used, so the run can be repeated
 */
public record SolverStats(long millis, long scoreCalculationSpeed, long constructionMillis, long randomSeed) {
    public static final SolverStats NONE = new SolverStats(0, 0, -1, 0);
}
