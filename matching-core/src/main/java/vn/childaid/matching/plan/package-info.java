/**
 * The output: a {@link vn.childaid.matching.plan.Plan} with its allocation lines, per-need and
 * per-offer outcomes, per-tier totals and the hard rules it breaks in words ({@link
 * vn.childaid.matching.plan.HardRuleAudit}, which re-checks the contract from the scenario alone,
 * independently of the solver).
 */
package vn.childaid.matching.plan;
