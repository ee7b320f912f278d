/**
 * Hand-drawn SVG charts (no scripts, nothing fetched): shared by the HTML report and the budget
 * sweep, so a page opens offline and survives e-mail.
 */
package vn.childaid.matching.charts;
