package vn.childaid.matching.explain;

import java.util.Objects;

/**
 * Part of an offer's use: what went to one tier, category or district.
 *
 * @param key the tier's name, the category's name or the district's code; for a district, {@link
 *     #NO_DISTRICT} gathers the needs of communes in no district (two-tier data)
 * @param vnd the lines' amounts, VND (in-kind goods at their unit value)
 * @param units the units of goods given, for an in-kind offer; 0 for cash
 */
public record Share(String key, long vnd, long units) {
    /** The key of the share that went to communes in no district. */
    public static final String NO_DISTRICT = "";

    public Share {
        Objects.requireNonNull(key, "key");
    }
}
