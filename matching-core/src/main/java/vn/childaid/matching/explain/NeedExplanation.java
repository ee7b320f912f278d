package vn.childaid.matching.explain;

import java.util.List;
import java.util.Objects;
import vn.childaid.matching.plan.NeedStatus;

/**
 * What a plan does for one need, and why not more.
 *
 * @param id the need's id
 * @param tier the name of its tier under the scenario's policy
 * @param status funded, partly funded or unfunded, as the plan's lines make it
 * @param openUnits units open to donors
 * @param fundedUnits units its lines fund, committed ones included
 * @param coveredUnits units covered before donors (by hand or by entitlements)
 * @param funders the offers funding it, in scenario order
 * @param offers when not fully funded: one reason for every eligible offer, in scenario order, or,
 *     when none is eligible, the {@link Reason#ELIGIBILITY} reason of every offer; empty when funded
 * @param sentence one or two sentences for people
 */
public record NeedExplanation(String id, String tier, NeedStatus status, long openUnits, long fundedUnits,
        long coveredUnits, List<Funder> funders, List<OfferReason> offers, String sentence) {
    public NeedExplanation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(status, "status");
        funders = List.copyOf(funders);
        offers = List.copyOf(offers);
        Objects.requireNonNull(sentence, "sentence");
    }

    /** True when no offer is eligible, so every offer is listed with {@link Reason#ELIGIBILITY}. */
    public boolean noOfferEligible() {
        return !offers.isEmpty() && offers.get(0).code() == Reason.ELIGIBILITY;
    }
}
