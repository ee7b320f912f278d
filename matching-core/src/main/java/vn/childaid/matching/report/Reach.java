package vn.childaid.matching.report;

import java.util.Objects;

/**
 * The children a group of needs serves and the plan reaches: one category, age band, tier, district
 * or commune.
 *
 * @param key the group: a category, age band, tier name, district or commune code ({@code ""} for
 *     needs in communes without a district)
 * @param name the group's name for people: the area's name; the key itself otherwise
 * @param needs how many needs the group holds
 * @param fundedNeeds how many of them the plan funds fully (every open unit)
 * @param children the children the needs serve
 * @param reached children-equivalents reached: Σ over the group's lines of children × units / quantity
 */
public record Reach(String key, String name, int needs, int fundedNeeds, long children, double reached) {
    public Reach {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
    }
}
