/**
 * Scenarios as CSV files, for the spreadsheets that coordinators' data comes in: one file per kind
 * of object, the contract's field names as column headers, one object a row, with the policy and
 * any extensions in JSON files beside them. {@link vn.childaid.matching.csv.ScenarioCsv} is the
 * entry point. Reading is strict, as the JSON reader is: unknown files and columns, numbers with
 * thousands separators and text that is not UTF-8 are refused, every problem named by file, physical
 * line and column. The scenario's own rules are checked by {@link vn.childaid.matching.scenario.Scenario}
 * and their JSON paths mapped back to the rows they came from. Cells are split by Jackson's CSV
 * parser (RFC 4180 quoting), never by hand.
 */
package vn.childaid.matching.csv;
