package org.sparsepocket;

import java.util.Locale;

/**
 * Where one prediction stands, for front ends that show progress on a large structure (a 200,000-atom
 * structure takes most of a minute). Called on the predicting thread; implementations must be cheap.
 */
@FunctionalInterface
public interface PredictionProgress {

    /** The stages of one prediction, in order. */
    enum Stage {
        READING, FEATURES, NETWORK, POCKETS;

        /** "features", as a progress line prints it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Ignores every report. */
    PredictionProgress NONE = (stage, fraction) -> { };

    /**
     * @param stage    the stage being worked on
     * @param fraction how much of that stage is done, 0 to 1
     */
    void update(Stage stage, double fraction);
}
