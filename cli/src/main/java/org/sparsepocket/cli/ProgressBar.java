package org.sparsepocket.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on stderr for batches: {@code [#######.......]  42/100  1 failed  ETA 0:37}.
 * On a terminal it redraws in place; otherwise (logs, pipes) it hands progress to a {@link BatchProgress}
 * (a line per 5 %), if one is given. Per-item error lines ({@link #error(String)}) are always printed, on
 * a line of their own. Thread-safe.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    private final boolean interactive;
    private final BatchProgress lines;
    private final long start = System.nanoTime();
    private int done;
    private int failed;
    private boolean drawn;

    /**
     * @param interactive whether stderr is a terminal the bar may redraw on
     * @param lines       progress lines when not interactive, or null for none
     */
    ProgressBar(PrintWriter err, int total, boolean interactive, BatchProgress lines) {
        this.err = err;
        this.total = total;
        this.interactive = interactive && total > 1;
        this.lines = total > 1 ? lines : null;
    }

    /** One item finished. */
    synchronized void advance(boolean ok) {
        done++;
        if (!ok) {
            failed++;
        }
        draw();
    }

    /** Prints a one-line error above the bar. */
    synchronized void error(String line) {
        above(err, line + System.lineSeparator());
    }

    /** Prints text (e.g. a result table on stdout) without mixing it into the bar's line. */
    synchronized void above(PrintWriter stream, String text) {
        clear();
        stream.print(text);
        stream.flush();
        if (drawn) {
            draw();
        }
    }

    /** Removes the bar (call once at the end). */
    synchronized void finish() {
        clear();
        drawn = false;
    }

    private void draw() {
        if (!interactive) {
            if (lines != null) {
                lines.update(done, total);
            }
            return;
        }
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        double elapsed = (System.nanoTime() - start) / 1e9;
        String eta = done == 0 ? "?" : clock(elapsed / done * (total - done));
        err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d%s  ETA %s\u001b[K", "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, failed == 0 ? "" : "  " + failed + " failed", eta));
        err.flush();
        drawn = true;
    }

    private void clear() {
        if (interactive && drawn) {
            err.print("\r\u001b[K");
        }
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
