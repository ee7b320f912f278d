package vn.childaid.matching.plan;

/**
 * What one state entitlement pays for a need, as a plan shows it: {@code units} covered outright
 * (a covered share, rounded down) and {@code vnd} paid toward the units open to donors
 * (amountPerUnit × openUnits, whether or not donors fund the rest of them).
 */
public record CoveredBy(String name, int units, long vnd) {}
