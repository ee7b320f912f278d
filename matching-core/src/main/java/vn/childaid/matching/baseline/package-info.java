/**
 * A rule-respecting greedy allocation: the coordinator's spreadsheet method, the engine's
 * starting plan, and the benchmarks' baseline.
 */
package vn.childaid.matching.baseline;
