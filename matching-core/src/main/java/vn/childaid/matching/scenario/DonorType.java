package vn.childaid.matching.scenario;

/** The kinds of givers the plan mobilises (section II.1.2 of the seed). */
public enum DonorType {
    STATE_BUDGET,
    STATE_AGENCY,
    MASS_ORGANIZATION,
    ENTERPRISE,
    CHARITY_FUND,
    INDIVIDUAL,
    FOREIGN_ORGANIZATION
}
