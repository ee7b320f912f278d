package vn.childaid.matching.dedupe;

import java.util.List;
import vn.childaid.matching.scenario.Scenario;

/** A scenario with its duplicates removed, and one line per thing done (or left alone, and why). */
public record Resolved(Scenario scenario, List<String> actions) {
    public Resolved {
        actions = List.copyOf(actions);
    }
}
