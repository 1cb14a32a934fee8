package org.sparsepocket.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sparsepocket.PocketOverrides;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.PredictionException;
import org.sparsepocket.PredictionProgress;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.features.AtomFeaturizer;
import org.sparsepocket.runtime.EngineThreads;
import org.sparsepocket.output.HtmlIndex;
import org.sparsepocket.output.OutputFolder;
import org.sparsepocket.output.PocketJson;
import org.sparsepocket.output.SummaryTable;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.Structure;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sparsepocket predict INPUT... [--out DIR]}: per-atom probabilities and ranked pockets for each
 * input, a summary table on stdout (or one JSON document with {@code --json}), and with {@code --out}
 * every output file of docs/outputs.md in {@code DIR/<input>/}. Inputs run in parallel on one loaded
 * model; a bad input gets a one-line error on stderr and the batch goes on; the exit code is 1 if any
 * input failed.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict ligand-binding pockets: ranked pockets with centres, residues and docking boxes.",
            "INPUT is a structure file (PDB, mmCIF, BinaryCIF, PDBQT; plain, .gz or .zst), a directory of them, "
                + "a list file (@FILE, or a *.txt/*.list/*.lst file: one input per line), a PDB ID (fetched from "
                + "RCSB) or a UniProt accession (AlphaFold DB model)."},
        footer = {"", "Output files and their schemas: docs/outputs.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every input predicted",
            "1:some input failed (one line each on stderr; the others are still predicted), or the model cannot be loaded",
            "2:usage error"})
public final class PredictCommand implements Callable<Integer> {

    @ParentCommand
    SparsePocketCli parent;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Structures to predict.")
    List<String> inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Write every output file into DIR/<input>/ (without it only the summary is printed).")
    Path out;

    @ArgGroup(exclusive = true)
    ChainOptions chainOptions;

    @Mixin
    PocketOptions pocketOptions = new PocketOptions();

    @Option(names = "--max-pockets", paramLabel = "N", description = "At most N pockets per complex (default: 0 = all).")
    Integer maxPockets;

    @Option(names = "--weighted-centre", description = "Pocket centre = probability-weighted mean of its atoms.")
    boolean weightedCentre;

    @Option(names = "--box-margin", paramLabel = "Å",
            description = "Margin of docking boxes and radii around the pocket atoms (default: "
                    + "${sys:sparsepocket.shipped.boxMargin}).")
    Double boxMargin;

    @Option(names = "--model", paramLabel = "DIR", description = "Model bundle directory (default: the bundled model).")
    Path model;

    @Mixin
    RotationOption rotation = new RotationOption();

    @Option(names = "--threads", paramLabel = "N",
            description = "Structures predicted in parallel (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    SourceOptions source;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        overrides();   // usage errors before any work
        rotation.check(spec.commandLine());
        String outProblem = out == null ? null : OutputFolder.problem(out);
        if (outProblem != null) {
            stderr.println("error: --out " + out + ": " + outProblem);
            stderr.flush();
            return SparsePocketCli.EXIT_FAILURE;
        }
        Progress progress = output.progress(stderr);

        PredictInputs expanded = new PredictInputs(source.settings(parent.environment()), progress::info).addAll(inputs);
        List<PredictionBatch.Item> items = expanded.items();
        int total = items.size() + expanded.problems().size();
        boolean terminal = System.console() != null;
        ProgressBar bar = new ProgressBar(stderr, total, terminal && !output.quiet,
                output.quiet || terminal ? null : new BatchProgress(stderr, "predict", false));
        JsonArray results = new JsonArray();
        int[] failed = {0};
        List<HtmlIndex.Entry> pages = new ArrayList<>();   // the batch's index.html rows
        for (PredictInputs.Problem p : expanded.problems()) {
            failed[0]++;
            bar.error("error: " + p.message());
            results.add(errorJson(p.label(), p.message()));
        }
        if (!items.isEmpty()) {
            int nativeThreads = configureNativeThreads(Math.min(threads, items.size()));
            // Cold start: the network loads, the feature templates build and the first structure parses
            // at the same time instead of one after another. Logging is initialised first, on this thread:
            // SLF4J warns on stderr when several threads race to initialise it.
            org.slf4j.LoggerFactory.getILoggerFactory();
            CompletableFuture<PocketPredictor> opening = CompletableFuture.supplyAsync(() -> {
                EngineHeadStart.await();     // the engine load main() started, if it did
                return rotation.open(model);
            }, PredictCommand::startDaemon);
            CompletableFuture.runAsync(() -> AtomFeaturizer.shared().featurize(List.of()), PredictCommand::startDaemon);
            items = new ArrayList<>(items);
            // One input: its stages on stderr once it takes long (a batch shows its bar instead).
            StageProgress stages = items.size() == 1 && total == 1 && !output.quiet
                    ? new StageProgress(stderr, items.get(0).label(), terminal, StageProgress.DELAY_NANOS) : null;
            if (stages != null) {
                stages.update(PredictionProgress.Stage.READING, 0);
            }
            items.set(0, preload(items.get(0)));
            if (stages != null) {
                stages.update(PredictionProgress.Stage.READING, 1);
            }
            PocketPredictor predictor;
            try {
                predictor = opening.join();
            } catch (CompletionException e) {
                String why = e.getCause() instanceof PredictionException pe ? pe.getMessage() : String.valueOf(e.getCause());
                if (stages != null) {
                    stages.close();
                }
                stderr.println("error: cannot load the model: " + SparsePocketCli.oneLine(why));
                stderr.flush();
                return SparsePocketCli.EXIT_FAILURE;
            }
            try (predictor) {
                // The count is written into pockets.json, so the outputs say which mode made them.
                PredictionSettings settings = settings(predictor.recommendedSettings())
                        .withRotations(predictor.rotations());
                new PredictionBatch(predictor, settings, out, threads, nativeThreads,
                        item -> stages == null ? PredictionProgress.NONE : stages).run(items, o -> {
                    if (stages != null) {
                        stages.close();   // the result goes where the progress line was
                    }
                    if (o.ok() && o.folder() != null) {
                        pages.add(HtmlIndex.entry(o.report()));
                    }
                    if (!o.ok()) {
                        results.add(errorJson(o.item().label(), o.error()));
                    } else if (output.json) {
                        JsonObject r = new JsonObject();
                        r.addProperty("input", o.item().label());
                        r.addProperty("status", "ok");
                        r.addProperty("outputDir", o.folder() == null ? null : o.folder().toString());
                        r.addProperty("millis", o.millis());
                        r.add("prediction", PocketJson.json(o.report()));
                        results.add(r);
                    } else {
                        bar.above(stdout, SummaryTable.render(o.report())
                                + (o.folder() == null ? "" : "  outputs: " + o.folder() + "\n") + "\n");
                        o.report().prediction().structure().warnings()
                                .forEach(w -> bar.above(stderr, "warning: " + o.report().structureName() + ": " + w + "\n"));
                    }
                }, o -> {
                    if (stages != null) {
                        stages.close();
                    }
                    if (!o.ok()) {
                        synchronized (failed) {
                            failed[0]++;
                        }
                        bar.error("error: " + o.error());
                    }
                    bar.advance(o.ok());
                });
            } finally {
                if (stages != null) {
                    stages.close();
                }
                bar.finish();
            }
        }
        boolean indexWritten = true;
        if (out != null && total > 1 && !pages.isEmpty()) {
            try {
                HtmlIndex.write(out, pages);
            } catch (IOException e) {
                indexWritten = false;
                stderr.println("error: cannot write " + out.resolve(HtmlIndex.FILE) + ": " + OutputFolder.describe(e));
            }
        }
        if (output.json) {
            JsonObject root = new JsonObject();
            root.addProperty("schema", "sparsepocket-predict");
            root.addProperty("schemaVersion", PocketJson.SCHEMA_VERSION);
            root.addProperty("inputs", total);
            root.addProperty("failed", failed[0]);
            root.add("results", results);
            stdout.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root));
        } else if (total > 1) {
            progress.info(String.format(Locale.ROOT, "%d of %d inputs predicted%s", total - failed[0], total,
                    failed[0] == 0 ? "" : ", " + failed[0] + " failed"));
        }
        stdout.flush();
        return failed[0] == 0 && indexWritten ? 0 : SparsePocketCli.EXIT_FAILURE;
    }

    /**
     * The settings: the flags given ({@link #overrides()}) applied to {@code recommended}, the opened model's.
     */
    PredictionSettings settings(PocketSettings recommended) {
        return new PredictionSettings(ChainOptions.mode(chainOptions), overrides().applyTo(recommended));
    }

    /** The pocket flags given; invalid values are usage errors (exit code 2). */
    PocketOverrides overrides() {
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be ≥ 1, got " + threads);
        }
        try {
            return pocketOptions.overrides().withMaxPockets(maxPockets).withBoxMargin(boxMargin)
                    .withWeightedCentre(weightedCentre ? Boolean.TRUE : null);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * PyTorch's intra-op threads for {@code workers} structures in flight: the idle cores split between
     * them ({@link EngineThreads#suggested}), so workers do not oversubscribe the CPU and a single
     * prediction does not wait on a core another process holds. Takes effect only before the engine
     * starts, so the count is returned for the workers to set on themselves (the engine may already run:
     * {@link EngineHeadStart}); -1 when the user chose it (then it stands).
     */
    public static int configureNativeThreads(int workers) {
        return EngineThreads.configureDefault(workers);
    }

    /** The item with its structure loaded now (or its loading error kept for the batch to report). */
    private static PredictionBatch.Item preload(PredictionBatch.Item item) {
        Structure structure;
        try {
            structure = item.structure().get();
        } catch (RuntimeException e) {
            return new PredictionBatch.Item(item.label(), item.stem(), () -> {
                throw e;
            });
        }
        return new PredictionBatch.Item(item.label(), item.stem(), () -> structure);
    }

    private static void startDaemon(Runnable r) {
        Thread t = new Thread(r, "predict-startup");
        t.setDaemon(true);
        t.start();
    }

    private static JsonObject errorJson(String label, String message) {
        JsonObject r = new JsonObject();
        r.addProperty("input", label);
        r.addProperty("status", "error");
        r.addProperty("error", message);
        return r;
    }
}
