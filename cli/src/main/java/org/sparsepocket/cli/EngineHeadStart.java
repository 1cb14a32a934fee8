package org.sparsepocket.cli;

import java.util.List;
import org.sparsepocket.runtime.EngineThreads;
import org.sparsepocket.runtime.LibraryContext;

/**
 * Starts loading the native engine (libtorch and its operator registry, ~0.7 s of CPU) on a daemon
 * thread at the very top of {@code main}, for the commands that will need it, so that it overlaps
 * picocli's set-up and the command's own start (~0.3–0.5 s) instead of following them (docs/speed.md).
 * Only the engine, which every model needs, is loaded here; the command still opens the model it was
 * asked for. A failure here is not reported: the command's own use of the engine reports it.
 */
final class EngineHeadStart {

    /** Commands whose every successful run loads the engine. */
    private static final List<String> COMMANDS = List.of("predict");
    private static final List<String> NO_WORK = List.of("-h", "--help", "-V", "--version");

    private static volatile Thread loader;

    private EngineHeadStart() {
    }

    /**
     * Starts the load when {@code args} run a command that needs the engine (not for help or version).
     * Its intra-op thread count is left to the command: it sets the count on each worker thread
     * ({@link PredictionBatch}), as the default is fixed once the engine has started.
     */
    static void beginFor(String[] args) {
        if (args.length == 0 || !COMMANDS.contains(args[0]) || List.of(args).stream().anyMatch(NO_WORK::contains)) {
            return;
        }
        EngineThreads.singleInteropThread();
        // SLF4J warns on stderr when several threads race to initialise it: initialise it here, first.
        org.slf4j.LoggerFactory.getILoggerFactory();
        Thread t = new Thread(() -> {
            try {
                LibraryContext.engine();
            } catch (RuntimeException | LinkageError e) {
                // the command's own Engine.getInstance() fails the same way and reports it
            }
        }, "engine-head-start");
        t.setDaemon(true);
        t.start();
        loader = t;
    }

    /** Waits for a load started by {@link #beginFor}, if any (so that nothing loads the engine twice at once). */
    static void await() {
        Thread t = loader;
        if (t == null) {
            return;
        }
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
