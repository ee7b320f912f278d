package vn.childaid.matching.rules;

/** What the hard rules and the objective need to know of a need. Implemented by the scenario's needs. */
public interface NeedTerms {
    String id();

    /** Units open to donors: quantity − alreadyCovered. */
    int openUnits();

    /** False when the need is funded all or nothing. */
    boolean divisible();

    /** VND per unit, what a cash offer pays. */
    long unitCost();

    int children();

    int quantity();
}
