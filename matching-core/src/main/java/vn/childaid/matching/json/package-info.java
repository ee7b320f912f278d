/**
 * JSON reading and writing of scenarios and plans per the v1 contract
 * ({@code docs/contract.md}). Scenario reading walks the JSON tree by hand so that
 * every problem — unknown field, wrong type, missing field — is reported with its JSON path, all
 * at once. Nothing here knows the solver.
 */
package vn.childaid.matching.json;
