package org.sparsepocket.jmol;

import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.util.Map;

import javax.swing.ImageIcon;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

import org.jmol.c.CBK;
import org.jmol.viewer.Viewer;
import org.openscience.jmol.app.JmolPlugin;
import org.openscience.jmol.app.jmolpanel.JmolPanel;

/**
 * The Jmol desktop plugin, declared in {@code org/openscience/jmol/app/plugins/plugin.properties}. Jmol
 * creates it while building the Plugins menu, before any viewer exists and without telling it which
 * viewer it belongs to, so it installs the {@code pockets} command into every Jmol window it finds once
 * the window is built. The menu entry predicts pockets on the current model.
 */
public final class SparsePocketPlugin implements JmolPlugin {

    private static final int RETRY_MS = 250;
    private static final int MAX_TRIES = 40;

    private boolean started;

    public SparsePocketPlugin() {
        JmolPockets.preload();      // while Jmol finishes its window: the first pockets then finds the network loaded
        SwingUtilities.invokeLater(() -> {
            int[] tries = {0};
            Timer timer = new Timer(RETRY_MS, null);
            timer.addActionListener(e -> {
                if (installInOpenWindows() > 0) {
                    timer.stop();
                } else if (++tries[0] >= MAX_TRIES) {
                    timer.stop();
                }
            });
            timer.setInitialDelay(0);
            timer.start();
        });
    }

    /** Installs the command in every Jmol window of this process; returns how many viewers have it. */
    static int installInOpenWindows() {
        int n = 0;
        for (Frame frame : Frame.getFrames()) {
            JmolPanel panel = findPanel(frame);
            if (panel != null && panel.vwr != null) {
                JmolPockets.install(panel.vwr);
                n++;
            }
        }
        return n;
    }

    private static JmolPanel findPanel(Component c) {
        if (c instanceof JmolPanel p) {
            return p;
        }
        if (c instanceof JFrame f) {
            return findPanel(f.getContentPane());
        }
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                JmolPanel p = findPanel(child);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The menu entry: install if needed and predict, on Jmol's script queue (never the event thread). */
    @Override
    public void start(JFrame frame, Viewer vwr, Map<String, Object> jmolOptions) {
        started = true;
        JmolPockets.install(vwr);
    }

    @Override
    public void setVisible(boolean b) {
        if (b) {
            for (Frame frame : Frame.getFrames()) {
                JmolPanel panel = findPanel(frame);
                if (panel != null && panel.vwr != null && frame.isActive()) {
                    runPockets(panel.vwr);
                    return;
                }
            }
            installedViewers().forEach(SparsePocketPlugin::runPockets);
        }
    }

    private static java.util.List<Viewer> installedViewers() {
        java.util.List<Viewer> out = new java.util.ArrayList<>();
        for (Frame frame : Frame.getFrames()) {
            JmolPanel panel = findPanel(frame);
            if (panel != null && panel.vwr != null && PocketsInstaller.isInstalled(panel.vwr)) {
                out.add(panel.vwr);
            }
        }
        return out;
    }

    static void runPockets(Viewer vwr) {
        Thread t = new Thread(() -> vwr.evalStringQuiet("pockets"), "SparsePocket menu");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void destroy() {
        started = false;
    }

    @Override
    public String getVersion() {
        String v = SparsePocketPlugin.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String getName() {
        return "SparsePocket";
    }

    @Override
    public void notifyCallback(CBK type, Object[] data) {
        // Jmol 14.31.10 never calls plugins back; the command gets its callbacks through the viewer's listener.
    }

    @Override
    public ImageIcon getMenuIcon() {
        return null;
    }

    @Override
    public String getMenuText() {
        return "SparsePocket: predict pockets";
    }

    @Override
    public boolean isStarted() {
        return started;
    }

    @Override
    public String getWebSite() {
        return "https://github.com/sparsepocket/sparsepocket";
    }
}
