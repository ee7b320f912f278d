package vn.childaid.matching.engine;

/**
 * How much a re-plan ({@link SolveOptions#withPreviousPlan}) holds on to the previous plan's lines,
 * which donors may already have been told about. Committed lines never move, whatever the level.
 */
public enum Stability {
    /**
     * Every previous line that still holds stays exactly as it was (the untouched ones, then lines of
     * shrunk offers and needs in tier order while they fit); only what the change freed or added is
     * planned.
     */
    KEEP,
    /**
     * Previous lines may move, but each previous line changed or dropped costs one point on a level
     * just below the priority tiers and above every other soft level: a line moves only when that
     * reaches more children in some tier. The default of the {@code replan} command.
     */
    BALANCED,
    /** The previous plan is only the warm start: the solver may change anything. */
    FREE
}
