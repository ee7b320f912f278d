package vn.childaid.matching.whatif;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.rules.HardRules;
import vn.childaid.matching.rules.Ledger;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * The lines of a previous plan that still hold after a change to its scenario: what a re-plan
 * starts from, and under {@code KEEP} what it never moves.
 *
 * <p>A previous uncommitted line is <b>untouched</b> when the change removed neither its offer nor
 * its need and shrank neither (the offer's capacity and the need's open units are not lower).
 * Untouched lines come first; then the lines of shrunk offers and needs, in tier order (highest
 * first), each kept whole while it fits. Every line kept must hold under the changed scenario
 * together with its commitments and the lines kept before it: eligible, within the offer's
 * capacity and the need's open units, within {@code maxNeeds} and {@code maxFundersPerNeed}, and
 * an indivisible need's lines are kept only when they fund it whole, a line below its offer's
 * minimum grant only when its need ends fully funded. A line whose pair the change has committed
 * (in part) keeps only the units not yet committed. Line amounts are those of the changed scenario.
 */
public final class Carryover {
    private final List<Allocation> untouched;
    private final List<Allocation> holding;

    private Carryover(List<Allocation> untouched, List<Allocation> holding) {
        this.untouched = List.copyOf(untouched);
        this.holding = List.copyOf(holding);
    }

    /**
     * What of {@code previous}, a plan of {@code before}, still holds under {@code after}.
     * {@code before} and {@code after} may be the same scenario (a re-plan without change).
     */
    public static Carryover of(Scenario before, Plan previous, Scenario after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(after, "after");
        Map<String, Integer> newlyCommitted = newlyCommittedUnits(before, after);
        List<Candidate> candidates = new ArrayList<>();
        int order = 0;
        for (Allocation line : previous.allocations()) {
            if (line.committed()) {
                continue;
            }
            Optional<Offer> offer = after.findOffer(line.offer());
            Optional<Need> need = after.findNeed(line.need());
            int units = line.units() - newlyCommitted.getOrDefault(pairKey(line.offer(), line.need()), 0);
            if (offer.isEmpty() || need.isEmpty() || units <= 0 || !after.isEligible(offer.get(), need.get())) {
                continue;
            }
            boolean untouched = !shrunk(before.findOffer(line.offer()), offer.get())
                    && !shrunk(before.findNeed(line.need()), need.get());
            candidates.add(new Candidate(offer.get(), need.get(), units, untouched, after.tierOf(need.get()), order++));
        }
        candidates.sort(Comparator.comparing((Candidate c) -> !c.untouched()).thenComparingInt(Candidate::tier)
                .thenComparingInt(Candidate::order));
        List<Candidate> kept = keepWhatHolds(after, candidates);
        List<Allocation> untouchedLines = new ArrayList<>();
        List<Allocation> holdingLines = new ArrayList<>();
        kept.sort(Comparator.comparingInt(Candidate::order)); // the previous plan's order, for readers
        for (Candidate candidate : kept) {
            Allocation line = Allocation.of(candidate.offer().id(), candidate.need().id(), candidate.units(),
                    HardRules.lineAmount(candidate.offer(), candidate.need(), candidate.units()));
            holdingLines.add(line);
            if (candidate.untouched()) {
                untouchedLines.add(line);
            }
        }
        return new Carryover(untouchedLines, holdingLines);
    }

    /** The untouched lines that still hold, in the previous plan's order. */
    public List<Allocation> untouched() {
        return untouched;
    }

    /**
     * Every previous line that holds: the untouched ones and the lines of shrunk offers and needs
     * that fit, in the previous plan's order. A re-plan starts from these.
     */
    public List<Allocation> holding() {
        return holding;
    }

    /** A previous line that may be kept, with where it stood. */
    private record Candidate(Offer offer, Need need, int units, boolean untouched, int tier, int order) {
    }

    private static boolean shrunk(Optional<Offer> before, Offer after) {
        return before.isEmpty() || after.capacity() < before.get().capacity();
    }

    private static boolean shrunk(Optional<Need> before, Need after) {
        return before.isPresent() ? after.openUnits() < before.get().openUnits() : true;
    }

    /**
     * The candidates, in their order, that fit one after another; then the lines of indivisible
     * needs left short and lines below a minimum grant on needs left short are left out, and the
     * pass is repeated without them (what they held may let others fit), until nothing changes.
     */
    private static List<Candidate> keepWhatHolds(Scenario after, List<Candidate> candidates) {
        Set<Integer> excluded = new HashSet<>(); // by order: a candidate's offer and need hash slowly
        while (true) {
            Ledger books = committedBooks(after);
            List<Candidate> kept = new ArrayList<>();
            for (Candidate candidate : candidates) {
                if (!excluded.contains(candidate.order()) && fits(after, books, candidate)) {
                    books.record(candidate.offer(), candidate.need(), candidate.units());
                    kept.add(candidate);
                }
            }
            Set<Integer> leftShort = new HashSet<>();
            for (Candidate candidate : kept) {
                Need need = candidate.need();
                boolean fullyFunded = HardRules.fullyFunded(need, books.unitsFunded(need));
                if (HardRules.allOrNothingShortfall(need, books.unitsFunded(need)) > 0
                        || HardRules.minGrantShortfall(candidate.offer(),
                                HardRules.lineAmount(candidate.offer(), need, candidate.units()), fullyFunded) > 0) {
                    leftShort.add(candidate.order());
                }
            }
            if (leftShort.isEmpty()) {
                return kept;
            }
            excluded.addAll(leftShort);
        }
    }

    private static boolean fits(Scenario after, Ledger books, Candidate candidate) {
        Offer offer = candidate.offer();
        Need need = candidate.need();
        return books.capacityLeft(offer) >= HardRules.capacityUse(offer, need, candidate.units())
                && books.unitsLeft(need) >= candidate.units()
                && HardRules.mayFundAnotherNeed(offer, need, books)
                && HardRules.mayTakeAnotherDonor(after.policy().maxFundersPerNeed(), need, offer.donor(), books);
    }

    private static Ledger committedBooks(Scenario scenario) {
        Ledger books = new Ledger();
        for (Commitment commitment : scenario.commitments()) {
            books.record(scenario.offer(commitment.offer()), scenario.need(commitment.need()), commitment.units());
        }
        return books;
    }

    /** Units per offer–need pair committed in {@code after} beyond what {@code before} committed. */
    private static Map<String, Integer> newlyCommittedUnits(Scenario before, Scenario after) {
        Map<String, Integer> units = new LinkedHashMap<>();
        for (Commitment commitment : after.commitments()) {
            units.merge(pairKey(commitment.offer(), commitment.need()), commitment.units(), Integer::sum);
        }
        Map<String, Integer> earlier = new HashMap<>();
        for (Commitment commitment : before.commitments()) {
            earlier.merge(pairKey(commitment.offer(), commitment.need()), commitment.units(), Integer::sum);
        }
        earlier.forEach((pair, committed) -> units.computeIfPresent(pair, (k, now) -> now > committed ? now - committed : null));
        return units;
    }

    private static String pairKey(String offer, String need) {
        return offer + '\u0000' + need;
    }
}
