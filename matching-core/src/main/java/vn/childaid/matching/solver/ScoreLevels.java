package vn.childaid.matching.solver;

import vn.childaid.matching.policy.Policy;

/** Where each part of the objective sits in the bendable score. One place for the layout. */
final class ScoreLevels {
    static final int HARD_LEVELS = 1;
    /** Soft levels 0 … MAX_TIERS−1: children reached per tier (only level 0 in WEIGHTED mode). */
    static final int FIRST_TIER = 0;
    /**
     * Previous lines changed or dropped in a balanced re-plan: just below the tiers, above every
     * other soft level, so a line moves only when that reaches more children in some tier.
     */
    static final int STABILITY = Policy.MAX_TIERS;
    static final int ESPECIALLY_DIFFICULT_FIRST = STABILITY + 1;
    static final int DONOR_PREFERENCES = ESPECIALLY_DIFFICULT_FIRST + 1;
    static final int FAIRNESS = DONOR_PREFERENCES + 1;
    static final int FEWER_FUNDERS = FAIRNESS + 1;
    static final int FEWER_LINES = FEWER_FUNDERS + 1;
    static final int SOFT_LEVELS = FEWER_LINES + 1;

    /** Values on tier levels are milli-children (× category weight, × tier weight when WEIGHTED). */
    static final long MILLI = 1000;

    private ScoreLevels() {}
}
