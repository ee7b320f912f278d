package vn.childaid.matching.rules;

/**
 * Each hard rule of the contract, stated once, as "how far is it broken" (0 when it holds). The
 * units are those of {@link RuleViolation#unit()} for the rule. Eligibility needs the area tree and
 * lives in {@code Scenario.isEligible}; {@link Rule#COMMITMENT} and {@link Rule#REFERENCE} compare
 * lines with the scenario and live in the plan audit.
 */
public final class HardRules {
    private HardRules() {}

    /** Capacity {@code units} of the need take from the offer: VND for cash, one unit per unit of goods. */
    public static long capacityUse(OfferTerms offer, NeedTerms need, long units) {
        return offer.isCash() ? Math.multiplyExact(units, need.donorUnitCost()) : units;
    }

    /** VND an allocation line is worth: units × donorUnitCost for cash, units × unitValue in kind. */
    public static long lineAmount(OfferTerms offer, NeedTerms need, long units) {
        return Math.multiplyExact(units, offer.isCash() ? need.donorUnitCost() : offer.unitValue());
    }

    /** {@link Rule#CAPACITY}: what the offer gives beyond its amount (VND) or quantity (units). */
    public static long capacityExcess(OfferTerms offer, long used) {
        return Math.max(0, used - offer.capacity());
    }

    /** {@link Rule#OPEN_UNITS}: units funded beyond the need's open units (double funding). */
    public static long openUnitsExcess(NeedTerms need, long funded) {
        return Math.max(0, funded - need.openUnits());
    }

    /**
     * Whether the need ends fully funded: every open unit funded. Funding beyond is
     * {@link Rule#OPEN_UNITS}' business, so "at least" keeps each defect reported once.
     */
    public static boolean fullyFunded(NeedTerms need, long funded) {
        return funded >= need.openUnits();
    }

    /**
     * {@link Rule#ALL_OR_NOTHING}: the units missing to complete an indivisible need that is partly
     * funded (committed units count, so a partial commitment must be completed).
     */
    public static long allOrNothingShortfall(NeedTerms need, long funded) {
        return !need.divisible() && funded > 0 && funded < need.openUnits() ? need.openUnits() - funded : 0;
    }

    /**
     * {@link Rule#MIN_GRANT}: VND a new line falls short of the offer's minimum grant, unless its need
     * ends fully funded. Each uncommitted line is judged alone; commitments are not re-judged.
     */
    public static long minGrantShortfall(OfferTerms offer, long lineAmount, boolean needFullyFunded) {
        return offer.minGrant() > lineAmount && !needFullyFunded ? offer.minGrant() - lineAmount : 0;
    }

    /** {@link Rule#MAX_NEEDS}: distinct needs beyond the offer's {@code maxNeeds} (0 = unlimited). */
    public static long needsBeyondLimit(OfferTerms offer, long distinctNeeds) {
        return offer.maxNeeds() > 0 ? Math.max(0, distinctNeeds - offer.maxNeeds()) : 0;
    }

    /** {@link Rule#MAX_FUNDERS}: distinct donors beyond the policy's {@code maxFundersPerNeed} (0 = unlimited). */
    public static long fundersBeyondLimit(int maxFundersPerNeed, long distinctDonors) {
        return maxFundersPerNeed > 0 ? Math.max(0, distinctDonors - maxFundersPerNeed) : 0;
    }

    /** Whether the offer may take this need on without breaking {@code maxNeeds}, given the books so far. */
    public static boolean mayFundAnotherNeed(OfferTerms offer, NeedTerms need, Ledger books) {
        return books.funds(offer, need) || needsBeyondLimit(offer, books.needCount(offer) + 1L) == 0;
    }

    /** Whether the need may take this donor on without breaking {@code maxFundersPerNeed}, given the books so far. */
    public static boolean mayTakeAnotherDonor(int maxFundersPerNeed, NeedTerms need, String donor, Ledger books) {
        return books.hasDonor(need, donor) || fundersBeyondLimit(maxFundersPerNeed, books.donorCount(need) + 1L) == 0;
    }
}
