package vn.childaid.matching.dedupe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * Applies resolutions group by group to a working copy of a scenario; a group whose result would
 * not validate is skipped and said so, so the scenario it returns is always valid.
 */
final class Resolver {
    /** The parts a resolution changes; everything else is taken from the original scenario. */
    private record Parts(Map<String, Need> needs, Map<String, Donor> donors, Map<String, Offer> offers,
            List<Commitment> commitments) {
        Parts copy() {
            return new Parts(new LinkedHashMap<>(needs), new LinkedHashMap<>(donors), new LinkedHashMap<>(offers),
                    new ArrayList<>(commitments));
        }

        boolean committedNeed(String id) {
            return commitments.stream().anyMatch(c -> c.need().equals(id));
        }

        boolean committedOffer(String id) {
            return commitments.stream().anyMatch(c -> c.offer().equals(id));
        }
    }

    private final Scenario original;
    private final Resolution resolution;
    private Parts parts;
    private final List<String> actions = new ArrayList<>();

    Resolver(Scenario original, Resolution resolution) {
        this.original = original;
        this.resolution = resolution;
        this.parts = new Parts(byId(original.needs(), Need::id), byId(original.donors(), Donor::id),
                byId(original.offers(), Offer::id), new ArrayList<>(original.commitments()));
    }

    private static <T> Map<String, T> byId(List<T> items, java.util.function.Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }

    /** Donors merge into the first id under either resolution: no offer is lost, only re-pointed. */
    void mergeDonors(CandidateGroup group) {
        String into = group.ids().get(0);
        List<String> others = group.ids().subList(1, group.ids().size());
        Parts next = parts.copy();
        List<String> repointed = new ArrayList<>();
        for (String other : others) {
            next.donors().remove(other);
        }
        next.offers().replaceAll((id, offer) -> {
            if (others.contains(offer.donor())) {
                repointed.add(id);
                return offer.toBuilder().donor(into).build();
            }
            return offer;
        });
        // No anonymous flag on donors yet: when it comes, the merged donor is anonymous if any was.
        apply(next, "merged donors " + String.join(", ", others) + " into " + into
                + (repointed.isEmpty() ? "" : "; offers " + String.join(", ", repointed) + " now from " + into),
                "donors " + String.join(", ", group.ids()));
    }

    void resolveOffers(CandidateGroup group) {
        String keep = group.ids().get(0);
        Parts next = parts.copy();
        List<String> dropped = new ArrayList<>();
        List<String> keptCommitted = new ArrayList<>();
        for (String other : group.ids().subList(1, group.ids().size())) {
            if (resolution == Resolution.KEEP_LARGER && parts.committedOffer(other)) {
                keptCommitted.add(other);
                continue;
            }
            next.offers().remove(other);
            next.commitments().replaceAll(c -> c.offer().equals(other) ? repoint(c, keep, c.need()) : c);
            dropped.add(other);
        }
        String label = "offers " + String.join(", ", group.ids());
        if (dropped.isEmpty()) {
            actions.add("left " + label + " as they are: " + String.join(", ", keptCommitted) + " have commitments");
            return;
        }
        apply(next, "kept offer " + keep + ", dropped " + String.join(", ", dropped)
                + (resolution == Resolution.MERGE ? " (their commitments now on " + keep + ")" : "")
                + (keptCommitted.isEmpty() ? "" : "; kept " + String.join(", ", keptCommitted) + ": they have commitments"),
                label);
    }

    void resolveNeeds(CandidateGroup group) {
        List<Need> members = group.ids().stream().map(id -> parts.needs().get(id)).toList();
        String label = "needs " + String.join(", ", group.ids());
        Parts next = parts.copy();
        if (resolution == Resolution.KEEP_LARGER) {
            Need keep = members.stream().max(Comparator.comparingInt(Need::children).thenComparingInt(Need::quantity)
                    .thenComparing(Need::id, Comparator.reverseOrder())).orElseThrow();
            List<String> dropped = new ArrayList<>();
            List<String> keptCommitted = new ArrayList<>();
            for (Need need : members) {
                if (need == keep) {
                    continue;
                }
                if (parts.committedNeed(need.id())) {
                    keptCommitted.add(need.id()); // a need with commitments is never dropped
                } else {
                    next.needs().remove(need.id());
                    dropped.add(need.id());
                }
            }
            if (dropped.isEmpty()) {
                actions.add("left " + label + " as they are: " + String.join(", ", keptCommitted) + " have commitments");
                return;
            }
            apply(next, String.format(java.util.Locale.ROOT, "kept need %s (%d children, %d units), dropped %s%s",
                    keep.id(), keep.children(), keep.quantity(), String.join(", ", dropped),
                    keptCommitted.isEmpty() ? "" : "; kept " + String.join(", ", keptCommitted) + ": they have commitments"),
                    label);
        } else {
            Need first = members.get(0);
            int children = members.stream().mapToInt(Need::children).max().orElseThrow();
            int quantity = members.stream().mapToInt(Need::quantity).max().orElseThrow();
            int covered = members.stream().mapToInt(Need::alreadyCovered).max().orElseThrow();
            next.needs().put(first.id(), first.toBuilder().children(children).quantity(quantity)
                    .alreadyCovered(covered).build());
            List<String> others = group.ids().subList(1, group.ids().size());
            for (String other : others) {
                next.needs().remove(other);
                next.commitments().replaceAll(c -> c.need().equals(other) ? repoint(c, c.offer(), first.id()) : c);
            }
            boolean carried = others.stream().anyMatch(parts::committedNeed);
            apply(next, String.format(java.util.Locale.ROOT,
                    "merged needs %s into %s: %d children, %d units, %d already covered (the larger of each)%s",
                    String.join(", ", others), first.id(), children, quantity, covered,
                    carried ? "; their commitments now on " + first.id() : ""), label);
        }
    }

    private static Commitment repoint(Commitment commitment, String offer, String need) {
        return Commitment.builder(offer, need).units(commitment.units()).extensions(commitment.extensions()).build();
    }

    private void apply(Parts next, String done, String label) {
        Optional<String> problem = Duplicates.firstProblem(builderOf(next));
        if (problem.isPresent()) {
            actions.add("left " + label + " as they are: resolving them would make the scenario invalid ("
                    + problem.get() + ")");
            return;
        }
        parts = next;
        actions.add(done);
    }

    private Scenario.Builder builderOf(Parts of) {
        Scenario.Builder fresh = Scenario.builder(original.name()).policy(original.policy())
                .extensions(original.extensions());
        original.year().ifPresent(fresh::year);
        original.districts().forEach(fresh::district);
        original.communes().forEach(fresh::commune);
        original.villages().forEach(fresh::village);
        of.needs().values().forEach(fresh::need);
        of.donors().values().forEach(fresh::donor);
        of.offers().values().forEach(fresh::offer);
        of.commitments().forEach(fresh::commitment);
        return fresh;
    }

    Resolved result() {
        return new Resolved(builderOf(parts).build(), actions);
    }
}
