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
 * STRUCTURE [RUNS] [--preload | --preload-wait] [--accurate] [--untrained-published]} (with {@code -Dsparsepocket.model=DIR} for a model
 * other than the bundled one). {@code --preload} starts the background network load and warm-up right
 * after installing the command, as the desktop app does when its window is up; the first
 * {@code pockets} then follows the structure load at once, so it waits for whatever the warm-up has
 * not finished (the user who types fastest); {@code --preload-wait} lets the warm-up finish first (the
 * user who takes a few seconds to open a file). {@code --untrained-published} first saves a network of the published architecture
 * with its initial weights to a temporary folder and times that: the same size and operations as a
 * trained model, for timing before one is shipped (its pockets mean nothing).
 * {@code --accurate} times {@code pockets "accurate"} (the card's accurate mode, several orientations averaged).
 */
public final class PocketsBenchmark {

    private PocketsBenchmark() {
    }

    public static void main(String[] args) {
        org.sparsepocket.runtime.LibraryLogging.errorsOnly();    // as the desktop launcher does
        java.util.List<String> rest = new java.util.ArrayList<>(java.util.List.of(args));
        boolean untrained = rest.remove("--untrained-published");
        boolean accurate = rest.remove("--accurate");
        boolean preloadWait = rest.remove("--preload-wait");
        boolean preload = rest.remove("--preload") || preloadWait;
        String threshold = null;
        int ti = rest.indexOf("--threshold");
        if (ti >= 0 && ti + 1 < rest.size()) {
            threshold = rest.get(ti + 1);
            rest.remove(ti + 1);
            rest.remove(ti);
        }
        if (rest.isEmpty() || rest.size() > 2) {
            System.err.println("usage: PocketsBenchmark STRUCTURE [RUNS (default 10)] [--threshold T] [--preload | --preload-wait]"
                    + " [--accurate] [--untrained-published]");
            System.exit(2);
        }
        args = rest.toArray(String[]::new);
        if (untrained) {
            System.setProperty("sparsepocket.model", untrainedPublishedModel().toString());
        }
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            System.err.println("PocketsBenchmark: " + file + ": no such file");
            System.exit(1);
        }
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;

        Map<String, Object> info = new HashMap<>();
        info.put("adapter", new SmarterJmolAdapter());
        info.put("noDisplay", Boolean.TRUE);
        info.put("isApp", Boolean.TRUE);
        Viewer vwr = new Viewer(info);
        PocketsService service = JmolPockets.install(vwr);
        double preloadSeconds = Double.NaN;
        if (preload) {
            long tp = System.nanoTime();
            var warm = JmolPockets.preload();    // as the desktop app does when its window is up
            if (preloadWait) {
                warm.join();
                preloadSeconds = seconds(tp);
            }
        }

        long t0 = System.nanoTime();
        vwr.scriptWait("load \"" + file.toAbsolutePath() + "\"");
        double load = seconds(t0);
        int atoms = vwr.getAtomBitSet("protein and not hydrogen").cardinality();

        if (threshold != null) {
            vwr.scriptWait("pockets \"threshold\" " + threshold);
        }
        double loadAverage = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // "accurate" switches the mode and predicts; later plain `pockets` calls keep the mode.
        double[] first = timed(vwr, service, accurate ? "pockets \"accurate\"" : "pockets");
        String report = String.valueOf(vwr.evaluateExpression("pocketsReport"));
        if (service.current() == null) {
            System.err.println(report);
            System.exit(1);
        }
        double[] sum = new double[3];
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            double[] t = timed(vwr, service, "pockets");
            best = Math.min(best, t[0]);
            for (int k = 0; k < 3; k++) {
                sum[k] += t[k] / runs;
            }
        }
        System.out.println(report);
        System.out.printf(Locale.ROOT, "%s: %d protein heavy atoms; Jmol load %.2f s; %d cores, load average %.1f%n",
                file.getFileName(), atoms, load, Runtime.getRuntime().availableProcessors(), loadAverage);
        if (!Double.isNaN(preloadSeconds)) {
            System.out.printf(Locale.ROOT, "background preload (network load and warm-up), waited for: %.2f s%n", preloadSeconds);
        }
        System.out.printf(Locale.ROOT, "pockets, first (network load included): %.2f s wall (prediction %.2f s), %.2f s CPU%n",
                first[0], first[1], first[2]);
        System.out.printf(Locale.ROOT, "pockets, next %d runs: mean %.2f s wall (best %.2f s; prediction %.2f s), %.2f s CPU%n",
                runs, sum[0], best, sum[1], sum[2]);
        vwr.dispose();
        System.exit(0);
    }

    /** Saves a published-architecture network with initial weights; the folder is deleted at exit. */
    private static Path untrainedPublishedModel() {
        try {
            Path dir = Files.createTempDirectory("sparsepocket-untrained-");
            try (org.sparsepocket.model.PocketNetwork net =
                         org.sparsepocket.model.PocketNetwork.create(org.sparsepocket.model.NetworkConfig.PUBLISHED)) {
                org.sparsepocket.model.ModelBundle.save(dir, net, org.sparsepocket.model.ModelCard.of(
                        "untrained-published (timing only)", net.config(), "none: initial weights"));
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.list(dir)) {
                    files.forEach(f -> f.toFile().delete());
                } catch (java.io.IOException ignored) {
                    // a temporary folder left behind is harmless
                }
                dir.toFile().delete();
            }));
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One {@code pockets}: wall seconds, seconds inside the predictor, CPU seconds of the process. */
    private static double[] timed(Viewer vwr, PocketsService service, String command) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        vwr.scriptWait(command);
        double wall = seconds(t0);
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        ViewerPrediction vp = service.current();
        return new double[] {wall, vp == null ? Double.NaN : vp.seconds(), cpu};
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
