package org.sparsepocket.lab.bench;

import ai.djl.engine.Engine;
import com.google.gson.GsonBuilder;
import org.sparsepocket.PredictionException;
import org.sparsepocket.features.AtomFeatures;
import org.sparsepocket.features.AtomFeaturizer;
import org.sparsepocket.features.FeatureMatrix;
import org.sparsepocket.model.ComplexInput;
import org.sparsepocket.runtime.EngineThreads;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.NetworkConfig;
import org.sparsepocket.model.PocketModel;
import org.sparsepocket.model.PocketNetwork;
import org.sparsepocket.lab.train.Trainer;
import org.sparsepocket.lab.train.TrainingSettings;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.structure.StructureLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code sparsepocket bench}: speed and memory of the network, measured (never a test). Inference per
 * validation complex vs atom count (warm; 1 and 2 intra-op threads; 2 concurrent callers), training
 * step time (forward + backward + AdamW), peak RSS, and RSS over many consecutive predictions.
 * Wall time and the calling thread's CPU time are both reported: with one intra-op thread the
 * native work runs on the calling thread, so CPU time shows the cost even on a busy machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure inference and training speed and memory of the network (a benchmark, not a test).")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--data", description = "Data folder with pdbbind-timesplit363/ and scpdb995/ (default: ${DEFAULT-VALUE}).")
    Path data = Path.of("../shared/data");

    @Option(names = "--model", description = "Model bundle directory (default: the bundled model, else random weights).")
    Path model;

    @Option(names = "--config", description = "Architecture for random weights and the training step: published or half (default: ${DEFAULT-VALUE}).")
    String config = "published";

    @Option(names = "--limit", description = "Validation complexes to time (default: ${DEFAULT-VALUE}).")
    int limit = 40;

    @Option(names = "--repeats", description = "Warm repetitions per complex; the median counts (default: ${DEFAULT-VALUE}).")
    int repeats = 3;

    @Option(names = "--rss-predictions", description = "Consecutive predictions for the RSS trace, sampled 10 times (default: ${DEFAULT-VALUE}).")
    int rssPredictions = 1000;

    @Option(names = "--train-steps", description = "Timed training steps per architecture (default: ${DEFAULT-VALUE}).")
    int trainSteps = 6;

    @Option(names = "--train-threads", description = "Intra-op threads for the training step (default: ${DEFAULT-VALUE}).")
    int trainThreads = 2;

    @Option(names = "--no-two-thread-latency", negatable = true,
            description = "Also time each complex with 2 intra-op threads (default: ${DEFAULT-VALUE}; slow on a loaded machine).")
    boolean twoThreadLatency = true;

    @Option(names = "--skip", split = ",", description = "Sections to skip: inference, threads, train, memory.")
    List<String> skip = new ArrayList<>();

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private PrintWriter err;

    /** One validation complex, parsed and featurized. */
    private record Loaded(String id, ComplexInput input, double parseMs, double featuresMs) {
    }

    @Override
    public Integer call() {
        err = spec.commandLine().getErr();
        NetworkConfig architecture = architecture();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", machine());
        EngineThreads.setForThisThread(1);
        List<Loaded> complexes = loadValidation();
        if (!skip.contains("inference") || !skip.contains("threads") || !skip.contains("memory")) {
            try (PocketModel pocketModel = openModel(architecture)) {
                report.put("model", pocketModel.card().name() + " " + pocketModel.card().architecture());
                List<ComplexInput> inputs = complexes.isEmpty()
                        ? List.of(randomComplex(4000, 1)) : complexes.stream().map(Loaded::input).toList();
                for (int i = 0; i < 3; i++) {
                    pocketModel.predict(List.of(inputs.get(0))); // warm-up: native init, allocator, JIT
                }
                if (!skip.contains("inference")) {
                    report.put("inference", inference(pocketModel, complexes));
                }
                if (!skip.contains("threads")) {
                    report.put("threads", threads(pocketModel, inputs));
                }
                if (!skip.contains("memory")) {
                    report.put("memory", memory(pocketModel, inputs));
                }
            }
        }
        if (!skip.contains("train")) {
            Map<String, Object> train = new LinkedHashMap<>();
            ComplexInput trainingComplex = trainingComplex();
            train.put("atoms", trainingComplex.atomCount());
            train.put("threads", trainThreads);
            train.put("published", trainStep(NetworkConfig.PUBLISHED, trainingComplex));
            train.put("half_width", trainStep(NetworkConfig.PUBLISHED.widthScaled(0.5), trainingComplex));
            report.put("train_step", train);
        }
        report.put("peak_rss_mb", rssMb("VmHWM:"));
        report.put("load_average_end", loadAverage());
        print(report);
        return 0;
    }

    private NetworkConfig architecture() {
        return switch (config.toLowerCase(Locale.ROOT)) {
            case "published" -> NetworkConfig.PUBLISHED;
            case "half" -> NetworkConfig.PUBLISHED.widthScaled(0.5);
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--config must be published or half, got " + config);
        };
    }

    private PocketModel openModel(NetworkConfig architecture) {
        if (model != null) {
            return PocketModel.load(model);
        }
        try {
            return PocketModel.loadBundled();
        } catch (PredictionException noBundled) {
            err.println("bench: no bundled model; timing random " + config + " weights (speed does not depend on them)");
            PocketNetwork network = PocketNetwork.create(architecture, Engine.getInstance().defaultDevice(), 1);
            return PocketModel.of(network, ModelCard.of("random-" + config, architecture, "none (random weights)"));
        }
    }

    private List<Loaded> loadValidation() {
        Path dir = data.resolve("pdbbind-timesplit363");
        if (!Files.isDirectory(dir)) {
            err.println("bench: " + dir + " not found; inference sections use a random 4,000-atom complex");
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith("_protein.pdbqt.gz")).sorted().limit(limit).toList();
        } catch (IOException e) {
            throw new PredictionException(dir + ": cannot list: " + e.getMessage(), e);
        }
        List<Loaded> loaded = new ArrayList<>();
        for (Path f : files) {
            String id = f.getFileName().toString().replace("_protein.pdbqt.gz", "");
            try {
                long t0 = System.nanoTime();
                Structure structure = StructureLoader.load(f);
                long t1 = System.nanoTime();
                FeatureMatrix features = AtomFeaturizer.shared().featurize(structure.protein()).matrix();
                long t2 = System.nanoTime();
                loaded.add(new Loaded(id, new ComplexInput(coordinates(structure.protein()), features),
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6));
                err.printf("bench: loaded %s (%d atoms)%n", id, features.rows());
            } catch (RuntimeException e) {
                err.println("bench: skipping " + f + ": " + e.getMessage());
            }
        }
        return loaded;
    }

    private static double[] coordinates(List<Atom> atoms) {
        double[] xyz = new double[3 * atoms.size()];
        for (int i = 0; i < atoms.size(); i++) {
            Atom a = atoms.get(i);
            xyz[3 * i] = a.x();
            xyz[3 * i + 1] = a.y();
            xyz[3 * i + 2] = a.z();
        }
        return xyz;
    }

    /** Per-complex warm inference at 1 and 2 intra-op threads, plus parse and feature times. */
    private Map<String, Object> inference(PocketModel pocketModel, List<Loaded> complexes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<double[]> atomsVsMs = new ArrayList<>();
        for (Loaded c : complexes) {
            EngineThreads.setForThisThread(1);
            double[] one = timePredictions(pocketModel, c.input());
            double[] two = {Double.NaN, Double.NaN};
            if (twoThreadLatency) {
                EngineThreads.setForThisThread(2);
                two = timePredictions(pocketModel, c.input());
                EngineThreads.setForThisThread(1);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", c.id());
            row.put("atoms", c.input().atomCount());
            row.put("parse_ms", round(c.parseMs()));
            row.put("features_ms", round(c.featuresMs()));
            row.put("network_ms_1t", round(one[0]));
            row.put("network_cpu_ms_1t", round(one[1]));
            if (twoThreadLatency) {
                row.put("network_ms_2t", round(two[0]));
            }
            rows.add(row);
            atomsVsMs.add(new double[]{c.input().atomCount(), one[0], one[1], two[0], c.featuresMs()});
            err.printf("bench: %s %d atoms: %.0f ms (1 thread, %.0f ms CPU), %.0f ms (2 threads)%n", c.id(),
                    c.input().atomCount(), one[0], one[1], two[0]);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("complexes", rows);
        if (atomsVsMs.size() >= 2) {
            out.put("fit_network_ms_1t", fit(atomsVsMs, 1));
            out.put("fit_network_cpu_ms_1t", fit(atomsVsMs, 2));
            if (twoThreadLatency) {
                out.put("fit_network_ms_2t", fit(atomsVsMs, 3));
            }
            out.put("fit_features_ms", fit(atomsVsMs, 4));
        }
        return out;
    }

    /** Median wall and thread-CPU milliseconds of {@link #repeats} warm predictions. */
    private double[] timePredictions(PocketModel pocketModel, ComplexInput input) {
        pocketModel.predict(List.of(input));
        double[] wall = new double[repeats];
        double[] cpuMs = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            pocketModel.predict(List.of(input));
            wall[r] = (System.nanoTime() - t0) / 1e6;
            cpuMs[r] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        return new double[]{median(wall), median(cpuMs)};
    }

    /** Least-squares line ms = a + b * atoms, and its value at 4,000 atoms. */
    private static Map<String, Object> fit(List<double[]> points, int column) {
        double n = points.size(), sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[column];
            sxx += p[0] * p[0];
            sxy += p[0] * p[column];
        }
        double b = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double a = (sy - b * sx) / n;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ms_per_1000_atoms", round(1000 * b));
        m.put("intercept_ms", round(a));
        m.put("at_4000_atoms_ms", round(a + 4000 * b));
        return m;
    }

    /** Throughput of one caller vs two concurrent callers sharing the model (1 intra-op thread each). */
    private Map<String, Object> threads(PocketModel pocketModel, List<ComplexInput> inputs) {
        int count = Math.max(8, Math.min(inputs.size(), 24));
        Map<String, Object> out = new LinkedHashMap<>();
        for (int callers : new int[]{1, 2}) {
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                long t0 = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    ComplexInput c = inputs.get(i % inputs.size());
                    futures.add(pool.submit(() -> {
                        EngineThreads.setForThisThread(1);
                        return pocketModel.predict(List.of(c));
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                out.put(callers + "_callers_complexes_per_s", round(count / seconds));
                err.printf("bench: %d caller(s): %.2f complexes/s%n", callers, count / seconds);
            } catch (Exception e) {
                throw new PredictionException("concurrent predictions failed: " + e, e);
            } finally {
                pool.shutdown();
            }
        }
        return out;
    }

    /** RSS at ten points over {@link #rssPredictions} consecutive predictions. */
    private Map<String, Object> memory(PocketModel pocketModel, List<ComplexInput> inputs) {
        EngineThreads.setForThisThread(1);
        List<Double> trace = new ArrayList<>();
        List<Double> heap = new ArrayList<>();
        int every = Math.max(1, rssPredictions / 10);
        long t0 = System.nanoTime();
        for (int i = 1; i <= rssPredictions; i++) {
            pocketModel.predict(List.of(inputs.get(i % inputs.size())));
            if (i % every == 0) {
                double rss = rssMb("VmRSS:");
                trace.add(rss);
                heap.add(round(Runtime.getRuntime().totalMemory() / 1048576.0));
                err.printf("bench: %d predictions, RSS %.0f MB (Java heap committed %.0f MB)%n", i, rss,
                        heap.get(heap.size() - 1));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("predictions", rssPredictions);
        out.put("seconds", round((System.nanoTime() - t0) / 1e9));
        out.put("rss_sample_every", every);
        out.put("rss_mb", trace);
        out.put("java_heap_committed_mb", heap);
        if (trace.size() >= 2) {
            out.put("rss_growth_mb_after_first_sample", round(trace.get(trace.size() - 1) - trace.get(0)));
        }
        return out;
    }

    private ComplexInput trainingComplex() {
        Path dir = data.resolve("scpdb995");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                List<Path> files = s.filter(p -> p.getFileName().toString().endsWith("_protein.pdbqt.gz"))
                        .sorted().limit(40).toList();
                ComplexInput best = null;
                for (Path f : files) {
                    Structure st = StructureLoader.load(f);
                    if (best == null || Math.abs(st.protein().size() - 4500) < Math.abs(best.atomCount() - 4500)) {
                        best = new ComplexInput(coordinates(st.protein()),
                                AtomFeaturizer.shared().featurize(st.protein()).matrix());
                    }
                }
                if (best != null) {
                    return best;
                }
            } catch (IOException | RuntimeException e) {
                err.println("bench: cannot read " + dir + " (" + e.getMessage() + "); training step on a random complex");
            }
        }
        return randomComplex(4500, 2);
    }

    /**
     * Median wall / CPU ms of one training update on one complex, made by the trainer itself
     * ({@link Trainer#step}: forward, the published focal loss, backward, the project's AdamW).
     */
    private Map<String, Object> trainStep(NetworkConfig architecture, ComplexInput complex) {
        EngineThreads.setForThisThread(trainThreads);
        Map<String, Object> out = new LinkedHashMap<>();
        try (PocketNetwork network = PocketNetwork.create(architecture, Engine.getInstance().defaultDevice(), 3)) {
            out.put("parameters", network.learnedParameterCount());
            TrainingSettings settings = TrainingSettings.PUBLISHED;
            out.put("loss", settings.loss().toString());
            Trainer trainer = new Trainer(settings, network);
            float[] labels = new float[complex.atomCount()];
            Random r = new Random(4);
            for (int i = 0; i < labels.length; i++) {
                labels[i] = r.nextInt(20) == 0 ? 1 : 0;
            }
            double[] wall = new double[trainSteps];
            double[] cpuMs = new double[trainSteps];
            for (int s = -2; s < trainSteps; s++) {
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                trainer.step(List.of(complex), labels, settings.learningRate(1));
                if (s >= 0) {
                    wall[s] = (System.nanoTime() - t0) / 1e6;
                    cpuMs[s] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
                }
            }
            out.put("step_ms", round(median(wall)));
            out.put("step_cpu_ms_calling_thread", round(median(cpuMs)));
            out.put("steps", Arrays.stream(wall).map(BenchCommand::round).boxed().toList());
            err.printf("bench: training step %s: %.0f ms%n", architecture.encoderPlanes(), median(wall));
        } finally {
            EngineThreads.setForThisThread(1);
        }
        return out;
    }

    private static ComplexInput randomComplex(int atoms, long seed) {
        Random r = new Random(seed);
        double radius = Math.cbrt(atoms * 17.0 * 3 / (4 * Math.PI));
        double[] xyz = new double[3 * atoms];
        for (int a = 0; a < atoms; a++) {
            double x, y, z;
            do {
                x = (r.nextDouble() * 2 - 1) * radius;
                y = (r.nextDouble() * 2 - 1) * radius;
                z = (r.nextDouble() * 2 - 1) * radius;
            } while (x * x + y * y + z * z > radius * radius);
            xyz[3 * a] = x;
            xyz[3 * a + 1] = y;
            xyz[3 * a + 2] = z;
        }
        float[] f = new float[atoms * AtomFeatures.COUNT];
        for (int i = 0; i < f.length; i++) {
            f[i] = r.nextFloat() < 0.3f ? 1 : 0;
        }
        return new ComplexInput(xyz, new FeatureMatrix(atoms, f));
    }

    private Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("load_average_start", loadAverage());
        m.put("device", Engine.getInstance().defaultDevice().toString());
        m.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        m.put("java", System.getProperty("java.version"));
        return m;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** A memory line of /proc/self/status in MB, or -1 where there is none. */
    private static double rssMb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    @SuppressWarnings("unchecked")
    private void print(Map<String, Object> report) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(report));
            out.flush();
            return;
        }
        out.println("machine: " + report.get("machine"));
        if (report.containsKey("model")) {
            out.println("model: " + report.get("model"));
        }
        if (report.get("inference") instanceof Map<?, ?> inf) {
            out.println();
            List<Map<String, Object>> rows = (List<Map<String, Object>>) inf.get("complexes");
            if (!rows.isEmpty()) {
                out.println(String.join("\t", rows.get(0).keySet()));
            }
            for (Map<String, Object> row : rows) {
                out.println(String.join("\t", row.values().stream().map(String::valueOf).toList()));
            }
            for (String k : List.of("fit_network_ms_1t", "fit_network_cpu_ms_1t", "fit_network_ms_2t", "fit_features_ms")) {
                if (inf.containsKey(k)) {
                    out.println(k + ": " + inf.get(k));
                }
            }
        }
        for (String k : List.of("threads", "memory", "train_step", "peak_rss_mb", "load_average_end")) {
            if (report.containsKey(k)) {
                out.println(k + ": " + report.get(k));
            }
        }
        out.flush();
    }
}
