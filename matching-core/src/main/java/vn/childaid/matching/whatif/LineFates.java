package vn.childaid.matching.whatif;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;

/**
 * What a re-plan did with some lines of the previous plan (usually the {@linkplain Untouched untouched}
 * ones): a line is <b>kept</b> when the new plan has the same offer–need pair with the same units,
 * <b>moved</b> when the pair is still there with other units, <b>dropped</b> when the pair is gone.
 * Only the new plan's uncommitted lines count: a line the change committed is neither.
 */
public record LineFates(int kept, int moved, int dropped) {

    /** How {@code replanned} treated {@code lines}. */
    public static LineFates of(List<Allocation> lines, Plan replanned) {
        Map<String, Integer> unitsByPair = new HashMap<>();
        for (Allocation line : replanned.allocations()) {
            if (!line.committed()) {
                unitsByPair.merge(line.offer() + '\u0000' + line.need(), line.units(), Integer::sum);
            }
        }
        int kept = 0;
        int moved = 0;
        int dropped = 0;
        for (Allocation line : lines) {
            Integer units = unitsByPair.get(line.offer() + '\u0000' + line.need());
            if (units == null) {
                dropped++;
            } else if (units == line.units()) {
                kept++;
            } else {
                moved++;
            }
        }
        return new LineFates(kept, moved, dropped);
    }

    /** Lines judged. */
    public int total() {
        return kept + moved + dropped;
    }

    /** Share of the lines kept, 1 when there were none. */
    public double keptShare() {
        return total() == 0 ? 1.0 : (double) kept / total();
    }
}
