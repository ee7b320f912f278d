package vn.childaid.matching.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.childaid.matching.rules.HardRules;
import vn.childaid.matching.rules.Ledger;
import vn.childaid.matching.rules.Rule;
import vn.childaid.matching.rules.RuleViolation;
import vn.childaid.matching.rules.RuleViolation.Units;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * Judges allocation lines against every hard rule of the contract, from the scenario alone and
 * independently of the solver's score, by the rulebook ({@link HardRules}) on the lines' books
 * ({@link Ledger}). Its findings are a plan's {@code ruleViolations}; any lines will do, including
 * a plan read from a file that names unknown ids.
 */
public final class HardRuleAudit {
    private HardRuleAudit() {}

    /** An offer funding a need: the identity of a commitment and of an engine's allocation line. */
    private record Pair(String offer, String need) {
    }

    /** A line whose offer and need exist, with both resolved. */
    private record KnownLine(Offer offer, Need need, Allocation line) {
    }

    /** Every broken hard rule; empty when the lines are feasible. */
    public static List<RuleViolation> audit(Scenario scenario, List<Allocation> lines) {
        List<RuleViolation> found = new ArrayList<>();
        Map<Pair, Long> promised = new LinkedHashMap<>();
        for (Commitment commitment : scenario.commitments()) {
            promised.merge(new Pair(commitment.offer(), commitment.need()), (long) commitment.units(), Long::sum);
        }
        Ledger books = new Ledger();
        Map<Pair, Long> committedInPlan = new LinkedHashMap<>();
        List<KnownLine> newLines = new ArrayList<>();
        for (Allocation line : lines) {
            Optional<KnownLine> known = resolve(scenario, line, found);
            if (known.isEmpty()) {
                continue;
            }
            books.record(known.get().offer(), known.get().need(), line.units());
            Pair pair = new Pair(line.offer(), line.need());
            if (line.committed() && promised.containsKey(pair)) {
                committedInPlan.merge(pair, (long) line.units(), Long::sum);
            } else {
                if (line.committed()) {
                    found.add(RuleViolation.ofLine(Rule.REFERENCE, line.offer(), line.need(), line.units(), Units.UNITS,
                            "line " + line.offer() + " → " + line.need() + " is marked committed, but the scenario has "
                                    + "no such commitment; it is judged as a new line"));
                }
                newLines.add(known.get());
            }
        }
        int maxFunders = scenario.policy().maxFundersPerNeed();
        for (Need need : scenario.needs()) {
            long funded = books.unitsFunded(need);
            long beyond = HardRules.openUnitsExcess(need, funded);
            if (beyond > 0) {
                found.add(RuleViolation.ofNeed(Rule.OPEN_UNITS, need.id(), beyond, Units.UNITS, "need " + need.id()
                        + " is funded " + funded + " units, more than its " + need.openUnits() + " open units (double funding)"));
            }
            long missing = HardRules.allOrNothingShortfall(need, funded);
            if (missing > 0) {
                found.add(RuleViolation.ofNeed(Rule.ALL_OR_NOTHING, need.id(), missing, Units.UNITS, "indivisible need "
                        + need.id() + " is funded " + funded + " of " + need.openUnits()
                        + " units: it must be funded whole or not at all"));
            }
            long extraDonors = HardRules.fundersBeyondLimit(maxFunders, books.donorCount(need));
            if (extraDonors > 0) {
                found.add(RuleViolation.ofNeed(Rule.MAX_FUNDERS, need.id(), extraDonors, Units.DONORS, "need " + need.id()
                        + " has " + books.donorCount(need) + " donors, more than maxFundersPerNeed " + maxFunders));
            }
        }
        for (Offer offer : scenario.offers()) {
            long used = books.capacityUsed(offer);
            long over = HardRules.capacityExcess(offer, used);
            if (over > 0) {
                found.add(RuleViolation.ofOffer(Rule.CAPACITY, offer.id(), over, offer.isCash() ? Units.VND : Units.UNITS,
                        "offer " + offer.id() + " gives " + used + (offer.isCash() ? " VND" : " units")
                                + ", more than its " + offer.capacity()));
            }
            long extraNeeds = HardRules.needsBeyondLimit(offer, books.needCount(offer));
            if (extraNeeds > 0) {
                found.add(RuleViolation.ofOffer(Rule.MAX_NEEDS, offer.id(), extraNeeds, Units.NEEDS, "offer " + offer.id()
                        + " funds " + books.needCount(offer) + " needs, more than its maxNeeds " + offer.maxNeeds()));
            }
        }
        for (KnownLine known : newLines) {
            Offer offer = known.offer();
            Need need = known.need();
            int units = known.line().units();
            if (!scenario.isEligible(offer, need)) {
                found.add(RuleViolation.ofLine(Rule.ELIGIBILITY, offer.id(), need.id(), units, Units.UNITS,
                        "offer " + offer.id() + " is not eligible for need " + need.id()));
            }
            long amount = HardRules.lineAmount(offer, need, units);
            long short_ = HardRules.minGrantShortfall(offer, amount, HardRules.fullyFunded(need, books.unitsFunded(need)));
            if (short_ > 0) {
                found.add(RuleViolation.ofLine(Rule.MIN_GRANT, offer.id(), need.id(), short_, Units.VND, "offer "
                        + offer.id() + " gives need " + need.id() + " " + amount + " VND, below its minGrant "
                        + offer.minGrant() + " while the need is not fully funded"));
            }
        }
        promised.forEach((pair, units) -> {
            long kept = committedInPlan.getOrDefault(pair, 0L);
            if (kept != units) {
                found.add(RuleViolation.ofLine(Rule.COMMITMENT, pair.offer(), pair.need(), kept - units, Units.UNITS,
                        "commitment " + pair.offer() + " → " + pair.need() + " of " + units + " units appears with "
                                + kept + " committed units: commitments are never moved"));
            }
        });
        return found;
    }

    /** The line's offer and need, or nothing after reporting why the line cannot be judged. */
    private static Optional<KnownLine> resolve(Scenario scenario, Allocation line, List<RuleViolation> found) {
        Optional<Offer> offer = scenario.findOffer(line.offer());
        Optional<Need> need = scenario.findNeed(line.need());
        String pair = "line " + line.offer() + " → " + line.need();
        if (offer.isEmpty()) {
            found.add(RuleViolation.ofLine(Rule.REFERENCE, line.offer(), line.need(), line.units(), Units.UNITS,
                    pair + " names an offer the scenario does not have"));
        }
        if (need.isEmpty()) {
            found.add(RuleViolation.ofLine(Rule.REFERENCE, line.offer(), line.need(), line.units(), Units.UNITS,
                    pair + " names a need the scenario does not have"));
        }
        if (offer.isEmpty() || need.isEmpty()) {
            return Optional.empty();
        }
        if (line.units() < 1) {
            found.add(RuleViolation.ofLine(Rule.REFERENCE, line.offer(), line.need(), line.units(), Units.UNITS,
                    pair + " has " + line.units() + " units; a line has at least 1"));
            return Optional.empty();
        }
        if (!countable(offer.get(), need.get(), line.units())) {
            found.add(RuleViolation.ofLine(Rule.REFERENCE, line.offer(), line.need(), line.units(), Units.UNITS,
                    pair + " has " + line.units() + " units, more VND than can be counted"));
            return Optional.empty();
        }
        return Optional.of(new KnownLine(offer.get(), need.get(), line));
    }

    /**
     * Whether a line can be booked: its offer and need exist, it has at least one unit, and its
     * amounts fit in 64 bits (a plan from elsewhere may hold any number). Lines that cannot count
     * toward nothing in a plan's figures; the audit reports them as {@link Rule#REFERENCE}.
     */
    public static boolean countable(Scenario scenario, Allocation line) {
        Optional<Offer> offer = scenario.findOffer(line.offer());
        Optional<Need> need = scenario.findNeed(line.need());
        return offer.isPresent() && need.isPresent() && line.units() >= 1
                && countable(offer.get(), need.get(), line.units());
    }

    /** A line's amounts at most 2^53, so sums of a plan's lines stay exact and in range. */
    private static boolean countable(Offer offer, Need need, long units) {
        try {
            return Math.max(HardRules.capacityUse(offer, need, units), HardRules.lineAmount(offer, need, units)) < 1L << 53;
        } catch (ArithmeticException e) {
            return false;
        }
    }
}
