/**
 * The facade for embedding: {@link vn.childaid.matching.engine.AllocationEngine} solves a
 * scenario with {@link vn.childaid.matching.engine.SolveOptions} (time limits, seed, threads,
 * progress listener), synchronously or as a cancellable {@link vn.childaid.matching.engine.SolveJob}.
 *
 * <p><b>Records here are closed: their components will not change. Classes with builders may gain
 * fields.</b> {@link vn.childaid.matching.engine.SolveOptions} (made from {@code defaults()} and
 * its {@code with…} methods) and {@link vn.childaid.matching.engine.Progress} (made by its builder)
 * are classes, because new options and new progress details are expected; no public type here is
 * a record.
 */
package vn.childaid.matching.engine;
