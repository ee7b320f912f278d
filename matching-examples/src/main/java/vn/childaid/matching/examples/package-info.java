/**
 * Examples built on matching-core's public API only: the Đắk Lắk scenario generator, its
 * {@link vn.childaid.matching.examples.Contention} settings for what makes allocation hard (and the
 * benchmarks' {@link vn.childaid.matching.examples.ContentionFamily}), and the command line in
 * {@code cli}.
 */
package vn.childaid.matching.examples;
