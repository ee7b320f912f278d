package vn.childaid.matching.solver;

import java.util.List;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicType;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * The solver configuration the engine uses: construction fills the highest tiers first (first fit
 * decreasing over {@link LotDifficultyComparator}), then local search mixes single-lot changes,
 * swaps between lots, and {@link FundWholeNeedMove}s for all-or-nothing needs.
 */
public final class AllocationSolverConfig {
    private AllocationSolverConfig() {}

    /** Model classes and constraints only: no phases or limits. The base every variant starts from. */
    public static SolverConfig model() {
        return new SolverConfig()
                .withSolutionClass(AllocationSolution.class)
                .withEntityClasses(Lot.class, OfferBudget.class)
                .withConstraintProviderClass(AllocationConstraintProvider.class);
    }

    /** The phases the engine runs by default. */
    public static List<PhaseConfig> defaultPhases() {
        return List.of(
                new ConstructionHeuristicPhaseConfig()
                        .withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT_DECREASING),
                new LocalSearchPhaseConfig().withMoveSelectorConfig(new UnionMoveSelectorConfig()
                        .withMoveSelectors(
                                new ChangeMoveSelectorConfig(),
                                new SwapMoveSelectorConfig(),
                                new MoveIteratorFactoryConfig()
                                        .withMoveIteratorFactoryClass(FundWholeNeedMoveFactory.class))));
    }

    /** The engine's configuration; limits are added by the caller. */
    public static SolverConfig create(long randomSeed, int moveThreads, boolean assertScores) {
        return model()
                .withPhases(defaultPhases().toArray(PhaseConfig[]::new))
                .withEnvironmentMode(assertScores ? EnvironmentMode.FULL_ASSERT : EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(randomSeed)
                .withMoveThreadCount(moveThreads == 1 ? SolverConfig.MOVE_THREAD_COUNT_NONE : Integer.toString(moveThreads));
    }
}
