/**
 * Measures plan quality and speed through the library's public API: {@link
 * vn.childaid.matching.benchmarks.BenchmarkTable} (engine, greedy and MIP against the exact optimum
 * or LP bound), {@link vn.childaid.matching.benchmarks.QualityRun} (one engine run with checkpoints)
 * and {@link vn.childaid.matching.benchmarks.ExactReference} (the contract as a mixed-integer program
 * in OR-Tools, SCIP). The contention family has its own table, {@link
 * vn.childaid.matching.benchmarks.ContentionTable}, with {@link
 * vn.childaid.matching.benchmarks.CpSatReference} (the contract as a CP-SAT model, the solver a user
 * would pick instead of the engine) beside the engine; {@link
 * vn.childaid.matching.benchmarks.ContentionCharacter} prints what each member measures. The benchmarks of solver internals ({@code MoveBenchmark}, {@code
 * SolverConfigBenchmark}) sit in this module under the solver's own package name, which gives them
 * its package-private access without making anything in the library public. Nothing here is a
 * dependency of the library.
 */
package vn.childaid.matching.benchmarks;
