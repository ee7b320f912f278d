package vn.childaid.matching.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;
import vn.childaid.matching.ContractOracle;
import vn.childaid.matching.RandomScenarios;
import vn.childaid.matching.RandomScenarios.Case;
import vn.childaid.matching.Seeds;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.engine.AllocationEngine;
import vn.childaid.matching.engine.ExhaustiveOptimum;
import vn.childaid.matching.engine.SolveOptions;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.HardRuleAudit;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * The exact re-optimisation of neighbourhoods run alone (no local search): it reaches the exhaustive
 * optimum of tiny scenarios, every plan it writes back keeps every hard rule, it never ends below
 * its start, never moves a pinned lot, and the engine falls back to local search without OR-Tools.
 */
@ExtendWith(Seeds.NameTheSeed.class)
class ExactNeighbourhoodPhaseTest {
    private static final long FAR_AWAY = Long.MAX_VALUE / 4;

    @AfterEach
    void enableAgain() {
        System.clearProperty(ExactNeighbourhoods.DISABLED_PROPERTY);
    }

    private static NeighbourhoodSolver cpSat() {
        assumeTrue(ExactNeighbourhoods.available(), "OR-Tools is not on this machine");
        return ExactNeighbourhoods.newSolver().orElseThrow();
    }

    /** Runs the exact phase alone over {@code model}, with {@code between} after every neighbourhood. */
    private static AllocationSolution solveExactOnly(AllocationSolution model, long seed,
            CustomPhaseCommand<AllocationSolution> between) {
        ExactNeighbourhoodPhase exact = new ExactNeighbourhoodPhase(cpSat(), seed, () -> System.nanoTime() + FAR_AWAY);
        List<CustomPhaseCommand> commands = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            commands.add(exact);
            commands.add(between);
        }
        return SolverFactory.<AllocationSolution>create(AllocationSolverConfig.model()
                        .withPhases(new CustomPhaseConfig().withCustomPhaseCommandList(commands))
                        .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                        .withRandomSeed(seed))
                .buildSolver().solve(model);
    }

    private static List<Allocation> allLines(Scenario scenario, AllocationSolution solution) {
        List<Allocation> lines = new ArrayList<>(ContractOracle.committedLines(scenario));
        lines.addAll(SolverModel.newLines(scenario, solution));
        return lines;
    }

    static Stream<Case> reachesTheExhaustiveOptimumOfTinyScenarios() {
        return Case.cases(25, 3, 3);
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void reachesTheExhaustiveOptimumOfTinyScenarios(Case c) {
        Scenario scenario = c.scenario(3);
        double[] optimum = ExhaustiveOptimum.tierValues(scenario);
        AllocationSolution solved = solveExactOnly(SolverModel.build(scenario), c.seed(), director -> { });
        double[] found = ContractOracle.tierValues(scenario, allLines(scenario, solved));
        assertEquals(0, ContractOracle.compare(scenario.policy(), found, optimum),
                () -> "found " + Arrays.toString(found) + ", optimum " + Arrays.toString(optimum) + " under "
                        + scenario.policy());
    }

    static Stream<Case> everyPlanWrittenBackKeepsEveryHardRuleAndNeverFallsBelowTheGreedy() {
        return Case.cases(20, 14, 7);
    }

    /** Random scenarios hold WEIGHTED policies, commitments, indivisible needs, minimum grants and caps. */
    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void everyPlanWrittenBackKeepsEveryHardRuleAndNeverFallsBelowTheGreedy(Case c) {
        Scenario scenario = contended(c.scenario(30), c.seed());
        List<Allocation> greedy = GreedyAllocator.allocate(scenario);
        List<String> broken = new ArrayList<>();
        AllocationSolution solved = solveExactOnly(SolverModel.build(scenario, greedy), c.seed(), director -> {
            List<Allocation> lines = allLines(scenario, director.getWorkingSolution());
            if (!ContractOracle.broken(scenario, lines).isEmpty() || !HardRuleAudit.audit(scenario, lines).isEmpty()) {
                broken.add(ContractOracle.broken(scenario, lines) + " " + HardRuleAudit.audit(scenario, lines));
            }
        });
        assertEquals(List.of(), broken);
        List<Allocation> greedyLines = new ArrayList<>(ContractOracle.committedLines(scenario));
        greedyLines.addAll(greedy);
        double[] found = ContractOracle.tierValues(scenario, allLines(scenario, solved));
        double[] start = ContractOracle.tierValues(scenario, greedyLines);
        assertTrue(ContractOracle.compare(scenario.policy(), found, start) >= 0,
                () -> Arrays.toString(found) + " < greedy " + Arrays.toString(start));
    }

    /**
     * Money running out and restricted offers: every offer at 70% of its capacity, and a minimum grant
     * or a cap on needs on some of them, drawn from the seed.
     */
    static Scenario contended(Scenario scenario, long seed) {
        java.util.Random random = new java.util.Random(seed);
        Set<String> committedOffers = new java.util.HashSet<>();
        scenario.commitments().forEach(commitment -> committedOffers.add(commitment.offer()));
        List<Offer> offers = new ArrayList<>();
        for (Offer offer : scenario.offers()) {
            Offer.Builder scaled = offer.toBuilder();
            if (!committedOffers.contains(offer.id())) { // a commitment must stay within its offer
                if (offer.isCash()) {
                    scaled.amount(Math.max(1, offer.amount() * 7 / 10));
                } else {
                    scaled.quantity(Math.max(1, offer.quantity() * 7 / 10));
                }
            }
            if (random.nextInt(3) == 0) {
                scaled.minGrant(Math.max(offer.minGrant(), 400_000L));
            }
            if (random.nextInt(3) == 0 && offer.maxNeeds() == 0) {
                scaled.maxNeeds(1 + random.nextInt(3));
            }
            offers.add(scaled.build());
        }
        return scenario.withOffers(offers);
    }

    @Test
    void neverMovesAPinnedLot() {
        Scenario scenario = RandomScenarios.generate(11, 12, 5, 20);
        AllocationSolution model = SolverModel.build(scenario, GreedyAllocator.allocate(scenario));
        Map<String, String> pinned = new HashMap<>();
        for (int i = 0; i < model.getLots().size(); i += 3) {
            Lot lot = model.getLots().get(i);
            lot.setPinned(true);
            pinned.put(lot.getId(), lot.getOffer() == null ? null : lot.getOffer().id());
        }
        AllocationSolution solved = solveExactOnly(model, 11, director -> { });
        for (Lot lot : solved.getLots()) {
            if (pinned.containsKey(lot.getId())) {
                assertEquals(pinned.get(lot.getId()), lot.getOffer() == null ? null : lot.getOffer().id(), lot.getId());
            }
        }
    }

    @Test
    void withoutOrToolsTheEngineRunsLocalSearchAloneAndSaysNothingIsWrong() {
        Scenario scenario = contended(RandomScenarios.generate(5, 14, 6, 30), 5);
        SolveOptions options = SolveOptions.defaults().withScoreCalculationLimit(20_000).withRandomSeed(5);
        Plan localSearchOnly = AllocationEngine.solve(scenario, options.withExactNeighbourhoods(false));
        System.setProperty(ExactNeighbourhoods.DISABLED_PROPERTY, "true");
        assertFalse(ExactNeighbourhoods.available());
        assertTrue(ExactNeighbourhoods.newSolver().isEmpty());
        Plan fallback = AllocationEngine.solve(scenario, options.withExactNeighbourhoods(true));
        assertEquals(localSearchOnly.allocations(), fallback.allocations());
        assertEquals(Set.of(), ContractOracle.broken(scenario, fallback.allocations()));
    }

    /** Only the classes loaded after the availability check may name OR-Tools: the rest must load without it. */
    @Test
    void onlyTheCpSatClassNamesOrTools() throws java.io.IOException {
        java.nio.file.Path sources = java.nio.file.Path.of("src/main/java");
        List<String> naming;
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(sources)) {
            naming = files.filter(file -> file.toString().endsWith(".java")).filter(file -> {
                try {
                    return java.nio.file.Files.readString(file).contains("com.google.ortools.sat");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(file -> file.getFileName().toString()).toList();
        }
        assertEquals(Set.of("CpSatNeighbourhoodSolver.java", "CpSatStartSolver.java"), Set.copyOf(naming));
    }

    @Test
    void theSameSeedGivesTheSamePlanWithExactNeighbourhoods() {
        cpSat();
        Scenario scenario = contended(RandomScenarios.generate(8, 14, 7, 30), 8);
        // A time limit far beyond the work, so only counts end the phases, as on a busy machine they must.
        SolveOptions options = SolveOptions.defaults().withTimeLimit(java.time.Duration.ofMinutes(10))
                .withScoreCalculationLimit(20_000).withRandomSeed(8).withExactNeighbourhoods(true);
        assertEquals(AllocationEngine.solve(scenario, options).allocations(),
                AllocationEngine.solve(scenario, options).allocations());
    }
}
