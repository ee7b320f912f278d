package vn.childaid.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.policy.PolicyPreset;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;
import vn.childaid.matching.whatif.Change;
import vn.childaid.matching.whatif.ChangeSet;

/**
 * Random change sets for a scenario (built from {@link RandomScenarios}' area tree): every kind of
 * change, valid or not, so that properties see both what applies and what is refused.
 */
public final class RandomChangeSets {
    private RandomChangeSets() {}

    /** Between 0 and 6 changes of every kind, naming ids of the scenario mostly, sometimes unknown ones. */
    public static ChangeSet generate(Random random, Scenario scenario, Plan plan) {
        List<Change> changes = new ArrayList<>();
        int count = random.nextInt(7);
        for (int i = 0; i < count; i++) {
            String offer = pick(random, scenario.offers().stream().map(Offer::id).toList(), "O-404");
            String need = pick(random, scenario.needs().stream().map(Need::id).toList(), "N-404");
            String donor = pick(random, scenario.donors().stream().map(Donor::id).toList(), "D-404");
            changes.add(switch (random.nextInt(11)) {
                case 0 -> new Change.RemoveOffer(offer);
                case 1 -> new Change.ScaleOffers(List.of(0.5, 1.0, 1.2, 1.1, 0.3, 2.0).get(random.nextInt(6)),
                        random.nextBoolean() ? Optional.of(DonorType.values()[random.nextInt(DonorType.values().length)])
                                : Optional.empty(),
                        random.nextInt(3) == 0 ? Optional.of(donor) : Optional.empty(),
                        random.nextInt(3) == 0 ? List.of(offer) : List.of());
                case 2 -> new Change.AddDonor(Donor.of("D-" + (90 + random.nextInt(3)), "Công ty " + i,
                        DonorType.values()[random.nextInt(DonorType.values().length)]));
                case 3 -> new Change.AddOffer(random.nextBoolean()
                        ? Offer.cash("O-" + (900 + random.nextInt(3)), donor, random.nextInt(5) * 1_000_000L)
                        : Offer.inKind("O-" + (900 + random.nextInt(3)), donor, Category.CLOTHING, 1 + random.nextInt(9), 150_000)
                                .withAreas(java.util.Set.of(TestScenarios.R3_COMMUNE)));
                case 4 -> new Change.UpdateOffer(offer, List.of("{\"amount\":7000000}", "{\"minGrant\":100000,\"maxNeeds\":2}",
                        "{\"categories\":[\"NUTRITION\"],\"ageBands\":null}", "{\"areas\":[\"nowhere\"]}").get(random.nextInt(4)));
                case 5 -> new Change.RemoveDonor(donor);
                case 6 -> new Change.AddNeed(Need.inVillage("N-" + (9000 + random.nextInt(3)), TestScenarios.ED_VILLAGE,
                        Category.NUTRITION, AgeBand.ALL, 1 + random.nextInt(30), 1 + random.nextInt(30), 400_000, Urgency.HIGH));
                case 7 -> new Change.RemoveNeed(need);
                case 8 -> new Change.UpdateNeed(need, List.of("{\"urgency\":\"CRITICAL\"}", "{\"quantity\":1}",
                        "{\"commune\":\"24460\"}", "{\"alreadyCovered\":2,\"children\":3}").get(random.nextInt(4)));
                case 9 -> new Change.SetPolicy(random.nextBoolean() ? PolicyPreset.PHASE_2_2022_2025.policy()
                        : PolicyPreset.PHASE_1_2019_2022.policy().withMaxFundersPerNeed(1));
                default -> random.nextBoolean() || plan.allocations().isEmpty()
                        ? Change.CommitLines.ofOffers(List.of(offer))
                        : Change.CommitLines.lines(List.of(planLine(random, plan)));
            });
        }
        return ChangeSet.of("random " + count, changes);
    }

    private static Commitment planLine(Random random, Plan plan) {
        Allocation line = plan.allocations().get(random.nextInt(plan.allocations().size()));
        return Commitment.of(line.offer(), line.need(), 1 + random.nextInt(Math.max(1, line.units())));
    }

    private static String pick(Random random, List<String> ids, String unknown) {
        return ids.isEmpty() || random.nextInt(8) == 0 ? unknown : ids.get(random.nextInt(ids.size()));
    }

}
