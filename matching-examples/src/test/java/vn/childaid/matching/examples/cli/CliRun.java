package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line for tests, two ways: in this JVM through {@link MatchingCli#run} (fast, for
 * the commands' logic), or as users meet it, in a new JVM through the main class (exit code from
 * {@code System.exit}, output as flushed to the real streams).
 */
final class CliRun {
    /** Long enough for a cold JVM on a busy machine; a hung command fails the test instead of the build. */
    private static final long PROCESS_TIMEOUT_SECONDS = 120;

    private CliRun() {}

    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    /** Runs {@link MatchingCli#run} here, with its output captured. */
    static Result inProcess(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MatchingCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Runs {@code java -cp <this test's class path> MatchingCli args…} in a new JVM and waits for it.
     * Output goes to files rather than pipes, so a chatty command cannot block on a full pipe.
     */
    static Result inNewJvm(String... args) {
        return inNewJvm(List.of(), args);
    }

    /** As {@link #inNewJvm(String...)}, with options for the JVM (a memory limit, a system property). */
    static Result inNewJvm(List<String> jvmOptions, String... args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Dfile.encoding=UTF-8"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MatchingCli.class.getName()));
        command.addAll(Arrays.asList(args));
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("matching-cli-out", ".txt");
            err = Files.createTempFile("matching-cli-err", ".txt");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("no exit within " + PROCESS_TIMEOUT_SECONDS + " s: " + String.join(" ", args));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", args), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary file left behind harms nothing.
            }
        }
    }
}
