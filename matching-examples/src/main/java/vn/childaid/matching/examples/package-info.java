/**
 * Examples built on matching-core's public API only: the Đắk Lắk scenario generator and the
 * command line in {@code cli}.
 */
package vn.childaid.matching.examples;
