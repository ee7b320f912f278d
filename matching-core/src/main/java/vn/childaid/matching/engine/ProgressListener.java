package vn.childaid.matching.engine;

/** Told of each new best plan while solving; called on the solver's thread, so keep it quick. */
@FunctionalInterface
public interface ProgressListener {
    /** Listens to nothing; the engine then skips computing progress at all. */
    ProgressListener NONE = progress -> { };

    void onProgress(Progress progress);

    /**
     * Told how far the greedy start plan has got, which on a national scenario takes tens of seconds
     * before the first {@link #onProgress}: as it begins, then at most about once a second, and once
     * more when it is built. Called on the solver's thread. Ignored unless
     * overridden, so a listener written as a lambda hears of best plans only.
     */
    default void onStartProgress(StartProgress progress) {
    }
}
