/**
 * Caller data the engine keeps but never reads: the {@code "extensions"} object any scenario object
 * may carry (the scenario, its areas, needs, donors, offers and their preferences, commitments,
 * the policy and its tiers). It lives below both the scenario and the policy so that neither
 * package depends on the other, and holds JSON as text so that the model needs no JSON library.
 */
package vn.childaid.matching.extensions;
