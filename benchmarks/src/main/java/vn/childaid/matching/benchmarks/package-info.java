/**
 * Measures plan quality and speed through the library's public API: {@link
 * vn.childaid.matching.benchmarks.BenchmarkTable} (engine, greedy and MIP against the exact optimum
 * or LP bound), {@link vn.childaid.matching.benchmarks.QualityRun} (one engine run with checkpoints)
 * and {@link vn.childaid.matching.benchmarks.ExactReference} (the contract as a mixed-integer program
 * in OR-Tools). The benchmarks of solver internals ({@code MoveBenchmark}, {@code
 * SolverConfigBenchmark}) sit in this module under the solver's own package name, which gives them
 * its package-private access without making anything in the library public. Nothing here is a
 * dependency of the library.
 */
package vn.childaid.matching.benchmarks;
