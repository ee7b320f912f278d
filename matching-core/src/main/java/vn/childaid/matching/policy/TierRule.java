package vn.childaid.matching.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.classification.Urgency;

/**
 * One priority group. A need matches when every condition given holds; an omitted condition
 * (empty) matches anything.
 *
 * @param especiallyDifficult whether the need must (or must not) be in an especially difficult village
 * @param regions the commune's region must be one of these
 * @param urgencies the need's urgency must be one of these
 */
public record TierRule(String name, Optional<Boolean> especiallyDifficult, Set<Region> regions,
        Set<Urgency> urgencies) {

    public TierRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(especiallyDifficult, "especiallyDifficult");
        regions = Set.copyOf(Objects.requireNonNull(regions, "regions"));
        urgencies = Set.copyOf(Objects.requireNonNull(urgencies, "urgencies"));
    }

    public static TierRule named(String name) {
        return new TierRule(name, Optional.empty(), Set.of(), Set.of());
    }

    public TierRule especiallyDifficult(boolean required) {
        return new TierRule(name, Optional.of(required), regions, urgencies);
    }

    public TierRule inRegions(Region... allowed) {
        return new TierRule(name, especiallyDifficult, Set.of(allowed), urgencies);
    }

    public TierRule withUrgency(Urgency... allowed) {
        return new TierRule(name, especiallyDifficult, regions, Set.of(allowed));
    }

    public boolean matches(boolean needInEspeciallyDifficultVillage, Region region, Urgency urgency) {
        return especiallyDifficult.map(required -> required == needInEspeciallyDifficultVillage).orElse(true)
                && (regions.isEmpty() || regions.contains(region))
                && (urgencies.isEmpty() || urgencies.contains(urgency));
    }
}
