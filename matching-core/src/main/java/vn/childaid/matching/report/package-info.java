/**
 * Reports on a plan for the people it concerns: totals by donor, area, category and tier, the 4W
 * table with HXL hashtags, the honour roll, and a self-contained HTML page. Every text meant for
 * people, here and in explanations, comes from one resource bundle ({@link
 * vn.childaid.matching.report.Words}), so a translation needs no code change.
 */
package vn.childaid.matching.report;
