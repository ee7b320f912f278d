package vn.childaid.matching.plan;

import java.util.Objects;

/**
 * One allocation line: {@code units} of a need funded by an offer, worth {@code amount} VND
 * (units × unitCost for cash, units × unitValue in kind). {@code committed} lines came from the
 * scenario's commitments and were never moved.
 */
public record Allocation(String offer, String need, int units, long amount, boolean committed) {
    public Allocation {
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(need, "need");
    }
}
