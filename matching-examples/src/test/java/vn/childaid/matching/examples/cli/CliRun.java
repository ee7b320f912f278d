package vn.childaid.matching.examples.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line for tests, three ways: in this JVM through {@link MatchingCli#run} (fast, for
 * the commands' logic); as users meet it, in a new JVM through the main class on this test's class
 * path (exit code from {@code System.exit}, output as flushed to the real streams); or, in the
 * integration tests that run after {@code package}, as {@code java -jar matching.jar}.
 */
final class CliRun {
    /** Long enough for a cold JVM on a busy machine; a hung command fails the test instead of the build. */
    static final long PROCESS_TIMEOUT_SECONDS = 120;

    /** The system property through which the build names the packaged jar (see matching-examples' pom). */
    static final String JAR_PROPERTY = "matching.jar";

    private CliRun() {}

    record Result(int exitCode, String out, String err, Duration elapsed) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** Runs {@link MatchingCli#run} here, with its output captured. */
    static Result inProcess(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int code = MatchingCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Runs {@code java -cp <this test's class path> MatchingCli args…} in a new JVM and waits for it. */
    static Result inNewJvm(String... args) {
        return inNewJvm(List.of(), args);
    }

    /** As {@link #inNewJvm(String...)}, with options for the JVM (a memory limit, a system property). */
    static Result inNewJvm(List<String> jvmOptions, String... args) {
        return run(newJvmCommand(jvmOptions, args), Map.of(), null);
    }

    /** Runs {@code java -jar matching.jar args…}, the packaged jar exactly as users start it, and waits for it. */
    static Result inJar(String... args) {
        return run(jarCommand(args), Map.of(), null);
    }

    /** As {@link #inJar(String...)}, started in {@code workingDirectory}, so relative paths are the user's own. */
    static Result inJarAt(Path workingDirectory, String... args) {
        return run(jarCommand(args), Map.of(), workingDirectory);
    }

    /** As {@link #inJar(String...)}, with these environment variables added or changed (a locale, say). */
    static Result inJar(Map<String, String> environment, String... args) {
        return run(jarCommand(args), environment, null);
    }

    static List<String> newJvmCommand(String... args) {
        return newJvmCommand(List.of(), args);
    }

    static List<String> newJvmCommand(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-Dfile.encoding=UTF-8"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MatchingCli.class.getName()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** No JVM options: the jar must behave whatever the user's defaults (encoding, locale) are. */
    static List<String> jarCommand(String... args) {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            fail("no packaged jar at -D" + JAR_PROPERTY + "=" + jar + ": run the integration tests with 'mvn verify'");
        }
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar));
        command.addAll(Arrays.asList(args));
        return command;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs {@code command} and waits for it. Output goes to regular files rather than pipes, so a
     * chatty command cannot block on a full pipe (and so {@code --out /dev/stdout} meets a regular
     * file, as with a shell's {@code > file}).
     */
    private static Result run(List<String> command, Map<String, String> environment, Path workingDirectory) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("matching-cli-out", ".txt");
            err = Files.createTempFile("matching-cli-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            long start = System.nanoTime();
            Process process = builder.start();
            process.getOutputStream().close(); // no input, as in CI
            if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("no exit within " + PROCESS_TIMEOUT_SECONDS + " s: " + String.join(" ", command));
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), elapsed);
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
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
