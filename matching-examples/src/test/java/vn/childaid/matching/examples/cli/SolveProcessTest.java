package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childaid.matching.examples.cli.CliRun.Result;
import vn.childaid.matching.json.PlanJson;
import vn.childaid.matching.plan.Plan;

/**
 * {@code solve} under a time limit, signals and a count limit, as users meet it: the real main class
 * in a new JVM. A national scenario, whose greedy start alone takes tens of seconds, shows the time
 * limit counted from the command's start and a second Ctrl-C; a province scenario, which is deep in
 * local search within seconds, shows what the first SIGINT or SIGTERM keeps; a small one, repeatable
 * runs.
 */
class SolveProcessTest {
    /** The machine is shared: waits are generous, and only a hang runs into them. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** JVM start, writing a national plan and the summary, on a busy machine. */
    private static final Duration TIME_LIMIT_MARGIN = Duration.ofSeconds(20);
    private static final Pattern TIMING_FIELD = Pattern.compile("\"(millis|scoreCalculationSpeed|constructionMillis)\" : -?\\d+");

    @TempDir
    static Path scenarios;
    private static Path national;
    private static Path province;
    private static Path small;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateScenarios() {
        national = scenarios.resolve("national.json");
        Result generated = CliRun.inNewJvm("generate", "--size", "national", "--seed", "1", "--out", national.toString());
        assertEquals(0, generated.exitCode(), generated.err());
        province = scenarios.resolve("province.json");
        generated = CliRun.inProcess("generate", "--size", "province", "--seed", "3", "--out", province.toString());
        assertEquals(0, generated.exitCode(), generated.err());
        small = scenarios.resolve("small.json");
        generated = CliRun.inProcess("generate", "--size", "small", "--seed", "2", "--out", small.toString());
        assertEquals(0, generated.exitCode(), generated.err());
    }

    @Test
    void aTimeLimitEndingInTheGreedyStartIsHonouredAndThePlanSaysSo() throws Exception {
        Duration limit = Duration.ofSeconds(6);
        Path planFile = dir.resolve("plan.json");
        long started = System.nanoTime();

        Result solved = CliRun.inNewJvm("solve", national.toString(), "--time", limit.toSeconds() + "s", "--out",
                planFile.toString());

        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(0, solved.exitCode(), solved.err());
        assertTrue(wall.compareTo(limit.plus(TIME_LIMIT_MARGIN)) < 0,
                "ran " + wall + " with a limit of " + limit + " (it ran over a minute before the fix)");
        assertTrue(solved.err().contains("start plan:"), "progress showed during the start: " + solved.err());
        Plan plan = PlanJson.read(planFile);
        assertEquals("not solved: time ran out while building the start plan: the plan holds the greedy's lines so far",
                plan.score());
        assertTrue(plan.feasible(), () -> "the lines so far keep every rule: " + plan.violations());
        assertTrue(solved.out().contains("Score: not solved: time ran out while building the start plan"), solved.out());
        assertTrue(solved.err().contains("time ran out while building the start plan"), "logged: " + solved.err());
    }

    @Test
    void ctrlCWritesTheBestPlanSoFarSummarisesItAndExits130() throws Exception {
        assumeSigintIsNotIgnored();
        Path planFile = dir.resolve("plan.json");
        try (Child child = Child.start(dir, "solve", province.toString(), "--time", "60s", "--out", planFile.toString())) {
            child.awaitErr("reached:");
            child.kill("INT");

            assertEquals(130, child.awaitExit(), child.describe());
            assertInterruptedWithItsBestPlan(child, planFile, "SIGINT");
        }
    }

    @Test
    void sigtermWritesTheBestPlanSoFarSummarisesItAndExits143() throws Exception {
        Path planFile = dir.resolve("plan.json");
        try (Child child = Child.start(dir, "solve", province.toString(), "--time", "60s", "--out", planFile.toString())) {
            child.awaitErr("reached:");
            child.process.destroy(); // SIGTERM

            assertEquals(143, child.awaitExit(), child.describe());
            assertInterruptedWithItsBestPlan(child, planFile, "SIGTERM");
        }
    }

    /**
     * A runtime without {@code jdk.unsupported} (here: limited to the Java SE modules) has no
     * {@code sun.misc.Signal}; a shutdown hook then keeps the best plan, and the JVM sets the exit code.
     */
    @Test
    void withoutSunMiscSignalAShutdownHookStillKeepsTheBestPlan() throws Exception {
        Path planFile = dir.resolve("plan.json");
        try (Child child = Child.start(dir, List.of("--limit-modules", "java.se"), "solve", province.toString(),
                "--time", "60s", "--out", planFile.toString())) {
            child.awaitErr("reached:");
            child.process.destroy(); // SIGTERM

            assertEquals(143, child.awaitExit(), child.describe());
            assertInterruptedWithItsBestPlan(child, planFile, "a signal");
        }
    }

    @Test
    void aSecondCtrlCExitsAtOnceWithoutWaitingForThePlan() throws Exception {
        assumeSigintIsNotIgnored();
        Path planFile = dir.resolve("plan.json");
        try (Child child = Child.start(dir, "solve", national.toString(), "--time", "60s", "--out", planFile.toString())) {
            child.awaitErr("start plan:");
            child.kill("INT");
            // Keeping the national plan takes seconds (assembling and writing it): time for a second Ctrl-C.
            child.awaitErr("received SIGINT: stopping");
            long secondAt = System.nanoTime();
            child.kill("INT");

            assertEquals(130, child.awaitExit(), child.describe());
            long exitMillis = (System.nanoTime() - secondAt) / 1_000_000;
            assertTrue(exitMillis < 5_000, "exited " + exitMillis + " ms after the second Ctrl-C");
            assertTrue(child.err().contains("received SIGINT again: exiting at once"), child.describe());
            assertFalse(child.out().contains("Plan for"), "no summary: it did not wait for the plan\n" + child.describe());
            if (Files.exists(planFile)) {
                PlanJson.read(planFile); // written whole before the second Ctrl-C came, or not at all
            }
        }
    }

    @Test
    void scoreCalculationsWithASeedGiveTheSamePlanTwiceApartFromTimings() throws Exception {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        for (Path planFile : List.of(first, second)) {
            Result solved = CliRun.inNewJvm("--quiet", "solve", small.toString(), "--seed", "7",
                    "--score-calculations", "20000", "--out", planFile.toString());
            assertEquals(0, solved.exitCode(), solved.err());
        }

        assertFalse(PlanJson.read(first).score().startsWith("not solved"), "the solver ran");
        assertEquals(withoutTimings(first), withoutTimings(second));
    }

    @Test
    void scoreCalculationsMustBeAPositiveCount() {
        Result refused = CliRun.inProcess("solve", province.toString(), "--score-calculations", "0");
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("--score-calculations must be at least 1"), refused.err());
    }

    @Test
    void scoreCalculationsWithoutTimeLiftTheTimeLimit() {
        assertEquals(SolveLimits.NO_TIME_LIMIT, SolveLimits.timeLimit(Optional.empty(), Optional.of(20_000L)));
        assertEquals(Duration.ofSeconds(5), SolveLimits.timeLimit(Optional.of(Duration.ofSeconds(5)), Optional.of(20_000L)));
        assertEquals(Duration.ofSeconds(30), SolveLimits.timeLimit(Optional.empty(), Optional.empty()));
    }

    private static void assertInterruptedWithItsBestPlan(Child child, Path planFile, String signal) throws IOException {
        Plan plan = PlanJson.read(planFile);
        assertTrue(plan.feasible(), () -> String.join("; ", plan.violations()));
        assertFalse(plan.score().startsWith("not solved"), "stopped in local search: " + plan.score());
        assertTrue(child.out().contains("Plan for \"" + plan.scenario() + "\""), child.describe());
        assertTrue(child.out().contains("Plan written to " + planFile), child.describe());
        assertTrue(child.out().contains("Interrupted by " + signal), child.describe());
        Result audited = CliRun.inProcess("validate", province.toString(), "--plan", planFile.toString());
        assertEquals(0, audited.exitCode(), audited.out() + audited.err());
    }

    private static String withoutTimings(Path planFile) throws IOException {
        String json = Files.readString(planFile, StandardCharsets.UTF_8);
        Matcher timings = TIMING_FIELD.matcher(json);
        assertEquals(3, timings.results().count(), "the three timing fields are there to ignore");
        return TIMING_FIELD.matcher(json).replaceAll("\"$1\" : _");
    }

    /**
     * A process started with SIGINT ignored (as background jobs of a non-interactive shell are) passes
     * that on to its children, and the JVM then leaves SIGINT ignored: there is nothing to test.
     */
    private static void assumeSigintIsNotIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return;
        }
        Optional<String> ignored = Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
                .map(line -> line.substring("SigIgn:".length()).strip()).findFirst();
        boolean sigintIgnored = ignored.isPresent() && (Long.parseUnsignedLong(ignored.get(), 16) & (1L << (2 - 1))) != 0;
        Assumptions.assumeFalse(sigintIgnored, "this test runs with SIGINT ignored, so its child cannot receive it");
    }

    /**
     * {@code MatchingCli} running in a new JVM, output to files (so it never blocks on a full pipe);
     * also what the other commands' signal tests start.
     */
    static final class Child implements AutoCloseable {
        private final Process process;
        private final Path out;
        private final Path err;

        private Child(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        static Child start(Path dir, String... args) throws IOException {
            return start(dir, List.of(), args);
        }

        static Child start(Path dir, List<String> jvmOptions, String... args) throws IOException {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> command = new ArrayList<>(List.of(java.toString(), "-Dfile.encoding=UTF-8"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), MatchingCli.class.getName()));
            command.addAll(Arrays.asList(args));
            Path out = Files.createTempFile(dir, "child-out", ".txt");
            Path err = Files.createTempFile(dir, "child-err", ".txt");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new Child(process, out, err);
        }

        void awaitErr(String text) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!err().contains(text)) {
                if (!process.isAlive()) {
                    fail("ended before printing '" + text + "'\n" + describe());
                }
                if (System.nanoTime() > deadline) {
                    fail("no '" + text + "' within " + PATIENCE + "\n" + describe());
                }
                Thread.sleep(50);
            }
        }

        void kill(String signal) throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor(), "kill -" + signal);
        }

        int awaitExit() throws InterruptedException, IOException {
            if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                fail("no exit within " + PATIENCE + "\n" + describe());
            }
            return process.exitValue();
        }

        String out() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        String err() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        String describe() {
            try {
                return "stdout:\n" + out() + "\nstderr:\n" + err();
            } catch (IOException e) {
                return "(output unreadable: " + e + ")";
            }
        }

        Process process() {
            return process;
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
