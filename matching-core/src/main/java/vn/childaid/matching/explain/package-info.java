/**
 * Why each need got what it got, and where each offer went: reasons in the rulebook's codes,
 * checked against the plan, with words for people from {@link vn.childaid.matching.report.Words}.
 *
 * <ul>
 *   <li>{@link vn.childaid.matching.explain.Explainer}: audits a plan against its scenario, then
 *       explains its needs and offers; each code's test is stated there and in the contract.
 *   <li>{@link vn.childaid.matching.explain.Explanation}: the result, with the audit;
 *       {@link vn.childaid.matching.explain.NeedExplanation} and
 *       {@link vn.childaid.matching.explain.OfferExplanation} its parts.
 *   <li>{@link vn.childaid.matching.explain.Reason}: the codes, one per eligible offer of a need
 *       not fully funded, mapped to the rulebook's {@link vn.childaid.matching.rules.Rule}.
 *   <li>{@link vn.childaid.matching.explain.ExplanationText}: the terminal text.
 * </ul>
 *
 * <p>Explanations name offers, never donors: a donor may ask to stay anonymous. The JSON form is
 * {@code vn.childaid.matching.json.ExplanationJson}.
 */
package vn.childaid.matching.explain;
