package org.sparsepocket.jmol;

import org.openscience.jmol.app.Jmol;
import org.openscience.jmol.app.JmolApp;

/**
 * The Jmol desktop window. Its own class because it extends Jmol's window classes, whose static
 * initialisers need a display: {@link SparsePocketJmol} loads it only when there is one.
 */
final class DesktopJmol extends Jmol {

    private DesktopJmol() {
        super(null, null, null, null, 0, 0, null, null);    // never called: the class only reaches startJmol
    }

    static void start(JmolApp app) {
        startJmol(app);
    }
}
