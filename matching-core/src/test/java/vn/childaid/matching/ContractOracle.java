package vn.childaid.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Commune;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.scenario.Village;

/**
 * The contract's hard rules and objective written again, plainly, from scenario-format.md: a test
 * oracle that shares no code with the engine (not its eligibility, audit or score).
 */
public final class ContractOracle {
    private ContractOracle() {}

    public static List<String> brokenRules(Scenario scenario, List<Allocation> lines) {
        List<String> broken = new ArrayList<>();
        Map<String, Long> funded = new HashMap<>();
        Map<String, Long> used = new HashMap<>();
        Map<String, Set<String>> needsOf = new HashMap<>();
        Map<String, Set<String>> donorsOf = new HashMap<>();
        Map<String, Long> lineAmount = new HashMap<>();
        for (Allocation line : lines) {
            Offer offer = find(scenario.offers(), line.offer());
            Need need = scenario.needs().stream().filter(n -> n.id().equals(line.need())).findFirst().orElseThrow();
            funded.merge(need.id(), (long) line.units(), Long::sum);
            used.merge(offer.id(), offer.kind().name().equals("CASH") ? line.units() * need.unitCost() : line.units(), Long::sum);
            needsOf.computeIfAbsent(offer.id(), k -> new HashSet<>()).add(need.id());
            donorsOf.computeIfAbsent(need.id(), k -> new HashSet<>()).add(offer.donor());
            if (!line.committed()) {
                if (!eligible(scenario, offer, need)) {
                    broken.add("ineligible " + offer.id() + "->" + need.id());
                }
                lineAmount.merge(offer.id() + "|" + need.id(),
                        line.units() * (offer.kind().name().equals("CASH") ? need.unitCost() : offer.unitValue()), Long::sum);
            }
        }
        for (Need need : scenario.needs()) {
            long f = funded.getOrDefault(need.id(), 0L);
            long open = need.quantity() - need.alreadyCovered();
            if (f > open) {
                broken.add("double funding " + need.id());
            }
            if (!need.divisible() && f > 0 && f < open) {
                broken.add("partial indivisible " + need.id());
            }
            int max = scenario.policy().maxFundersPerNeed();
            if (max > 0 && donorsOf.getOrDefault(need.id(), Set.of()).size() > max) {
                broken.add("too many donors " + need.id());
            }
        }
        for (Offer offer : scenario.offers()) {
            long cap = offer.kind().name().equals("CASH") ? offer.amount() : offer.quantity();
            if (used.getOrDefault(offer.id(), 0L) > cap) {
                broken.add("over capacity " + offer.id());
            }
            if (offer.maxNeeds() > 0 && needsOf.getOrDefault(offer.id(), Set.of()).size() > offer.maxNeeds()) {
                broken.add("too many needs " + offer.id());
            }
        }
        lineAmount.forEach((key, amount) -> {
            Offer offer = find(scenario.offers(), key.substring(0, key.indexOf('|')));
            Need need = scenario.needs().stream().filter(n -> n.id().equals(key.substring(key.indexOf('|') + 1)))
                    .findFirst().orElseThrow();
            boolean full = funded.getOrDefault(need.id(), 0L) == need.quantity() - need.alreadyCovered();
            if (amount < offer.minGrant() && !full) {
                broken.add("below minGrant " + key);
            }
        });
        for (Commitment c : scenario.commitments()) {
            long kept = lines.stream().filter(l -> l.committed() && l.offer().equals(c.offer()) && l.need().equals(c.need()))
                    .mapToLong(Allocation::units).sum();
            if (kept < c.units()) {
                broken.add("commitment moved " + c);
            }
        }
        return broken;
    }

    private static Offer find(List<Offer> offers, String id) {
        return offers.stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    static boolean eligible(Scenario scenario, Offer offer, Need need) {
        if (offer.category().isPresent() && offer.category().get() != need.category()) {
            return false;
        }
        if (!offer.categories().isEmpty() && !offer.categories().contains(need.category())) {
            return false;
        }
        if (!offer.ageBands().isEmpty()) {
            boolean ok = need.ageBand() == AgeBand.ALL ? offer.ageBands().contains(AgeBand.ALL)
                    : offer.ageBands().contains(need.ageBand()) || offer.ageBands().contains(AgeBand.ALL);
            if (!ok) {
                return false;
            }
        }
        Village village = need.village().flatMap(v -> scenario.villages().stream().filter(x -> x.code().equals(v)).findFirst())
                .orElse(null);
        String communeCode = village != null ? village.commune() : need.commune().orElseThrow();
        Commune commune = scenario.communes().stream().filter(c -> c.code().equals(communeCode)).findFirst().orElseThrow();
        if (offer.especiallyDifficultOnly() && (village == null || !village.especiallyDifficult())) {
            return false;
        }
        if (offer.areas().isEmpty()) {
            return true;
        }
        return (village != null && offer.areas().contains(village.code())) || offer.areas().contains(commune.code())
                || commune.district().map(offer.areas()::contains).orElse(false);
    }

    /** T_k for every tier: category-weighted children reached, commitments included. */
    public static double[] tierValues(Scenario scenario, List<Allocation> lines) {
        double[] values = new double[scenario.policy().tierCount()];
        for (Allocation line : lines) {
            Need need = scenario.need(line.need());
            values[scenario.tierOf(need)] += scenario.policy().categoryWeight(need.category())
                    * need.children() * line.units() / (double) need.quantity();
        }
        return values;
    }

    /** Compares tier values lexicographically with a tolerance for the score's milli-child rounding. */
    public static int compareLexicographically(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 0.01) {
                return a[i] < b[i] ? -1 : 1;
            }
        }
        return 0;
    }
}
