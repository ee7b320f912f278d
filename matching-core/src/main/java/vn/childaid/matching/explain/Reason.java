package vn.childaid.matching.explain;

import java.util.Optional;
import vn.childaid.matching.rules.Rule;

/**
 * Why an offer did not fund more of a need that is not fully funded: one code per offer, the first
 * that applies in declaration order (after {@link #ELIGIBILITY}, which is given only when no offer
 * is eligible). The codes are part of the JSON contract: new ones may be added, none renamed. Each
 * code's test is stated in {@code docs/contract.md} ("explain") and in {@link Explainer}.
 */
public enum Reason {
    /** Less than one unit's worth of the offer is left. */
    CAPACITY(Rule.CAPACITY),
    /** The offer already funds as many other needs as its {@code maxNeeds} allows. */
    MAX_NEEDS(Rule.MAX_NEEDS),
    /** The need already has as many donors as {@code maxFundersPerNeed} allows, and not this offer's donor. */
    MAX_FUNDERS(Rule.MAX_FUNDERS),
    /** A new line of all the units the offer could give would be below its minimum grant and not complete the need. */
    MIN_GRANT(Rule.MIN_GRANT),
    /** The need is indivisible and neither this offer nor the eligible offers together can complete it. */
    ALL_OR_NOTHING(Rule.ALL_OR_NOTHING),
    /** No rule stops the offer from giving at least one more unit: the plan could be improved here. */
    ROOM_LEFT(null),
    /** The offer may not fund the need at all; the sub-rule says why. Given only when no offer is eligible. */
    ELIGIBILITY(Rule.ELIGIBILITY);

    private final Rule rule;

    Reason(Rule rule) {
        this.rule = rule;
    }

    /** The rulebook's rule that stops the offer; empty for {@link #ROOM_LEFT}, which is no rule. */
    public Optional<Rule> rule() {
        return Optional.ofNullable(rule);
    }
}
