package vn.childaid.matching.solver;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the exact re-optimisation of neighbourhoods can run here: OR-Tools is an optional
 * dependency, and its native libraries may be missing for this platform. Checked once per JVM,
 * logged once; no OR-Tools type is named in this class, so it loads without OR-Tools.
 *
 * <p>The system property {@value #DISABLED_PROPERTY}{@code =true} makes OR-Tools count as missing
 * (read at each check, so tests can simulate a machine without it).
 */
final class ExactNeighbourhoods {
    static final String DISABLED_PROPERTY = "vn.childaid.matching.exactNeighbourhoods.disabled";
    private static final Logger LOG = LoggerFactory.getLogger(ExactNeighbourhoods.class);
    private static final String LOADER = "com.google.ortools.Loader";
    private static final String SOLVER = "vn.childaid.matching.solver.CpSatNeighbourhoodSolver";
    private static final String START_SOLVER = "vn.childaid.matching.solver.CpSatStartSolver";

    private static volatile Boolean loaded;

    private ExactNeighbourhoods() {}

    /** Whether OR-Tools and its natives are here (and not disabled by the system property). */
    static boolean available() {
        if (Boolean.getBoolean(DISABLED_PROPERTY)) {
            return false;
        }
        Boolean known = loaded;
        if (known == null) {
            synchronized (ExactNeighbourhoods.class) {
                known = loaded;
                if (known == null) {
                    known = load();
                    loaded = known;
                }
            }
        }
        return known;
    }

    /** A new solver for one run, or empty (after one log line per JVM) when OR-Tools is missing. */
    static Optional<NeighbourhoodSolver> newSolver() {
        return create(SOLVER, NeighbourhoodSolver.class, "Exact neighbourhoods off", "local search only");
    }

    /** A new whole-model solver for one run's start, or empty when OR-Tools is missing. */
    static Optional<ExactStartSolver> newStartSolver() {
        return create(START_SOLVER, ExactStartSolver.class, "Exact start off", "the greedy's start only");
    }

    /** The CP-SAT class, loaded by name only now that OR-Tools is known to be here. */
    private static <T> Optional<T> create(String className, Class<T> type, String off, String instead) {
        if (!available()) {
            return Optional.empty();
        }
        try {
            return Optional.of(type.cast(Class.forName(className).getDeclaredConstructor().newInstance()));
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.warn("{}: the CP-SAT model could not be created ({}); {}", off, e.toString(), instead);
            return Optional.empty();
        }
    }

    private static boolean load() {
        try {
            Class.forName(LOADER).getMethod("loadNativeLibraries").invoke(null);
            LOG.info("OR-Tools found: the engine re-optimises neighbourhoods exactly with CP-SAT");
            return true;
        } catch (ClassNotFoundException e) {
            LOG.info("OR-Tools (com.google.ortools:ortools-java) is not on the class path: local search only");
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.warn("OR-Tools found but its native libraries did not load ({}): local search only", cause.toString());
        }
        return false;
    }
}
