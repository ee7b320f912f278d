/**
 * The facade for embedding: {@link vn.childaid.matching.engine.AllocationEngine} solves a
 * scenario with {@link vn.childaid.matching.engine.SolveOptions} (time limits, seed, threads,
 * progress listener), synchronously or as a cancellable {@link vn.childaid.matching.engine.SolveJob}.
 */
package vn.childaid.matching.engine;
