package vn.childaid.matching.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.NeedOutcome;
import vn.childaid.matching.plan.NeedStatus;
import vn.childaid.matching.plan.OfferUse;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.plan.SolverStats;
import vn.childaid.matching.plan.TierTotal;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Problem;

/**
 * Writes and reads plans in the v1 JSON contract. Plans are written atomically: a reader of the
 * file sees the old plan or the new one, never half of one.
 */
public final class PlanJson {
    private static final ObjectMapper MAPPER = ScenarioJson.MAPPER.copy()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private PlanJson() {}

    public static String toJson(Plan plan) {
        ObjectNode tree = MAPPER.createObjectNode();
        tree.put("formatVersion", Plan.FORMAT_VERSION);
        tree.setAll((ObjectNode) MAPPER.valueToTree(PlanShape.of(plan)));
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan tree always serialises", e);
        }
    }

    public static void write(Plan plan, Path file) {
        AtomicFiles.writeString(file, toJson(plan));
    }

    /** Reads a plan file; a broken one is reported as problems with file, line and column or path. */
    public static Plan read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new InvalidScenarioException(List.of(new Problem(file.toString(), "cannot be read: " + e.getMessage())));
        }
    }

    public static Plan parse(String json, String source) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (!tree.isObject()) {
                throw new InvalidScenarioException(List.of(new Problem(source + ": $", "a plan must be a JSON object")));
            }
            JsonNode version = ((ObjectNode) tree).remove("formatVersion");
            if (version == null || version.asInt() != Plan.FORMAT_VERSION) {
                throw new InvalidScenarioException(List.of(new Problem(source + ": $.formatVersion",
                        "this engine reads plan format version " + Plan.FORMAT_VERSION + ", found " + version)));
            }
            return MAPPER.treeToValue(tree, PlanShape.class).toPlan();
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException(List.of(new Problem(source + ": $" + jsonPath(e),
                    e.getOriginalMessage())));
        }
    }

    private static String jsonPath(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            StringBuilder path = new StringBuilder();
            for (var reference : mapping.getPath()) {
                path.append(reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]");
            }
            return path.toString();
        }
        return "";
    }

    // The plan's types are classes with builders, which Jackson cannot bind by itself: these records
    // mirror the v1 plan JSON field for field (same names, same order, same checks).

    private record PlanShape(String scenario, boolean feasible, String score, List<AllocationShape> allocations,
            List<NeedOutcomeShape> needs, List<OfferUseShape> offers, List<TierTotalShape> tiers,
            List<String> violations, SolverStatsShape solver) {
        PlanShape {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(score, "score");
            allocations = List.copyOf(allocations);
            needs = List.copyOf(needs);
            offers = List.copyOf(offers);
            tiers = List.copyOf(tiers);
            violations = List.copyOf(violations);
            Objects.requireNonNull(solver, "solver");
        }

        static PlanShape of(Plan plan) {
            return new PlanShape(plan.scenario(), plan.feasible(), plan.score(),
                    plan.allocations().stream().map(AllocationShape::of).toList(),
                    plan.needs().stream().map(NeedOutcomeShape::of).toList(),
                    plan.offers().stream().map(OfferUseShape::of).toList(),
                    plan.tiers().stream().map(TierTotalShape::of).toList(),
                    plan.violations(), SolverStatsShape.of(plan.solver()));
        }

        Plan toPlan() {
            return Plan.builder(scenario).feasible(feasible).score(score)
                    .allocations(allocations.stream().map(AllocationShape::toAllocation).toList())
                    .needs(needs.stream().map(NeedOutcomeShape::toOutcome).toList())
                    .offers(offers.stream().map(OfferUseShape::toUse).toList())
                    .tiers(tiers.stream().map(TierTotalShape::toTotal).toList())
                    .violations(violations).solver(solver.toStats()).build();
        }
    }

    private record AllocationShape(String offer, String need, int units, long amount, boolean committed) {
        AllocationShape {
            Objects.requireNonNull(offer, "offer");
            Objects.requireNonNull(need, "need");
        }

        static AllocationShape of(Allocation a) {
            return new AllocationShape(a.offer(), a.need(), a.units(), a.amount(), a.committed());
        }

        Allocation toAllocation() {
            return Allocation.builder(offer, need).units(units).amount(amount).committed(committed).build();
        }
    }

    private record NeedOutcomeShape(String id, String tier, int openUnits, int fundedUnits, NeedStatus status,
            double reached) {
        static NeedOutcomeShape of(NeedOutcome n) {
            return new NeedOutcomeShape(n.id(), n.tier(), n.openUnits(), n.fundedUnits(), n.status(), n.reached());
        }

        NeedOutcome toOutcome() {
            return NeedOutcome.builder(id).tier(tier).openUnits(openUnits).fundedUnits(fundedUnits).status(status)
                    .reached(reached).build();
        }
    }

    private record OfferUseShape(String id, long used, long remaining) {
        static OfferUseShape of(OfferUse o) {
            return new OfferUseShape(o.id(), o.used(), o.remaining());
        }

        OfferUse toUse() {
            return OfferUse.of(id, used, remaining);
        }
    }

    private record TierTotalShape(String name, double reached, double value, long children, int needs,
            int fundedNeeds) {
        static TierTotalShape of(TierTotal t) {
            return new TierTotalShape(t.name(), t.reached(), t.value(), t.children(), t.needs(), t.fundedNeeds());
        }

        TierTotal toTotal() {
            return TierTotal.builder(name).reached(reached).value(value).children(children).needs(needs)
                    .fundedNeeds(fundedNeeds).build();
        }
    }

    private record SolverStatsShape(long millis, long scoreCalculationSpeed, long constructionMillis, long randomSeed) {
        static SolverStatsShape of(SolverStats s) {
            return new SolverStatsShape(s.millis(), s.scoreCalculationSpeed(), s.constructionMillis(), s.randomSeed());
        }

        SolverStats toStats() {
            return SolverStats.builder().millis(millis).scoreCalculationSpeed(scoreCalculationSpeed)
                    .constructionMillis(constructionMillis).randomSeed(randomSeed).build();
        }
    }
}
