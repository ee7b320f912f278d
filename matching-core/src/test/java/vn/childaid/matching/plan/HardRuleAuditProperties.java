package vn.childaid.matching.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import vn.childaid.matching.ContractOracle;
import vn.childaid.matching.ContractOracle.Broken;
import vn.childaid.matching.RandomScenarios;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * The audit and the independent {@link ContractOracle} judge any lines alike: the same rules broken,
 * naming the same offers and needs. The lines are drawn at random, so most break several rules at
 * once, in combinations no hand-written case lists.
 */
class HardRuleAuditProperties {
    @Property(tries = 500)
    void auditAndOracleFindTheSameBrokenRules(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int needs,
            @ForAll @IntRange(min = 1, max = 5) int offers) {
        Scenario scenario = RandomScenarios.generate(seed, needs, offers, 6);
        List<Allocation> lines = randomLines(new Random(seed), scenario);

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
                lines.add(new Allocation(commitment.offer(), commitment.need(), units, 0, true));
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
            lines.add(new Allocation(offerId, needId, units, 0, random.nextInt(12) == 0));
        }
        return lines;
    }
}
