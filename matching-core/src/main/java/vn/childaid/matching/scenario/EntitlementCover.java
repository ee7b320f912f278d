package vn.childaid.matching.scenario;

/**
 * What one entitlement pays for one need: {@code units} covered outright (a covered share,
 * rounded down) and {@code amountPerUnit} VND toward each unit left open to donors (after earlier
 * entitlements of the need, in scenario order, so that together they never exceed the unit cost).
 */
public record EntitlementCover(String name, int units, long amountPerUnit) {}
