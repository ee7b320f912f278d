package vn.childaid.matching.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.RandomScenarios;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.scenario.Scenario;

class AllocationSolutionClonerTest {
    @Test
    void aCloneIsSelfContainedAndLeavesTheOriginalAlone() {
        Scenario scenario = RandomScenarios.generate(3, 8, 5, 30);
        AllocationSolution original = SolverModel.build(scenario, GreedyAllocator.allocate(scenario));
        AllocationSolution clone = new AllocationSolutionCloner().cloneSolution(original);

        Set<OfferBudget> cloneOffers = Set.copyOf(clone.getOffers());
        assertEquals(original.getLots().size(), clone.getLots().size());
        for (int i = 0; i < original.getLots().size(); i++) {
            Lot before = original.getLots().get(i);
            Lot after = clone.getLots().get(i);
            assertNotSame(before, after);
            assertEquals(before.getId(), after.getId());
            assertEquals(before.getOffer() == null ? null : before.getOffer().id(),
                    after.getOffer() == null ? null : after.getOffer().id());
            assertTrue(after.getOffer() == null || cloneOffers.contains(after.getOffer()), "points at the clone's offers");
            assertTrue(cloneOffers.containsAll(after.getEligibleOffers()), "draws values from the clone's offers");
            assertSame(clone.getNeeds().get(original.getNeeds().indexOf(before.getNeed())), after.getNeed());
        }
        for (int i = 0; i < original.getOffers().size(); i++) {
            OfferBudget before = original.getOffers().get(i);
            OfferBudget after = clone.getOffers().get(i);
            assertEquals(before.getCapacityUsed(), after.getCapacityUsed());
            assertEquals(before.getLots().stream().map(Lot::getId).toList(), after.getLots().stream().map(Lot::getId).toList());
            assertTrue(after.getLots().stream().allMatch(lot -> lot.getOffer() == after), "inverse lists are consistent");
        }

        Lot changed = clone.getLots().stream().filter(lot -> lot.getOffer() != null).findFirst().orElseThrow();
        changed.setOffer(null);
        assertEquals(original.getLots().stream().filter(l -> l.getOffer() != null).map(Lot::getId).collect(Collectors.toSet()),
                SolverModel.build(scenario, GreedyAllocator.allocate(scenario)).getLots().stream()
                        .filter(l -> l.getOffer() != null).map(Lot::getId).collect(Collectors.toSet()),
                "changing the clone left the original as it was");
    }
}
