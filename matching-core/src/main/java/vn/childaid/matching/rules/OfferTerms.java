package vn.childaid.matching.rules;

/** What the hard rules need to know of an offer. Implemented by the scenario's offers. */
public interface OfferTerms {
    String id();

    /** The donor's id: {@code maxFundersPerNeed} counts donors, not offers. */
    String donor();

    boolean isCash();

    /** VND for a cash offer, units for goods. */
    long capacity();

    /** VND an in-kind unit is worth, for reporting; 0 for cash. */
    long unitValue();

    /** Least VND per allocation line unless the need ends fully funded; 0 = none. */
    long minGrant();

    /** Most distinct needs; 0 = unlimited. */
    int maxNeeds();
}
