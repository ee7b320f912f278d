package vn.childaid.matching.solver;

import java.util.Iterator;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.scenario.Scenario;

/**
 * The hot path the province profile shows: making a refill/release move (a third of the samples
 * were in its search for lots to bump) and scoring it (do, score incrementally, undo), on the
 * engine's start plan. It lives in the solver's package (in this module) because it drives the
 * solver's package-private internals directly.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main MoveBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MoveBenchmark {
    @Param({"small", "province"})
    public String size;

    private InnerScoreDirector<AllocationSolution, BendableLongScore> scoreDirector;
    private Iterator<? extends Move<AllocationSolution>> refills;

    @Setup
    public void startPlan() {
        Scenario scenario = DakLakGenerator.generate(ScenarioSize.valueOf(size.toUpperCase(Locale.ROOT)), 2020);
        AllocationSolution solution = SolverModel.build(scenario, GreedyAllocator.allocateBest(scenario));
        DefaultSolverFactory<AllocationSolution> factory =
                (DefaultSolverFactory<AllocationSolution>) SolverFactory.<AllocationSolution>create(AllocationSolverConfig.model());
        scoreDirector = factory.<BendableLongScore>getScoreDirectorFactory().buildScoreDirector(false, false);
        scoreDirector.setWorkingSolution(solution);
        scoreDirector.calculateScore();
        FundWholeNeedMoveFactory moves = new FundWholeNeedMoveFactory();
        moves.phaseStarted(scoreDirector);
        refills = moves.createRandomMoveIterator(scoreDirector, new Random(2020));
    }

    /** One random refill (or release) move, as the local search asks for them. */
    @Benchmark
    public Move<AllocationSolution> makeRefillMove() {
        return refills.next();
    }

    /** One refill move made, done, scored incrementally and undone: what the search pays per move weighed. */
    @Benchmark
    public BendableLongScore makeAndScoreRefillMove() {
        return scoreDirector.doAndProcessMove(refills.next(), false);
    }
}
