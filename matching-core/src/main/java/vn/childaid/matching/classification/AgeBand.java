package vn.childaid.matching.classification;

/** The children a need serves, by school level. {@link #ALL} means no particular age. */
public enum AgeBand {
    PRESCHOOL,
    PRIMARY,
    LOWER_SECONDARY,
    UPPER_SECONDARY,
    ALL
}
