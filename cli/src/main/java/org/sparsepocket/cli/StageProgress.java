package org.sparsepocket.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sparsepocket.PredictionProgress;

/**
 * Progress of one long prediction on stderr: nothing for the first {@link #DELAY_NANOS} (most inputs are
 * done by then), then the stage with a percentage, e.g. {@code sparsepocket: big: network 40% (6 s)}. On a
 * terminal the line is redrawn in place and removed at the end; otherwise (logs, pipes) one line per
 * stage. A ticker shows the line even while a stage sends no news (one network pass on a large structure
 * is one call). {@code predict} uses it for a single input; a batch has its bar.
 */
final class StageProgress implements PredictionProgress, AutoCloseable {

    /** About 2 s: shorter runs stay silent. */
    static final long DELAY_NANOS = 2_000_000_000L;

    private final PrintWriter err;
    private final String name;
    private final boolean terminal;
    private final long delayNanos;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private Stage stage;
    private double fraction;
    private Stage printedStage;
    private String drawn = "";

    /**
     * @param name       the input as the user gave it
     * @param terminal   whether stderr is a terminal the line may be redrawn on
     * @param delayNanos silence before the first line
     */
    StageProgress(PrintWriter err, String name, boolean terminal, long delayNanos) {
        this.err = err;
        this.name = name;
        this.terminal = terminal;
        this.delayNanos = delayNanos;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "predict-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::show, 250, 250, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void update(Stage stage, double fraction) {
        this.stage = stage;
        this.fraction = Math.max(0, Math.min(1, fraction));
        show();
    }

    private synchronized void show() {
        long elapsed = System.nanoTime() - start;
        if (stage == null || elapsed < delayNanos) {
            return;
        }
        String line = String.format(Locale.ROOT, "sparsepocket: %s: %s %d%% (%.0f s)", name, stage.label(),
                (int) Math.floor(fraction * 100), elapsed / 1e9);
        if (terminal) {
            if (!line.equals(drawn)) {
                err.print("\r" + line + "\u001b[K");
                err.flush();
                drawn = line;
            }
        } else if (stage != printedStage) {
            err.println(line);
            err.flush();
            printedStage = stage;
        }
    }

    /** Stops the ticker and, on a terminal, removes the line; may be called again. */
    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        if (terminal && !drawn.isEmpty()) {
            err.print("\r\u001b[K");
            err.flush();
            drawn = "";
        }
        stage = null;
    }
}
