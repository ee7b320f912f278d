package vn.childaid.matching;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Seeds for property tests: each property runs over a fixed list of seeds, the same every run, so a
 * regression shows at once, plus {@link #FRESH_PER_RUN} fresh seeds drawn each run, so the search
 * keeps widening. A property is a {@code @ParameterizedTest(name = Seeds.CASE_NAME)} over a
 * {@code @MethodSource} built from {@link #fixedThenFresh}, whose case's {@code toString} starts with
 * {@code seed=<seed>} and which derives everything else in the case from that seed; the class is
 * annotated {@code @ExtendWith(Seeds.NameTheSeed.class)} so that any failure names its seed.
 *
 * <p>To replay a failing case, run that property with {@code -Dseed=<seed>} (for example
 * {@code mvn -B test -pl matching-core -Dtest='EngineProperties#everyPlanKeepsEveryHardRule' -Dseed=-42}):
 * then {@link #fixedThenFresh} yields that seed alone. A comma-separated list replays several.
 */
public final class Seeds {
    /** Fresh seeds added to every property's fixed list on each run. */
    public static final int FRESH_PER_RUN = 3;
    /** The system property that replaces every property's seeds by the ones given. */
    public static final String REPLAY_PROPERTY = "seed";
    /** Display name of one case: the case itself, which starts with its seed. */
    public static final String CASE_NAME = "{0}";

    /** Where the fixed seeds come from; changing it changes every property's fixed cases. */
    private static final long FIXED_LIST_SEED = 588L;
    private static final SecureRandom FRESH = new SecureRandom();
    private static final Pattern SEED_IN_NAME = Pattern.compile("seed=(-?\\d+)");

    private Seeds() {}

    /**
     * {@code count} seeds: {@code count - FRESH_PER_RUN} fixed ones, then {@link #FRESH_PER_RUN} drawn
     * now; or only the seeds given in {@code -Dseed=...} when replaying.
     */
    public static LongStream fixedThenFresh(int count) {
        if (count <= FRESH_PER_RUN) {
            throw new IllegalArgumentException("a property needs more than " + FRESH_PER_RUN + " cases, not " + count);
        }
        String replay = System.getProperty(REPLAY_PROPERTY, "").strip();
        if (!replay.isEmpty()) {
            return Arrays.stream(replay.split(",")).map(String::strip).mapToLong(Long::parseLong);
        }
        LongStream fixed = new SplittableRandom(FIXED_LIST_SEED).longs(count - FRESH_PER_RUN);
        return LongStream.concat(fixed, LongStream.generate(FRESH::nextLong).limit(FRESH_PER_RUN));
    }

    /**
     * Puts the failing case's display name (with its seed) and the way to replay it in front of
     * whatever a property throws: the build's summary shows method names and messages, not display
     * names, and an exception from inside the engine carries no seed of its own.
     */
    public static final class NameTheSeed implements TestExecutionExceptionHandler {
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            if (failure instanceof VirtualMachineError || failure instanceof TestAbortedException) {
                throw failure;
            }
            String replay = "";
            Matcher seed = SEED_IN_NAME.matcher(context.getDisplayName());
            if (seed.find()) {
                replay = " (replay: -Dtest='" + context.getRequiredTestClass().getSimpleName() + "#"
                        + context.getRequiredTestMethod().getName() + "' -D" + REPLAY_PROPERTY + "=" + seed.group(1) + ")";
            }
            throw new AssertionError(context.getDisplayName() + replay + ": " + failure, failure);
        }
    }
}
