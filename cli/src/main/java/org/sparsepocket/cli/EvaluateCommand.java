package org.sparsepocket.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sparsepocket.PocketOverrides;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.PredictionException;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.eval.Dataset;
import org.sparsepocket.eval.DatasetEvaluator;
import org.sparsepocket.eval.DatasetItem;
import org.sparsepocket.eval.EvaluationException;
import org.sparsepocket.eval.EvaluationReport;
import org.sparsepocket.eval.EvaluationRun;
import org.sparsepocket.eval.EvaluationSummary;
import org.sparsepocket.eval.Evaluator;
import org.sparsepocket.eval.ModelFingerprint;
import org.sparsepocket.eval.PredictionReader;
import org.sparsepocket.eval.PredictionSource;
import org.sparsepocket.eval.ProbabilityCache;
import org.sparsepocket.eval.ProjectTruthLoader;
import org.sparsepocket.eval.ProteinPdbExport;
import org.sparsepocket.eval.SparsePocketSource;
import org.sparsepocket.eval.ToolFilesSource;
import org.sparsepocket.structure.ChainMode;
import org.sparsepocket.structure.Structure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparsepocket evaluate}: scores SparsePocket, or another tool's pocket files, against the known
 * ligands of a dataset with one implementation of every metric.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Scores pocket predictions against known ligands: DCA and DCC success at 4 Å for top-n and "
                + "top-(n+2) (n = relevant ligands of the protein), residue precision/recall/F1/MCC, "
                + "and per-atom PR-AUC. Prints a summary table (or JSON) on stdout; progress on stderr.",
            "DATASET is a folder in the project layout (ID_protein.pdbqt.gz + ID_ligand.pdbqt.gz) or a "
                + "dataset file (one 'PROTEIN [LIGAND]' per line, or P2Rank .ds with a HEADER line).",
            "Exit codes: 0 all items evaluated, 1 some item failed (others are still scored), 2 usage error."},
        footer = {"",
            "Examples:",
            "  sparsepocket evaluate ../shared/data/pdbbind-timesplit363 --cache work-cache/probs",
            "  sparsepocket evaluate DATA --tool fpocket --predictions /work/runs/fpocket",
            "  sparsepocket evaluate DATA --also fpocket=/work/runs/fpocket --csv per-protein.csv",
            "  sparsepocket evaluate DATA --export-proteins /tmp/pdb   (inputs for other tools)"})
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DATASET", arity = "1..*", description = "dataset folder(s) or dataset file(s)")
    List<Path> datasets;

    @Option(names = "--tool", paramLabel = "TOOL", defaultValue = "sparsepocket",
            description = "sparsepocket (default: run the model now), fpocket, p2rank or puresnet")
    String tool;

    @Option(names = "--predictions", paramLabel = "DIR",
            description = "folder of the tool's outputs (fpocket ID_out/, P2Rank ID*_predictions.csv, PUResNet ID*/pocket/)")
    Path predictions;

    @Option(names = "--also", paramLabel = "TOOL=DIR",
            description = "also score another tool's outputs on the same proteins; its column joins the table (repeatable)")
    List<String> also = new ArrayList<>();

    @Option(names = "--model", paramLabel = "DIR", description = "model bundle folder (default: the shipped model)")
    Path model;

    @Mixin
    PocketOptions pocketOptions = new PocketOptions();

    @Mixin
    RotationOption rotation = new RotationOption();

    @Option(names = "--cache", paramLabel = "DIR",
            description = "keep the network's per-atom probabilities here and reuse them (per model)")
    Path cache;

    @Option(names = "--csv", paramLabel = "FILE", description = "write the per-protein results of every tool to FILE")
    Path csv;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--threads", description = "proteins evaluated in parallel (default: all cores)")
    Integer threads;

    @Option(names = "--limit", paramLabel = "N", description = "evaluate only the first N proteins (quick checks)")
    Integer limit;

    @Option(names = "--export-proteins", paramLabel = "DIR",
            description = "write each protein as the loader reads it to DIR/ID.pdb (input for other tools) and stop")
    Path exportDir;

    @Override
    public Integer call() {
        rotation.check(spec.commandLine());
        List<DatasetItem> items = items();
        if (exportDir != null) {
            return exportProteins(items);
        }
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be ≥ 1, got " + threads);
        }
        // Every usage check comes before the (slow) model load.
        PocketOverrides overrides = null;
        if (tool.equals("sparsepocket")) {
            if (predictions != null) {
                throw new ParameterException(spec.commandLine(), "--predictions is for other tools' files; "
                        + "--tool sparsepocket runs the model");
            }
            try {   // checked now; applied to the model's recommended settings once it is open
                overrides = pocketOptions.overrides();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        Map<String, PredictionSource> sources = new LinkedHashMap<>();
        if (!tool.equals("sparsepocket")) {
            sources.put(tool, fileSource(tool, predictions, items));
        }
        for (String extra : also) {
            int eq = extra.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "--also needs TOOL=DIR, got '" + extra + "'");
            }
            String t = extra.substring(0, eq);
            if (t.equals(tool) || sources.containsKey(t)) {
                throw new ParameterException(spec.commandLine(), "tool " + t + " given twice");
            }
            sources.put(t, fileSource(t, Path.of(extra.substring(eq + 1)), items));
        }
        PocketPredictor predictor = null;
        try {
            if (overrides != null) {
                predictor = rotation.open(model);
                PredictionSettings settings = new PredictionSettings(ChainMode.whole(),
                        overrides.applyTo(predictor.recommendedSettings()));
                ProbabilityCache c = cache == null ? null : new ProbabilityCache(cache,
                        ModelFingerprint.of(model, predictor.rotations()));
                Map<String, PredictionSource> ordered = new LinkedHashMap<>();
                ordered.put(tool, new SparsePocketSource(predictor, settings, c));
                ordered.putAll(sources);
                sources = ordered;
            }
            DatasetEvaluator runner = new DatasetEvaluator(ProjectTruthLoader.standard(), Evaluator.standard(),
                    threads == null ? Runtime.getRuntime().availableProcessors() : threads);
            List<EvaluationRun> runs = new ArrayList<>();
            for (PredictionSource source : sources.values()) {
                BatchProgress progress = new BatchProgress(spec.commandLine().getErr(), "evaluate " + source.tool(),
                        output.quiet);
                runs.add(runner.run(items, source, (done, total, id, error) -> progress.update(done, total)));
            }
            return report(runs);
        } finally {
            if (predictor != null) {
                predictor.close();
            }
        }
    }

    private PredictionSource fileSource(String t, Path dir, List<DatasetItem> items) {
        PredictionReader reader;
        try {
            reader = PredictionReader.forTool(t);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (dir == null && items.stream().anyMatch(i -> i.prediction() == null)) {
            throw new ParameterException(spec.commandLine(), "--tool " + t + " needs --predictions DIR "
                    + "(or a dataset file with a 'prediction' column)");
        }
        if (dir != null && !Files.isDirectory(dir)) {
            throw new EvaluationException(dir + ": predictions folder does not exist");
        }
        return new ToolFilesSource(reader, dir);
    }

    private List<DatasetItem> items() {
        List<DatasetItem> items = new ArrayList<>();
        for (Path d : datasets) {
            items.addAll(Dataset.of(d));
        }
        if (limit != null) {
            if (limit < 1) {
                throw new ParameterException(spec.commandLine(), "--limit must be ≥ 1");
            }
            items = items.subList(0, Math.min(limit, items.size()));
        }
        return items;
    }

    private int exportProteins(List<DatasetItem> items) {
        PrintWriter err = spec.commandLine().getErr();
        ProjectTruthLoader loader = ProjectTruthLoader.standard();
        int failed = 0;
        for (DatasetItem item : items) {
            try {
                Structure s = loader.protein(item);
                ProteinPdbExport.write(s, exportDir, item.id());
            } catch (RuntimeException e) {
                failed++;
                err.println("error: " + e.getMessage());
            }
        }
        if (!output.quiet) {
            err.printf("sparsepocket: exported %d of %d proteins to %s%n", items.size() - failed, items.size(), exportDir);
        }
        err.flush();
        return failed == 0 ? 0 : 1;
    }

    private int report(List<EvaluationRun> runs) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<EvaluationSummary> summaries = runs.stream().map(EvaluationRun::summary).toList();
        List<EvaluationRun.Failure> failures = new ArrayList<>();
        for (EvaluationRun r : runs) {
            for (EvaluationRun.Failure f : r.failures()) {
                failures.add(f);
                err.println("error: " + f.message());
            }
        }
        if (csv != null) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < runs.size(); i++) {
                String part = EvaluationReport.proteinCsv(runs.get(i).evaluator().criteria(), runs.get(i).evaluations());
                sb.append(i == 0 ? part : part.substring(part.indexOf('\n') + 1));
            }
            try {
                AtomicWrite.text(csv, sb.toString());
            } catch (IOException e) {
                throw new EvaluationException(csv + ": cannot write (" + e.getMessage() + ")", e);
            }
        }
        out.print(output.json ? EvaluationReport.json(summaries, failures) : EvaluationReport.table(summaries));
        out.flush();
        err.flush();
        return failures.isEmpty() ? 0 : 1;
    }
}
