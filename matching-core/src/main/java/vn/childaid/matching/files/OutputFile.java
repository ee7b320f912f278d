package vn.childaid.matching.files;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A file the user asked us to write. {@link #check} it with the inputs before any long work, so a
 * mistyped {@code --out} is reported in a second rather than after the solve; then write it once:
 * <pre>{@code
 * OutputFile planFile = OutputFile.of(out).check(List.of(scenarioFile));
 * Plan plan = AllocationEngine.solve(scenario, options);
 * planFile.writeString(PlanJson.toJson(plan));
 * }</pre>
 * How it is written depends on what is at the path:
 * <ul>
 * <li>nothing, or a regular file: the content goes to a temporary file in the same folder, which is
 *     then renamed over the target, so a reader sees the old file or the new one, never half of one.
 *     A replaced file keeps its permissions; a new one gets {@code rw-r--r--}. Missing folders are
 *     created. On any failure the temporary file is deleted and the old file is untouched.</li>
 * <li>a symbolic link (or a chain of them): the file at its end is replaced as above, so the link
 *     stays a link; a link that points at nothing yet creates the file it points at.</li>
 * <li>a pipe or a device (a FIFO, a terminal): written straight into, never replaced.</li>
 * <li>this process's standard output or error ({@code /dev/stdout}, {@code /dev/fd/1},
 *     {@code /proc/self/fd/1}, and the same for 2): written through {@link System#out} or
 *     {@link System#err}, whatever they lead to. When the shell sent them to a regular file
 *     ({@code > plan.txt}), that file is written on, not replaced: replacing it would lose
 *     everything the process prints after.</li>
 * <li>a directory: refused.</li>
 * </ul>
 * Every failure is an {@link OutputFileException} naming the path as given.
 */
public final class OutputFile {
    /** Linux gives up after 40 links in a row; following no more also ends loops. */
    private static final int MOST_LINKS_FOLLOWED = 40;
    private static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path given;

    private OutputFile(Path given) {
        this.given = given;
    }

    /** The output at this path, as the user gave it (relative paths are kept for messages). */
    public static OutputFile of(Path given) {
        return new OutputFile(Objects.requireNonNull(given, "given"));
    }

    /** The path as the user gave it. */
    public Path path() {
        return given;
    }

    /**
     * Checks, without changing anything on disk, that this file can be written and is none of
     * {@code inputs} (also through symbolic or hard links).
     *
     * @return this file, to write later
     * @throws OutputFileException listing everything that is wrong
     */
    public OutputFile check(Collection<Path> inputs) {
        Target target = target();
        List<String> problems = target.problems();
        if (target.exists()) {
            for (Path input : inputs) {
                if (isSameFile(input)) {
                    problems.add("would overwrite the input " + input);
                }
            }
        }
        throwIfAny(problems);
        return this;
    }

    /** Writes {@code content} as UTF-8. */
    public void writeString(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        write(out -> out.write(bytes));
    }

    /**
     * Writes UTF-8 text as {@code content} produces it, for outputs too large to hold as one string.
     * The writer may be closed by {@code content} or not; it is flushed either way.
     */
    public void writeText(TextContent content) {
        Objects.requireNonNull(content, "content");
        write(out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            content.writeTo(new FilterWriter(writer) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            });
            writer.flush();
        });
    }

    /**
     * Writes the bytes {@code content} produces. If it throws, a regular file keeps its old
     * content and no temporary file is left behind; its unchecked exceptions pass through as they are.
     * The stream may be closed by {@code content} or not.
     */
    public void write(ByteContent content) {
        Objects.requireNonNull(content, "content");
        Target target = target();
        throwIfAny(target.problems());
        try {
            switch (target.kind()) {
                case SPECIAL_FILE -> writeInto(target.location(), content);
                case STANDARD_OUTPUT -> writeInto(System.out, content);
                case STANDARD_ERROR -> writeInto(System.err, content);
                default -> replace(target.location(), content);
            }
        } catch (IOException e) {
            throw new OutputFileException(given, List.of(describe(e)), e);
        }
    }

    /** Produces a file's bytes. */
    @FunctionalInterface
    public interface ByteContent {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Produces a file's text. */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    // ---- What is at the path ----

    private enum Kind { NEW_FILE, REGULAR_FILE, SPECIAL_FILE, STANDARD_OUTPUT, STANDARD_ERROR, DIRECTORY, UNFOLLOWABLE_LINK }

    private static final Set<String> STANDARD_OUTPUT_NAMES = Set.of("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1");
    private static final Set<String> STANDARD_ERROR_NAMES = Set.of("/dev/stderr", "/dev/fd/2", "/proc/self/fd/2");

    /** What the given path leads to, and where: the file to replace, create or write into. */
    private record Target(Kind kind, Path location) {
        boolean exists() {
            return kind != Kind.NEW_FILE && kind != Kind.UNFOLLOWABLE_LINK;
        }

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            switch (kind) {
                case DIRECTORY -> problems.add("is a directory");
                case UNFOLLOWABLE_LINK -> problems.add("is a symbolic link that leads nowhere (a loop, or a link that cannot be read)");
                case SPECIAL_FILE -> {
                    if (!Files.isWritable(location)) {
                        problems.add("permission denied (not writable)");
                    }
                }
                case REGULAR_FILE -> {
                    if (!Files.isWritable(location)) {
                        problems.add("permission denied (the file is not writable)");
                    }
                    problems.addAll(folderProblems(location.getParent()));
                }
                case NEW_FILE -> problems.addAll(folderProblems(location.getParent()));
                case STANDARD_OUTPUT, STANDARD_ERROR -> { } // always open while the process runs
            }
            return problems;
        }
    }

    private Target target() {
        // Asked before following links: /dev/stdout leads to whatever fd 1 is, possibly a regular file.
        String name = given.toAbsolutePath().normalize().toString();
        if (STANDARD_OUTPUT_NAMES.contains(name)) {
            return new Target(Kind.STANDARD_OUTPUT, given);
        }
        if (STANDARD_ERROR_NAMES.contains(name)) {
            return new Target(Kind.STANDARD_ERROR, given);
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(given, BasicFileAttributes.class);
        } catch (IOException nothingThere) {
            return targetOfNewFile();
        }
        if (attributes.isDirectory()) {
            return new Target(Kind.DIRECTORY, given);
        }
        if (!attributes.isRegularFile()) {
            // Opened through the given path so that magic links such as /dev/stdout -> pipe:[…] work.
            return new Target(Kind.SPECIAL_FILE, given);
        }
        try {
            return new Target(Kind.REGULAR_FILE, given.toRealPath());
        } catch (IOException goneSinceWeLooked) {
            return targetOfNewFile();
        }
    }

    /** Nothing is there when links are followed: the path itself, or the end of its dangling link chain. */
    private Target targetOfNewFile() {
        Path current = given.toAbsolutePath();
        for (int followed = 0; followed < MOST_LINKS_FOLLOWED; followed++) {
            if (!Files.isSymbolicLink(current)) {
                return new Target(Kind.NEW_FILE, current);
            }
            try {
                current = current.resolveSibling(Files.readSymbolicLink(current));
            } catch (IOException e) {
                return new Target(Kind.UNFOLLOWABLE_LINK, given);
            }
        }
        return new Target(Kind.UNFOLLOWABLE_LINK, given);
    }

    /** The temporary file is made in {@code folder}, creating it first if need be. */
    private static List<String> folderProblems(Path folder) {
        if (Files.isDirectory(folder)) {
            return Files.isWritable(folder) ? List.of() : List.of("permission denied: cannot create files in " + folder);
        }
        if (Files.exists(folder)) {
            return List.of(folder + " is not a folder");
        }
        Path ancestor = folder.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null) {
            return List.of("folder " + folder + " cannot be created");
        }
        if (!Files.isDirectory(ancestor)) {
            return List.of("folder " + folder + " cannot be created: " + ancestor + " is not a folder");
        }
        if (!Files.isWritable(ancestor)) {
            return List.of("folder " + folder + " cannot be created: permission denied in " + ancestor);
        }
        return List.of();
    }

    private boolean isSameFile(Path input) {
        try {
            return Files.exists(input) && Files.isSameFile(given, input);
        } catch (IOException unreadable) {
            return false;
        }
    }

    private void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new OutputFileException(given, problems, null);
        }
    }

    // ---- Writing ----

    private static void writeInto(Path special, ByteContent content) throws IOException {
        // WRITE alone: never create, truncate or replace what is there.
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(special, StandardOpenOption.WRITE),
                BUFFER_BYTES)) {
            content.writeTo(new FlushOnClose(out));
        }
    }

    /** Through the stream, so what was printed to it before comes first, and the stream stays open. */
    private static void writeInto(PrintStream stream, ByteContent content) throws IOException {
        stream.flush();
        content.writeTo(new FlushOnClose(stream));
        stream.flush();
        if (stream.checkError()) {
            throw new IOException("the stream was closed or broken");
        }
    }

    private static void replace(Path target, ByteContent content) throws IOException {
        Path folder = target.getParent();
        Files.createDirectories(folder);
        // Same folder, so the rename stays on one file system and can be atomic.
        Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        boolean replaced = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), BUFFER_BYTES)) {
                content.writeTo(new FlushOnClose(out));
            }
            setPermissions(temporary, target);
            moveOver(temporary, target);
            replaced = true;
        } finally {
            if (!replaced) {
                deleteQuietly(temporary);
            }
        }
    }

    /** Temporary files are created owner-only; the result should read like the file it replaces, or any new file. */
    private static void setPermissions(Path temporary, Path target) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(Files.isRegularFile(target) ? Files.getPosixFilePermissions(target) : NEW_FILE_PERMISSIONS);
        }
    }

    private static void moveOver(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // The failure that got us here is the one worth reporting.
        }
    }

    /** In words, without the file name: Java's messages name the temporary file, which the user never asked for. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way of a folder to create";
        }
        if (e instanceof FileSystemException fileSystem) {
            return fileSystem.getReason() != null ? fileSystem.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Lets content close what it was given (Jackson does by default) while we decide when the file is done. */
    private static final class FlushOnClose extends FilterOutputStream {
        FlushOnClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
