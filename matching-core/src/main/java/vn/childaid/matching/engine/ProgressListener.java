package vn.childaid.matching.engine;

/** Told of each new best plan while solving; called on the solver's thread, so keep it quick. */
@FunctionalInterface
public interface ProgressListener {
    /** Listens to nothing; the engine then skips computing progress at all. */
    ProgressListener NONE = progress -> { };

    void onProgress(Progress progress);
}
