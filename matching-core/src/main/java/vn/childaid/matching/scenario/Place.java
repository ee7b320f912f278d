package vn.childaid.matching.scenario;

import vn.childaid.matching.classification.Region;
import java.util.Optional;

/** Where a need sits in the area tree, resolved: its village (if any), commune and district. */
public record Place(Optional<Village> village, Commune commune, Optional<String> district) {

    /** Commune-level needs are never in an especially difficult village. */
    public boolean especiallyDifficult() {
        return village.map(Village::especiallyDifficult).orElse(false);
    }

    public Region region() {
        return commune.region();
    }

    /** True when {@code code} names this place's village, commune or district. */
    public boolean isWithin(String code) {
        return village.map(v -> v.code().equals(code)).orElse(false)
                || commune.code().equals(code)
                || district.map(d -> d.equals(code)).orElse(false);
    }
}
