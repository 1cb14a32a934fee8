package org.sparsepocket.lab.bench;

import org.sparsepocket.cli.OutputOptions;
import org.sparsepocket.cli.PredictCommand;
import org.sparsepocket.cli.PredictInputs;
import org.sparsepocket.cli.PredictionBatch;
import org.sparsepocket.cli.Progress;
import org.sparsepocket.cli.RotationOption;
import org.sparsepocket.cli.SourceOptions;
import org.sparsepocket.cli.SparsePocketCli;

import ai.djl.engine.Engine;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionException;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.output.AtomicFiles;
import org.sparsepocket.output.PredictionReport;
import org.sparsepocket.output.PredictionWriter;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.NetworkConfig;
import org.sparsepocket.model.PocketModel;
import org.sparsepocket.model.PocketNetwork;
import org.sparsepocket.structure.ChainMode;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.structure.StructureLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sparsepocket bench-predict}: the speed of {@code predict} inside one JVM — warm time per
 * structure (parse, predict = featurize + network + pockets, write every output file) and a batch's
 * throughput and CPU use. The cold start of the whole CLI is measured from outside (see docs/outputs.md).
 * A benchmark, not a test: numbers depend on the machine and its load.
 */
@Command(name = "bench-predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark predict: warm per-structure time and batch throughput/CPU use.",
            "INPUT as for predict (files, directories, list files). The first input is timed alone; the batch"
                + " cycles through all inputs."})
public final class BenchPredictCommand implements Callable<Integer> {

    @ParentCommand
    SparsePocketCli parent;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT")
    List<String> inputs;

    @Option(names = "--model", paramLabel = "DIR", description = "Model bundle directory (default: the bundled model).")
    Path model;

    @Option(names = "--untrained", paramLabel = "ARCH",
            description = "Time an untrained network of this architecture instead of a saved model: published or half"
                    + " (same cost as trained weights; for timing before a model is shipped).")
    String untrained;

    @Mixin
    RotationOption rotation = new RotationOption();

    @Option(names = "--surface", paramLabel = "DIR",
            description = "Also find surface-point pockets with this surface model and fuse them (docs/surface.md).")
    Path surface;

    @Option(names = "--repeat", paramLabel = "N", description = "Timed warm predictions of the first input (default: ${DEFAULT-VALUE}).")
    int repeat = 20;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed predictions first (default: ${DEFAULT-VALUE}).")
    int warmup = 5;

    @Option(names = "--batch", paramLabel = "N", description = "Structures in the batch run, 0 = skip (default: ${DEFAULT-VALUE}).")
    int batch = 100;

    @Option(names = "--threads", paramLabel = "N", description = "Batch worker threads (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    SourceOptions source;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        rotation.check(spec.commandLine());
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = output.progress(spec.commandLine().getErr());
        List<PredictionBatch.Item> items = new PredictInputs(source.settings(parent.environment()), progress::info)
                .addAll(inputs).items();
        if (items.isEmpty()) {
            throw new PredictionException("no inputs to benchmark");
        }
        PredictCommand.configureNativeThreads(threads);   // as predict does: the cores are split between workers
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("pytorchThreadsPerCall", System.getProperty("ai.djl.pytorch.num_threads"));

        long t0 = System.nanoTime();
        try (PocketPredictor predictor = open()) {
            result.put("modelLoadMs", ms(System.nanoTime() - t0));
            result.put("rotations", predictor.rotations());
            result.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion()
                    + " on " + Engine.getInstance().defaultDevice());
            PredictionSettings settings = new PredictionSettings(ChainMode.whole(), predictor.recommendedSettings());
            Path tmp = Files.createTempDirectory("sparsepocket-bench");
            try {
                warm(predictor, settings, items.get(0), tmp, progress, result);
                if (batch > 0) {
                    batch(predictor, settings, items, tmp, progress, result);
                }
            } finally {
                AtomicFiles.deleteRecursively(tmp);
            }
        }
        if (output.json) {
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(result));
        } else {
            result.forEach((k, v) -> out.printf(Locale.ROOT, "%-28s %s%n", k, v));
        }
        out.flush();
        return 0;
    }

    private PocketPredictor open() {
        PocketPredictor network = openNetwork();
        if (surface == null) {
            return network;
        }
        try {
            return new org.sparsepocket.surface.FusedPocketPredictor(network,
                    org.sparsepocket.surface.SurfaceModel.load(surface));
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    private PocketPredictor openNetwork() {
        if (untrained == null) {
            // a surface model given here replaces any in the bundle
            return surface != null ? rotation.openNetwork(model) : rotation.open(model);
        }
        NetworkConfig config = switch (untrained.toLowerCase(Locale.ROOT)) {
            case "published" -> NetworkConfig.PUBLISHED;
            case "half" -> NetworkConfig.PUBLISHED.widthScaled(0.5);
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--untrained must be published or half, got " + untrained);
        };
        PocketNetwork network = PocketNetwork.create(config, Engine.getInstance().defaultDevice(), 1);
        PocketModel m = PocketModel.of(network, ModelCard.of("untrained-" + untrained, config, "none (timing only)"));
        Integer n = rotation.count(m.card());
        return n == null ? PocketPredictor.of(m) : PocketPredictor.of(m, n);
    }

    private void warm(PocketPredictor predictor, PredictionSettings settings, PredictionBatch.Item item, Path tmp,
                      Progress progress, Map<String, Object> result) throws IOException {
        Structure structure = item.structure().get();
        result.put("input", item.label());
        result.put("heavyAtoms", structure.protein().size());
        PredictionWriter writer = new PredictionWriter();
        Path file = Path.of(item.label());
        boolean isFile = Files.isRegularFile(file);
        progress.info("warming up (" + warmup + " predictions of " + structure.name() + ")");
        for (int i = 0; i < warmup; i++) {
            predictor.predict(structure, settings);
        }
        progress.info("timing " + repeat + " warm predictions");
        // Wall time, and this thread's CPU time (inference runs on the calling thread with one intra-op
        // thread), which stays meaningful when other processes compete for the cores.
        var cpuClock = ManagementFactory.getThreadMXBean();
        double[] parse = new double[repeat], predict = new double[repeat], write = new double[repeat];
        double[] parseCpu = new double[repeat], predictCpu = new double[repeat], writeCpu = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long a = System.nanoTime(), ac = cpuClock.getCurrentThreadCpuTime();
            Structure s = isFile ? StructureLoader.load(file) : structure;
            long b = System.nanoTime(), bc = cpuClock.getCurrentThreadCpuTime();
            Prediction p = predictor.predict(s, settings);
            long c = System.nanoTime(), cc = cpuClock.getCurrentThreadCpuTime();
            writer.write(PredictionReport.of(p, settings), tmp.resolve("warm"));
            long d = System.nanoTime(), dc = cpuClock.getCurrentThreadCpuTime();
            parse[i] = ms(b - a);
            predict[i] = ms(c - b);
            write[i] = ms(d - c);
            parseCpu[i] = ms(bc - ac);
            predictCpu[i] = ms(cc - bc);
            writeCpu[i] = ms(dc - cc);
        }
        result.put("warmParseCpuMedianMs", median(parseCpu));
        result.put("warmPredictCpuMedianMs", median(predictCpu));
        result.put("warmWriteCpuMedianMs", median(writeCpu));
        result.put("warmParseMedianMs", median(parse));
        result.put("warmPredictMedianMs", median(predict));
        result.put("warmWriteMedianMs", median(write));
        double[] total = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            total[i] = parse[i] + predict[i] + write[i];
        }
        result.put("warmTotalMedianMs", median(total));
        result.put("warmTotalMaxMs", round(Arrays.stream(total).max().orElse(0)));
        result.put("loadAverage", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }

    private void batch(PocketPredictor predictor, PredictionSettings settings, List<PredictionBatch.Item> items,
                       Path tmp, Progress progress, Map<String, Object> result) {
        List<PredictionBatch.Item> work = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            PredictionBatch.Item it = items.get(i % items.size());
            work.add(new PredictionBatch.Item(it.label(), it.stem() + "_" + i, it.structure()));
        }
        progress.info("batch of " + batch + " structures on " + threads + " threads");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        int[] failed = {0};
        new PredictionBatch(predictor, settings, tmp.resolve("batch"), threads).run(work, o -> {
            if (!o.ok()) {
                failed[0]++;
                progress.warn(o.item().label(), o.error());
            }
        }, null);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        result.put("batchStructures", batch);
        result.put("batchThreads", threads);
        result.put("batchFailed", failed[0]);
        result.put("batchWallS", round(wall));
        result.put("batchCpuS", round(cpu));
        result.put("batchCoresUsed", round(cpu / wall));
        result.put("batchStructuresPerS", round(batch / wall));
        result.put("batchMsPerStructure", round(wall * 1000 / batch));
    }

    private static double ms(long nanos) {
        return round(nanos / 1e6);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return round(s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
