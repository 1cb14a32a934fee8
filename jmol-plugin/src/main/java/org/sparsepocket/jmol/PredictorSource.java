package org.sparsepocket.jmol;

import java.util.Objects;
import java.util.function.Supplier;

import org.sparsepocket.PocketPredictor;

/**
 * Opens the predictor on first use and keeps it: loading the network is the slow part of the first
 * {@code pockets}, every later call reuses it. Thread-safe; a failed open is not remembered, so the user
 * can fix the cause and try again.
 */
public final class PredictorSource {

    private final Supplier<PocketPredictor> opener;
    private volatile PocketPredictor predictor;

    public PredictorSource(Supplier<PocketPredictor> opener) {
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    /** The predictor, opened now if this is the first call. */
    public PocketPredictor get() {
        PocketPredictor p = predictor;
        if (p == null) {
            synchronized (this) {
                p = predictor;
                if (p == null) {
                    p = Objects.requireNonNull(opener.get(), "the predictor opener returned null");
                    predictor = p;
                }
            }
        }
        return p;
    }

    /** Whether the network is already loaded (the next prediction will not pay for loading it). */
    public boolean isOpen() {
        return predictor != null;
    }

    /** Closes the predictor if it was opened. */
    public synchronized void close() {
        if (predictor != null) {
            predictor.close();
            predictor = null;
        }
    }
}
