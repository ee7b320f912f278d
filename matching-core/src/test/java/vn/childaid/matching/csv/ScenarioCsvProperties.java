package vn.childaid.matching.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.RandomScenarios;
import vn.childaid.matching.Seeds;
import vn.childaid.matching.classification.AgeBand;
import vn.childaid.matching.classification.Category;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.classification.Urgency;
import vn.childaid.matching.extensions.Extensions;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.policy.TierRule;
import vn.childaid.matching.scenario.Commune;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Scenario;

/**
 * Export then import gives back an equal scenario, for random scenarios of every shape the engine
 * knows, dressed with what spreadsheets make hard: Vietnamese names with commas, quotes, semicolons,
 * line breaks and spaces at their ends, a commune-level need, a commune without a district,
 * fractional weights and extensions on every kind of object, the policy's and its tiers' included.
 */
@ExtendWith(Seeds.NameTheSeed.class)
class ScenarioCsvProperties {
    private static final String[] AWKWARD_NAMES = {
        "Hội Liên hiệp Phụ nữ tỉnh Đắk Lắk",
        "Công ty TNHH \"Ánh Dương\", chi nhánh\r\nBuôn Ma Thuột",
        "Quỹ Bảo trợ trẻ em; Ea H'leo",
        "  Thôn 3, xã Cư Pui  ",
        "Nguyễn Thị Ánh\nHồng",
        "Cty TNHH Sữa Việt\t(Vinamilk)",
        "=1+1",
        "#không phải chú thích",
    };

    @TempDir
    Path folder;

    static Stream<RandomScenarios.Case> cases() {
        return RandomScenarios.Case.cases(24, 12, 8);
    }

    @ParameterizedTest(name = Seeds.CASE_NAME)
    @MethodSource("cases")
    void exportThenImportGivesAnEqualScenario(RandomScenarios.Case scenarioCase) {
        Scenario scenario = dressed(scenarioCase.scenario(6), new Random(scenarioCase.seed()));
        Path csv = folder.resolve("csv");

        ScenarioCsv.write(scenario, csv);
        Scenario back = ScenarioCsv.read(csv);

        assertEquals(scenario, back);
        assertEquals(ScenarioJson.toJson(scenario), ScenarioJson.toJson(back), "the same down to the JSON written");
    }

    /** The scenario with awkward names, extra places and extensions drawn from {@code random}. */
    static Scenario dressed(Scenario plain, Random random) {
        List<TierRule> tiers = plain.policy().tiers().stream()
                .map(tier -> tier.toBuilder().extensions(maybeExtensions(random)).build()).toList();
        Scenario.Builder builder = Scenario.builder(plain.name() + ", " + pick(random))
                .policy(plain.policy().toBuilder().tiers(tiers).extensions(maybeExtensions(random)).build())
                .extensions(maybeExtensions(random));
        if (random.nextBoolean()) {
            builder.year(2019 + random.nextInt(7));
        }
        plain.districts().forEach(d -> builder.district(d.toBuilder().extensions(maybeExtensions(random)).build()));
        plain.communes().forEach(c -> builder.commune(c.toBuilder().extensions(maybeExtensions(random)).build()));
        // Two-tier data: a commune directly under the province.
        builder.commune(Commune.builder("80001").name(pick(random)).region(Region.I).extensions(maybeExtensions(random)).build());
        plain.villages().forEach(v -> builder.village(v.toBuilder().name(pick(random)).extensions(maybeExtensions(random)).build()));
        plain.donors().forEach(d -> builder.donor(d.toBuilder().name(pick(random)).extensions(maybeExtensions(random)).build()));
        for (Need need : plain.needs()) {
            Need.Builder dressed = need.toBuilder().extensions(maybeExtensions(random));
            if (random.nextInt(3) == 0) {
                dressed.reportedBy(pick(random));
            }
            builder.need(dressed.build());
        }
        builder.need(Need.builder("N-commune").commune("80001").category(Category.PLAYGROUND).ageBand(AgeBand.ALL)
                .children(120).quantity(1).unitCost(150_000_000).urgency(Urgency.HIGH).reportedBy(pick(random))
                .extensions(maybeExtensions(random)).build());
        for (Offer offer : plain.offers()) {
            Offer.Builder dressed = offer.toBuilder().extensions(maybeExtensions(random));
            if (random.nextInt(3) == 0) {
                dressed.preferences(offer.preferences().toBuilder()
                        .categories(Map.of(Category.NUTRITION, 0.125, Category.SCHOLARSHIP, 1e-4))
                        .areas(Map.of("80001", 999.5)).extensions(maybeExtensions(random)).build());
            }
            builder.offer(dressed.build());
        }
        plain.commitments().forEach(c -> builder.commitment(c.toBuilder().extensions(maybeExtensions(random)).build()));
        return builder.build();
    }

    private static String pick(Random random) {
        return AWKWARD_NAMES[random.nextInt(AWKWARD_NAMES.length)];
    }

    private static Extensions maybeExtensions(Random random) {
        if (random.nextInt(3) != 0) {
            return Extensions.NONE;
        }
        return ScenarioJson.extensions("{\"crm\": \"X-" + random.nextInt(100) + "\", \"ghiChú\": \"Đã xác minh, \\\"đủ\\\"\","
                + " \"amount\": 1.50, \"big\": 123456789012345678901234567890, \"list\": [true, null, {\"b\": 1, \"a\": 2}]}");
    }
}
