package vn.childaid.matching.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.ContractOracle;
import vn.childaid.matching.ContractOracle.Broken;
import vn.childaid.matching.RandomScenarios.Case;
import vn.childaid.matching.Seeds;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * The audit and the independent {@link ContractOracle} judge any lines alike: the same rules broken,
 * naming the same offers and needs. The lines are drawn at random, so most break several rules at
 * once, in combinations no hand-written case lists.
 */
@ExtendWith(Seeds.NameTheSeed.class)
class HardRuleAuditProperties {
    static Stream<Case> auditAndOracleFindTheSameBrokenRules() {
        return Case.cases(500, 6, 5);
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void auditAndOracleFindTheSameBrokenRules(Case c) {
        Scenario scenario = c.scenario(6);
        List<Allocation> lines = randomLines(new Random(c.seed()), scenario);

        Set<Broken> byAudit = HardRuleAudit.audit(scenario, lines).stream()
                .map(violation -> new Broken(violation.rule().name(), violation.offer(), violation.need()))
                .collect(Collectors.toSet());

        assertEquals(ContractOracle.broken(scenario, lines), byAudit, () -> "lines " + lines);
    }

    /**
     * Lines of any offer for any need: some units beyond what is open, some below 1, some unknown
     * ids, commitments kept, changed, dropped or invented.
     */
    private static List<Allocation> randomLines(Random random, Scenario scenario) {
        List<Allocation> lines = new ArrayList<>();
        for (Commitment commitment : scenario.commitments()) {
            int choice = random.nextInt(6);
            if (choice > 0) {
                int units = choice == 1 ? commitment.units() + random.nextInt(3) - 1 : commitment.units();
                lines.add(Allocation.committed(commitment.offer(), commitment.need(), units, 0));
            }
        }
        int count = random.nextInt(10);
        for (int i = 0; i < count; i++) {
            Offer offer = scenario.offers().get(random.nextInt(scenario.offers().size()));
            Need need = scenario.needs().get(random.nextInt(scenario.needs().size()));
            String offerId = random.nextInt(30) == 0 ? "O-unknown" : offer.id();
            String needId = random.nextInt(30) == 0 ? "N-unknown" : need.id();
            // Mostly small lines, so needs are often left short and minGrant is not waived.
            int units = random.nextInt(20) == 0 ? -random.nextInt(2)
                    : 1 + random.nextInt(random.nextInt(3) == 0 ? need.openUnits() + 1 : Math.max(1, need.openUnits() / 3));
            lines.add(Allocation.builder(offerId, needId).units(units).committed(random.nextInt(12) == 0).build());
        }
        return lines;
    }
}
