package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childaid.matching.baseline.GreedyAllocator;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.examples.cli.CliRun.Result;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.scenario.Scenario;

/**
 * Every option that writes a file ({@code solve --out}, {@code generate --out}, {@code validate
 * --json}), given what a user may point it at, through the packaged jar started in the folder that
 * holds the files, so paths are relative as users type them. Nothing the user had is lost: an input
 * is never overwritten, a link stays a link, a pipe stays a pipe, standard output keeps everything
 * printed after the file; and an output that cannot be written is refused before any work, naming
 * the path as the user gave it.
 */
class OutputFilesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A refused solve given this limit must end long before it; one that solved could not. */
    private static final String LONG_TIME_LIMIT = "60s";
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(30);
    private static final String SCENARIO = "scenario.json";
    private static final String PLAN = "plan.json";

    @TempDir
    Path dir;

    @BeforeEach
    void writeATinyScenarioAndTheGreedyPlan() {
        Scenario scenario = DakLakGenerator.generate(ScenarioSize.TINY, 3);
        ScenarioJson.write(scenario, dir.resolve(SCENARIO));
        PlanJson.write(GreedyAllocator.plan(scenario), dir.resolve(PLAN));
    }

    /** An option that writes a file: how to run it, what it writes there, and what it prints after. */
    enum Output {
        SOLVE_OUT {
            @Override
            List<String> args(String out, String timeLimit) {
                return List.of("solve", SCENARIO, "--time", timeLimit, "--score-calculations", "5000", "--seed", "1",
                        "--out", out);
            }

            @Override
            void assertWritten(String content) {
                assertFalse(PlanJson.parse(content, "written").allocations().isEmpty(), content);
            }

            @Override
            String printedAfterWriting(String out) {
                return "Plan written to " + out;
            }
        },
        GENERATE_OUT {
            @Override
            List<String> args(String out, String timeLimit) {
                return List.of("generate", "--size", "tiny", "--seed", "5", "--out", out);
            }

            @Override
            void assertWritten(String content) {
                assertFalse(ScenarioJson.parse(content, "written").needs().isEmpty(), content);
            }

            @Override
            String printedAfterWriting(String out) {
                return "wrote " + out + ": ";
            }
        },
        VALIDATE_JSON {
            @Override
            List<String> args(String out, String timeLimit) {
                return List.of("validate", SCENARIO, "--plan", PLAN, "--json", out);
            }

            @Override
            void assertWritten(String content) {
                try {
                    assertEquals(JSON.readTree("{\"problems\": []}"), JSON.readTree(content), content);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            String printedAfterWriting(String out) {
                return "valid: ";
            }
        },
        REPORT_JSON {
            @Override
            List<String> args(String out, String timeLimit) {
                return List.of("report", PLAN, "--scenario", SCENARIO, "--json", out);
            }

            @Override
            void assertWritten(String content) {
                try {
                    assertTrue(JSON.readTree(content).get("feasible").asBoolean(), content);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            String printedAfterWriting(String out) {
                return "wrote " + out;
            }
        },
        REPORT_CSV_4W {
            @Override
            List<String> args(String out, String timeLimit) {
                return List.of("report", PLAN, "--scenario", SCENARIO, "--csv-4w", out);
            }

            @Override
            void assertWritten(String content) {
                assertTrue(content.startsWith("\uFEFFFunder,") && content.contains("#org+funder+name"), content);
            }

            @Override
            String[] contentThenPrinted(String stdout) {
                int summary = stdout.indexOf("report: ");
                return new String[] {stdout.substring(0, summary), stdout.substring(summary)};
            }

            @Override
            String printedAfterWriting(String out) {
                return "wrote " + out;
            }
        },
        REPORT_HTML {
            @Override
            List<String> args(String out, String timeLimit) {
                return List.of("report", PLAN, "--scenario", SCENARIO, "--html", out);
            }

            @Override
            void assertWritten(String content) {
                assertTrue(content.startsWith("<!DOCTYPE html>") && content.endsWith("</html>\n"), content);
            }

            @Override
            String[] contentThenPrinted(String stdout) {
                // The page's own title holds "report: ", so the summary is found after the page's end.
                int summary = stdout.indexOf("</html>\n") + "</html>\n".length();
                return new String[] {stdout.substring(0, summary), stdout.substring(summary)};
            }

            @Override
            String printedAfterWriting(String out) {
                return "wrote " + out;
            }
        };

        abstract List<String> args(String out, String timeLimit);

        abstract void assertWritten(String content);

        abstract String printedAfterWriting(String out);

        /** Standard output holding the content (JSON here) and then what the command printed, split in two. */
        String[] contentThenPrinted(String stdout) throws IOException {
            JsonParser parser = JSON.createParser(stdout);
            JsonNode written = parser.readValueAsTree();
            return new String[] {JSON.writeValueAsString(written),
                    stdout.substring((int) parser.currentLocation().getCharOffset())};
        }

        String[] quickly(String out) {
            // A limit the start plan always beats: --time counts from the JVM's start; the count ends the solve.
            return args(out, "30s").toArray(String[]::new);
        }

        String[] slowly(String out) {
            return args(out, LONG_TIME_LIMIT).toArray(String[]::new);
        }
    }

    private Result run(String... args) {
        return CliRun.inJarAt(dir, args);
    }

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /** A refusal is one line naming the path as given, before any work: no progress, no solve, nothing new on disk. */
    private void assertRefusedBeforeAnyWork(Result result, String given, String reason, List<String> namesBefore)
            throws IOException {
        assertEquals(2, result.exitCode(), result.out() + result.err());
        // Lines of ours only: a JVM may add a notice of its own (such as 'Picked up JAVA_TOOL_OPTIONS').
        List<String> errors = result.errLines().stream().filter(line -> line.startsWith("error:")).toList();
        assertEquals(1, errors.size(), result.err());
        String line = errors.get(0);
        assertTrue(line.startsWith("error: cannot write " + given + ": "), line);
        assertTrue(line.contains(reason), line);
        assertFalse(line.contains(".tmp"), "no temporary file named: " + line);
        assertFalse(result.err().contains("reached:"), "no progress line, so nothing solved: " + result.err());
        assertFalse(result.err().contains("\tat "), "no stack trace: " + result.err());
        assertEquals("", result.out());
        assertTrue(result.elapsed().compareTo(REFUSED_WITHIN) < 0, "refused before solving, took " + result.elapsed());
        assertEquals(namesBefore, names(dir), "nothing written");
    }

    // ---- The same file as an input (defect 2) ----

    static Stream<Arguments> outputsOverAnInput() {
        return Stream.of(
                Arguments.of(Named.of("solve --out its own scenario", Output.SOLVE_OUT), SCENARIO, Link.NONE),
                Arguments.of(Named.of("solve --out a symbolic link to its scenario", Output.SOLVE_OUT), SCENARIO, Link.SYMBOLIC),
                Arguments.of(Named.of("solve --out a hard link to its scenario", Output.SOLVE_OUT), SCENARIO, Link.HARD),
                Arguments.of(Named.of("validate --json its scenario", Output.VALIDATE_JSON), SCENARIO, Link.NONE),
                Arguments.of(Named.of("validate --json its plan", Output.VALIDATE_JSON), PLAN, Link.NONE),
                Arguments.of(Named.of("validate --json a symbolic link to its plan", Output.VALIDATE_JSON), PLAN, Link.SYMBOLIC),
                Arguments.of(Named.of("report --json its scenario", Output.REPORT_JSON), SCENARIO, Link.NONE),
                Arguments.of(Named.of("report --csv-4w a hard link to its plan", Output.REPORT_CSV_4W), PLAN, Link.HARD),
                Arguments.of(Named.of("report --html a symbolic link to its scenario", Output.REPORT_HTML), SCENARIO,
                        Link.SYMBOLIC));
    }

    enum Link { NONE, SYMBOLIC, HARD }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputsOverAnInput")
    void anOutputThatIsAnInputIsRefusedAndTheInputKept(Output output, String input, Link link) throws IOException {
        byte[] original = Files.readAllBytes(dir.resolve(input));
        String given = switch (link) {
            case NONE -> input;
            case SYMBOLIC -> Files.createSymbolicLink(dir.resolve("link.json"), Path.of(input)).getFileName().toString();
            case HARD -> Files.createLink(dir.resolve("hard.json"), dir.resolve(input)).getFileName().toString();
        };
        List<String> before = names(dir);

        Result result = run(output.slowly(given));

        assertRefusedBeforeAnyWork(result, given, "would overwrite the input " + input, before);
        assertArrayEquals(original, Files.readAllBytes(dir.resolve(input)));
        if (link == Link.SYMBOLIC) {
            assertEquals(Path.of(input), Files.readSymbolicLink(dir.resolve(given)));
        }
    }

    // ---- Links, pipes, standard output (defect 3) ----

    @ParameterizedTest
    @EnumSource(Output.class)
    void aSymbolicLinkStaysALinkAndTheFileItLeadsToGetsTheContent(Output output) throws IOException {
        Path kept = Files.createDirectory(dir.resolve("kept"));
        Files.writeString(kept.resolve("target.json"), "old content");
        Path link = Files.createSymbolicLink(dir.resolve("out.json"), Path.of("kept", "target.json"));
        List<String> before = names(dir);

        Result result = run(output.quickly("out.json"));

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("kept", "target.json"), Files.readSymbolicLink(link));
        output.assertWritten(Files.readString(kept.resolve("target.json")));
        assertEquals(List.of("target.json"), names(kept), "no temporary file left beside the target");
        assertEquals(before, names(dir));
    }

    @ParameterizedTest
    @EnumSource(Output.class)
    void aFifoIsWrittenIntoAndStaysAFifo(Output output) throws Exception {
        Path fifo = dir.resolve("out.fifo");
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fifo reader");
            thread.setDaemon(true); // blocked forever if the command never opens the pipe: the test fails, not the build
            return thread;
        });
        try {
            CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return Files.readString(fifo);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, reader);

            Result result = run(output.quickly("out.fifo"));

            assertEquals(0, result.exitCode(), result.err());
            output.assertWritten(read.get(30, TimeUnit.SECONDS));
            assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther(),
                    "still a FIFO");
        } finally {
            reader.shutdownNow();
        }
    }

    private static boolean mkfifo(Path path) throws InterruptedException {
        try {
            Process process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    /**
     * {@code --out /dev/stdout > file}: standard output is a regular file here. Replacing it with the
     * output (as any other regular file is) would lose everything printed after.
     */
    @ParameterizedTest
    @EnumSource(Output.class)
    void devStdoutRedirectedToAFileHoldsTheOutputAndThenWhatTheCommandPrints(Output output) throws IOException {
        List<String> before = names(dir);

        Result result = run(output.quickly("/dev/stdout"));

        assertEquals(0, result.exitCode(), result.err());
        String[] split = output.contentThenPrinted(result.out());
        output.assertWritten(split[0]);
        assertTrue(split[1].contains(output.printedAfterWriting("/dev/stdout")), split[1]);
        assertEquals(before, names(dir));
    }

    @Test
    void devStdoutIntoAPipeCarriesThePlanThenTheSummary() throws Exception {
        Path err = dir.resolve("err.txt");
        List<String> command = new ArrayList<>(CliRun.jarCommand(Output.SOLVE_OUT.quickly("/dev/stdout")));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // until the pipe closes
        assertTrue(process.waitFor(CliRun.PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS), "exited");

        assertEquals(0, process.exitValue(), Files.readString(err));
        JsonParser parser = JSON.createParser(out);
        Output.SOLVE_OUT.assertWritten(JSON.writeValueAsString(parser.readValueAsTree()));
        String summary = out.substring((int) parser.currentLocation().getCharOffset());
        assertTrue(summary.contains("Children reached, by priority tier"), summary);
        assertTrue(summary.strip().endsWith("Plan written to /dev/stdout"), summary);
    }

    // ---- Outputs that cannot be written, refused before any work (defects 3 and 9) ----

    @ParameterizedTest
    @EnumSource(Output.class)
    void aDirectoryIsRefusedBeforeAnyWorkAndLeftEmpty(Output output) throws IOException {
        Path plans = Files.createDirectory(dir.resolve("plans"));
        List<String> before = names(dir);

        Result result = run(output.slowly("plans"));

        assertRefusedBeforeAnyWork(result, "plans", "is a directory", before);
        assertEquals(List.of(), names(plans));
    }

    @ParameterizedTest
    @EnumSource(Output.class)
    void aPathUnderARegularFileIsRefusedBeforeAnyWorkNamingThePathGiven(Output output) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "the user's notes");
        List<String> before = names(dir);

        Result result = run(output.slowly("notes.txt/plan.json"));

        assertRefusedBeforeAnyWork(result, "notes.txt/plan.json", "notes.txt is not a folder", before);
        assertEquals("the user's notes", Files.readString(dir.resolve("notes.txt")));
    }
}
