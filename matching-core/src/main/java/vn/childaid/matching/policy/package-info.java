/**
 * Priority policy: the tiers that rank needs ("urgency of the priority groups", seed III.3), the
 * two phase presets of the Đắk Lắk plan, category weights and the funders-per-need limit.
 */
package vn.childaid.matching.policy;
