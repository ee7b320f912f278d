package vn.childaid.matching.scenario;

/** Money to spend on any eligible need, or goods of one category counted in units. */
public enum OfferKind {
    CASH,
    IN_KIND
}
