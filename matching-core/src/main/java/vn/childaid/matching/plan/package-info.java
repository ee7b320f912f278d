/**
 * The output: a {@link vn.childaid.matching.plan.Plan} with its allocation lines, per-need and
 * per-offer outcomes, per-tier totals and the hard rules it breaks in words ({@link
 * vn.childaid.matching.plan.HardRuleAudit}, which re-checks the contract from the scenario alone,
 * independently of the solver).
 *
 * <p><b>Records here are closed: their components will not change. Classes with builders may gain
 * fields.</b> Every value here mirrors an object of the plan JSON, to which the contract lets the
 * library add fields, so all of them — plan, allocation, need outcome, offer use, tier total,
 * solver statistics — are final classes made through their builders and static factories; no
 * public type here is a record.
 */
package vn.childaid.matching.plan;
