/**
 * Measures plan quality and speed: {@link vn.childaid.matching.benchmarks.BenchmarkTable} (engine,
 * greedy and MIP against the exact optimum or LP bound), {@link
 * vn.childaid.matching.benchmarks.QualityRun} (one engine run with checkpoints), {@link
 * vn.childaid.matching.benchmarks.SolverConfigBenchmark} (OptaPlanner's benchmarker over solver
 * configurations) and {@link vn.childaid.matching.benchmarks.ExactReference} (the contract as a
 * mixed-integer program in OR-Tools). Nothing here is a dependency of the library.
 */
package vn.childaid.matching.benchmarks;
