package vn.childaid.matching.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.engine.AllocationEngine;
import vn.childaid.matching.engine.SolveOptions;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAudit;
import vn.childaid.matching.policy.PolicyPreset;
import vn.childaid.matching.policy.PriorityMode;
import vn.childaid.matching.rules.Objective;
import vn.childaid.matching.scenario.Scenario;

/**
 * The engine across the contention knobs' whole range, not only at the family's members: its plan
 * keeps every rule by the audit and is never worse than the greedy by the policy's measure. Short
 * solves bounded by score calculations, so a busy machine changes nothing.
 */
class ContentionEngineTest {
    private static final SolveOptions SHORT = SolveOptions.defaults().withTimeLimit(Duration.ofMinutes(2))
            .withScoreCalculationLimit(15_000).withRandomSeed(1);

    static Stream<Arguments> settings() {
        Contention moderate = Contention.builder().minGrantShare(0.4).needCapShare(0.45).earmarkShare(0.5)
                .especiallyDifficultOnlyShare(0.15).narrowCategoryShare(0.2).eligibleOffersPerNeed(6).build();
        return Stream.of(
                Arguments.of("money runs out in tier 1, nothing restricted", ScenarioSize.SMALL, 21L,
                        Contention.builder().moneyShare(1, 0.5).minGrantShare(0).needCapShare(0).earmarkShare(0)
                                .especiallyDifficultOnlyShare(0).build()),
                Arguments.of("every offer restricted every way", ScenarioSize.SMALL, 22L,
                        Contention.builder().moneyShare(2, 0.8).minGrantShare(1).needCapShare(1).earmarkShare(1)
                                .especiallyDifficultOnlyShare(1).narrowCategoryShare(1).build()),
                Arguments.of("plenty of money, tight restrictions", ScenarioSize.SMALL, 23L,
                        Contention.builder().moneyShare(2, 1.5).minGrantShare(0.6).minGrantVnd(30_000_000, 80_000_000)
                                .needCapShare(0.6).needCapRange(1, 3).eligibleOffersPerNeed(3).build()),
                Arguments.of("moderate, money runs out in tier 2", ScenarioSize.SMALL, 24L,
                        moderate.toBuilder().moneyShare(2, 0.75).build()),
                Arguments.of("phase 2", ScenarioSize.SMALL, 25L,
                        moderate.toBuilder().policy(PolicyPreset.PHASE_2_2022_2025.policy()).moneyShare(2, 0.8).build()),
                Arguments.of("weighted", ScenarioSize.SMALL, 26L, ContentionFamily.SMALL_WEIGHTED.contention()),
                Arguments.of("tiny, tight", ScenarioSize.TINY, 27L, ContentionFamily.SMALL_TIER2_TIGHT.contention()));
    }

    @ParameterizedTest(name = "{0} ({1}, seed {2})")
    @MethodSource("settings")
    void theEnginesPlanKeepsEveryRuleAndIsNeverBelowTheGreedy(String label, ScenarioSize size, long seed,
            Contention contention) {
        Scenario scenario = DakLakGenerator.generate(size, seed, contention);
        Plan greedy = GreedyAllocator.plan(scenario);
        Plan engine = AllocationEngine.solve(scenario, SHORT);
        assertEquals(List.of(), PlanAudit.audit(scenario, engine), "the audit accepts the engine's plan");
        assertTrue(engine.feasible());
        assertTrue(Objective.compare(scenario.policy(), engine.tierValues(), greedy.tierValues()) >= 0,
                () -> "engine " + java.util.Arrays.toString(engine.tierValues()) + " below greedy "
                        + java.util.Arrays.toString(greedy.tierValues()) + " under " + scenario.policy().priorityMode());
        if (scenario.policy().priorityMode() == PriorityMode.STRICT) {
            assertTrue(engine.tierValues()[0] >= greedy.tierValues()[0] - 1e-6, "T_1 at least the greedy's");
        }
    }
}
