package vn.childaid.matching.explain;

import java.util.List;
import java.util.Objects;

/**
 * Where an offer's money or goods went, what remains, and which needs it could still fund.
 * Money is always in VND (goods at their unit value, as a plan's {@code offers[]}); for goods the
 * units are given too.
 *
 * @param id the offer's id
 * @param inKind whether it gives goods (then the {@code …Units} figures count them)
 * @param used VND its lines take
 * @param remaining VND left: amount (or quantity × unitValue) − used
 * @param usedUnits goods given, in kind; 0 for cash
 * @param remainingUnits goods left, in kind; 0 for cash
 * @param byTier use per tier, in policy order, tiers it gives nothing left out
 * @param byCategory use per category of need, in category order
 * @param byDistrict use per district, in scenario order, {@link Share#NO_DISTRICT} last
 * @param couldFund needs not fully funded it is eligible for and has room for, in tier order
 */
public record OfferExplanation(String id, boolean inKind, long used, long remaining, long usedUnits,
        long remainingUnits, List<Share> byTier, List<Share> byCategory, List<Share> byDistrict,
        List<CouldFund> couldFund) {
    public OfferExplanation {
        Objects.requireNonNull(id, "id");
        byTier = List.copyOf(byTier);
        byCategory = List.copyOf(byCategory);
        byDistrict = List.copyOf(byDistrict);
        couldFund = List.copyOf(couldFund);
    }
}
