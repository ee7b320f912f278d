package vn.childaid.matching.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.childaid.matching.files.OutputFile;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.PlanReportJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.report.DonorTotal;
import vn.childaid.matching.report.FourW;
import vn.childaid.matching.explain.Explainer;
import vn.childaid.matching.report.HtmlReport;
import vn.childaid.matching.report.PeriodReport;
import vn.childaid.matching.report.PlanReport;
import vn.childaid.matching.report.Reach;
import vn.childaid.matching.report.Words;
import vn.childaid.matching.report.YearInput;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Scenario;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Report on a plan for the people it concerns: money by donor, children reached by area,",
                "category and tier, the especially difficult villages' coverage, unmet need, the honour roll.",
                "The plan is audited first; an infeasible plan, or another scenario's, is reported loudly.",
                "For reviews over several years: report --year YEAR PLAN SCENARIO --year YEAR PLAN SCENARIO …",
                "Anonymous donors are shown as 'Anonymous donor', never by name or id.",
                "Exit 0 when written, 2 on bad input (nothing is written), 1 on an internal error."})
final class ReportCommand implements Callable<Integer> {
    /** Donors listed in the terminal summary. */
    static final int TOP_DONORS = 5;

    @ParentCommand
    MatchingCli root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PLAN", description = "Plan JSON file written by 'solve --out'.")
    Optional<Path> planFile;

    @Option(names = "--scenario", paramLabel = "SCENARIO", description = "The scenario JSON file the plan was made for.")
    Optional<Path> scenarioFile;

    @Option(names = "--year", arity = "3", paramLabel = "YEAR PLAN SCENARIO",
            description = "One year of a review: its year, plan and scenario. Repeat it, once per year.")
    List<String> years = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Write the report as JSON (see the contract, section Report).")
    Optional<Path> jsonFile;

    @Option(names = "--csv-4w", paramLabel = "FILE",
            description = "Write the 4W table with HXL hashtags: one row per allocation line, UTF-8 with BOM.")
    Optional<Path> fourWFile;

    /**
     * The explanations' sentence for each need not fully funded, for the page's "why" column: the
     * reasons come from {@link Explainer}, not from the page. None for another scenario's plan,
     * whose lines cannot be explained against this scenario.
     */
    private static Map<String, String> whyNotMore(YearInput input, PlanReport report, Words words) {
        if (!report.belongsToScenario()) {
            return Map.of();
        }
        Map<String, String> why = new LinkedHashMap<>();
        Explainer.of(input.scenario(), input.plan(), words).all().needs()
                .forEach(need -> why.put(need.id(), need.sentence()));
        return why;
    }

    @Option(names = "--html", paramLabel = "FILE",
            description = "Write the report as one self-contained HTML page (no scripts, nothing fetched; prints well).")
    Optional<Path> htmlFile;

    @Override
    public Integer call() {
        Words words = Words.english();
        List<YearSources> sources = sources();
        List<Path> inputs = new ArrayList<>();
        sources.forEach(source -> inputs.addAll(List.of(source.plan(), source.scenario())));
        checkDistinctOutputs();
        // Checked before any reading, so that a bad output path costs no work and writes nothing.
        Optional<OutputFile> jsonOut = jsonFile.map(file -> OutputFile.of(file).check(inputs));
        Optional<OutputFile> fourWOut = fourWFile.map(file -> OutputFile.of(file).check(inputs));
        Optional<OutputFile> htmlOut = htmlFile.map(file -> OutputFile.of(file).check(inputs));
        List<YearInput> read = new ArrayList<>();
        for (YearSources source : sources) {
            Scenario scenario = ScenarioJson.read(source.scenario()); // invalid: exit 2 through the shared handler
            Plan plan;
            try {
                plan = PlanJson.read(source.plan());
            } catch (InvalidScenarioException unreadable) {
                unreadable.problems().stream().limit(ValidateCommand.MOST_LINES_PRINTED)
                        .forEach(problem -> err().println("invalid plan: " + problem));
                err().printf(Locale.ROOT, "%s is not a plan this version can read; nothing was written.%n", source.plan());
                return MatchingCli.BAD_INPUT;
            }
            read.add(new YearInput(source.year().orElse(scenario.year().orElse(0)), scenario, plan));
        }
        PrintWriter out = root.spec.commandLine().getOut();
        if (years.isEmpty()) {
            YearInput only = read.get(0);
            PlanReport report = PlanReport.of(only.scenario(), only.plan());
            // Written before anything is printed, so that a file that is /dev/stdout holds the content first.
            jsonOut.ifPresent(file -> file.writeString(PlanReportJson.toJson(report, words)));
            fourWOut.ifPresent(file -> file.writeString(FourW.toCsv(report, words)));
            htmlOut.ifPresent(file -> file.writeString(HtmlReport.render(report, words, whyNotMore(only, report, words))));
            warnLoudly(report, sources.get(0));
            summarise(report, words, out);
        } else {
            PeriodReport period = PlanReport.years(read);
            jsonOut.ifPresent(file -> file.writeString(PlanReportJson.toJson(period, words)));
            for (int i = 0; i < period.years().size(); i++) {
                warnLoudly(period.years().get(i), sources.get(i));
            }
            period.years().forEach(report -> summarise(report, words, out));
            out.printf(Locale.ROOT, "period %s: %,d VND allocated of %,d offered; %,.1f child-years reached%s%n",
                    period.years().stream().map(r -> String.valueOf(r.year().orElse(0))).toList(),
                    period.money().allocated(), period.money().offered(), period.childYears(),
                    period.allFeasible() ? "" : " — NOT EVERY YEAR'S PLAN IS FEASIBLE AND ITS SCENARIO'S");
        }
        Stream.of(jsonOut, fourWOut, htmlOut).flatMap(Optional::stream).forEach(file -> out.println("wrote " + file.path()));
        return MatchingCli.OK;
    }

    /** A year's files, and its year when given with --year. */
    private record YearSources(Optional<Integer> year, Path plan, Path scenario) {}

    private List<YearSources> sources() {
        List<YearSources> sources = new ArrayList<>();
        if (!years.isEmpty()) {
            if (planFile.isPresent() || scenarioFile.isPresent()) {
                throw new UserInputException("give either PLAN --scenario SCENARIO or --year YEAR PLAN SCENARIO …, not both");
            }
            if (fourWFile.isPresent()) {
                throw new UserInputException("--csv-4w writes one plan's lines; run 'report PLAN --scenario SCENARIO"
                        + " --csv-4w FILE' for each year");
            }
            if (htmlFile.isPresent()) {
                throw new UserInputException("--html shows one plan; run 'report PLAN --scenario SCENARIO"
                        + " --html FILE' for each year");
            }
            for (int i = 0; i < years.size(); i += 3) {
                int year;
                try {
                    year = Integer.parseInt(years.get(i).strip());
                } catch (NumberFormatException notAYear) {
                    throw new UserInputException("--year: '" + years.get(i) + "' is not a year (a whole number such as 2022)");
                }
                sources.add(new YearSources(Optional.of(year),
                        UserInputException.requireFile(Path.of(years.get(i + 1)), "plan"),
                        UserInputException.requireFile(Path.of(years.get(i + 2)), "scenario")));
            }
            return sources;
        }
        if (planFile.isEmpty() || scenarioFile.isEmpty()) {
            throw new UserInputException("give PLAN --scenario SCENARIO, or --year YEAR PLAN SCENARIO once per year");
        }
        sources.add(new YearSources(Optional.empty(), UserInputException.requireFile(planFile.get(), "plan"),
                UserInputException.requireFile(scenarioFile.get(), "scenario")));
        return sources;
    }

    private void checkDistinctOutputs() {
        List<Map.Entry<String, Optional<Path>>> outputs = List.of(Map.entry("--json", jsonFile),
                Map.entry("--csv-4w", fourWFile), Map.entry("--html", htmlFile));
        for (int i = 0; i < outputs.size(); i++) {
            for (int j = i + 1; j < outputs.size(); j++) {
                Optional<Path> first = outputs.get(i).getValue();
                Optional<Path> second = outputs.get(j).getValue();
                if (first.isPresent() && second.isPresent()
                        && first.get().toAbsolutePath().normalize().equals(second.get().toAbsolutePath().normalize())) {
                    throw new UserInputException(outputs.get(i).getKey() + " and " + outputs.get(j).getKey()
                            + " name the same file " + first.get());
                }
            }
        }
    }

    /** An infeasible plan, or another scenario's, is said first and on both streams: its figures mislead. */
    private void warnLoudly(PlanReport report, YearSources source) {
        List<String> warnings = new ArrayList<>();
        if (!report.belongsToScenario()) {
            warnings.add("WARNING: " + source.plan() + " IS NOT A PLAN FOR SCENARIO '" + report.scenario()
                    + "': its figures say little about this scenario");
        }
        if (!report.feasible()) {
            warnings.add("WARNING: THE PLAN IS INFEASIBLE: it breaks hard rules; its figures count its lines as they are."
                    + " 'validate " + source.scenario() + " --plan " + source.plan() + "' lists the problems");
        } else if (report.violations() > 0 && report.belongsToScenario()) {
            warnings.add("warning: the plan reports " + report.violations() + " figure(s) its lines do not support;"
                    + " this report counts the lines");
        }
        PrintWriter out = root.spec.commandLine().getOut();
        warnings.forEach(warning -> {
            out.println(warning);
            err().println(warning);
        });
    }

    private void summarise(PlanReport report, Words words, PrintWriter out) {
        out.printf(Locale.ROOT, "report: %s%s — %s%n", report.scenario(),
                report.year().isPresent() ? " (" + report.year().getAsInt() + ")" : "",
                report.feasible() && report.belongsToScenario() ? "feasible" : "NOT A SOUND PLAN FOR THIS SCENARIO");
        out.printf(Locale.ROOT, "allocated %,d VND of %,d offered (cash %,d, in kind %,d); %,.1f of %,d children reached%n",
                report.money().allocated(), report.money().offered(), report.money().allocatedCash(),
                report.money().allocatedInKind(), report.childrenReached(), report.children());
        out.println("tiers:");
        for (Reach tier : report.byTier()) {
            out.printf(Locale.ROOT, "  %-16s %,10.1f of %,d children reached, %,d of %,d needs funded%n", tier.key(),
                    tier.reached(), tier.children(), tier.fundedNeeds(), tier.needs());
        }
        List<DonorTotal> top = report.byDonor().stream()
                .sorted(Comparator.comparingLong((DonorTotal d) -> d.money().allocated()).reversed())
                .limit(TOP_DONORS).toList();
        out.println("top donors:");
        for (int i = 0; i < top.size(); i++) {
            DonorTotal donor = top.get(i);
            out.printf(Locale.ROOT, "  %d. %s (%s): %,d VND, %,.1f children%n", i + 1, donor.donor().label(words),
                    donor.donor().type(), donor.money().allocated(), donor.childrenReached());
        }
    }

    private PrintWriter err() {
        return root.spec.commandLine().getErr();
    }
}
