package vn.childaid.matching.rules;

/** What the hard rules need to know of a need. Implemented by the scenario's needs and the solver's. */
public interface NeedTerms {
    String id();

    /** Units open to donors: quantity − alreadyCovered, entitlements' covered shares included. */
    int openUnits();

    /** False when the need is funded all or nothing. */
    boolean divisible();

    /** VND per unit that a cash offer pays: the unit cost less what entitlements pay toward it. */
    long donorUnitCost();
}
