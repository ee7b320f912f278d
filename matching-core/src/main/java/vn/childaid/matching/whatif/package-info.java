/**
 * What-if for planners: change sets applied to a scenario, stable re-planning from a previous plan,
 * differences between two plans, and budget sweeps.
 */
package vn.childaid.matching.whatif;
