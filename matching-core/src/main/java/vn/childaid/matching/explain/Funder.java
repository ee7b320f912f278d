package vn.childaid.matching.explain;

import java.util.Objects;

/** An offer funding a need, with the units of all its lines to the need (committed ones included). */
public record Funder(String offer, long units) {
    public Funder {
        Objects.requireNonNull(offer, "offer");
    }
}
