package org.sparsepocket.jmol;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jmol.viewer.Viewer;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.runtime.EngineThreads;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Complex;
import org.sparsepocket.structure.ResidueId;

/**
 * The {@code pockets} command as the desktop app, the plugin and the benchmark install it: one predictor
 * per process, shared by every viewer, opened on the first {@code pockets}. The system property
 * {@code sparsepocket.model} (a saved model folder) replaces the bundled model. Free of Swing, so it also
 * serves windowless viewers.
 */
public final class JmolPockets {

    private static final PredictorSource PREDICTORS = new PredictorSource(JmolPockets::openPredictor);
    private static CompletableFuture<Void> preloading;

    private JmolPockets() {
    }

    /** Installs the command in a viewer of this process (once; later calls return the same service). */
    public static PocketsService install(Viewer vwr) {
        configureEngine();
        return PocketsInstaller.install(vwr, PREDICTORS, PocketFiles::export);
    }

    /** Settings the engine reads when it starts, so whoever starts it first (install or preload) sets them. */
    private static synchronized void configureEngine() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");   // the network library must never download
        }
        // One prediction at a time; its intra-op threads are the idle cores (one when another process
        // keeps a core busy, where more would wait on each other). Before the engine starts only.
        EngineThreads.configureDefault(1);
    }

    /**
     * Starts loading the network in the background and runs it once on a three-residue peptide, so the
     * first {@code pockets} typed in the desktop app pays neither for loading the weights nor for the
     * native library's first-run set-up. A failure is not reported here: the first {@code pockets}
     * reports it, as one line. (A warm-up on 300 copies of the peptide, a protein's size, run once to
     * three times, did not make the first real {@code pockets} measurably faster: docs/speed.md.) Start it
     * as early as possible (the desktop launcher does so before Jmol builds its window); a
     * {@code pockets} typed meanwhile waits for the same load instead of starting a second one, and
     * later calls return the first call's future.
     *
     * @return completes when the warm-up has run (or failed); callers need not wait for it
     */
    public static synchronized CompletableFuture<Void> preload() {
        if (preloading != null) {
            return preloading;              // the launcher and the plugin may both ask: load once
        }
        configureEngine();
        CompletableFuture<Void> done = new CompletableFuture<>();
        preloading = done;
        Thread t = new Thread(() -> {
            try {
                PREDICTORS.get().probabilities(warmUpPeptide());
            } catch (RuntimeException | LinkageError e) {
                // reported by the first pockets command
            } finally {
                done.complete(null);
            }
        }, "SparsePocket network preload");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return done;
    }

    /** Gly-Ala-Gly backbone (with the Ala CB) in an extended conformation: input for the warm-up run. */
    static Complex warmUpPeptide() {
        String[][] atoms = {
            {"N", "GLY", "1", "0.000", "0.000", "0.000"}, {"CA", "GLY", "1", "1.458", "0.000", "0.000"},
            {"C", "GLY", "1", "2.009", "1.420", "0.000"}, {"O", "GLY", "1", "1.251", "2.390", "0.000"},
            {"N", "ALA", "2", "3.332", "1.536", "0.000"}, {"CA", "ALA", "2", "3.970", "2.845", "0.000"},
            {"C", "ALA", "2", "5.486", "2.704", "0.000"}, {"O", "ALA", "2", "6.009", "1.593", "0.000"},
            {"CB", "ALA", "2", "3.500", "3.600", "1.200"}, {"N", "GLY", "3", "6.150", "3.800", "0.000"},
            {"CA", "GLY", "3", "7.600", "3.800", "0.000"}, {"C", "GLY", "3", "8.100", "5.200", "0.000"},
            {"O", "GLY", "3", "7.300", "6.150", "0.000"}};
        List<Atom> list = new ArrayList<>();
        for (int i = 0; i < atoms.length; i++) {
            String[] a = atoms[i];
            ResidueId r = new ResidueId("A", Integer.parseInt(a[2]), ' ', a[1]);
            list.add(new Atom(i + 1, a[0], a[0].substring(0, 1), r, Double.parseDouble(a[3]),
                    Double.parseDouble(a[4]), Double.parseDouble(a[5]), 1.0, 0.0));
        }
        return new Complex("warm-up", List.of("A"), list, List.of());
    }

    /** The bundled model, or the one named by {@code -Dsparsepocket.model=DIR}. */
    static PocketPredictor openPredictor() {
        String dir = System.getProperty("sparsepocket.model");
        return dir == null || dir.isBlank() ? PocketPredictor.open() : PocketPredictor.open(Path.of(dir));
    }
}
