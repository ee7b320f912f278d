package vn.childaid.matching.solver;

import java.util.List;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;

/**
 * The solver's working model of a scenario: needs and areas as facts; lots as the genuine entities;
 * offers as shadow entities that know the lots they fund.
 *
 * <p>The score has one hard level and {@link ScoreLevels#SOFT_LEVELS} soft levels: one per tier
 * (STRICT) or the first alone (WEIGHTED), then a balanced re-plan's stability, especially-difficult-first,
 * donor preferences, fairness, fewer funders per need and fewer lines. See {@link AllocationConstraintProvider}.
 */
@PlanningSolution(solutionCloner = AllocationSolutionCloner.class)
final class AllocationSolution {
    @PlanningEntityCollectionProperty
    private List<OfferBudget> offers;
    @ProblemFactCollectionProperty
    private List<NeedFact> needs;
    @ProblemFactCollectionProperty
    private List<AreaFact> areas;
    @PlanningEntityCollectionProperty
    private List<Lot> lots;
    @PlanningScore(bendableHardLevelsSize = ScoreLevels.HARD_LEVELS, bendableSoftLevelsSize = ScoreLevels.SOFT_LEVELS)
    private BendableLongScore score;

    /** For OptaPlanner's cloning. */
    AllocationSolution() {
    }

    AllocationSolution(List<OfferBudget> offers, List<NeedFact> needs, List<AreaFact> areas, List<Lot> lots) {
        this.offers = offers;
        this.needs = needs;
        this.areas = areas;
        this.lots = lots;
    }

    List<OfferBudget> getOffers() { return offers; }
    List<NeedFact> getNeeds() { return needs; }
    List<AreaFact> getAreas() { return areas; }
    List<Lot> getLots() { return lots; }
    BendableLongScore getScore() { return score; }
    void setScore(BendableLongScore score) { this.score = score; }
}
