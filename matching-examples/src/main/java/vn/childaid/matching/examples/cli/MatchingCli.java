package vn.childaid.matching.examples.cli;

import ch.qos.logback.classic.Level;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.childaid.matching.files.OutputFileException;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Problem;

/**
 * The planners' command line: {@code solve}, {@code validate}, {@code generate}, {@code summary}, and
 * {@code import} and {@code export} between scenario JSON and the CSV files of spreadsheets, and
 * {@code dedupe} for needs and donors reported twice, and {@code report} on a plan for the people it concerns.
 * Exit codes: 0 success, 2 bad input or usage, 1 internal error; a solve stopped by SIGINT (Ctrl-C)
 * 130, by SIGTERM 143 (see {@link Interruptions}). Errors are one readable line each; {@code --debug}
 * adds stack traces.
 */
@Command(name = "matching", mixinStandardHelpOptions = true, version = "matching 0.1.0",
        description = "Matches donor offers to children's needs, highest priority first, nothing funded twice.",
        subcommands = {SolveCommand.class, ValidateCommand.class, GenerateCommand.class, SummaryCommand.class,
                ImportCommand.class, ExportCommand.class, DedupeCommand.class, ReportCommand.class})
public final class MatchingCli implements Callable<Integer> {
    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int BAD_INPUT = 2;

    @Option(names = "--quiet", description = "Print only results and errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean quiet;

    @Option(names = "--verbose", description = "Log the solver's work in detail.", scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @Option(names = "--debug", description = "Show stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return BAD_INPUT;
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: names and messages are Vietnamese, and a '?' in their place loses them.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int exitCode;
        try {
            exitCode = run(args, out, err);
        } finally {
            // Autoflush covers println only, and System.exit flushes nothing: without this, output
            // printed with print() (a summary, usage help) never reaches a file or pipe.
            out.flush();
            err.flush();
        }
        System.exit(exitCode);
    }

    /** Runs the command line with the given streams; returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        MatchingCli root = new MatchingCli();
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionStrategy(parseResult -> {
            configureLogging(root);
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            err.println("error: " + exception.getMessage());
            err.println("Try '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof InvalidScenarioException invalid) {
                List<Problem> problems = invalid.problems();
                problems.stream().limit(ValidateCommand.MOST_LINES_PRINTED).forEach(problem -> err.println("invalid: " + problem));
                if (problems.size() > ValidateCommand.MOST_LINES_PRINTED) {
                    err.printf(Locale.ROOT, "… and %,d more problems (validate --json FILE lists them all)%n",
                            problems.size() - ValidateCommand.MOST_LINES_PRINTED);
                }
                err.printf(Locale.ROOT, "%,d %s; nothing was solved or written.%n", problems.size(),
                        problems.size() == 1 ? "problem" : "problems");
                return BAD_INPUT;
            }
            if (exception instanceof OutputFileException unwritable) {
                err.println("error: " + unwritable.getMessage());
                return BAD_INPUT;
            }
            if (exception instanceof UserInputException userError) {
                err.println("error: " + userError.getMessage());
                return BAD_INPUT;
            }
            err.println("internal error: " + exception + (root.debug ? "" : " (run with --debug for details)"));
            if (root.debug) {
                exception.printStackTrace(err);
            }
            return INTERNAL_ERROR;
        });
        return commandLine.execute(args);
    }

    private static void configureLogging(MatchingCli root) {
        Logger rootLogger = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (rootLogger instanceof ch.qos.logback.classic.Logger logback) {
            Level engineLevel = root.quiet ? Level.ERROR : root.verbose ? Level.DEBUG : Level.WARN;
            logback.setLevel(root.quiet ? Level.ERROR : Level.WARN);
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("vn.childaid")).setLevel(engineLevel);
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.optaplanner"))
                    .setLevel(root.verbose ? Level.INFO : Level.ERROR);
        }
    }
}
