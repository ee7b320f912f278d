/**
 * The allocation problem as its users describe it: the area tree (districts, communes with their
 * region, villages marked especially difficult), needs, donors, their cash and in-kind offers with
 * eligibility and preferences, and commitments already made. {@link
 * vn.childaid.matching.scenario.Scenario} validates everything at construction and reports all
 * problems at once with the JSON path of each field at fault.
 */
package vn.childaid.matching.scenario;
