package org.sparsepocket.lab.bench;

import org.sparsepocket.cli.OutputOptions;
import org.sparsepocket.cli.Progress;
import org.sparsepocket.cli.SparsePocketCli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.google.gson.GsonBuilder;
import org.sparsepocket.PredictionException;
import org.sparsepocket.features.AtomFeaturizer;
import org.sparsepocket.features.Featurization;
import org.sparsepocket.features.ResidueTemplates;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.structure.StructureLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparsepocket bench-features}: parses and featurizes every structure file of a folder on one
 * thread, several passes, and prints heavy atoms per second for parsing, featurizing and both; the last
 * pass is the warm figure. A benchmark, not a test (docs/features.md has the figures).
 */
@Command(name = "bench-features", mixinStandardHelpOptions = true,
        description = "Benchmark structure parsing and atom featurization (heavy atoms per second, one thread).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file was parsed", "1:a file failed or the folder is missing (reasons on stderr)",
            "2:usage error"})
public final class BenchFeaturesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER",
            description = "Folder of structure files (default: ${DEFAULT-VALUE}).")
    Path folder = Path.of("..", "shared", "data", "scpdb995");

    @Option(names = "--glob", description = "File name pattern (default: ${DEFAULT-VALUE}).")
    String glob = "*_protein.pdbqt.gz";

    @Option(names = "--passes", description = "Passes over the files; the last one is reported as warm (default: ${DEFAULT-VALUE}).")
    int passes = 2;

    /**
     * Totals of one pass: wall-clock and CPU time (of the whole JVM, garbage collection included) for
     * parsing and featurizing. The CPU figures hold when other processes share the cores; the wall-clock
     * ones are what a user waits on an idle machine.
     */
    record Pass(int files, int failed, long heavyAtoms, long fallbackAtoms, Map<String, Integer> unknownResidues,
                long parseNanos, long featurizeNanos, long parseCpuNanos, long featurizeCpuNanos) {
        double perSecond(long nanos) {
            return nanos == 0 ? 0 : heavyAtoms / (nanos / 1e9);
        }
    }

    /** CPU time of the whole JVM (this thread plus garbage collection and JIT compilation). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = output.progress(err);
        if (passes < 1) {
            throw new ParameterException(spec.commandLine(), "--passes must be at least 1");
        }
        if (!Files.isDirectory(folder)) {
            throw new PredictionException(folder + ": no such folder");
        }
        List<Path> files = list(folder, glob);
        if (files.isEmpty()) {
            throw new PredictionException(folder + ": no files matching " + glob);
        }
        long tableStart = System.nanoTime();
        int templates = ResidueTemplates.all().size();
        long tableNanos = System.nanoTime() - tableStart;
        List<Pass> results = new ArrayList<>();
        for (int p = 1; p <= passes; p++) {
            results.add(pass(files, p, progress, err));
        }
        Pass warm = results.get(results.size() - 1);
        if (output.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("folder", folder.toString());
            m.put("files", files.size());
            m.put("templateTableSeconds", tableNanos / 1e9);
            m.put("templates", templates);
            m.put("passes", results.stream().map(BenchFeaturesCommand::asMap).toList());
            m.put("warm", asMap(warm));
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(m));
        } else {
            out.printf("%d files in %s; template table: %d templates built in %.2f s%n",
                    files.size(), folder, templates, tableNanos / 1e9);
            for (int p = 0; p < results.size(); p++) {
                Pass r = results.get(p);
                out.printf("pass %d%s: %,d heavy atoms (%d files, %d failed, %,d atoms by element rules)%n",
                        p + 1, p == results.size() - 1 && results.size() > 1 ? " (warm)" : "",
                        r.heavyAtoms(), r.files(), r.failed(), r.fallbackAtoms());
                if (!r.unknownResidues().isEmpty()) {
                    out.println("  unknown residues (atoms): " + r.unknownResidues());
                }
                out.printf("  heavy atoms per wall-clock second: parse %,.0f, featurize %,.0f, total %,.0f%n",
                        r.perSecond(r.parseNanos()), r.perSecond(r.featurizeNanos()),
                        r.perSecond(r.parseNanos() + r.featurizeNanos()));
                out.printf("  heavy atoms per CPU second:        parse %,.0f, featurize %,.0f, total %,.0f%n",
                        r.perSecond(r.parseCpuNanos()), r.perSecond(r.featurizeCpuNanos()),
                        r.perSecond(r.parseCpuNanos() + r.featurizeCpuNanos()));
            }
        }
        out.flush();
        return warm.failed() == 0 ? 0 : SparsePocketCli.EXIT_FAILURE;
    }

    private static Pass pass(List<Path> files, int number, Progress progress, PrintWriter err) {
        long atoms = 0;
        long fallback = 0;
        long parse = 0;
        long featurize = 0;
        long parseCpu = 0;
        long featurizeCpu = 0;
        int failed = 0;
        Map<String, Integer> unknown = new java.util.TreeMap<>();
        double checksum = 0;
        AtomFeaturizer featurizer = AtomFeaturizer.shared();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            if ((i + 1) % 100 == 0) {
                progress.info("pass " + number + ": " + (i + 1) + "/" + files.size() + " files");
            }
            try {
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                Structure s = StructureLoader.load(file);
                long t1 = System.nanoTime();
                long c1 = cpuNanos();
                Featurization f = featurizer.featurize(s.protein());
                long t2 = System.nanoTime();
                long c2 = cpuNanos();
                parse += t1 - t0;
                featurize += t2 - t1;
                parseCpu += c1 - c0;
                featurizeCpu += c2 - c1;
                atoms += s.protein().size();
                fallback += f.fallbackAtoms();
                f.unknownResidues().forEach((name, n) -> unknown.merge(name, n, Integer::sum));
                checksum += f.matrix().values()[0];
            } catch (PredictionException e) {
                failed++;
                err.println("error: " + e.getMessage());
                err.flush();
            }
        }
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException("NaN in the features");
        }
        return new Pass(files.size(), failed, atoms, fallback, unknown, parse, featurize, parseCpu, featurizeCpu);
    }

    private static Map<String, Object> asMap(Pass r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("files", r.files());
        m.put("failed", r.failed());
        m.put("heavyAtoms", r.heavyAtoms());
        m.put("fallbackAtoms", r.fallbackAtoms());
        m.put("unknownResidues", r.unknownResidues());
        m.put("parseAtomsPerSecond", Math.round(r.perSecond(r.parseNanos())));
        m.put("featurizeAtomsPerSecond", Math.round(r.perSecond(r.featurizeNanos())));
        m.put("totalAtomsPerSecond", Math.round(r.perSecond(r.parseNanos() + r.featurizeNanos())));
        m.put("parseAtomsPerCpuSecond", Math.round(r.perSecond(r.parseCpuNanos())));
        m.put("featurizeAtomsPerCpuSecond", Math.round(r.perSecond(r.featurizeCpuNanos())));
        m.put("totalAtomsPerCpuSecond", Math.round(r.perSecond(r.parseCpuNanos() + r.featurizeCpuNanos())));
        return m;
    }

    private static List<Path> list(Path folder, String glob) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        var matcher = folder.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> matcher.matches(p.getFileName())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
