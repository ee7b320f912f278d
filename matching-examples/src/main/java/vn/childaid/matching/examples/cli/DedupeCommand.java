package vn.childaid.matching.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.childaid.matching.dedupe.DuplicateCandidates;
import vn.childaid.matching.dedupe.Duplicates;
import vn.childaid.matching.dedupe.Resolution;
import vn.childaid.matching.dedupe.Resolved;
import vn.childaid.matching.files.OutputFile;
import vn.childaid.matching.json.DuplicatesJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.scenario.Scenario;

@Command(name = "dedupe", mixinStandardHelpOptions = true,
        description = {"Find needs, donors and offers that agencies reported twice, with a confidence and reasons;",
                "with --resolve, also write the scenario with the likely ones removed. Exit 0 whether or not",
                "duplicates were found, 2 on bad input or usage."})
final class DedupeCommand implements Callable<Integer> {
    @ParentCommand
    MatchingCli root;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario JSON file (v1 contract).")
    Path scenarioFile;

    @Option(names = "--report", required = true, paramLabel = "REPORT",
            description = "Where to write the candidate groups as JSON (atomically).")
    Path reportFile;

    @Option(names = "--resolve", paramLabel = "keep-larger|merge",
            description = "Remove the groups at least --min-confidence sure: keep-larger keeps the larger need, "
                    + "merge keeps the first id with the larger of each count. Needs --out.")
    Optional<String> resolveLabel;

    @Option(names = "--out", paramLabel = "CLEAN", description = "Where --resolve writes the scenario (atomically).")
    Optional<Path> outFile;

    @Option(names = "--min-confidence", paramLabel = "C", defaultValue = "0.8",
            description = "Groups at least this sure are resolved (default: ${DEFAULT-VALUE}).")
    double minConfidence;

    @Override
    public Integer call() {
        UserInputException.requireFile(scenarioFile, "scenario");
        if (resolveLabel.isPresent() != outFile.isPresent()) {
            throw new UserInputException(resolveLabel.isPresent() ? "--resolve needs --out CLEAN.json"
                    : "--out is written only with --resolve keep-larger|merge");
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new UserInputException("--min-confidence must be between 0 and 1, found " + minConfidence);
        }
        Optional<Resolution> resolution;
        try {
            resolution = resolveLabel.map(Resolution::ofLabel);
        } catch (IllegalArgumentException unknown) {
            throw new UserInputException("--resolve: " + unknown.getMessage());
        }
        OutputFile report = OutputFile.of(reportFile).check(List.of(scenarioFile));
        Optional<OutputFile> clean = outFile.map(file -> OutputFile.of(file).check(List.of(scenarioFile, reportFile)));
        Scenario scenario = ScenarioJson.read(scenarioFile);
        DuplicateCandidates candidates = Duplicates.find(scenario);
        Optional<Resolved> resolved = resolution.map(r -> Duplicates.resolve(scenario, r, minConfidence));
        report.writeString(DuplicatesJson.toJson(candidates, resolved.map(Resolved::actions).orElse(List.of())));
        resolved.ifPresent(r -> clean.orElseThrow().writeString(ScenarioJson.toJson(r.scenario())));

        PrintWriter out = root.spec.commandLine().getOut();
        out.printf("candidates: %,d need groups, %,d donor groups, %,d offer groups; %,d at least %.2f sure%n",
                candidates.needs().size(), candidates.donors().size(), candidates.offers().size(),
                candidates.all().filter(g -> g.atLeast(minConfidence)).count(), minConfidence);
        resolved.ifPresent(r -> {
            r.actions().forEach(action -> out.println("resolved: " + action));
            out.printf("wrote %s: %,d needs, %,d donors, %,d offers%n", outFile.get(), r.scenario().needs().size(),
                    r.scenario().donors().size(), r.scenario().offers().size());
        });
        out.println("wrote " + reportFile);
        out.flush();
        return MatchingCli.OK;
    }
}
