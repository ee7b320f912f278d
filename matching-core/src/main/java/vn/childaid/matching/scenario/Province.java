package vn.childaid.matching.scenario;

import static vn.childaid.matching.scenario.Checks.requireText;

/**
 * The province (tỉnh) a scenario covers, as reports name it: the 4W table's {@code #adm1} columns.
 * Optional in a scenario, since the engine never needs it.
 *
 * @param code the province's official code, e.g. {@code "66"} for Đắk Lắk
 * @param name its name
 */
public record Province(String code, String name) {
    public Province {
        requireText(code, "code");
        requireText(name, "name");
    }
}
