package vn.childaid.matching.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.RandomChangeSets;
import vn.childaid.matching.RandomScenarios;
import vn.childaid.matching.Seeds;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.json.ChangeSetJson;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.scenario.Problem;
import vn.childaid.matching.scenario.Scenario;

/** Properties of change sets over seeded random scenarios and random change sets, valid or not. */
@ExtendWith(Seeds.NameTheSeed.class)
class ChangeSetProperties {
    static java.util.stream.Stream<RandomScenarios.Case> cases() {
        return RandomScenarios.Case.cases(40, 12, 8);
    }

    /** The changed scenario, or the problems: what applying a change set comes to. */
    private static Object outcome(Supplier<Scenario> apply) {
        try {
            return apply.get();
        } catch (InvalidChangeSetException invalid) {
            return invalid.problems();
        }
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource("cases")
    void aChangeSetsJsonRoundTripAppliesToTheSameScenario(RandomScenarios.Case c) {
        Scenario scenario = c.scenario(6);
        Plan plan = GreedyAllocator.plan(scenario);
        ChangeSet changeSet = RandomChangeSets.generate(new Random(c.seed()), scenario, plan);
        ChangeSet readBack = ChangeSetJson.read(ChangeSetJson.toJson(changeSet), "round-trip.changes.json");

        assertEquals(changeSet, readBack);
        assertEquals(outcome(() -> changeSet.applyTo(scenario, Optional.of(plan))),
                outcome(() -> readBack.applyTo(scenario, Optional.of(plan))));
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource("cases")
    void scalingEveryOfferByOneIsTheIdentity(RandomScenarios.Case c) {
        Scenario scenario = c.scenario(6);
        assertEquals(scenario, ChangeSet.of("×1", List.of(Change.ScaleOffers.all(1))).applyTo(scenario, Optional.empty()));
    }

    /**
     * Every problem says where it is: at a change of the set (one that exists), or, when no change
     * can be blamed, in the changed scenario; never at a path the user cannot find.
     */
    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource("cases")
    void everyProblemIsAtAChangeOrInTheChangedScenario(RandomScenarios.Case c) {
        Scenario scenario = c.scenario(6);
        Plan plan = GreedyAllocator.plan(scenario);
        ChangeSet changeSet = RandomChangeSets.generate(new Random(c.seed()), scenario, plan);
        if (outcome(() -> changeSet.applyTo(scenario, Optional.of(plan))) instanceof List<?> problems) {
            for (Object problem : problems) {
                Problem p = (Problem) problem;
                boolean placed = p.path().startsWith("$.changes[") && Integer.parseInt(
                        p.path().substring(10, p.path().indexOf(']'))) < changeSet.changes().size()
                        || p.message().endsWith("(in the changed scenario)");
                org.junit.jupiter.api.Assertions.assertTrue(placed, () -> "a problem at no change: " + p);
            }
        }
    }
}
