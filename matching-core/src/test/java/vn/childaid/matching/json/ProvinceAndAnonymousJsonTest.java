package vn.childaid.matching.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Problem;
import vn.childaid.matching.scenario.Province;
import vn.childaid.matching.scenario.Scenario;

/** The optional {@code province} and a donor's {@code anonymous}: read strictly, written back, in the schema. */
class ProvinceAndAnonymousJsonTest {
    private static final String WITH_BOTH = ScenarioJsonTest.mutated(root -> {
        root.putObject("province").put("code", "66").put("name", "Đắk Lắk");
        ScenarioJsonTest.at(root, "donors", 1).put("anonymous", true);
    });

    private static List<Problem> problemsOf(String json) {
        return assertThrows(InvalidScenarioException.class, () -> ScenarioJson.parse(json, "s.json")).problems();
    }

    @Test
    void bothAreReadAndWrittenBack() {
        Scenario scenario = ScenarioJson.parse(WITH_BOTH, "s.json");

        assertEquals(Optional.of(new Province("66", "Đắk Lắk")), scenario.province());
        assertFalse(scenario.donors().get(0).anonymous());
        assertTrue(scenario.donors().get(1).anonymous());
        assertEquals(scenario, ScenarioJson.parse(ScenarioJson.toJson(scenario), "again.json"));
    }

    @Test
    void withoutThemTheScenarioIsWrittenAsBefore() {
        Scenario scenario = ScenarioJson.parse(ScenarioJsonTest.example(), "s.json");
        String written = ScenarioJson.toJson(scenario);

        assertTrue(scenario.province().isEmpty());
        assertFalse(written.contains("province"), "no province written when there is none");
        assertFalse(written.contains("anonymous"), "anonymous: false is the default and not written");
    }

    @Test
    void aBadProvinceOrAnonymousFlagIsReportedByPath() {
        String json = ScenarioJsonTest.mutated(root -> {
            root.putObject("province").put("code", " ").put("nom", "x");
            ScenarioJsonTest.at(root, "donors", 0).put("anonymous", "yes");
        });
        List<String> paths = problemsOf(json).stream().map(Problem::path).toList();

        assertTrue(paths.containsAll(List.of("$.province.code", "$.province.name", "$.province.nom",
                "$.donors[0].anonymous")), paths::toString);
        assertTrue(problemsOf(ScenarioJsonTest.mutated(root -> root.put("province", "66"))).stream()
                .anyMatch(p -> p.path().equals("$.province") && p.message().contains("must be an object")));
    }

    @Test
    void extensionsOnTheProvinceAreRefusedRatherThanLost() {
        String json = ScenarioJsonTest.mutated(root -> ((ObjectNode) root.putObject("province").put("code", "66")
                .put("name", "Đắk Lắk")).putObject("extensions").put("x", 1));

        assertEquals(List.of("$.province.extensions"), problemsOf(json).stream().map(Problem::path).toList());
    }

    @Test
    void theSchemaTakesBothAndRefusesTheirMistakes() {
        assertTrue(ContractSchemas.errors(ContractSchemas.SCENARIO, WITH_BOTH).isEmpty(),
                () -> ContractSchemas.errors(ContractSchemas.SCENARIO, WITH_BOTH).toString());
        String noName = ScenarioJsonTest.mutated(root -> root.putObject("province").put("code", "66"));
        String textFlag = ScenarioJsonTest.mutated(root -> ScenarioJsonTest.at(root, "donors", 0).put("anonymous", "yes"));
        assertFalse(ContractSchemas.errors(ContractSchemas.SCENARIO, noName).isEmpty());
        assertFalse(ContractSchemas.errors(ContractSchemas.SCENARIO, textFlag).isEmpty());
    }
}
