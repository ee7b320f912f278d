package vn.childaid.matching.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.childaid.matching.examples.ContentionFamily;
import vn.childaid.matching.examples.ContentionProfile;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.scenario.Scenario;

/**
 * Prints the measured character of each contention member (and the default "loose" scenarios for
 * comparison): coverage of the top tiers' demand, the shares of restricted offers, and the mean
 * number of eligible offers per need. Generation only, no solving: seconds.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar vn.childaid.matching.benchmarks.ContentionCharacter [members|all] [seed]</pre>
 */
public final class ContentionCharacter {
    private ContentionCharacter() {}

    public static void main(String[] args) {
        List<ContentionFamily> members = args.length == 0 || args[0].equals("all") ? Arrays.asList(ContentionFamily.values())
                : Arrays.stream(args[0].split(",")).map(name -> ContentionFamily.named(name).orElseThrow(
                        () -> new IllegalArgumentException("no member '" + name + "'; use one of " + ContentionFamily.names())))
                        .toList();
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 2020;
        List<String> rows = new ArrayList<>();
        for (ScenarioSize loose : List.of(ScenarioSize.SMALL, ScenarioSize.PROVINCE)) {
            rows.add(row("loose-" + loose.name().toLowerCase(Locale.ROOT), "the default scenario",
                    DakLakGenerator.generate(loose, seed)));
        }
        for (ContentionFamily member : members) {
            rows.add(row(member.memberName(), member.purpose(), member.scenario(seed)));
        }
        System.out.println("| member | what it is | needs / offers | offers cover tier 1 / tiers 1–2 | minimum grant | need cap"
                + " | earmarked | especially difficult only | 1–2 categories | eligible offers per need |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nseed %d; demand = open units × donor unit cost, offers at cash amount or goods at unit value%n", seed);
    }

    private static String row(String name, String purpose, Scenario scenario) {
        ContentionProfile measured = ContentionProfile.of(scenario);
        return String.format(Locale.ROOT, "| %s | %s | %,d / %,d | %.0f%% / %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.1f |",
                name, purpose, scenario.needs().size(), scenario.offers().size(), 100 * measured.coverageOfTopTiers(1),
                100 * measured.coverageOfTopTiers(2), 100 * measured.minGrantShare(), 100 * measured.needCapShare(),
                100 * measured.earmarkShare(), 100 * measured.especiallyDifficultOnlyShare(),
                100 * measured.narrowCategoryShare(), measured.eligibleOffersPerNeed());
    }
}
