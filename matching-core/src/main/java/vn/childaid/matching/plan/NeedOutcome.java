package vn.childaid.matching.plan;

/**
 * What a plan does for one need.
 *
 * @param reached children-equivalents reached: children × fundedUnits / quantity
 */
public record NeedOutcome(String id, String tier, int openUnits, int fundedUnits, NeedStatus status, double reached) {
}
