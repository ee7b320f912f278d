package vn.childaid.matching.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * Re-checks every hard rule of the contract on a list of allocation lines, from the scenario alone,
 * independently of the solver's score. Its findings are the plan's {@code violations}.
 */
public final class HardRuleAudit {
    private HardRuleAudit() {}

    /** One allocation line's identity: an offer funding a need. */
    private record Pair(String offer, String need) {
    }

    /** Every broken hard rule, in words a coordinator can act on; empty when the lines are feasible. */
    public static List<String> violations(Scenario scenario, List<Allocation> lines) {
        List<String> found = new ArrayList<>();
        Map<String, Integer> fundedByNeed = new HashMap<>();
        Map<String, Long> capacityUsedByOffer = new LinkedHashMap<>();
        Map<String, Set<String>> needsByOffer = new HashMap<>();
        Map<String, Set<String>> donorsByNeed = new LinkedHashMap<>();
        Map<Pair, Long> newAmountByLine = new LinkedHashMap<>();
        for (Allocation line : lines) {
            Offer offer = scenario.offer(line.offer());
            Need need = scenario.need(line.need());
            if (line.units() < 1) {
                found.add("line " + line.offer() + " → " + line.need() + " has " + line.units() + " units");
                continue;
            }
            fundedByNeed.merge(need.id(), line.units(), Integer::sum);
            capacityUsedByOffer.merge(offer.id(), offer.isCash() ? line.units() * need.unitCost() : line.units(), Long::sum);
            needsByOffer.computeIfAbsent(offer.id(), k -> new HashSet<>()).add(need.id());
            donorsByNeed.computeIfAbsent(need.id(), k -> new HashSet<>()).add(offer.donor());
            if (!line.committed()) {
                if (!scenario.isEligible(offer, need)) {
                    found.add("offer " + offer.id() + " is not eligible for need " + need.id());
                }
                newAmountByLine.merge(new Pair(offer.id(), need.id()), line.units() * offer.unitAmount(need), Long::sum);
            }
        }
        for (Need need : scenario.needs()) {
            int funded = fundedByNeed.getOrDefault(need.id(), 0);
            if (funded > need.openUnits()) {
                found.add("need " + need.id() + " is funded " + funded + " units, more than its " + need.openUnits()
                        + " open units (double funding)");
            } else if (!need.divisible() && funded > 0 && funded < need.openUnits()) {
                found.add("indivisible need " + need.id() + " is funded " + funded + " of " + need.openUnits()
                        + " units: it must be funded whole or not at all");
            }
        }
        capacityUsedByOffer.forEach((offerId, used) -> {
            Offer offer = scenario.offer(offerId);
            long capacity = offer.isCash() ? offer.amount() : offer.quantity();
            if (used > capacity) {
                found.add("offer " + offerId + " gives " + used + (offer.isCash() ? " VND" : " units")
                        + ", more than its " + capacity);
            }
            int needs = needsByOffer.get(offerId).size();
            if (offer.maxNeeds() > 0 && needs > offer.maxNeeds()) {
                found.add("offer " + offerId + " funds " + needs + " needs, more than its maxNeeds " + offer.maxNeeds());
            }
        });
        newAmountByLine.forEach((pair, amount) -> {
            Offer offer = scenario.offer(pair.offer());
            Need need = scenario.need(pair.need());
            boolean fullyFunded = fundedByNeed.getOrDefault(need.id(), 0) >= need.openUnits();
            if (amount < offer.minGrant() && !fullyFunded) {
                found.add("offer " + offer.id() + " gives need " + need.id() + " " + amount
                        + " VND, below its minGrant " + offer.minGrant() + " while the need is not fully funded");
            }
        });
        int maxFunders = scenario.policy().maxFundersPerNeed();
        donorsByNeed.forEach((needId, donors) -> {
            if (maxFunders > 0 && donors.size() > maxFunders) {
                found.add("need " + needId + " has " + donors.size() + " donors, more than maxFundersPerNeed " + maxFunders);
            }
        });
        found.addAll(missingCommitments(scenario, lines));
        return found;
    }

    private static List<String> missingCommitments(Scenario scenario, List<Allocation> lines) {
        Map<Pair, Integer> committedUnits = new HashMap<>();
        for (Allocation line : lines) {
            if (line.committed()) {
                committedUnits.merge(new Pair(line.offer(), line.need()), line.units(), Integer::sum);
            }
        }
        List<String> missing = new ArrayList<>();
        Map<Pair, Integer> promised = new LinkedHashMap<>();
        for (Commitment commitment : scenario.commitments()) {
            promised.merge(new Pair(commitment.offer(), commitment.need()), commitment.units(), Integer::sum);
        }
        promised.forEach((pair, units) -> {
            if (!units.equals(committedUnits.getOrDefault(pair, 0))) {
                missing.add("commitment " + pair.offer() + " → " + pair.need() + " of " + units + " units was changed");
            }
        });
        return missing;
    }
}
