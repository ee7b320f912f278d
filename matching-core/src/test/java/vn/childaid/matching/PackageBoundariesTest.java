package vn.childaid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The solver package stays internal: checked on the library's main sources, so a new import in the
 * wrong place fails the build rather than widening what embedders depend on.
 */
class PackageBoundariesTest {
    private static final Pattern OPTAPLANNER_INTERNALS = Pattern.compile("org\\.optaplanner\\.core\\.impl\\.");
    /** Any solver type named from outside, except the entry point (a wildcard import counts too). */
    private static final Pattern SOLVER_BEYOND_ITS_ENTRY =
            Pattern.compile("vn\\.childaid\\.matching\\.solver\\.(?!SolverRun\\b)[\\w*]");
    private static final Path SOLVER_PACKAGE = Path.of("vn", "childaid", "matching", "solver");

    private static Path mainSources() throws URISyntaxException {
        // target/test-classes → the module's src/main/java, whatever the working directory
        Path testClasses =
                Path.of(PackageBoundariesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path sources = testClasses.getParent().getParent().resolve("src/main/java");
        assertTrue(Files.isDirectory(sources), "no main sources at " + sources);
        return sources;
    }

    /** Main source files (relative to the source root) in or out of the solver package where {@code pattern} occurs. */
    private static List<Path> filesMatching(Pattern pattern, boolean inSolverPackage) throws Exception {
        Path root = mainSources();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .map(root::relativize)
                    .filter(file -> file.startsWith(SOLVER_PACKAGE) == inSolverPackage)
                    .filter(file -> pattern.matcher(read(root.resolve(file))).find())
                    .sorted()
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void onlyTheSolverPackageUsesOptaPlannersImplementationTypes() throws Exception {
        assertEquals(List.of(), filesMatching(OPTAPLANNER_INTERNALS, false),
                "these files outside the solver package use org.optaplanner.core.impl; go through SolverRun");
        assertTrue(filesMatching(OPTAPLANNER_INTERNALS, true).contains(SOLVER_PACKAGE.resolve("SolverRun.java")),
                "the check finds SolverRun's own imports, so it reads the right files");
    }

    @Test
    void outsideTheSolverPackageOnlySolverRunIsUsed() throws Exception {
        assertEquals(List.of(), filesMatching(SOLVER_BEYOND_ITS_ENTRY, false),
                "these files reach solver internals; use SolverRun");
        assertTrue(filesMatching(Pattern.compile("import vn\\.childaid\\.matching\\.solver\\.SolverRun;"), false)
                .contains(Path.of("vn", "childaid", "matching", "engine", "SolveJob.java")),
                "the check reads the engine, which imports SolverRun");
    }

    @Test
    void theSolverPatternTellsTheEntryPointFromTheRest() {
        assertTrue(SOLVER_BEYOND_ITS_ENTRY.matcher("import vn.childaid.matching.solver.SolverModel;").find());
        assertTrue(SOLVER_BEYOND_ITS_ENTRY.matcher("import vn.childaid.matching.solver.*;").find());
        assertTrue(SOLVER_BEYOND_ITS_ENTRY.matcher("vn.childaid.matching.solver.SolverRunner x;").find());
        assertTrue(!SOLVER_BEYOND_ITS_ENTRY.matcher("import vn.childaid.matching.solver.SolverRun;").find());
        assertTrue(!SOLVER_BEYOND_ITS_ENTRY.matcher("new vn.childaid.matching.solver.SolverRun.Settings(").find());
    }
}
