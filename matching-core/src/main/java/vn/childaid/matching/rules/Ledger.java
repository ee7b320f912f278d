package vn.childaid.matching.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The books of a set of allocation lines: capacity each offer has given, units each need has
 * received, the needs each offer funds and the donors each need has. Committed and new lines are
 * recorded alike: the contract counts commitments toward every limit. {@link HardRules} judges
 * the books; the validator, the audit, the greedy and the benchmarks keep them the same way.
 *
 * <p>Not thread-safe: one thread fills and reads a ledger.
 */
public final class Ledger {
    private final Map<String, Long> capacityUsed = new HashMap<>();
    private final Map<String, Long> unitsFunded = new HashMap<>();
    private final Map<String, Set<String>> needsOfOffer = new HashMap<>();
    private final Map<String, Set<String>> donorsOfNeed = new HashMap<>();

    /** Books {@code units} of {@code need} funded by {@code offer}. */
    public void record(OfferTerms offer, NeedTerms need, long units) {
        capacityUsed.merge(offer.id(), HardRules.capacityUse(offer, need, units), Ledger::saturatedSum);
        unitsFunded.merge(need.id(), units, Ledger::saturatedSum);
        needsOfOffer.computeIfAbsent(offer.id(), k -> new HashSet<>()).add(need.id());
        donorsOfNeed.computeIfAbsent(need.id(), k -> new HashSet<>()).add(offer.donor());
    }

    /** VND (cash) or units (goods) the offer has given. */
    public long capacityUsed(OfferTerms offer) {
        return capacityUsed.getOrDefault(offer.id(), 0L);
    }

    /** What the offer has left to give, never below zero. */
    public long capacityLeft(OfferTerms offer) {
        return Math.max(0, offer.capacity() - capacityUsed(offer));
    }

    public long unitsFunded(NeedTerms need) {
        return unitsFunded.getOrDefault(need.id(), 0L);
    }

    /** Open units not yet funded, never below zero. */
    public long unitsLeft(NeedTerms need) {
        return Math.max(0, need.openUnits() - unitsFunded(need));
    }

    public int needCount(OfferTerms offer) {
        return needsOfOffer.getOrDefault(offer.id(), Set.of()).size();
    }

    public boolean funds(OfferTerms offer, NeedTerms need) {
        return needsOfOffer.getOrDefault(offer.id(), Set.of()).contains(need.id());
    }

    public int donorCount(NeedTerms need) {
        return donorsOfNeed.getOrDefault(need.id(), Set.of()).size();
    }

    public boolean hasDonor(NeedTerms need, String donor) {
        return donorsOfNeed.getOrDefault(need.id(), Set.of()).contains(donor);
    }

    /** The donors funding the need (a copy). */
    public Set<String> donorsOf(NeedTerms need) {
        return Set.copyOf(donorsOfNeed.getOrDefault(need.id(), Set.of()));
    }

    /** The needs the offer funds (a copy). */
    public Set<String> needsOf(OfferTerms offer) {
        return Set.copyOf(needsOfOffer.getOrDefault(offer.id(), Set.of()));
    }

    /**
     * A sum of non-negative amounts that stops at {@link Long#MAX_VALUE} rather than wrapping: a plan
     * read from elsewhere may hold any numbers, and a wrapped sum would hide the rule it breaks.
     */
    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
