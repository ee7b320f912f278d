package vn.childaid.matching.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.ContractOracle;
import vn.childaid.matching.ContractOracle.Broken;
import vn.childaid.matching.RandomScenarios.Case;
import vn.childaid.matching.Seeds;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.PlanAssembler;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * Every code an explanation gives is checked against an independent computation: the books are
 * kept here from the plan's lines, eligibility and broken rules come from {@link ContractOracle},
 * and a claim about adding units is tested by adding them and judging the new lines. Plans are the
 * greedy's, and the greedy's with some new lines dropped (so needs are left short with room to spare,
 * and some plans break rules).
 */
@ExtendWith(Seeds.NameTheSeed.class)
class ExplainerProperties {
    static Stream<Case> everyEligibleOfferOfEveryNeedNotFullyFundedGetsOneRightCode() {
        return Case.cases(200, 7, 6);
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource
    void everyEligibleOfferOfEveryNeedNotFullyFundedGetsOneRightCode(Case c) {
        Scenario scenario = c.scenario(6);
        List<Allocation> lines = greedyWithSomeLinesDropped(scenario, new Random(c.seed()));
        Plan plan = PlanAssembler.fromLines(scenario, lines, "test", SolverStats.NONE);
        Books books = new Books(scenario, lines);

        Explanation explanation = Explainer.of(scenario, plan).all();

        Set<String> explained = new HashSet<>();
        for (NeedExplanation needExplanation : explanation.needs()) {
            explained.add(needExplanation.id());
            Need need = scenario.need(needExplanation.id());
            long left = need.openUnits() - books.funded(need);
            assertTrue(left > 0, () -> "only needs not fully funded are explained: " + needExplanation);
            List<Offer> eligible = scenario.offers().stream()
                    .filter(offer -> ContractOracle.eligible(scenario, offer, need)).toList();
            List<String> named = needExplanation.offers().stream().map(OfferReason::offer).toList();
            if (eligible.isEmpty()) {
                assertEquals(scenario.offers().stream().map(Offer::id).toList(), named, "every offer, once each");
                needExplanation.offers().forEach(reason -> {
                    assertEquals(Reason.ELIGIBILITY, reason.code());
                    assertEquals(scenario.whyIneligible(scenario.offer(reason.offer()), need), reason.rule());
                });
                continue;
            }
            assertEquals(eligible.stream().map(Offer::id).toList(), named, "every eligible offer, once each, in order");
            long pool = 0;
            for (OfferReason reason : needExplanation.offers()) {
                Offer offer = scenario.offer(reason.offer());
                String where = reason + " for " + need.id() + " with lines " + lines;
                long room = books.room(offer, need, left);
                if (reason.code() != Reason.CAPACITY && reason.code() != Reason.MAX_NEEDS
                        && reason.code() != Reason.MAX_FUNDERS) {
                    pool += room;
                }
                checkCode(scenario, lines, books, offer, need, left, room, reason.code(), where);
            }
            for (OfferReason reason : needExplanation.offers()) {
                if (reason.code() == Reason.ALL_OR_NOTHING) {
                    assertTrue(pool < left, "the offers together cannot complete the need: " + reason);
                }
                if (reason.code() == Reason.ROOM_LEFT && !need.divisible()
                        && books.room(scenario.offer(reason.offer()), need, left) < left) {
                    assertTrue(pool >= left, "the offers together can complete the need: " + reason);
                }
            }
        }
        Set<String> shortNeeds = new HashSet<>();
        scenario.needs().stream().filter(need -> books.funded(need) < need.openUnits())
                .forEach(need -> shortNeeds.add(need.id()));
        assertEquals(shortNeeds, explained, "every need not fully funded, and no other");
        assertEquals(scenario.offers().size(), explanation.offers().size(), "every offer");
    }

    /** The code is the first that applies, each judged here independently of the explainer. */
    private static void checkCode(Scenario scenario, List<Allocation> lines, Books books, Offer offer, Need need,
            long left, long room, Reason code, String where) {
        boolean capacity = room < 1;
        boolean maxNeeds = !books.funds(offer, need) && offer.maxNeeds() > 0 && books.needCount(offer) >= offer.maxNeeds();
        int maxFunders = scenario.policy().maxFundersPerNeed();
        boolean maxFundersStop = !books.hasDonor(need, offer.donor()) && maxFunders > 0 && books.donorCount(need) >= maxFunders;
        assertEquals(capacity, code == Reason.CAPACITY, "CAPACITY exactly when less than one unit's worth is left: " + where);
        if (capacity) {
            return;
        }
        assertEquals(maxNeeds, code == Reason.MAX_NEEDS, "MAX_NEEDS: " + where);
        if (maxNeeds) {
            return;
        }
        assertEquals(maxFundersStop, code == Reason.MAX_FUNDERS, "MAX_FUNDERS: " + where);
        if (maxFundersStop) {
            return;
        }
        Set<Broken> before = ContractOracle.broken(scenario, lines);
        switch (code) {
            case MIN_GRANT -> {
                assertTrue(need.divisible(), where);
                assertFalse(books.hasNewLine(offer, need), "a new line of the pair could grow instead: " + where);
                List<Allocation> more = new ArrayList<>(lines);
                more.add(Allocation.of(offer.id(), need.id(), (int) room, 0));
                assertTrue(ContractOracle.broken(scenario, more).contains(
                        new Broken(ContractOracle.MIN_GRANT, java.util.Optional.of(offer.id()), java.util.Optional.of(need.id()))),
                        "the largest new line breaks the minimum grant: " + where);
            }
            case ALL_OR_NOTHING -> {
                assertFalse(need.divisible(), where);
                assertTrue(room < left, "the offer alone cannot complete the need: " + where);
            }
            case ROOM_LEFT -> {
                if (need.divisible() || room >= left) {
                    List<Allocation> more = withMore(lines, offer, need, smallestAcceptedAddition(books, offer, need, left, room));
                    Set<Broken> after = ContractOracle.broken(scenario, more);
                    assertTrue(before.containsAll(after), () -> "adding units breaks no rule: " + where + "; newly broken "
                            + after.stream().filter(b -> !before.contains(b)).toList());
                }
            }
            default -> throw new AssertionError("an eligible offer got " + code + ": " + where);
        }
    }

    /** The fewest units that keep the minimum grant (or complete the need), all for an indivisible need. */
    private static int smallestAcceptedAddition(Books books, Offer offer, Need need, long left, long room) {
        if (!need.divisible()) {
            return (int) left;
        }
        for (int units = 1; units <= room; units++) {
            long amount = units * (offer.isCash() ? need.donorUnitCost() : offer.unitValue());
            if (books.hasNewLine(offer, need) || amount >= offer.minGrant() || units >= left) {
                return units;
            }
        }
        throw new AssertionError("ROOM_LEFT, yet no addition keeps the minimum grant: " + offer.id() + " → " + need.id());
    }

    /** The lines with {@code units} more from the offer to the need: its new line grown, or a new one. */
    private static List<Allocation> withMore(List<Allocation> lines, Offer offer, Need need, int units) {
        List<Allocation> more = new ArrayList<>();
        boolean grown = false;
        for (Allocation line : lines) {
            if (!grown && !line.committed() && line.offer().equals(offer.id()) && line.need().equals(need.id())) {
                more.add(line.toBuilder().units(line.units() + units).build());
                grown = true;
            } else {
                more.add(line);
            }
        }
        if (!grown) {
            more.add(Allocation.of(offer.id(), need.id(), units, 0));
        }
        return more;
    }

    /** The greedy's lines, each new one dropped with probability 1/3: committed lines are kept. */
    static List<Allocation> greedyWithSomeLinesDropped(Scenario scenario, Random random) {
        List<Allocation> lines = new ArrayList<>();
        for (Allocation line : GreedyAllocator.plan(scenario).allocations()) {
            if (line.committed() || random.nextInt(3) != 0) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The books of the lines, kept here rather than by the rulebook's ledger. */
    private static final class Books {
        private final Map<String, Long> capacityUsed = new HashMap<>();
        private final Map<String, Long> funded = new HashMap<>();
        private final Map<String, Set<String>> needsOfOffer = new HashMap<>();
        private final Map<String, Set<String>> donorsOfNeed = new HashMap<>();
        private final Set<String> newLines = new HashSet<>();

        Books(Scenario scenario, List<Allocation> lines) {
            for (Allocation line : lines) {
                Offer offer = scenario.offer(line.offer());
                Need need = scenario.need(line.need());
                capacityUsed.merge(offer.id(), line.units() * (offer.isCash() ? need.donorUnitCost() : 1), Long::sum);
                funded.merge(need.id(), (long) line.units(), Long::sum);
                needsOfOffer.computeIfAbsent(offer.id(), k -> new HashSet<>()).add(need.id());
                donorsOfNeed.computeIfAbsent(need.id(), k -> new HashSet<>()).add(offer.donor());
                if (!line.committed()) {
                    newLines.add(offer.id() + " " + need.id());
                }
            }
        }

        long funded(Need need) {
            return funded.getOrDefault(need.id(), 0L);
        }

        /** Units the offer could still give: those left, or fewer when its capacity left pays for fewer. */
        long room(Offer offer, Need need, long left) {
            long capacityLeft = Math.max(0, (offer.isCash() ? offer.amount() : offer.quantity())
                    - capacityUsed.getOrDefault(offer.id(), 0L));
            long perUnit = offer.isCash() ? need.donorUnitCost() : 1;
            return perUnit == 0 ? left : Math.min(left, capacityLeft / perUnit);
        }

        boolean funds(Offer offer, Need need) {
            return needsOfOffer.getOrDefault(offer.id(), Set.of()).contains(need.id());
        }

        int needCount(Offer offer) {
            return needsOfOffer.getOrDefault(offer.id(), Set.of()).size();
        }

        boolean hasDonor(Need need, String donor) {
            return donorsOfNeed.getOrDefault(need.id(), Set.of()).contains(donor);
        }

        int donorCount(Need need) {
            return donorsOfNeed.getOrDefault(need.id(), Set.of()).size();
        }

        boolean hasNewLine(Offer offer, Need need) {
            return newLines.contains(offer.id() + " " + need.id());
        }
    }
}
