package vn.childaid.matching.scenario;

import static vn.childaid.matching.scenario.Checks.requireText;

/**
 * A village (thôn, buôn). Villages have no national code: by convention the commune code plus a
 * local sequence, e.g. {@code 24457-07}.
 */
public record Village(String code, String name, String commune, boolean especiallyDifficult) {
    public Village {
        requireText(code, "code");
        requireText(name, "name");
        requireText(commune, "commune");
    }
}
