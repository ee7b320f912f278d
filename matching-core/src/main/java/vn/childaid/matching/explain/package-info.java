/**
 * Why each need got what it got, and where each offer went: reasons in the rulebook's codes,
 * checked against the plan, with words for people from {@link vn.childaid.matching.report.Words}.
 */
package vn.childaid.matching.explain;
