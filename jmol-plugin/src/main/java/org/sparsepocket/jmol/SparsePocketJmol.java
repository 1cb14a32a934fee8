package org.sparsepocket.jmol;

import org.jmol.api.JmolViewer;
import org.jmol.viewer.Viewer;
import org.openscience.jmol.app.Jmol;
import org.openscience.jmol.app.JmolApp;
import org.openscience.jmol.app.SplashInterface;
import org.sparsepocket.runtime.LibraryLogging;

/**
 * Starts the Jmol desktop application with the {@code pockets} command installed:
 * {@code java -jar sparsepocket-jmol.jar [Jmol options] [file]}; takes Jmol's own command-line options.
 * The command is installed before Jmol loads the file or runs any startup script.
 */
public final class SparsePocketJmol extends Jmol {

    private SparsePocketJmol() {
        super(null, null, null, null, 0, 0, null, null);    // never called: the class only reaches startJmol
    }

    public static void main(String[] args) {
        LibraryLogging.errorsOnly();
        // The network loads while Jmol builds its window and reads the file (seconds the user waits anyway).
        JmolPockets.preload();
        JmolApp app = new JmolApp(args) {
            @Override
            public void startViewer(JmolViewer viewer, SplashInterface splash, boolean isJmolData) {
                if (viewer instanceof Viewer vwr) {
                    JmolPockets.install(vwr);
                }
                super.startViewer(viewer, splash, isJmolData);
            }
        };
        startJmol(app);
    }
}
