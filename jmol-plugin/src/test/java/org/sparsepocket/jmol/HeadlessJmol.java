package org.sparsepocket.jmol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jmol.adapter.smarter.SmarterJmolAdapter;
import org.jmol.api.JmolStatusListener;
import org.jmol.c.CBK;
import org.jmol.viewer.Viewer;

/**
 * A real Jmol viewer without a window, as the desktop app builds it (adapter, status listener, app
 * mode), for tests. Records what scripts print ({@code print}, {@code echo}) and script errors.
 */
// Jmol reports script echo and print output only while its logger is at INFO (its default), so keep it there.
final class HeadlessJmol implements AutoCloseable {

    final Viewer vwr;
    private final List<String> printed = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> statuses = new ArrayList<>();

    HeadlessJmol() {
        Map<String, Object> info = new HashMap<>();
        info.put("adapter", new SmarterJmolAdapter());
        info.put("statusListener", new Listener());
        info.put("noDisplay", Boolean.TRUE);
        info.put("isApp", Boolean.TRUE);
        vwr = new Viewer(info);
        // As the windowless launcher does: with no size Jmol garbles the first picture's text.
        vwr.setScreenDimension(800, 600);
    }

    /** Runs a script and waits for it; fails the test on a Jmol script error. */
    String script(String script) {
        int before = errors.size();
        String status = vwr.scriptWait(script);
        if (errors.size() > before) {
            throw new AssertionError("Jmol script error in [" + script + "]: " + errors.subList(before, errors.size()));
        }
        return status;
    }

    Object eval(String expression) {
        return vwr.evaluateExpression(expression);
    }

    synchronized List<String> printed() {
        return List.copyOf(printed);
    }

    /** Script status lines (Jmol's SCRIPT callback), e.g. what a command shows while it works. */
    synchronized List<String> statuses() {
        return List.copyOf(statuses);
    }

    synchronized String lastPrinted() {
        return printed.isEmpty() ? null : printed.get(printed.size() - 1);
    }

    @Override
    public void close() {
        vwr.dispose();
    }

    private final class Listener implements JmolStatusListener {
        @Override
        public void setCallbackFunction(String callbackType, String callbackFunction) {
        }

        @Override
        public boolean notifyEnabled(CBK type) {
            return type == CBK.ECHO || type == CBK.SCRIPT || type == CBK.ERROR;
        }

        @Override
        public void notifyCallback(CBK type, Object[] data) {
            synchronized (HeadlessJmol.this) {
                if (type == CBK.ECHO && data.length > 1) {
                    printed.add(String.valueOf(data[1]));
                } else if (type == CBK.ERROR && data.length > 1) {
                    errors.add(String.valueOf(data[1]));
                } else if (type == CBK.SCRIPT && data.length > 1) {
                    String text = String.valueOf(data[1]);
                    (text.contains("ERROR") ? errors : statuses).add(text);
                }
            }
        }

        @Override
        public String eval(String strEval) {
            return null;
        }

        @Override
        public float[][] functionXY(String functionName, int x, int y) {
            return null;
        }

        @Override
        public float[][][] functionXYZ(String functionName, int nx, int ny, int nz) {
            return null;
        }

        @Override
        public String createImage(String fileName, String type, Object text_or_bytes, int quality) {
            return null;
        }

        @Override
        public Map<String, Object> getRegistryInfo() {
            return null;
        }

        @Override
        public void showUrl(String url) {
        }

        @Override
        public int[] resizeInnerPanel(String data) {
            return null;
        }

        @Override
        public Map<String, Object> getJSpecViewProperty(String type) {
            return null;
        }
    }
}
