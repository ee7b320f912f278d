package vn.childaid.matching.rules;

/**
 * The contract's rule codes. A plan's {@code ruleViolations} and {@code validate --plan} name these;
 * the solver's constraints map to them in one table. The codes are part of the JSON contract: new
 * ones may be added, none renamed.
 */
public enum Rule {
    /** An offer gives more than it has: VND for cash offers, units for goods. */
    CAPACITY,
    /** A need is funded beyond its open units (quantity − alreadyCovered): double funding. */
    OPEN_UNITS,
    /** An indivisible need is funded in part; the excess is the units missing to complete it. */
    ALL_OR_NOTHING,
    /** An offer funds a need its conditions exclude; the excess is the units so given. */
    ELIGIBILITY,
    /** A line is worth less than the offer's minimum grant while its need is not fully funded (VND short). */
    MIN_GRANT,
    /** An offer funds more distinct needs than its {@code maxNeeds}. */
    MAX_NEEDS,
    /** A need has more distinct donors than the policy's {@code maxFundersPerNeed}. */
    MAX_FUNDERS,
    /** A commitment was changed: the plan's committed units for the pair less those promised (signed). */
    COMMITMENT,
    /** A line names an unknown offer or need, has fewer than 1 unit, or is marked committed but is no commitment. */
    REFERENCE,
    /** A figure the plan reports (a line amount, a need, offer or tier total, or {@code feasible}) is not what its lines imply. */
    REPORTED_NUMBERS;

    /** Whether breaking this rule makes a plan infeasible (every rule but the reporting ones). */
    public boolean isHard() {
        return this != REPORTED_NUMBERS;
    }
}
