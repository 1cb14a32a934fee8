package org.sparsepocket.jmol;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jmol.adapter.smarter.SmarterJmolAdapter;
import org.jmol.viewer.Viewer;

/**
 * Times the {@code pockets} command as a user meets it: a structure loaded in a (windowless) Jmol
 * viewer, then {@code pockets} typed once with the network not yet loaded, then again. A command, not a
 * test: {@code java -cp jmol-plugin/target/sparsepocket-jmol.jar org.sparsepocket.jmol.PocketsBenchmark
 * STRUCTURE [RUNS]} (with {@code -Dsparsepocket.model=DIR} for a model other than the bundled one).
 */
public final class PocketsBenchmark {

    private PocketsBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: PocketsBenchmark STRUCTURE [RUNS (default 5)]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            System.err.println("PocketsBenchmark: " + file + ": no such file");
            System.exit(1);
        }
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;

        Map<String, Object> info = new HashMap<>();
        info.put("adapter", new SmarterJmolAdapter());
        info.put("noDisplay", Boolean.TRUE);
        info.put("isApp", Boolean.TRUE);
        Viewer vwr = new Viewer(info);
        PocketsService service = SparsePocketJmol.install(vwr);

        long t0 = System.nanoTime();
        vwr.scriptWait("load \"" + file.toAbsolutePath() + "\"");
        double load = seconds(t0);
        int atoms = vwr.getAtomBitSet("protein and not hydrogen").cardinality();

        t0 = System.nanoTime();
        vwr.scriptWait("pockets");
        double first = seconds(t0);
        String report = String.valueOf(vwr.evaluateExpression("pocketsReport"));
        if (service.current() == null) {
            System.err.println(report);
            System.exit(1);
        }

        double best = Double.MAX_VALUE, sum = 0;
        for (int i = 0; i < runs; i++) {
            t0 = System.nanoTime();
            vwr.scriptWait("pockets");
            double s = seconds(t0);
            best = Math.min(best, s);
            sum += s;
        }
        System.out.println(report);
        System.out.printf(Locale.ROOT, "%s: %d protein heavy atoms; Jmol load %.2f s%n", file.getFileName(), atoms, load);
        System.out.printf(Locale.ROOT, "pockets, first (network load included): %.2f s%n", first);
        System.out.printf(Locale.ROOT, "pockets, next %d runs: mean %.2f s, best %.2f s%n", runs, sum / runs, best);
        vwr.dispose();
        System.exit(0);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
