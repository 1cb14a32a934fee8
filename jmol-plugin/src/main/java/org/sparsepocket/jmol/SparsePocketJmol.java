package org.sparsepocket.jmol;

import java.nio.file.Path;

import org.jmol.api.JmolViewer;
import org.jmol.viewer.Viewer;
import org.openscience.jmol.app.Jmol;
import org.openscience.jmol.app.JmolApp;
import org.openscience.jmol.app.SplashInterface;
import org.sparsepocket.PocketPredictor;

/**
 * Starts the Jmol desktop application with the {@code pockets} command installed:
 * {@code java -jar sparsepocket-jmol.jar [Jmol options] [file]}. Takes Jmol's own command-line options.
 * The network is shared by all windows and loaded on the first {@code pockets}; the system property
 * {@code sparsepocket.model} (a saved model folder) replaces the bundled model.
 */
public final class SparsePocketJmol extends Jmol {

    /** One predictor per process: every window shares the loaded network. */
    private static final PredictorSource PREDICTORS = new PredictorSource(SparsePocketJmol::openPredictor);

    private SparsePocketJmol() {
        super(null, null, null, null, 0, 0, null, null);    // never called: the class only reaches startJmol
    }

    public static void main(String[] args) {
        offline();
        JmolApp app = new JmolApp(args) {
            @Override
            public void startViewer(JmolViewer viewer, SplashInterface splash, boolean isJmolData) {
                if (viewer instanceof Viewer vwr) {
                    install(vwr);
                }
                super.startViewer(viewer, splash, isJmolData);
            }
        };
        startJmol(app);
    }

    /** Installs the command in a viewer of this process with the shared predictor. */
    public static PocketsService install(Viewer vwr) {
        offline();
        return PocketsInstaller.install(vwr, PREDICTORS, PocketFiles::export);
    }

    /** The bundled model, or the one named by {@code -Dsparsepocket.model=DIR}. */
    static PocketPredictor openPredictor() {
        String dir = System.getProperty("sparsepocket.model");
        // TODO(facade): PocketPredictor.open() / open(Path) land with the pockets work.
        throw new org.sparsepocket.PredictionException("no predictor in this build yet (model "
                + (dir == null ? "bundled" : Path.of(dir)) + ")");
    }

    /** The network library must never try to download anything. */
    private static void offline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }
}
