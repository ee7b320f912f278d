package vn.childaid.matching.files;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder of files the user asked us to write (a scenario exported as CSV files). Like
 * {@link OutputFile}, {@link #check} it before any work; then {@link #write} it once. It is written
 * only when it does not exist yet or is an empty folder, so that no file of the user's is ever
 * replaced or mixed with ours, and it is never left half-written:
 * <ul>
 * <li>a folder that does not exist yet is made as a temporary folder beside it (hidden, same parent),
 *     every file is written there through {@link OutputFile}, and the temporary folder is then
 *     renamed to the name asked for: a reader sees no folder or the whole folder. On failure the
 *     temporary folder and what was written in it are deleted.</li>
 * <li>an existing empty folder (or a link to one) is kept, with its owner and permissions, and the
 *     files are written into it one by one through {@link OutputFile}; on failure the files written so
 *     far are deleted, leaving it empty as it was.</li>
 * <li>anything else (a non-empty folder, a file, a dangling link) is refused before anything is written.</li>
 * </ul>
 * Every failure is an {@link OutputFileException} naming the path as given.
 */
public final class OutputFolder {
    /** What {@code mkdir} makes under the usual umask; the temporary folder starts owner-only. */
    private static final Set<PosixFilePermission> NEW_FOLDER_PERMISSIONS = PosixFilePermissions.fromString("rwxr-xr-x");

    private final Path given;

    private OutputFolder(Path given) {
        this.given = given;
    }

    /** The output folder at this path, as the user gave it (relative paths are kept for messages). */
    public static OutputFolder of(Path given) {
        return new OutputFolder(Objects.requireNonNull(given, "given"));
    }

    /** The path as the user gave it. */
    public Path path() {
        return given;
    }

    /**
     * Checks, without changing anything on disk, that this folder can be written: it does not exist
     * and its parent can hold it, or it is an empty, writable folder. An input cannot be inside an
     * empty folder, and an input file at the path itself is refused as "not a folder", so inputs are
     * safe either way; they are taken for symmetry with {@link OutputFile#check}.
     *
     * @return this folder, to write later
     * @throws OutputFileException listing everything that is wrong
     */
    public OutputFolder check(Collection<Path> inputs) {
        Objects.requireNonNull(inputs, "inputs");
        throwIfAny(problems());
        return this;
    }

    /**
     * Writes each named file (a plain file name, no folders) as UTF-8, whole or not at all.
     *
     * @throws OutputFileException naming this folder and why it cannot be written; nothing of it is left behind
     * @throws IllegalArgumentException when a name is not a plain file name
     */
    public void write(Map<String, String> contentByFileName) {
        Objects.requireNonNull(contentByFileName, "contentByFileName");
        contentByFileName.keySet().forEach(OutputFolder::requirePlainName);
        throwIfAny(problems());
        try {
            if (Files.isDirectory(given)) {
                writeIntoEmptyFolder(contentByFileName);
            } else {
                writeNewFolder(contentByFileName);
            }
        } catch (IOException e) {
            throw new OutputFileException(given, List.of(describe(e)), e);
        } catch (OutputFileException e) {
            // One of our files could not be written: the user asked for the folder, so name the folder.
            throw new OutputFileException(given, e.problems(), e);
        }
    }

    private static void requirePlainName(String name) {
        Path path = Path.of(name);
        if (name.isBlank() || path.getNameCount() != 1 || path.isAbsolute() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("not a plain file name: '" + name + "'");
        }
    }

    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (Files.isDirectory(given)) {
            if (!Files.isWritable(given)) {
                problems.add("permission denied: cannot create files in it");
            }
            try (Stream<Path> entries = Files.list(given)) {
                if (entries.findAny().isPresent()) {
                    problems.add("is not empty (only a new or empty folder is written, so that no file in it is replaced)");
                }
            } catch (IOException unreadable) {
                problems.add("cannot be listed: " + describe(unreadable));
            }
        } else if (Files.exists(given, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(Files.isSymbolicLink(given) && !Files.exists(given)
                    ? "is a symbolic link that leads nowhere" : "is not a folder");
        } else {
            problems.addAll(parentProblems(given.toAbsolutePath().getParent()));
        }
        return problems;
    }

    /** The temporary folder is made in {@code parent}, creating it first if need be. */
    private static List<String> parentProblems(Path parent) {
        if (parent == null) {
            return List.of("a folder cannot be made here");
        }
        if (Files.isDirectory(parent)) {
            return Files.isWritable(parent) ? List.of() : List.of("permission denied: cannot create a folder in " + parent);
        }
        if (Files.exists(parent)) {
            return List.of(parent + " is not a folder");
        }
        Path ancestor = parent.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null || !Files.isDirectory(ancestor)) {
            return List.of("folder " + parent + " cannot be created" + (ancestor == null ? "" : ": " + ancestor + " is not a folder"));
        }
        return Files.isWritable(ancestor) ? List.of()
                : List.of("folder " + parent + " cannot be created: permission denied in " + ancestor);
    }

    private void writeNewFolder(Map<String, String> contentByFileName) throws IOException {
        Path parent = given.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Beside the target, so the final rename stays on one file system; hidden, so no one takes it for the output.
        Path temporary = Files.createTempDirectory(parent, "." + given.getFileName() + ".");
        boolean renamed = false;
        try {
            contentByFileName.forEach((name, content) -> OutputFile.of(temporary.resolve(name)).writeString(content));
            PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
            if (view != null) {
                view.setPermissions(NEW_FOLDER_PERMISSIONS);
            }
            // Without REPLACE_EXISTING: a folder made there since the check is refused, never merged into.
            Files.move(temporary, given.toAbsolutePath());
            renamed = true;
        } finally {
            if (!renamed) {
                deleteQuietly(temporary);
            }
        }
    }

    private void writeIntoEmptyFolder(Map<String, String> contentByFileName) throws IOException {
        List<Path> written = new ArrayList<>();
        boolean done = false;
        try {
            for (Map.Entry<String, String> file : contentByFileName.entrySet()) {
                Path target = given.resolve(file.getKey());
                OutputFile.of(target).writeString(file.getValue());
                written.add(target);
            }
            done = true;
        } finally {
            if (!done) {
                written.forEach(OutputFolder::deleteFileQuietly);
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> entries = Files.walk(folder)) {
            entries.sorted(Comparator.reverseOrder()).forEach(OutputFolder::deleteFileQuietly);
        } catch (IOException ignored) {
            // The failure that got us here is the one worth reporting.
        }
    }

    private static void deleteFileQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // As above.
        }
    }

    private void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new OutputFileException(given, problems, null);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof FileAlreadyExistsException || e instanceof DirectoryNotEmptyException) {
            return "something was put there while it was being written; nothing was written";
        }
        return OutputFile.describe(e);
    }
}
