package vn.childaid.matching.explain;

import java.util.Objects;
import java.util.Optional;
import vn.childaid.matching.scenario.EligibilityRule;

/**
 * Why one offer did not fund more of a need.
 *
 * @param offer the offer's id (never its donor: donors may be anonymous)
 * @param code the first reason that applies
 * @param rule the eligibility sub-rule that excludes the offer; present exactly when {@code code}
 *     is {@link Reason#ELIGIBILITY}
 * @param detail the figures behind the code, in words for people
 */
public record OfferReason(String offer, Reason code, Optional<EligibilityRule> rule, String detail) {
    public OfferReason {
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
        if (rule.isPresent() != (code == Reason.ELIGIBILITY)) {
            throw new IllegalArgumentException("an eligibility sub-rule goes with the code ELIGIBILITY and no other: "
                    + code + " " + rule);
        }
    }
}
