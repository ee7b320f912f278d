package vn.childaid.matching.examples.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.childaid.matching.examples.Contention;
import vn.childaid.matching.examples.ContentionFamily;
import vn.childaid.matching.examples.ContentionProfile;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.files.OutputFile;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.policy.PolicyPreset;
import vn.childaid.matching.policy.PriorityMode;
import vn.childaid.matching.scenario.Scenario;

@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate a realistic Đắk Lắk-shaped scenario, the same for the same seed.",
                "Without contention options it is the default scenario: offers cover about the whole demand of the "
                        + "top two tiers and few are restricted. The contention options make allocation harder; "
                        + "a share option sets exactly that share of offers to carry the restriction and the rest "
                        + "not to."})
final class GenerateCommand implements Callable<Integer> {
    @ParentCommand
    MatchingCli root;

    @Spec
    CommandSpec spec;

    @Option(names = "--size", defaultValue = "PROVINCE", converter = SizeConverter.class,
            description = "tiny (~30 needs), small (~300), province (~3,000; 50 communes, 441 especially difficult villages) "
                    + "or national (~60,000). Default: province, or the contention member's size.")
    ScenarioSize size;

    @Option(names = "--seed", defaultValue = "2020", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the scenario JSON.")
    Path out;

    @Option(names = "--contention", paramLabel = "NAME",
            description = "A member of the benchmarks' contention family: small-tier1, small-tier2-tight, small-phase2, "
                    + "small-weighted, province-tier1, province-tier2-tight, province-phase2, province-weighted. "
                    + "Sets the size and the settings below; options given with it change its settings.")
    String contentionMember;

    @Option(names = "--policy", paramLabel = "PHASE", description = "Rank needs by phase-1 (the default) or phase-2 "
            + "of the plan.")
    String policyPhase;

    @Option(names = "--priority-mode", paramLabel = "MODE",
            description = "strict (tiers lexicographic, the default) or weighted (Σ tier weight × tier value).")
    String priorityMode;

    @Option(names = "--tier-weights", split = ",", paramLabel = "W",
            description = "Tier weights for --priority-mode weighted, one per tier, the other tier last "
                    + "(default with --priority-mode weighted: 100,30,10,3,1 for phase 1).")
    List<Long> tierWeights;

    @ArgGroup(exclusive = true)
    MoneyShare money;

    static final class MoneyShare {
        @Option(names = "--money-share-tier1", paramLabel = "SHARE",
                description = "Scale offers so that they are worth SHARE of what tier 1's needs cost donors "
                        + "(0.85: the money runs out in tier 1).")
        Double tier1;

        @Option(names = "--money-share-tier2", paramLabel = "SHARE",
                description = "Scale offers so that they are worth SHARE of what the needs of tiers 1 and 2 cost donors "
                        + "(0.8: the money runs out in tier 2).")
        Double tier2;
    }

    @Option(names = "--min-grant-share", paramLabel = "SHARE",
            description = "Share of offers (0–1) with a minimum grant, drawn from 10–40 million VND.")
    Double minGrantShare;

    @Option(names = "--need-cap-share", paramLabel = "SHARE",
            description = "Share of offers (0–1) with a cap on the needs they fund, drawn from 2–8.")
    Double needCapShare;

    @Option(names = "--earmark-share", paramLabel = "SHARE",
            description = "Share of offers (0–1) earmarked to one district (where needs are).")
    Double earmarkShare;

    @Option(names = "--especially-difficult-only-share", paramLabel = "SHARE",
            description = "Share of offers (0–1) for especially difficult villages only.")
    Double especiallyDifficultOnlyShare;

    @Option(names = "--narrow-category-share", paramLabel = "SHARE",
            description = "Least share of offers (0–1) limited to one or two categories.")
    Double narrowCategoryShare;

    @Option(names = "--eligible-offers-per-need", paramLabel = "MEAN",
            description = "Narrow offers (categories, then a school age band, then earmarks to a commune) until a need "
                    + "has about MEAN eligible offers on average; nothing is widened.")
    Double eligibleOffersPerNeed;

    @Override
    public Integer call() {
        Contention contention = contention();
        OutputFile.of(out).check(List.of());
        Scenario scenario = DakLakGenerator.generate(size, seed, contention);
        ScenarioJson.write(scenario, out);
        root.spec.commandLine().getOut().printf("wrote %s: %,d needs, %,d offers, %,d villages%n", out,
                scenario.needs().size(), scenario.offers().size(), scenario.villages().size());
        if (!contention.isAsGenerated()) {
            root.spec.commandLine().getOut().println(ContentionProfile.of(scenario).describe());
        }
        return MatchingCli.OK;
    }

    /** The member's settings (if any) with the options given on top; every bad value is a usage error. */
    private Contention contention() {
        Contention.Builder builder = Contention.builder();
        if (contentionMember != null) {
            ContentionFamily member = ContentionFamily.named(contentionMember).orElseThrow(() -> new UserInputException(
                    "--contention: no member '" + contentionMember + "'; use one of " + ContentionFamily.names()));
            if (spec.commandLine().getParseResult().hasMatchedOption("--size") && size != member.size()) {
                throw new UserInputException("--contention " + member.memberName() + " is of size "
                        + member.size().name().toLowerCase(Locale.ROOT) + "; leave out --size or give that size");
            }
            size = member.size();
            builder = member.contention().toBuilder();
        }
        try {
            Optional<Policy> policy = policy(builder.build().policy());
            policy.ifPresent(builder::policy);
            if (money != null) {
                builder.moneyShare(money.tier1 != null ? 1 : 2, money.tier1 != null ? money.tier1 : money.tier2);
            }
            if (minGrantShare != null) {
                builder.minGrantShare(minGrantShare);
            }
            if (needCapShare != null) {
                builder.needCapShare(needCapShare);
            }
            if (earmarkShare != null) {
                builder.earmarkShare(earmarkShare);
            }
            if (especiallyDifficultOnlyShare != null) {
                builder.especiallyDifficultOnlyShare(especiallyDifficultOnlyShare);
            }
            if (narrowCategoryShare != null) {
                builder.narrowCategoryShare(narrowCategoryShare);
            }
            if (eligibleOffersPerNeed != null) {
                builder.eligibleOffersPerNeed(eligibleOffersPerNeed);
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /** The policy the options ask for, starting from the member's (if any); empty when none is asked for. */
    private Optional<Policy> policy(Optional<Policy> fromMember) {
        if (policyPhase == null && priorityMode == null && tierWeights == null) {
            return Optional.empty();
        }
        Policy policy = fromMember.orElse(Policy.defaultPolicy());
        if (policyPhase != null) {
            policy = switch (policyPhase.trim().toLowerCase(Locale.ROOT)) {
                case "phase-1", "phase1", "1" -> PolicyPreset.PHASE_1_2019_2022.policy();
                case "phase-2", "phase2", "2" -> PolicyPreset.PHASE_2_2022_2025.policy();
                default -> throw new UserInputException("--policy: '" + policyPhase + "' is not a phase; use phase-1 or phase-2");
            };
        }
        if (priorityMode != null) {
            PriorityMode mode = switch (priorityMode.trim().toLowerCase(Locale.ROOT)) {
                case "strict" -> PriorityMode.STRICT;
                case "weighted" -> PriorityMode.WEIGHTED;
                default -> throw new UserInputException("--priority-mode: '" + priorityMode + "' is not a mode; use strict or weighted");
            };
            policy = policy.withPriorityMode(mode);
            if (mode == PriorityMode.WEIGHTED && tierWeights == null && policy.tierCount() == ContentionFamily.WEIGHTED_TIER_WEIGHTS.size()) {
                policy = policy.withTierWeights(ContentionFamily.WEIGHTED_TIER_WEIGHTS);
            }
        }
        if (tierWeights != null) {
            if (tierWeights.size() != policy.tierCount()) {
                throw new UserInputException("--tier-weights: give " + policy.tierCount() + " weights, one per tier ("
                        + String.join(", ", policy.tierNames()) + "), found " + tierWeights.size());
            }
            policy = policy.withTierWeights(tierWeights);
        }
        return Optional.of(policy);
    }

    static final class SizeConverter implements picocli.CommandLine.ITypeConverter<ScenarioSize> {
        @Override
        public ScenarioSize convert(String value) {
            try {
                return ScenarioSize.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a size: use tiny, small, province or national");
            }
        }
    }
}
