package vn.childaid.matching.solver;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.optaplanner.benchmark.api.PlannerBenchmarkFactory;
import org.optaplanner.benchmark.config.PlannerBenchmarkConfig;
import org.optaplanner.benchmark.config.SolverBenchmarkConfig;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicType;
import org.optaplanner.core.config.heuristic.selector.move.MoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.scenario.Scenario;

/**
 * OptaPlanner's benchmarker over solver configurations — acceptors, foragers, move selectors,
 * construction from empty versus the greedy start, move threads — on generated scenarios. Writes
 * the HTML report (with charts) under {@code local/benchmarks/}. It lives in the solver's package (in
 * this module) because it assembles configurations from the solver's package-private parts.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar vn.childaid.matching.solver.SolverConfigBenchmark small,province 30</pre>
 */
public final class SolverConfigBenchmark {
    private SolverConfigBenchmark() {}

    public static void main(String[] args) {
        String[] sizes = (args.length > 0 ? args[0] : "small,province").split(",");
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 30;
        List<AllocationSolution> fromGreedy = new ArrayList<>();
        List<AllocationSolution> fromEmpty = new ArrayList<>();
        for (String size : sizes) {
            Scenario scenario = DakLakGenerator.generate(ScenarioSize.valueOf(size.trim().toUpperCase(Locale.ROOT)), 2020);
            fromGreedy.add(SolverModel.build(scenario, GreedyAllocator.allocateBest(scenario)));
            fromEmpty.add(SolverModel.build(scenario));
        }
        TerminationConfig limit = new TerminationConfig().withSecondsSpentLimit(seconds);
        List<SolverBenchmarkConfig> variants = List.of(
                variant("engine - greedy then tabu 20pct 4000", limit, localSearch(tabu(0.2), 4000, allMoves())),
                variant("greedy then late acceptance 400", limit, localSearch(new LocalSearchAcceptorConfig().withLateAcceptanceSize(400), 1, allMoves())),
                variant("greedy then tabu 5pct 500", limit, localSearch(tabu(0.05), 500, allMoves())),
                variant("greedy then tabu 20pct 4000 - change and swap only", limit, localSearch(tabu(0.2), 4000,
                        allMoves().subList(0, 2))),
                new SolverBenchmarkConfig().withName("greedy then tabu 20pct 4000 - 2 move threads")
                        .withSolverConfig(config(limit, localSearch(tabu(0.2), 4000, allMoves())).withMoveThreadCount("2")));
        List<SolverBenchmarkConfig> fromEmptyVariants = List.of(
                variant("empty then first fit decreasing then tabu 20pct 4000", limit,
                        new ConstructionHeuristicPhaseConfig().withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT_DECREASING),
                        localSearch(tabu(0.2), 4000, allMoves())));

        File directory = new File("local/benchmarks");
        run(directory, variants, fromGreedy);
        run(directory, fromEmptyVariants, fromEmpty);
        System.out.println("Reports under " + directory.getAbsolutePath() + "/<timestamp>/index.html");
    }

    private static void run(File directory, List<SolverBenchmarkConfig> variants, List<AllocationSolution> problems) {
        PlannerBenchmarkConfig config = new PlannerBenchmarkConfig();
        config.setBenchmarkDirectory(directory);
        config.setParallelBenchmarkCount("1"); // 2 cores: one solver at a time keeps timings honest
        config.setSolverBenchmarkConfigList(variants);
        PlannerBenchmarkFactory.create(config).buildPlannerBenchmark(problems).benchmark();
    }

    private static LocalSearchAcceptorConfig tabu(double entityRatio) {
        return new LocalSearchAcceptorConfig().withEntityTabuRatio(entityRatio);
    }

    private static List<MoveSelectorConfig> allMoves() {
        return AllocationSolverConfig.moveSelectors();
    }

    private static LocalSearchPhaseConfig localSearch(LocalSearchAcceptorConfig acceptor, int acceptedCountLimit,
            List<MoveSelectorConfig> moves) {
        return new LocalSearchPhaseConfig()
                .withAcceptorConfig(acceptor)
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(acceptedCountLimit))
                .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(moves.toArray(MoveSelectorConfig[]::new)));
    }

    private static SolverConfig config(TerminationConfig limit, PhaseConfig... phases) {
        return AllocationSolverConfig.model()
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(2020L)
                .withTerminationConfig(limit)
                .withPhases(phases);
    }

    private static SolverBenchmarkConfig variant(String name, TerminationConfig limit, PhaseConfig... phases) {
        return new SolverBenchmarkConfig().withName(name).withSolverConfig(config(limit, phases));
    }
}
