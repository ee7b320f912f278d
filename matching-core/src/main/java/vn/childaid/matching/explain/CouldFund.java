package vn.childaid.matching.explain;

import java.util.Objects;

/**
 * A need not fully funded that the offer is eligible for and has room for (at least one unit's
 * worth left).
 *
 * @param need the need's id
 * @param units the most units the offer could add, by its capacity and the need's units left
 * @param code what stops it, or {@link Reason#ROOM_LEFT} when nothing does; never {@link
 *     Reason#CAPACITY} or {@link Reason#ELIGIBILITY}
 */
public record CouldFund(String need, long units, Reason code) {
    public CouldFund {
        Objects.requireNonNull(need, "need");
        Objects.requireNonNull(code, "code");
    }
}
