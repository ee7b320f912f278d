/**
 * Priority policy: the tiers that rank needs ("urgency of the priority groups", seed III.3), the
 * two phase presets of the Đắk Lắk plan, category weights and the funders-per-need limit.
 *
 * <p><b>Records here are closed: their components will not change. Classes with builders may gain
 * fields.</b> {@link vn.childaid.matching.policy.Policy} and {@link
 * vn.childaid.matching.policy.TierRule} mirror objects of the scenario JSON that may gain fields
 * and carry caller extensions, so they are classes made through presets, builders and their
 * {@code with…} methods; no public type here is a record.
 */
package vn.childaid.matching.policy;
