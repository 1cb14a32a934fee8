package org.sparsepocket.jmol;

import javax.swing.SwingUtilities;

import org.jmol.api.JmolCallbackListener;
import org.jmol.viewer.Viewer;

/**
 * Puts the {@code pockets} command into a viewer: wraps its callback listener so the SERVICE callback
 * reaches a {@link PocketsService}, and defines the Jmol user function {@code pockets} that calls the
 * service, runs the script it returns and prints the report. Installing twice is harmless.
 */
public final class PocketsInstaller {

    /**
     * The user function. Jmol has no API for new command words, but a user function is called like one
     * and survives load and zap. Map keys must be quoted, or getProperty returns nothing.
     */
    static final String FUNCTION = String.join("\n",
            "function pockets() {",
            "  var r = getProperty(\"service\", {\"service\":\"pockets\", \"args\":_arguments});",
            "  if (!r || !r[\"report\"]) {",
            "    print \"SparsePocket: the pockets service is not installed in this viewer\";",
            "    return;",
            "  }",
            "  if (r[\"script\"]) {",
            "    script inline @{r[\"script\"]};",
            "  }",
            "  pocketsReport = r[\"report\"];",
            "  print r[\"report\"];",
            "}");

    private PocketsInstaller() {
    }

    /**
     * Installs the command (once per viewer) and returns the viewer's service.
     *
     * @param predictors where predictions come from; only used by the first install in this viewer
     */
    public static synchronized PocketsService install(Viewer vwr, PredictorSource predictors, PocketExporter exporter) {
        JmolCallbackListener cbl = vwr.sm.cbl;
        if (cbl instanceof PocketsCallbackListener installed) {
            return installed.service();
        }
        PocketsService service = new PocketsService(vwr, predictors, exporter);
        vwr.sm.cbl = new PocketsCallbackListener(cbl, service);
        defineFunction(vwr);
        return service;
    }

    /** Whether the viewer answers the pockets service. */
    public static boolean isInstalled(Viewer vwr) {
        return vwr.sm.cbl instanceof PocketsCallbackListener;
    }

    private static void defineFunction(Viewer vwr) {
        if (SwingUtilities.isEventDispatchThread()) {
            vwr.evalStringQuiet(FUNCTION);   // queued: never wait for the script thread on the event thread
        } else {
            vwr.scriptWait(FUNCTION);
        }
    }
}
