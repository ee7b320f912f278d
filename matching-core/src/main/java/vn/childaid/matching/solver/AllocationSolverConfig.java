package vn.childaid.matching.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicType;
import org.optaplanner.core.config.heuristic.selector.move.MoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * The solver configuration {@link SolverRun} uses: tabu search from the start plan, mixing single-lot
 * changes, swaps between lots, {@link ReassignLotsMove}s that refill or release a whole need, and
 * transfers between needs sharing an offer. Only without a start plan does construction run first
 * (first fit decreasing over {@link LotDifficultyComparator}, highest tiers first).
 */
final class AllocationSolverConfig {
    static final double ENTITY_TABU_RATIO = 0.2;
    /**
     * Moves weighed per step: half the lot count, between 1,000 and 8,000. Province example, 60 s,
     * one run each (T_2 gain over greedy): best of 1,500 +1,254, 4,000 +1,363, 8,000 +1,507,
     * 16,000 +1,388; small problems need more, cheaper steps.
     */
    static int acceptedCountLimit(int lotCount) {
        return Math.max(1_000, Math.min(8_000, lotCount / 2));
    }

    private AllocationSolverConfig() {}

    /** Model classes and constraints only: no phases or limits. The base every variant starts from. */
    static SolverConfig model() {
        return new SolverConfig()
                .withSolutionClass(AllocationSolution.class)
                .withEntityClasses(Lot.class, OfferBudget.class)
                .withConstraintProviderClass(AllocationConstraintProvider.class);
    }

    /**
     * The phases the engine runs. From a greedy start there is no construction phase: the greedy is
     * the construction, and first-fit-decreasing over every lot and offer added nothing to the top
     * tiers on the province example while costing seconds (hours on a national one).
     */
    static List<PhaseConfig> phases(boolean greedyStart, int lotCount) {
        return greedyStart ? List.of(localSearch(lotCount)) : List.of(
                new ConstructionHeuristicPhaseConfig()
                        .withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT_DECREASING),
                localSearch(lotCount));
    }

    private static PhaseConfig localSearch(int lotCount) {
        return new LocalSearchPhaseConfig()
                // Measured on the province example (benchmarks/README.md): late acceptance stalled after
                // ~5 s; tabu on a fifth of the lots, picking the best of thousands of moves a step, gained
                // four times as much in the ED tier by 20 s. (On the small example late acceptance did better.)
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withEntityTabuRatio(ENTITY_TABU_RATIO))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(acceptedCountLimit(lotCount)))
                .withMoveSelectorConfig(new UnionMoveSelectorConfig()
                        .withMoveSelectors(moveSelectors().toArray(MoveSelectorConfig[]::new)));
    }

    /**
     * The engine's local-search moves, equally likely: single-lot changes and swaps, whole-need
     * refills and releases, and transfers between needs sharing an offer. Fixed weights because by
     * size swaps (lots²) would crowd out everything else.
     */
    static List<MoveSelectorConfig> moveSelectors() {
        return List.of(
                new ChangeMoveSelectorConfig().withFixedProbabilityWeight(1.0),
                new SwapMoveSelectorConfig().withFixedProbabilityWeight(1.0),
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(FundWholeNeedMoveFactory.class)
                        .withFixedProbabilityWeight(1.0),
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(TransferMoveFactory.class)
                        .withFixedProbabilityWeight(1.0));
    }

    /**
     * Share of the time left that the exact phase may use at most; local search polishes in the rest
     * (the lower soft levels the exact model does not see) and keeps going when the exact phase ends
     * early, which it does once a pass of its largest neighbourhoods gains nothing.
     */
    static final double EXACT_PHASE_SHARE = 0.7;

    /**
     * Puts the exact re-optimisation of neighbourhoods before local search: it starts from the
     * greedy's (or the construction's) plan. The command is listed many times, once per neighbourhood,
     * so that OptaPlanner checks the limits and records each new best plan between neighbourhoods.
     */
    static void addExactPhase(SolverConfig config, ExactNeighbourhoodPhase command, Duration timeLeft) {
        List<PhaseConfig> phases = new ArrayList<>(config.getPhaseConfigList());
        long budgetMillis = Math.max(1, (long) (timeLeft.toMillis() * EXACT_PHASE_SHARE));
        CustomPhaseConfig exact = new CustomPhaseConfig()
                .withCustomPhaseCommandList(Collections.nCopies(ExactNeighbourhoodPhase.CALLS, command))
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofMillis(budgetMillis)));
        phases.add(phases.size() - 1, exact); // just before local search
        config.setPhaseConfigList(phases);
    }

    /**
     * The engine's configuration; limits are added by the caller.
     *
     * @param lotCount the model's lots: the local search weighs more moves a step on larger models
     */
    static SolverConfig create(long randomSeed, int moveThreads, boolean assertScores, boolean greedyStart,
            int lotCount) {
        return model()
                .withPhases(phases(greedyStart, lotCount).toArray(PhaseConfig[]::new))
                .withEnvironmentMode(assertScores ? EnvironmentMode.FULL_ASSERT : EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(randomSeed)
                .withMoveThreadCount(moveThreads == 1 ? SolverConfig.MOVE_THREAD_COUNT_NONE : Integer.toString(moveThreads));
    }
}
