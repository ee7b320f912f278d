package vn.childaid.matching.examples.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Ctrl-C (SIGINT) and SIGTERM while a command works. The first signal runs the action the command
 * gave ({@link #onFirstSignal}: stop solving, so that the best plan so far is written and
 * summarised) and the command then exits with {@link Signal#exitCode()}; a second signal, or a first
 * one before any action was given, exits at once.
 *
 * <p>Java has no portable signal API. {@code sun.misc.Signal} (module {@code jdk.unsupported}, in
 * every JDK 17 we know of) lets us handle INT and TERM ourselves: the process stays alive while the
 * plan is written, and the two signals can be told apart. A shutdown hook alone can do neither: it
 * runs once the JVM has begun to exit and is not told why. The class is reached by reflection, so
 * that the build carries no warnings about internal API and a runtime without it still works; there
 * a shutdown hook is the fallback: it stops the solve and waits for the plan to be written while
 * the JVM exits with 130 or 143 on its own, but a second Ctrl-C cannot cut that short.
 *
 * <p>Closing restores the handlers that were there before, so in-process runs (tests, embedding)
 * leave the JVM as they found it. A signal the process was started ignoring (as under {@code
 * nohup}) stays ignored.
 */
final class Interruptions implements AutoCloseable {
    /** The signals handled, with the exit codes shells give a process that they end (128 + number). */
    enum Signal {
        SIGINT("INT", 130),
        SIGTERM("TERM", 143),
        /** Seen by the fallback shutdown hook, which is not told which signal it was; the JVM picks the code. */
        UNKNOWN(null, 143);

        private final String name;
        private final int exitCode;

        Signal(String name, int exitCode) {
            this.name = name;
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }

        @Override
        public String toString() {
            return this == UNKNOWN ? "a signal" : name();
        }
    }

    private final PrintWriter err;
    private final boolean quiet;
    /** Handlers replaced, to put back: pairs of (sun.misc.Signal, sun.misc.SignalHandler). */
    private final List<Object[]> replaced = new ArrayList<>();
    /** Counted down once the command has done its work, for the fallback hook to wait on. */
    private final CountDownLatch commandDone = new CountDownLatch(1);
    private Thread fallbackHook;
    /** Guarded by this. */
    private Signal received;
    /** Guarded by this. */
    private Runnable firstSignalAction;

    private Interruptions(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    /** Handles SIGINT and SIGTERM from now until {@link #close()}. */
    static Interruptions install(PrintWriter err, boolean quiet) {
        Interruptions interruptions = new Interruptions(err, quiet);
        if (!interruptions.handleWithSunMiscSignal()) {
            interruptions.installFallbackHook();
        }
        return interruptions;
    }

    /** What the first signal does from now on; before this is called, a signal exits at once. */
    synchronized void onFirstSignal(Runnable action) {
        firstSignalAction = action;
    }

    /** The first signal received, if any. */
    synchronized Optional<Signal> received() {
        return Optional.ofNullable(received);
    }

    /** Puts back the handlers found (or removes the fallback hook). */
    @Override
    public void close() {
        commandDone.countDown();
        restoreHandlers();
        if (fallbackHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(fallbackHook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it waited for commandDone, which is now counted down.
            }
        }
    }

    private void signalled(Signal signal) {
        Runnable action;
        boolean again;
        synchronized (this) {
            again = received != null;
            if (!again) {
                received = signal;
            }
            action = firstSignalAction;
        }
        if (again) {
            exitNow(signal, "received " + signal + " again: exiting at once");
            return;
        }
        if (action == null) {
            exitNow(signal, "received " + signal + " before solving began: exiting; nothing was written");
            return;
        }
        if (!quiet) {
            err.println("received " + signal + ": stopping; the best plan so far will be kept"
                    + (signal == Signal.SIGINT ? " (Ctrl-C again to quit at once)" : ""));
            err.flush();
        }
        action.run();
    }

    private void exitNow(Signal signal, String message) {
        err.println(message);
        err.flush();
        System.exit(signal.exitCode());
    }

    // ---- sun.misc.Signal, by reflection ----

    private boolean handleWithSunMiscSignal() {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Constructor<?> newSignal = signalClass.getConstructor(String.class);
            for (Signal signal : List.of(Signal.SIGINT, Signal.SIGTERM)) {
                Object sunSignal = newSignal.newInstance(signal.name);
                Object previous = handleMethod().invoke(null, sunSignal, handler(handlerClass, signal));
                replaced.add(new Object[] {sunSignal, previous});
            }
            return true;
        } catch (InvocationTargetException e) {
            // IllegalArgumentException: the JVM keeps the signal for itself (as with -Xrs).
            restoreHandlers();
            return false;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return false; // a runtime without jdk.unsupported
        }
    }

    private void restoreHandlers() {
        for (Object[] signalAndHandler : replaced) {
            try {
                handleMethod().invoke(null, signalAndHandler[0], signalAndHandler[1]);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Nothing better to do: the process is about to end, or a test's JVM keeps our handler.
            }
        }
        replaced.clear();
    }

    private static Method handleMethod() throws ReflectiveOperationException {
        Class<?> signalClass = Class.forName("sun.misc.Signal");
        return signalClass.getMethod("handle", signalClass, Class.forName("sun.misc.SignalHandler"));
    }

    private Object handler(Class<?> handlerClass, Signal signal) {
        return Proxy.newProxyInstance(Interruptions.class.getClassLoader(), new Class<?>[] {handlerClass},
                (proxy, method, args) -> switch (method.getName()) {
                    case "handle" -> {
                        signalled(signal);
                        yield null;
                    }
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "matching " + signal + " handler";
                });
    }

    // ---- The fallback ----

    private void installFallbackHook() {
        fallbackHook = new Thread(() -> {
            Runnable action;
            synchronized (this) {
                received = Signal.UNKNOWN;
                action = firstSignalAction;
            }
            if (action != null) {
                action.run();
                try {
                    commandDone.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "matching-interrupted");
        Runtime.getRuntime().addShutdownHook(fallbackHook);
    }
}
