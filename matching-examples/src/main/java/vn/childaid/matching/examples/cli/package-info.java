/**
 * The planners' command line (picocli): solve, validate, generate, summary, and import and export
 * between scenario JSON and a folder of CSV files, with exit codes 0 (success), 2 (bad input or
 * usage) and 1 (internal error).
 */
package vn.childaid.matching.examples.cli;
