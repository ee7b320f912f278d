package vn.childaid.matching.engine;

/** Told of each new best plan while solving; called on the solver's thread, so keep it quick. */
@FunctionalInterface
public interface ProgressListener {
    void onProgress(Progress progress);
}
