package vn.childaid.matching.scenario;

/**
 * The contract's eligibility sub-rules, each a reason an offer may not fund a need. {@link
 * Scenario#whyIneligible} names the first that excludes a pair, checked in declaration order;
 * {@link Scenario#isEligible} holds exactly when none does. The names are part of the JSON contract
 * (explanations name them): new ones may be added, none renamed.
 */
public enum EligibilityRule {
    /** An in-kind offer gives only its own category of goods, and the need is of another. */
    IN_KIND_CATEGORY,
    /** The offer's {@code categories} list is not empty and lacks the need's category. */
    CATEGORY,
    /** The offer's {@code ageBands} is not empty, lacks {@code ALL} and lacks the need's band. */
    AGE_BAND,
    /** The offer funds only especially difficult villages, and the need is in none. */
    ESPECIALLY_DIFFICULT_ONLY,
    /** The offer's {@code areas} is not empty and names none of the need's village, commune or district. */
    AREA
}
