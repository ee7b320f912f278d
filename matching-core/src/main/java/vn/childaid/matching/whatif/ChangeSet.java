package vn.childaid.matching.whatif;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.childaid.matching.extensions.Extensions;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Scenario;

/**
 * A named, ordered list of {@link Change}s to a scenario: what a planner asks "what if" about (a
 * donor withdraws, pledges rise by a fifth, a survey adds needs, deliveries are done). Immutable.
 * Read and written as JSON by {@code ChangeSetJson} ({@code docs/contract.md}, "Change sets").
 */
public final class ChangeSet {
    public static final int FORMAT_VERSION = 1;

    private final String name;
    private final List<Change> changes;
    private final Extensions extensions;

    private ChangeSet(String name, List<Change> changes, Extensions extensions) {
        this.name = Objects.requireNonNull(name, "name");
        this.changes = List.copyOf(changes);
        this.extensions = Objects.requireNonNull(extensions, "extensions");
    }

    public static ChangeSet of(String name, List<Change> changes) {
        return new ChangeSet(name, changes, Extensions.NONE);
    }

    /** The same changes carrying the caller's data, kept but never read. */
    public ChangeSet withExtensions(Extensions value) {
        return new ChangeSet(name, changes, value);
    }

    public String name() {
        return name;
    }

    public List<Change> changes() {
        return changes;
    }

    public Extensions extensions() {
        return extensions;
    }

    /**
     * The scenario with every change applied in order, each seeing what the ones before it left
     * (a donor added, then its offer). Nothing is solved. The changed scenario is checked by every
     * rule a scenario read from JSON is.
     *
     * @param previousPlan the plan whose lines {@code commitLines} by {@code offers} commits, and
     *        which explicit {@code lines} must be part of when it is given
     * @throws InvalidChangeSetException listing every problem at once: each change that names an
     *         unknown id, removes an offer, need or donor carrying commitments, sets a field to a
     *         value the contract refuses or commits lines the plan does not hold, at its path in the
     *         change set ({@code $.changes[3].offer}); then every problem of the changed scenario, at
     *         the change that caused it where one can be told, else at its path in the scenario
     */
    public Scenario applyTo(Scenario scenario, Optional<Plan> previousPlan) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(previousPlan, "previousPlan");
        return new ChangeApplication(scenario, previousPlan).apply(changes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeSet that && name.equals(that.name) && changes.equals(that.changes)
                && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, changes, extensions);
    }

    @Override
    public String toString() {
        return "ChangeSet[" + name + ": " + changes.size() + " changes]";
    }
}
