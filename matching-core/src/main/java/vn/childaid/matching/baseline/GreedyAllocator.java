package vn.childaid.matching.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.rules.HardRules;
import vn.childaid.matching.rules.Ledger;
import vn.childaid.matching.rules.Objective;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * What a coordinator with a spreadsheet does: needs in order — top tier first, most urgent first,
 * most children per VND first — each filled from its eligible offers with the most left, obeying
 * every hard rule (an indivisible need is funded whole or skipped). Deterministic and fast.
 *
 * <p>The engine starts local search from the better of this plan and the same greedy drawing on
 * the least contested offers first ({@link OfferChoice}), so it never ends below either. That holds
 * for a start that was built: a time limit or a cancel may stop the greedy first ({@link Control},
 * {@link Start#complete()}), and a start cut short holds only the lines decided so far; the
 * benchmarks use the most-left plan, the spreadsheet's, as the baseline a solver must beat.
 */
public final class GreedyAllocator {
    private final Scenario scenario;
    /** Commitments and the lines chosen so far, judged by the rulebook. */
    private final Ledger books = new Ledger();
    private final OfferChoice offerChoice;
    /** Capacity the pending needs of the tier being filled could ask of each offer (LEAST_CONTESTED). */
    private final Map<String, Long> pendingDemand = new HashMap<>();
    /** Set when the control stopped the run before its last need. */
    private boolean stopped;
    /** A previous plan's lines to give each need first, when they still fit (a re-plan's start). */
    private final Map<String, List<Allocation>> preferredByNeed = new HashMap<>();
    /**
     * Capacity the preferred lines of tiers not yet filled hold on each offer: offers are chosen as
     * if it were taken, so a need draws on free room before room a lower tier's line had.
     */
    private final Map<String, Long> reservedForPreferred = new HashMap<>();

    /** Which eligible offer a need draws on first. */
    public enum OfferChoice {
        /** The one with the most left: the coordinator's spreadsheet habit, and the baseline. */
        MOST_LEFT,
        /**
         * The one with the most left after what the still-unfilled needs of the same tier could ask
         * of it: needs that many offers can fund leave the scarce ones to needs that few can (charity
         * houses, which only some funds take). The engine's start.
         */
        LEAST_CONTESTED
    }

    /**
     * Follows a run and may stop it. Both methods are called on the greedy's thread, between needs,
     * so a stop leaves every need either wholly decided or untouched and the lines so far keep every
     * hard rule; keep them quick, they run once per need.
     */
    public interface Control {
        /** Never stops and hears nothing. */
        Control NONE = () -> false;

        /**
         * Asked before each need; true ends the run with the lines of the needs decided so far, and
         * of the indivisible needs commitments have begun to fund (half-funded, they would break the
         * all-or-nothing rule).
         */
        boolean stopRequested();

        /**
         * Told after each need is decided (funded, partly or not at all): {@code done} of {@code total}.
         * {@link #allocateBest(Scenario, Control)} passes over the needs twice and counts both passes,
         * so there {@code total} is twice the number of needs; it also tells 0 before it begins.
         */
        default void needsDone(long done, long total) {
        }
    }

    /**
     * The engine's start plan as {@link #allocateBest(Scenario, Control)} left it.
     *
     * @param lines the new lines (commitments not included)
     * @param complete false when the run was stopped before every need was decided: the lines then
     *     are those of the needs decided so far, in the greedy's order (and of the indivisible needs
     *     commitments began, see {@link Control#stopRequested()}), and may be far below the greedy's
     *     plan; true when they are a whole greedy plan
     */
    public record Start(List<Allocation> lines, boolean complete) {
        public Start {
            lines = List.copyOf(lines);
        }
    }

    private GreedyAllocator(Scenario scenario, OfferChoice offerChoice, List<Allocation> alreadyPlanned,
            List<Allocation> preferred) {
        this.scenario = scenario;
        this.offerChoice = offerChoice;
        for (Commitment commitment : scenario.commitments()) {
            books.record(scenario.offer(commitment.offer()), scenario.need(commitment.need()), commitment.units());
        }
        for (Allocation line : alreadyPlanned) {
            books.record(scenario.offer(line.offer()), scenario.need(line.need()), line.units());
        }
        for (Allocation line : preferred) {
            preferredByNeed.computeIfAbsent(line.need(), k -> new ArrayList<>()).add(line);
            reservedForPreferred.merge(line.offer(), capacityUse(line), Long::sum);
        }
    }

    /** The greedy's new allocation lines (commitments not included). */
    public static List<Allocation> allocate(Scenario scenario) {
        return allocate(scenario, OfferChoice.MOST_LEFT);
    }

    /** The greedy's new allocation lines with the given offer choice (commitments not included). */
    public static List<Allocation> allocate(Scenario scenario, OfferChoice offerChoice) {
        return new GreedyAllocator(scenario, offerChoice, List.of(), List.of()).run(Control.NONE, 0, scenario.needs().size());
    }

    /**
     * New lines of the better of the two offer choices by the policy's own measure (tier values in
     * order for STRICT, their weighted sum for WEIGHTED): the engine's start, never below the baseline.
     * Leaving the offers few needs can use to those needs found most of what local search gained
     * later on its own (province example: T_2 71,049 with the most-left choice, 72,627 with the
     * least-contested one, where 60 s of search from the first had reached 72,568).
     */
    public static List<Allocation> allocateBest(Scenario scenario) {
        return allocateBest(scenario, Control.NONE).lines();
    }

    /**
     * {@link #allocateBest(Scenario)}, followed and stoppable by {@code control}: the most-left pass
     * first, then the least-contested one. Stopped during the first pass, the start holds that pass's
     * lines so far and is not {@linkplain Start#complete() complete}; stopped during the second, it
     * is the whole most-left plan (the baseline), and complete. Never stopped, it is exactly
     * {@link #allocateBest(Scenario)}'s plan.
     */
    public static Start allocateBest(Scenario scenario, Control control) {
        return allocateBest(scenario, List.of(), control);
    }

    /**
     * {@link #allocateBest(Scenario, Control)} around lines already planned (a previous plan's that
     * still hold, for a re-plan): they count like commitments, so only what they leave open is
     * planned. They must keep every hard rule together with the commitments, and are not repeated
     * in the start's lines. Tier values compared are those of both together.
     */
    public static Start allocateBest(Scenario scenario, List<Allocation> alreadyPlanned, Control control) {
        return allocateBest(scenario, alreadyPlanned, List.of(), control);
    }

    /**
     * {@link #allocateBest(Scenario, Control)} that gives each need its {@code preferred} lines first
     * (a previous plan's, for a re-plan that may move them): tier by tier, every need of the tier
     * takes its preferred lines that still fit — an indivisible need all of them or none — and only
     * then are the tier's needs filled as usual, choosing offers as if the preferred lines of lower
     * tiers were already taken. So a higher tier still comes first (a freed need of the top tier may
     * take room a lower tier's line had), and otherwise the previous plan stays as it was. The
     * preferred lines taken are among the start's lines.
     */
    public static Start allocatePreferring(Scenario scenario, List<Allocation> preferred, Control control) {
        return allocateBest(scenario, List.of(), preferred, control);
    }

    private static Start allocateBest(Scenario scenario, List<Allocation> alreadyPlanned, List<Allocation> preferred,
            Control control) {
        long total = 2L * scenario.needs().size();
        control.needsDone(0, total);
        GreedyAllocator first = new GreedyAllocator(scenario, OfferChoice.MOST_LEFT, alreadyPlanned, preferred);
        List<Allocation> mostLeft = first.run(control, 0, total);
        if (first.stopped) {
            return new Start(mostLeft, false);
        }
        GreedyAllocator second = new GreedyAllocator(scenario, OfferChoice.LEAST_CONTESTED, alreadyPlanned, preferred);
        List<Allocation> leastContested = second.run(control, scenario.needs().size(), total);
        if (second.stopped) {
            return new Start(mostLeft, true);
        }
        boolean leastContestedBetter = Objective.compare(scenario.policy(),
                tierValues(scenario, alreadyPlanned, leastContested), tierValues(scenario, alreadyPlanned, mostLeft)) > 0;
        return new Start(leastContestedBetter ? leastContested : mostLeft, true);
    }

    private static double[] tierValues(Scenario scenario, List<Allocation> alreadyPlanned, List<Allocation> lines) {
        List<Allocation> all = new ArrayList<>(alreadyPlanned);
        all.addAll(lines);
        return PlanAssembler.assemble(scenario, all, "", SolverStats.NONE).tierValues();
    }

    /** The greedy's plan, commitments included. */
    public static Plan plan(Scenario scenario) {
        long start = System.nanoTime();
        List<Allocation> lines = allocate(scenario);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return PlanAssembler.assemble(scenario, lines, "greedy", SolverStats.builder().millis(millis).constructionMillis(millis).build());
    }

    /**
     * The lines of every need in the greedy's order, or of those decided before {@code control}
     * asked to stop; {@code doneBefore} and {@code total} are what {@code control} is told.
     */
    private List<Allocation> run(Control control, long doneBefore, long total) {
        List<Need> order = new ArrayList<>(scenario.needs());
        // By identity: a Need hashes every field, which made sorting a national scenario take seconds.
        Map<Need, Integer> tiers = new IdentityHashMap<>();
        order.forEach(need -> tiers.put(need, scenario.tierOf(need)));
        order.sort(Comparator.<Need>comparingInt(tiers::get)
                .thenComparing(Need::urgency)
                .thenComparing(Comparator.comparingDouble(GreedyAllocator::childrenPerVnd).reversed())
                .thenComparing(Need::id));
        List<Allocation> lines = new ArrayList<>();
        long done = doneBefore;
        for (int first = 0; first < order.size(); ) {
            int tier = tiers.get(order.get(first));
            int end = first;
            while (end < order.size() && tiers.get(order.get(end)) == tier) {
                end++;
            }
            List<Need> tierNeeds = order.subList(first, end);
            if (!preferredByNeed.isEmpty()) {
                tierNeeds.forEach(need -> lines.addAll(takePreferred(need)));
            }
            if (offerChoice == OfferChoice.LEAST_CONTESTED) {
                tierNeeds.forEach(need -> changePendingDemand(need, 1));
            }
            for (int next = first; next < end; next++) {
                if (control.stopRequested()) {
                    stopped = true;
                    lines.addAll(finishNeedsCommitmentsBegan(order.subList(next, order.size())));
                    return lines;
                }
                Need need = order.get(next);
                if (offerChoice == OfferChoice.LEAST_CONTESTED) {
                    changePendingDemand(need, -1);
                }
                lines.addAll(fill(need));
                control.needsDone(++done, total);
            }
            first = end;
        }
        return lines;
    }

    /**
     * Lines for the indivisible needs among {@code undecided} that commitments fund in part: left so,
     * they would break the all-or-nothing rule, which a run stopped early must keep like a whole one.
     * Few needs, each decided as the whole run would have.
     */
    private List<Allocation> finishNeedsCommitmentsBegan(List<Need> undecided) {
        List<Allocation> lines = new ArrayList<>();
        for (Need need : undecided) {
            long left = books.unitsLeft(need);
            if (!need.divisible() && left > 0 && left < need.openUnits()) {
                lines.addAll(fill(need));
            }
        }
        return lines;
    }

    /**
     * The need's preferred lines that fit, in their order, each whole: all of them or none for an
     * indivisible need; a line below its offer's minimum grant only when they fund the need whole.
     * Their reservations end here, taken or not.
     */
    private List<Allocation> takePreferred(Need need) {
        List<Allocation> preferred = preferredByNeed.getOrDefault(need.id(), List.of());
        for (Allocation line : preferred) {
            reservedForPreferred.merge(line.offer(), -capacityUse(line), Long::sum);
        }
        long open = books.unitsLeft(need);
        Map<String, Long> used = new HashMap<>();
        Set<String> donors = new HashSet<>(books.donorsOf(need));
        int maxFunders = scenario.policy().maxFundersPerNeed();
        List<Allocation> fitting = new ArrayList<>();
        long units = 0;
        for (Allocation line : preferred) {
            Offer offer = scenario.offer(line.offer());
            long use = HardRules.capacityUse(offer, need, line.units());
            boolean fits = units + line.units() <= open
                    && books.capacityLeft(offer) - used.getOrDefault(offer.id(), 0L) >= use
                    && HardRules.mayFundAnotherNeed(offer, need, books)
                    && (donors.contains(offer.donor()) || HardRules.fundersBeyondLimit(maxFunders, donors.size() + 1L) == 0);
            if (fits) {
                fitting.add(Allocation.of(offer.id(), need.id(), line.units(), HardRules.lineAmount(offer, need, line.units())));
                used.merge(offer.id(), use, Long::sum);
                donors.add(offer.donor());
                units += line.units();
            }
        }
        boolean whole = units == open;
        if (!need.divisible() && !whole) {
            return List.of();
        }
        List<Allocation> taken = fitting.stream()
                .filter(line -> whole || HardRules.minGrantShortfall(scenario.offer(line.offer()), line.amount(), false) == 0)
                .toList();
        for (Allocation line : taken) {
            books.record(scenario.offer(line.offer()), need, line.units());
        }
        return taken;
    }

    private long capacityUse(Allocation line) {
        return HardRules.capacityUse(scenario.offer(line.offer()), scenario.need(line.need()), line.units());
    }

    /** Capacity left that no preferred line of a later tier holds. */
    private long unreservedCapacityLeft(Offer offer) {
        return books.capacityLeft(offer) - reservedForPreferred.getOrDefault(offer.id(), 0L);
    }

    private void changePendingDemand(Need need, int sign) {
        long open = books.unitsLeft(need);
        for (Offer offer : scenario.eligibleOffers(need)) {
            pendingDemand.merge(offer.id(), sign * HardRules.capacityUse(offer, need, open), Long::sum);
        }
    }

    private static double childrenPerVnd(Need need) {
        return (double) need.children() / Math.max(1, (double) need.quantity() * need.donorUnitCost());
    }

    /**
     * Lines funding as much of {@code need} as the rules allow; none for an indivisible need left
     * short. Each line first respects the offers' minimum grants (the line that completes the need
     * excepted). When that leaves the need short, a draft that lets lines fall below their minimum
     * is taken if it funds the need whole: the contract exempts every line of a fully funded need.
     * Drafting with small lines first instead spent leftovers that later needs of the tier could
     * use (province example, 500,000 score calculations: T_2 72,651 against 72,742).
     */
    private List<Allocation> fill(Need need) {
        long open = books.unitsLeft(need);
        if (open <= 0) {
            return List.of();
        }
        List<Offer> offers = new ArrayList<>(scenario.eligibleOffers(need));
        Comparator<Offer> choice = offerChoice == OfferChoice.MOST_LEFT
                ? Comparator.<Offer>comparingLong(o -> unitsAffordable(o, need, unreservedCapacityLeft(o))).reversed()
                : Comparator.<Offer>comparingLong(o -> unreservedCapacityLeft(o) - pendingDemand.getOrDefault(o.id(), 0L))
                        .reversed();
        offers.sort(choice.thenComparing(Offer::id));
        List<Allocation> lines = draft(need, offers, open, false);
        if (unitsOf(lines) < open) {
            List<Allocation> whole = draft(need, offers, open, true);
            if (unitsOf(whole) == open) {
                lines = whole; // fully funded, so its small lines are allowed
            }
        }
        if (!need.divisible() && unitsOf(lines) < open) {
            return List.of();
        }
        for (Allocation line : lines) {
            books.record(scenario.offer(line.offer()), need, line.units());
        }
        return lines;
    }

    /** Lines from the offers in order, each as large as the offer allows, under every rule but (when waived) minGrant. */
    private List<Allocation> draft(Need need, List<Offer> offers, long open, boolean minGrantWaived) {
        Set<String> donors = new HashSet<>(books.donorsOf(need));
        int maxFunders = scenario.policy().maxFundersPerNeed();
        List<Allocation> lines = new ArrayList<>();
        long left = open;
        for (Offer offer : offers) {
            if (left == 0) {
                break;
            }
            long units = Math.min(left, unitsAffordable(offer, need));
            long amount = HardRules.lineAmount(offer, need, Math.max(0, units));
            boolean tooManyDonors = !donors.contains(offer.donor())
                    && HardRules.fundersBeyondLimit(maxFunders, donors.size() + 1L) > 0;
            boolean belowMinGrant = !minGrantWaived && HardRules.minGrantShortfall(offer, amount, units == left) > 0;
            if (units <= 0 || !HardRules.mayFundAnotherNeed(offer, need, books) || tooManyDonors || belowMinGrant) {
                continue;
            }
            lines.add(Allocation.of(offer.id(), need.id(), (int) units, amount));
            donors.add(offer.donor());
            left -= units;
        }
        return lines;
    }

    private static long unitsOf(List<Allocation> lines) {
        return lines.stream().mapToLong(Allocation::units).sum();
    }

    private long unitsAffordable(Offer offer, Need need) {
        return unitsAffordable(offer, need, books.capacityLeft(offer));
    }

    private static long unitsAffordable(Offer offer, Need need, long capacityLeft) {
        long perUnit = HardRules.capacityUse(offer, need, 1);
        return perUnit == 0 ? Integer.MAX_VALUE : capacityLeft / perUnit;
    }
}
