/**
 * The contract's rulebook, stated once. Every part of the library that must know whether a set of
 * allocation lines keeps the hard rules, or how good it is, asks here: the scenario validator (for
 * commitments), the plan audit, the coordinator's greedy, the solver's constraints and the
 * benchmarks' exact models (which are checked by the audit).
 *
 * <ul>
 *   <li>{@link vn.childaid.matching.rules.Rule}: the fixed rule codes of the contract, with the unit
 *       in which each reports how far it is broken.
 *   <li>{@link vn.childaid.matching.rules.HardRules}: each hard rule as a function of the books.
 *   <li>{@link vn.childaid.matching.rules.Ledger}: the books of a set of lines: capacity used per
 *       offer, units funded per need, needs per offer, donors per need.
 *   <li>{@link vn.childaid.matching.rules.Objective}: children reached, and how two plans compare.
 *   <li>{@link vn.childaid.matching.rules.RuleViolation}: one broken rule, structured.
 * </ul>
 *
 * <p>The package sits below the scenario: it sees offers and needs only through the small
 * {@link vn.childaid.matching.rules.OfferTerms} and {@link vn.childaid.matching.rules.NeedTerms}
 * views, so the scenario can validate its commitments with it. Eligibility needs the area tree and
 * is answered by {@code Scenario.isEligible}, the one place for it ({@code Scenario.whyIneligible}
 * names the sub-rule that fails, for explanations).
 *
 * <p>All types here are immutable and thread-safe except {@code Ledger}, which one thread fills.
 */
package vn.childaid.matching.rules;
