package vn.childaid.matching.dedupe;

import java.util.Locale;

/** How {@link Duplicates#resolve} removes a group of duplicates. */
public enum Resolution {
    /**
     * Needs: keep the one with more children, then more units, then the smaller id; drop the others
     * unless they have commitments. Offers: keep the first, drop the others unless they have
     * commitments. Donors merge into the first id either way.
     */
    KEEP_LARGER,
    /**
     * Needs: keep the first id with the larger of each count ({@code children}, {@code quantity},
     * {@code alreadyCovered}), never their sum; the others' commitments move to it. Offers: keep the
     * first, the others' commitments move to it. Donors merge into the first id.
     */
    MERGE;

    /** The name the command line and report use: {@code keep-larger}, {@code merge}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The resolution of a label, as {@link #label()} writes it. */
    public static Resolution ofLabel(String label) {
        for (Resolution resolution : values()) {
            if (resolution.label().equals(label)) {
                return resolution;
            }
        }
        throw new IllegalArgumentException("unknown resolution '" + label + "': use keep-larger or merge");
    }
}
