package vn.childaid.matching.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import vn.childaid.matching.engine.Progress;
import vn.childaid.matching.engine.ProgressListener;
import vn.childaid.matching.engine.StartProgress;

/**
 * A live progress line while solving: elapsed time, how far the start plan has got, then children
 * reached per tier. On a terminal the line is rewritten in place; otherwise a line is printed at
 * most every five seconds.
 */
final class ProgressPrinter implements ProgressListener {
    private static final long QUIET_INTERVAL_MILLIS = 5_000;
    private final PrintWriter err;
    private final boolean enabled;
    private final boolean terminal = System.console() != null;
    private long lastPrinted = -QUIET_INTERVAL_MILLIS;
    private boolean printedInPlace;

    ProgressPrinter(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public synchronized void onProgress(Progress progress) {
        long now = progress.elapsed().toMillis();
        if (!due(now)) {
            return;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%6.1fs %s  reached:", now / 1000.0,
                progress.constructionDone() ? "improving" : "first plan"));
        for (int i = 0; i < progress.tierNames().size(); i++) {
            line.append(String.format(Locale.ROOT, " %s %,.1f", progress.tierNames().get(i), progress.tierValues().get(i)));
        }
        print(line.toString());
    }

    /** On a national scenario the greedy start alone takes tens of seconds: show that it is moving. */
    @Override
    public synchronized void onStartProgress(StartProgress progress) {
        long now = progress.elapsed().toMillis();
        if (!due(now)) {
            return;
        }
        print(String.format(Locale.ROOT, "%6.1fs start plan: %3.0f%% of the greedy's work done", now / 1000.0,
                100 * progress.fractionDone()));
    }

    private boolean due(long nowMillis) {
        if (!enabled || (!terminal && nowMillis - lastPrinted < QUIET_INTERVAL_MILLIS)) {
            return false;
        }
        lastPrinted = nowMillis;
        return true;
    }

    private void print(String line) {
        if (terminal) {
            err.print("\r" + line + "   ");
            printedInPlace = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    synchronized void finish() {
        if (printedInPlace) {
            err.println();
            err.flush();
        }
    }
}
