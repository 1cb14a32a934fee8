package org.sparsepocket.lab.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One progress line on stderr at most every few seconds: epoch, step, loss, throughput and ETA.
 */
final class ProgressReporter {

    private final PrintStream out;
    private final long intervalNanos;
    private long last;
    private long windowStart;
    private int windowComplexes;
    private double windowLoss;
    private int windowSteps;

    ProgressReporter(PrintStream out, double intervalSeconds) {
        this.out = out;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
        this.last = System.nanoTime();
        this.windowStart = last;
    }

    /** Records one update over {@code complexes}; prints when the interval has passed or at the epoch's end. */
    void step(int epoch, int epochs, int position, int epochSize, int complexes, double loss, long updates,
              double remainingRunComplexesAfterEpoch, double budgetLeftSeconds) {
        windowComplexes += complexes;
        windowSteps++;
        windowLoss += loss;
        long now = System.nanoTime();
        if (now - last < intervalNanos && position != epochSize) {
            return;
        }
        double secs = (now - windowStart) / 1e9;
        double rate = windowComplexes / Math.max(secs, 1e-9);
        double epochEta = (epochSize - position) / rate;
        // Training time only (validation adds a little); the time budget caps the run.
        double runEta = Math.min(epochEta + remainingRunComplexesAfterEpoch / rate, Math.max(budgetLeftSeconds, epochEta));
        out.printf(Locale.ROOT, "epoch %d/%d step %d/%d loss %.5f updates %d %.2f complexes/s ETA epoch %s, run ≤ %s%n",
                epoch, epochs, position, epochSize, windowLoss / windowSteps, updates, rate,
                duration(epochEta), duration(runEta));
        out.flush();
        last = now;
        windowStart = now;
        windowComplexes = 0;
        windowLoss = 0;
        windowSteps = 0;
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }
}
