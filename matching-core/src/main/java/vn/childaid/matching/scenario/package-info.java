/**
 * The allocation problem as its users describe it: the area tree (districts, communes with their
 * region, villages marked especially difficult), needs, donors, their cash and in-kind offers with
 * eligibility and preferences, and commitments already made. {@link
 * vn.childaid.matching.scenario.Scenario} validates everything at construction and reports all
 * problems at once with the JSON path of each field at fault.
 *
 * <p><b>Records here are closed: their components will not change. Classes with builders may gain
 * fields.</b> Every type that mirrors an object of the scenario JSON (district, commune, village,
 * need, donor, offer, preferences, commitment) is a final class with a private constructor, made
 * through its builder and static factories, because the contract lets the library add fields to
 * those objects and each carries caller {@link vn.childaid.matching.extensions.Extensions}. Only
 * values whose parts are fixed by their meaning stay records: {@link
 * vn.childaid.matching.scenario.Place} (a village, its commune and district) and {@link
 * vn.childaid.matching.scenario.Problem} (where and what).
 */
package vn.childaid.matching.scenario;
