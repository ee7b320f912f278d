package vn.childaid.matching.whatif;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * What a change set did to a scenario, counted from the scenario before and after (so it counts
 * what happened, not what was asked): objects added, removed and changed, money offered added and
 * removed, units newly committed, whether the policy changed.
 *
 * @param changesPerOp how many changes of each op the change set holds, in the order they first appear
 * @param moneyAdded VND offered more: new offers' value, and what raised offers gained
 * @param moneyRemoved VND offered less: withdrawn offers' value, and what lowered offers lost
 * @param unitsCommitted units committed more than before, over every offer–need pair
 */
public record ChangeSummary(Map<String, Integer> changesPerOp, Count offers, Count needs, Count donors,
        long moneyAdded, long moneyRemoved, long offeredAfter, long childrenAdded, long childrenRemoved,
        long unitsCommitted, int commitmentsAfter, boolean policyChanged) {

    /** Objects added, removed, and present on both sides but different; how many there are after. */
    public record Count(int added, int removed, int changed, int after) {}

    public ChangeSummary {
        changesPerOp = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changesPerOp));
    }

    public static ChangeSummary of(ChangeSet changeSet, Scenario before, Scenario after) {
        Map<String, Integer> perOp = new LinkedHashMap<>();
        changeSet.changes().forEach(change -> perOp.merge(change.op(), 1, Integer::sum));
        Map<String, Offer> offersBefore = byId(before.offers(), Offer::id);
        Map<String, Offer> offersAfter = byId(after.offers(), Offer::id);
        long added = 0;
        long removed = 0;
        for (String id : union(offersBefore.keySet(), offersAfter.keySet())) {
            long was = offersBefore.containsKey(id) ? offersBefore.get(id).totalValue() : 0;
            long is = offersAfter.containsKey(id) ? offersAfter.get(id).totalValue() : 0;
            added += Math.max(0, is - was);
            removed += Math.max(0, was - is);
        }
        Map<String, Need> needsBefore = byId(before.needs(), Need::id);
        Map<String, Need> needsAfter = byId(after.needs(), Need::id);
        long childrenAdded = after.needs().stream().filter(n -> !needsBefore.containsKey(n.id())).mapToLong(Need::children).sum();
        long childrenRemoved = before.needs().stream().filter(n -> !needsAfter.containsKey(n.id())).mapToLong(Need::children).sum();
        Map<List<String>, Integer> unitsBefore = units(before.commitments());
        long unitsCommitted = units(after.commitments()).entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - unitsBefore.getOrDefault(e.getKey(), 0))).sum();
        return new ChangeSummary(perOp, count(offersBefore, offersAfter), count(needsBefore, needsAfter),
                count(byId(before.donors(), d -> d.id()), byId(after.donors(), d -> d.id())), added, removed,
                after.offers().stream().mapToLong(Offer::totalValue).sum(), childrenAdded, childrenRemoved,
                unitsCommitted, after.commitments().size(), !before.policy().equals(after.policy()));
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> Count count(Map<String, T> before, Map<String, T> after) {
        int added = (int) after.keySet().stream().filter(id -> !before.containsKey(id)).count();
        int removed = (int) before.keySet().stream().filter(id -> !after.containsKey(id)).count();
        int changed = (int) after.entrySet().stream()
                .filter(e -> before.containsKey(e.getKey()) && !Objects.equals(before.get(e.getKey()), e.getValue())).count();
        return new Count(added, removed, changed, after.size());
    }

    private static Map<List<String>, Integer> units(List<Commitment> commitments) {
        Map<List<String>, Integer> units = new HashMap<>();
        commitments.forEach(c -> units.merge(List.of(c.offer(), c.need()), c.units(), Integer::sum));
        return units;
    }
}
