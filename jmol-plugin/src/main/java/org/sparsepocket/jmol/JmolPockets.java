package org.sparsepocket.jmol;

import java.nio.file.Path;

import org.jmol.viewer.Viewer;
import org.sparsepocket.PocketPredictor;

/**
 * The {@code pockets} command as the desktop app, the plugin and the benchmark install it: one predictor
 * per process, shared by every viewer, opened on the first {@code pockets}. The system property
 * {@code sparsepocket.model} (a saved model folder) replaces the bundled model. Free of Swing, so it also
 * serves windowless viewers.
 */
public final class JmolPockets {

    private static final PredictorSource PREDICTORS = new PredictorSource(JmolPockets::openPredictor);

    private JmolPockets() {
    }

    /** Installs the command in a viewer of this process (once; later calls return the same service). */
    public static PocketsService install(Viewer vwr) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");   // the network library must never download
        }
        return PocketsInstaller.install(vwr, PREDICTORS, PocketFiles::export);
    }

    /**
     * Starts loading the network in the background, so the first {@code pockets} typed in the desktop app
     * does not wait for it. A failure is not reported here: the first {@code pockets} reports it.
     */
    public static void preload() {
        Thread t = new Thread(() -> {
            try {
                PREDICTORS.get();
            } catch (RuntimeException | LinkageError e) {
                // reported by the first pockets command, as one line
            }
        }, "SparsePocket network preload");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** The bundled model, or the one named by {@code -Dsparsepocket.model=DIR}. */
    static PocketPredictor openPredictor() {
        String dir = System.getProperty("sparsepocket.model");
        return dir == null || dir.isBlank() ? PocketPredictor.open() : PocketPredictor.open(Path.of(dir));
    }
}
