/**
 * Duplicates across reporting agencies: the same village's need reported by two agencies, the same
 * donor under two spellings, the same offer entered twice. {@link
 * vn.childaid.matching.dedupe.Duplicates#find} lists candidate groups, each with a confidence in
 * [0, 1] and the reasons for it; {@link vn.childaid.matching.dedupe.Duplicates#resolve} removes
 * them by {@link vn.childaid.matching.dedupe.Resolution keep-larger or merge} and returns a new
 * valid scenario with the list of what was done. Donor names are compared after {@link
 * vn.childaid.matching.dedupe.NameNormaliser Vietnamese-aware normalisation}.
 *
 * <p>Nothing here changes a scenario in place, and nothing reads or writes JSON.
 */
package vn.childaid.matching.dedupe;
