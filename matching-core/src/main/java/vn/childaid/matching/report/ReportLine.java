package vn.childaid.matching.report;

import java.util.Objects;
import java.util.Optional;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;

/**
 * One allocation line of the plan as reports show it (the 4W table has one row per line): who gave,
 * for what, where, how much and for how many children. The offer's id is left out, since an
 * anonymous donor's offer ids may name them.
 *
 * @param need the need's id
 * @param tier the name of the need's tier
 * @param district the need's district; empty when its commune has none
 * @param village the need's village; empty for a need at commune level
 * @param value VND the line is worth, as the plan reports it
 * @param cash the offer gives money; goods in kind otherwise
 * @param committed the line was a commitment of the scenario; planned otherwise
 * @param children the children the line reaches: the need's children × units / quantity
 */
public record ReportLine(DonorRef donor, String need, Category category, AgeBand ageBand, String tier,
        Optional<AreaRef> district, AreaRef commune, Optional<AreaRef> village, int units, long value, boolean cash,
        boolean committed, double children) {
    public ReportLine {
        Objects.requireNonNull(donor, "donor");
        Objects.requireNonNull(need, "need");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(commune, "commune");
        Objects.requireNonNull(village, "village");
    }
}
