package org.sparsepocket.cli;

import java.io.PrintWriter;

/**
 * Progress of a long batch on stderr ("sparsepocket: evaluate fpocket: 37/363 (10%) 12 s"): one line
 * per 5 % so logs stay short whether or not stderr is a terminal; silenced by --quiet. Item failures
 * are not printed here: the commands list them once at the end.
 */
public final class BatchProgress {

    private final PrintWriter err;
    private final String label;
    private final boolean quiet;
    private final long start = System.nanoTime();
    private int lastStep = -1;

    public BatchProgress(PrintWriter err, String label, boolean quiet) {
        this.err = err;
        this.label = label;
        this.quiet = quiet;
    }

    public synchronized void update(int done, int total) {
        int step = (int) (20L * done / Math.max(1, total));
        if (quiet || (step == lastStep && done != total)) {
            return;
        }
        lastStep = step;
        err.printf("sparsepocket: %s: %d/%d (%d%%) %.0f s%n", label, done, total, 100L * done / Math.max(1, total),
                (System.nanoTime() - start) / 1e9);
        err.flush();
    }
}
