package org.sparsepocket.jmol;

import java.awt.GraphicsEnvironment;
import org.jmol.adapter.smarter.SmarterJmolAdapter;
import org.jmol.api.JmolViewer;
import org.jmol.viewer.Viewer;
import org.openscience.jmol.app.JmolApp;
import org.openscience.jmol.app.SplashInterface;
import org.sparsepocket.runtime.LibraryLogging;

/**
 * Starts Jmol with the {@code pockets} command installed: {@code java -jar sparsepocket-jmol.jar [Jmol
 * options] [file]}; takes Jmol's own command-line options. The command is installed before Jmol loads
 * the file or runs any startup script.
 *
 * <p>With a display this is the Jmol desktop application ({@link DesktopJmol}). Without one (Jmol's
 * {@code -n}/{@code --nodisplay}, {@code -Djava.awt.headless=true}, or no X server) it is a windowless
 * viewer that loads the file and runs {@code -s}/{@code -j}/{@code -J} scripts the way JmolData does, so a
 * server script can run {@code pockets} and {@code write image}; it exits when the scripts are done
 * (or at {@code exitJmol}/{@code -x}), unless {@code -I} reads commands from stdin or {@code -P} serves a
 * port. This class must not touch Jmol's window classes: their static initialisers fail without a
 * display ({@code HeadlessException} in {@code JmolPanel.<clinit>}).
 */
public final class SparsePocketJmol {

    private SparsePocketJmol() {
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
        if (app.haveDisplay && !GraphicsEnvironment.isHeadless()) {
            DesktopJmol.start(app);
            return;
        }
        runWithoutDisplay(app);
    }

    /** Jmol without a window: the scripts run one after another on this thread, then the process ends. */
    private static void runWithoutDisplay(JmolApp app) {
        app.info.put("noDisplay", Boolean.TRUE);
        app.info.put("isApp", Boolean.TRUE);
        app.info.putIfAbsent("adapter", new SmarterJmolAdapter());
        Viewer vwr = new Viewer(app.info);
        // A size as the window would have (-g, default 500x500): without one Jmol draws the first
        // picture's text (echoes, the pocket labels) with an infinite font scale, garbled at the top.
        vwr.setScreenDimension(app.startupWidth, app.startupHeight);
        app.startViewer(vwr, null, true);
        if (app.port <= 0 && !stdinCommands(app)) {
            System.exit(0);
        }
    }

    /** Whether {@code -I} asked for commands from stdin (JmolApp keeps that private). */
    private static boolean stdinCommands(JmolApp app) {
        try {
            java.lang.reflect.Field f = JmolApp.class.getDeclaredField("scanInput");
            f.setAccessible(true);
            return f.getBoolean(app);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
