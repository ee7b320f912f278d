package vn.childaid.matching.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
    /** Longer than any file system takes as one name, so writing it fails after the files before it were written. */
    private static final String UNWRITABLE_NAME = "x".repeat(300) + ".csv";

    @TempDir
    Path temp;

    private static Set<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static Map<String, String> twoFilesThenOneThatFails() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a.csv", "a");
        files.put("b.csv", "b");
        files.put(UNWRITABLE_NAME, "never");
        return files;
    }

    @Test
    void aNewFolderAppearsWholeWithNothingLeftBesideIt() throws IOException {
        Path folder = temp.resolve("deeper/export");

        OutputFolder.of(folder).check(List.of()).write(Map.of("a.csv", "Buôn Khanh", "b.json", "{}"));

        assertEquals(Set.of("a.csv", "b.json"), namesIn(folder));
        assertEquals("Buôn Khanh", Files.readString(folder.resolve("a.csv")));
        assertEquals(Set.of("export"), namesIn(folder.getParent()), "no temporary folder is left beside it");
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
    }

    @Test
    void anEmptyFolderIsWrittenInto() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("empty"));

        OutputFolder.of(folder).check(List.of()).write(Map.of("a.csv", "a"));

        assertEquals(Set.of("a.csv"), namesIn(folder));
    }

    @Test
    void aNonEmptyFolderOrAFileIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path taken = Files.createDirectory(temp.resolve("taken"));
        Files.writeString(taken.resolve("notes.txt"), "mine");
        Path file = Files.writeString(temp.resolve("plan.json"), "{}");

        OutputFileException notEmpty = assertThrows(OutputFileException.class, () -> OutputFolder.of(taken).check(List.of()));
        OutputFileException notFolder = assertThrows(OutputFileException.class, () -> OutputFolder.of(file).write(Map.of("a.csv", "a")));

        assertEquals("cannot write " + taken + ": is not empty (only a new or empty folder is written, so that no file "
                + "in it is replaced)", notEmpty.getMessage());
        assertEquals(List.of("is not a folder"), notFolder.problems());
        assertThrows(OutputFileException.class, () -> OutputFolder.of(taken).write(Map.of("notes.txt", "ours")));
        assertEquals("mine", Files.readString(taken.resolve("notes.txt")));
        assertEquals("{}", Files.readString(file));
    }

    @Test
    void aNewFolderThatFailsHalfWayLeavesNothing() throws IOException {
        Path folder = temp.resolve("export");

        OutputFileException failed = assertThrows(OutputFileException.class,
                () -> OutputFolder.of(folder).write(twoFilesThenOneThatFails()));

        assertEquals(folder, failed.path(), "the folder asked for is named, not a file in it");
        assertEquals(Set.of(), namesIn(temp), "neither the folder nor a temporary one is left");
    }

    @Test
    void anEmptyFolderThatFailsHalfWayIsLeftEmpty() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("empty"));

        assertThrows(OutputFileException.class, () -> OutputFolder.of(folder).write(twoFilesThenOneThatFails()));

        assertTrue(Files.isDirectory(folder), "the user's folder stays");
        assertEquals(Set.of(), namesIn(folder));
    }

    @Test
    void onlyPlainFileNamesAreWritten() {
        Path folder = temp.resolve("export");
        for (String name : List.of("../escape.csv", "sub/a.csv", "/etc/a.csv", "..", "")) {
            assertThrows(IllegalArgumentException.class, () -> OutputFolder.of(folder).write(Map.of(name, "x")), name);
        }
        assertFalse(Files.exists(folder));
    }
}
