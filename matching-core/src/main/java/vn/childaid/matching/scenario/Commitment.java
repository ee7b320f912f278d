package vn.childaid.matching.scenario;

import static vn.childaid.matching.scenario.Checks.requireText;

/**
 * Units of a need already given or promised by an offer. The solver never moves them; they use
 * the offer's capacity and the need's open quantity like any allocation.
 */
public record Commitment(String offer, String need, int units) {
    public Commitment {
        requireText(offer, "offer");
        requireText(need, "need");
    }
}
