package vn.childaid.matching.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {
    @TempDir
    Path dir;

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    /** Every name in {@code folder}, to show no temporary file was left behind. */
    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static OutputFileException refusal(OutputFile file, Path... inputs) {
        return assertThrows(OutputFileException.class, () -> file.check(List.of(inputs)));
    }

    // ---- Regular files and new paths ----

    @Test
    void aNewFileGetsTheContentInUtf8AndReadableByAll() throws IOException {
        Path plan = dir.resolve("plan.json");

        OutputFile.of(plan).writeString("Đắk Lắk");

        assertEquals("Đắk Lắk", Files.readString(plan, StandardCharsets.UTF_8));
        if (posix(plan)) {
            assertEquals("rw-r--r--", permissions(plan));
        }
        assertEquals(List.of("plan.json"), names(dir));
    }

    @Test
    void replacingAFileKeepsItsPermissions() throws IOException {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "old plan, longer than the new one");
        assumeTrue(posix(plan));
        Files.setPosixFilePermissions(plan, PosixFilePermissions.fromString("rw-rw----"));

        OutputFile.of(plan).writeString("new");

        assertEquals("new", Files.readString(plan));
        assertEquals("rw-rw----", permissions(plan));
        assertEquals(List.of("plan.json"), names(dir));
    }

    @Test
    void missingFoldersAreCreatedWhenWritingButNotWhenChecking() throws IOException {
        Path plan = dir.resolve("reports/2024/plan.json");
        OutputFile file = OutputFile.of(plan);

        assertSame(file, file.check(List.of()));
        assertFalse(Files.exists(dir.resolve("reports")), "checking changes nothing on disk");

        file.writeString("{}");
        assertEquals("{}", Files.readString(plan));
    }

    @Test
    void aFolderThatIsAFileIsReportedByCheckAndWrite() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "notes");
        OutputFile inside = OutputFile.of(dir.resolve("notes.txt/plan.json"));
        OutputFile below = OutputFile.of(dir.resolve("notes.txt/2024/plan.json"));

        assertTrue(refusal(inside).getMessage().endsWith(dir.resolve("notes.txt") + " is not a folder"),
                refusal(inside).getMessage());
        assertTrue(refusal(below).getMessage().contains("cannot be created: " + dir.resolve("notes.txt") + " is not a folder"),
                refusal(below).getMessage());
        assertThrows(OutputFileException.class, () -> below.writeString("{}"));
        assertEquals("notes", Files.readString(dir.resolve("notes.txt")));
    }

    @Test
    void aReadOnlyFileIsRefused() throws IOException {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "old");
        assumeTrue(posix(plan));
        Files.setPosixFilePermissions(plan, PosixFilePermissions.fromString("r--r--r--"));
        assumeFalse(Files.isWritable(plan), "the superuser may write any file");

        OutputFileException refused = refusal(OutputFile.of(plan));

        assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
        assertThrows(OutputFileException.class, () -> OutputFile.of(plan).writeString("new"));
        assertEquals("old", Files.readString(plan));
    }

    // ---- Failures while writing ----

    @Test
    void aFailureInTheMiddleOfAStreamingWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "old plan");

        OutputFileException failed = assertThrows(OutputFileException.class, () -> OutputFile.of(plan).write(out -> {
            out.write("new pla".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IOException("disk full");
        }));

        assertEquals("cannot write " + plan + ": disk full", failed.getMessage());
        assertEquals(plan, failed.path());
        assertEquals("old plan", Files.readString(plan));
        assertEquals(List.of("plan.json"), names(dir));
    }

    @Test
    void anUncheckedFailureWhileWritingPassesThroughAndCleansUp() throws IOException {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "old plan");
        UncheckedIOException bug = new UncheckedIOException(new IOException("serialiser broke"));

        assertSame(bug, assertThrows(UncheckedIOException.class, () -> OutputFile.of(plan).writeText(out -> {
            out.write("new");
            throw bug;
        })));

        assertEquals("old plan", Files.readString(plan));
        assertEquals(List.of("plan.json"), names(dir));
    }

    @Test
    void streamingTextMayCloseTheWriterOrNot() throws IOException {
        Path closed = dir.resolve("closed.csv");
        Path open = dir.resolve("open.csv");
        String rows = "need,children\n".repeat(20_000);

        OutputFile.of(closed).writeText(out -> {
            out.write(rows);
            out.close();
        });
        OutputFile.of(open).writeText(out -> out.write(rows));

        assertEquals(rows, Files.readString(closed));
        assertEquals(rows, Files.readString(open));
    }

    // ---- Symbolic links ----

    @Test
    void aChainOfSymbolicLinksStaysAndTheFileAtItsEndGetsTheContent() throws IOException {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Path real = shared.resolve("plan.json");
        Files.writeString(real, "old");
        Path middle = Files.createSymbolicLink(dir.resolve("middle.json"), Path.of("shared/plan.json"));
        Path link = Files.createSymbolicLink(dir.resolve("latest.json"), Path.of("middle.json"));

        OutputFile.of(link).writeString("new");

        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.isSymbolicLink(middle));
        assertEquals(Path.of("middle.json"), Files.readSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        assertEquals(List.of("latest.json", "middle.json", "shared"), names(dir));
        assertEquals(List.of("plan.json"), names(shared));
    }

    @Test
    void aDanglingLinkWritesTheFileItPointsTo() throws IOException {
        Path real = dir.resolve("plans/plan.json");
        Path link = Files.createSymbolicLink(dir.resolve("latest.json"), real);

        OutputFile.of(link).check(List.of()).writeString("new");

        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void aLoopOfLinksIsRefused() throws IOException {
        Path first = dir.resolve("a.json");
        Path second = dir.resolve("b.json");
        Files.createSymbolicLink(first, second);
        Files.createSymbolicLink(second, first);

        OutputFileException refused = refusal(OutputFile.of(first));

        assertTrue(refused.getMessage().contains("symbolic link that leads nowhere"), refused.getMessage());
        assertThrows(OutputFileException.class, () -> OutputFile.of(first).writeString("x"));
        assertTrue(Files.isSymbolicLink(first));
        assertTrue(Files.isSymbolicLink(second));
    }

    // ---- Pipes and directories ----

    @Test
    void aFifoIsWrittenIntoAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("plan.fifo");
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fifo reader");
            thread.setDaemon(true);
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

            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> OutputFile.of(fifo).check(List.of()).writeString("plan"));

            assertEquals("plan", read.get(20, TimeUnit.SECONDS));
            assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther());
            assertEquals(List.of("plan.fifo"), names(dir));
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

    @Test
    void standardOutputIsWrittenThroughSystemOutUnderEveryName() {
        assumeTrue(java.io.File.separatorChar == '/', "these names exist on Unix-like systems only");
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
            System.out.print("printed before, ");
            for (String name : List.of("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")) {
                OutputFile.of(Path.of(name)).check(List.of()).writeString(name + " ");
            }
        } finally {
            System.setOut(original);
        }
        // Whatever fd 1 leads to (here a memory buffer; in a shell, maybe a regular file), it is written on, not replaced.
        assertEquals("printed before, /dev/stdout /dev/fd/1 /proc/self/fd/1 ", captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aDirectoryIsRefusedAndLeftAlone() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("plans"));
        Files.writeString(folder.resolve("kept.json"), "kept");

        OutputFileException refused = refusal(OutputFile.of(folder));

        assertEquals("cannot write " + folder + ": is a directory", refused.getMessage());
        assertEquals(List.of("is a directory"), refused.problems());
        assertThrows(OutputFileException.class, () -> OutputFile.of(folder).writeString("x"));
        assertEquals(List.of("kept.json"), names(folder));
    }

    // ---- The same file as an input ----

    @Test
    void theSameFileAsAnInputIsRefusedDirectly() throws IOException {
        Path scenario = dir.resolve("scenario.json");
        byte[] original = "{\"name\": \"input\"}".getBytes(StandardCharsets.UTF_8);
        Files.write(scenario, original);
        Path relative = dir.relativize(scenario);
        Path other = dir.resolve("other.json");
        Files.writeString(other, "other");

        OutputFileException refused = refusal(OutputFile.of(scenario), other, scenario);

        assertEquals("cannot write " + scenario + ": would overwrite the input " + scenario, refused.getMessage());
        assertArrayEquals(original, Files.readAllBytes(scenario));
        // Spelled differently, still the same file; a different file is fine.
        assertEquals(1, refusal(OutputFile.of(dir.resolve(".").resolve(relative)), scenario).problems().size());
        OutputFile.of(other).check(List.of(scenario));
    }

    @Test
    void theSameFileAsAnInputIsRefusedThroughASymbolicLink() throws IOException {
        Path scenario = dir.resolve("scenario.json");
        Files.writeString(scenario, "input");
        Path link = Files.createSymbolicLink(dir.resolve("out.json"), scenario);

        OutputFileException refused = refusal(OutputFile.of(link), scenario);

        assertEquals(List.of("would overwrite the input " + scenario), refused.problems());
        assertEquals(link, refused.path());
        assertEquals("input", Files.readString(scenario));
        // And the other way round: the input given through a link.
        assertEquals(1, refusal(OutputFile.of(scenario), link).problems().size());
    }

    @Test
    void theSameFileAsAnInputIsRefusedThroughAHardLink() throws IOException {
        Path scenario = dir.resolve("scenario.json");
        Files.writeString(scenario, "input");
        Path hardLink = Files.createLink(dir.resolve("out.json"), scenario);

        OutputFileException refused = refusal(OutputFile.of(hardLink), scenario);

        assertEquals(List.of("would overwrite the input " + scenario), refused.problems());
        assertEquals("input", Files.readString(scenario));
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("plans"));

        OutputFileException refused = refusal(OutputFile.of(folder), folder);

        assertEquals(List.of("is a directory", "would overwrite the input " + folder), refused.problems());
    }
}
