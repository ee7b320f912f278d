/**
 * JSON reading and writing of scenarios and plans per the v1 contract
 * ({@code docs/contract.md}). Scenario reading walks the JSON tree by hand so that
 * every problem — unknown field, wrong type, missing field — is reported with its JSON path, all
 * at once. Nothing here knows the solver.
 *
 * <p>Before any field is read, a file must be one UTF-8 JSON document within a size and a nesting
 * limit ({@code JsonInput}); what is wrong with it is said with file, line and column in a
 * user's words. A scenario's problems of shape do not hide those of its rules: what could be read
 * is checked too, and the rule problems that only an unreadable value caused are left out
 * ({@code ReadDamage}).
 *
 * <p>An {@code "extensions"} object on any scenario object is read into the model as canonical text
 * (keys sorted, numbers as written) and written back as the same JSON value; anything else there
 * is a problem at its path, and other unknown fields stay problems.
 */
package vn.childaid.matching.json;
