package vn.childaid.matching.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.childaid.matching.scenario.DonorType;

/**
 * The donors honoured (seed III.5), per donor type in the contract's type order: ranked once by
 * value allocated (then value offered) and once by children reached (then value allocated). Ties
 * keep the scenario's donor order, so the roll is the same on every run. An anonymous donor has a
 * row of their own, with neither name nor id ({@link DonorRef}).
 */
public record HonourRoll(List<Group> byValue, List<Group> byChildren) {
    public HonourRoll {
        byValue = List.copyOf(byValue);
        byChildren = List.copyOf(byChildren);
    }

    /** One donor type's donors, best first. */
    public record Group(DonorType type, List<Entry> entries) {
        public Group {
            Objects.requireNonNull(type, "type");
            entries = List.copyOf(entries);
        }
    }

    /**
     * One donor's place.
     *
     * @param rank 1 for the first, then 2, 3, … (ties get distinct ranks, in scenario order)
     * @param allocated VND of the donor's offers the plan allocates, cash and in kind
     * @param offered VND the donor's offers are worth
     * @param childrenReached Σ over the donor's lines of children × units / quantity
     */
    public record Entry(int rank, DonorRef donor, long allocated, long offered, double childrenReached) {
        public Entry {
            Objects.requireNonNull(donor, "donor");
        }
    }

    private static final Comparator<DonorTotal> BY_VALUE = Comparator
            .comparingLong((DonorTotal total) -> total.money().allocated()).reversed()
            .thenComparing(Comparator.comparingLong((DonorTotal total) -> total.money().offered()).reversed());
    private static final Comparator<DonorTotal> BY_CHILDREN = Comparator
            .comparingDouble(DonorTotal::childrenReached).reversed()
            .thenComparing(Comparator.comparingLong((DonorTotal total) -> total.money().allocated()).reversed());

    /** The roll of {@code donors}, given in scenario order. */
    static HonourRoll of(List<DonorTotal> donors) {
        return new HonourRoll(rank(donors, BY_VALUE), rank(donors, BY_CHILDREN));
    }

    private static List<Group> rank(List<DonorTotal> donors, Comparator<DonorTotal> order) {
        Map<DonorType, List<DonorTotal>> byType = new EnumMap<>(DonorType.class);
        donors.forEach(total -> byType.computeIfAbsent(total.donor().type(), k -> new ArrayList<>()).add(total));
        List<Group> groups = new ArrayList<>();
        byType.forEach((type, totals) -> {
            List<DonorTotal> ranked = totals.stream().sorted(order).toList(); // stable: ties keep scenario order
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                DonorTotal total = ranked.get(i);
                entries.add(new Entry(i + 1, total.donor(), total.money().allocated(), total.money().offered(),
                        total.childrenReached()));
            }
            groups.add(new Group(type, entries));
        });
        return groups;
    }
}
