package vn.childaid.matching.plan;

/**
 * One tier's totals in a plan.
 *
 * @param reached unweighted sum of its needs' children reached
 * @param value the same, category-weighted: T_k of the objective
 * @param children children its needs serve
 */
public record TierTotal(String name, double reached, double value, long children, int needs, int fundedNeeds) {
}
