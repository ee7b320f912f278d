package vn.childaid.matching.examples;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.policy.PolicyPreset;
import vn.childaid.matching.policy.PriorityMode;
import vn.childaid.matching.scenario.Scenario;

/**
 * The contention family of the benchmarks: scenarios where the money runs out in the tiers that
 * matter and offers are restricted enough that allocation must choose. Each member is one of four
 * settings at small (300 needs) or province (3,000) size; the generator's default scenarios are the
 * family's "loose" end. Every member aims at the same character — offers covering 70–90% of the
 * demand they are aimed at, 35–60% of offers with a minimum grant, 30–60% with a cap on needs,
 * half earmarked to a district, some for especially difficult villages only, about six eligible
 * offers per need — and differs in where the money runs out and which policy ranks the needs.
 */
public enum ContentionFamily {
    SMALL_TIER1(ScenarioSize.SMALL, Settings.TIER1),
    SMALL_TIER2_TIGHT(ScenarioSize.SMALL, Settings.TIER2_TIGHT),
    SMALL_PHASE2(ScenarioSize.SMALL, Settings.PHASE2),
    SMALL_WEIGHTED(ScenarioSize.SMALL, Settings.WEIGHTED),
    PROVINCE_TIER1(ScenarioSize.PROVINCE, Settings.TIER1),
    PROVINCE_TIER2_TIGHT(ScenarioSize.PROVINCE, Settings.TIER2_TIGHT),
    PROVINCE_PHASE2(ScenarioSize.PROVINCE, Settings.PHASE2),
    PROVINCE_WEIGHTED(ScenarioSize.PROVINCE, Settings.WEIGHTED);

    /** Tier weights of the WEIGHTED member: a child of tier 1 is worth about three of tier 2, so tiers trade. */
    public static final List<Long> WEIGHTED_TIER_WEIGHTS = List.of(100L, 30L, 10L, 3L, 1L);

    private final ScenarioSize size;
    private final Settings settings;

    ContentionFamily(ScenarioSize size, Settings settings) {
        this.size = size;
        this.settings = settings;
    }

    /** The member's name as commands take it, e.g. {@code small-tier1}. */
    public String memberName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public ScenarioSize size() {
        return size;
    }

    public Contention contention() {
        return settings.contention();
    }

    /** What the member is for, in a few words. */
    public String purpose() {
        return settings.purpose;
    }

    /** The member's scenario for a seed. */
    public Scenario scenario(long seed) {
        return DakLakGenerator.generate(size, seed, contention());
    }

    /** The member named {@code name} (as {@link #memberName()} spells it, any case). */
    public static Optional<ContentionFamily> named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.memberName().equals(wanted)).findFirst();
    }

    /** Every member's name, comma-separated, for messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(ContentionFamily::memberName).toList());
    }

    private enum Settings {
        TIER1("money runs out in tier 1") {
            @Override
            Contention contention() {
                return moderate().moneyShare(1, 0.85).build();
            }
        },
        TIER2_TIGHT("money runs out in tier 2, tight restrictions") {
            @Override
            Contention contention() {
                return Contention.builder().moneyShare(2, 0.75).minGrantShare(0.5).minGrantVnd(20_000_000, 60_000_000)
                        .needCapShare(0.6).needCapRange(2, 6).earmarkShare(0.5).especiallyDifficultOnlyShare(0.25)
                        .narrowCategoryShare(0.3).eligibleOffersPerNeed(6).build();
            }
        },
        PHASE2("the phase-2 policy (region III by urgency), money runs out in tier 2") {
            @Override
            Contention contention() {
                return moderate().policy(PolicyPreset.PHASE_2_2022_2025.policy()).moneyShare(2, 0.8).build();
            }
        },
        WEIGHTED("a WEIGHTED policy (weights 100/30/10/3/1), money runs out in tier 2") {
            @Override
            Contention contention() {
                Policy weighted = Policy.defaultPolicy().withPriorityMode(PriorityMode.WEIGHTED)
                        .withTierWeights(WEIGHTED_TIER_WEIGHTS);
                return moderate().policy(weighted).moneyShare(2, 0.8).build();
            }
        };

        private final String purpose;

        Settings(String purpose) {
            this.purpose = purpose;
        }

        abstract Contention contention();

        /** The independent character, money aside. */
        static Contention.Builder moderate() {
            return Contention.builder().minGrantShare(0.4).needCapShare(0.45).earmarkShare(0.5)
                    .especiallyDifficultOnlyShare(0.15).narrowCategoryShare(0.2).eligibleOffersPerNeed(6);
        }
    }
}
