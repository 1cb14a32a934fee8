package org.sparsepocket.lab.tune;

import org.sparsepocket.cli.AtomicWrite;
import org.sparsepocket.cli.BatchProgress;
import org.sparsepocket.cli.OutputOptions;
import org.sparsepocket.cli.RotationOption;
import org.sparsepocket.cli.ScorerNames;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.eval.Dataset;
import org.sparsepocket.eval.DatasetItem;
import org.sparsepocket.eval.EvaluationException;
import org.sparsepocket.eval.EvaluationReport;
import org.sparsepocket.eval.EvaluationSummary;
import org.sparsepocket.eval.Evaluator;
import org.sparsepocket.eval.ModelFingerprint;
import org.sparsepocket.eval.ProbabilityCache;
import org.sparsepocket.eval.SparsePocketSource;
import org.sparsepocket.lab.tune.TunedCard;
import org.sparsepocket.lab.tune.Tuner;
import org.sparsepocket.lab.cv.Folds;
import org.sparsepocket.lab.cv.OutOfFold;
import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.pockets.PocketScorer;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.ChainMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparsepocket tune}: grid search of the pocket settings on a validation set. The network runs
 * once per protein (probabilities cached); every grid point re-clusters, re-ranks and is scored by the
 * evaluation code.
 */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Grid search of threshold, DBSCAN eps, minimum pocket size, pocket scorer and centre on a validation "
                + "set (never the training set). Selection: highest DCA top-n success, then DCA top-(n+2), "
                + "then mean residue F1 (all pockets), then grid order. Prints the best grid points and "
                + "the chosen settings' full table; progress on stderr."},
        footer = {"", "Example:",
            "  sparsepocket tune ../shared/data/pdbbind-timesplit363 --cache work-cache/probs \\",
            "      --thresholds auto,0.34 --eps 4,5,6 --min-sizes 3,5,8 --scorers sum,mean,max"})
public final class TuneCommand implements Callable<Integer> {

    private static final String MODEL_CARD_MARKDOWN = "model-card.md";
    private static final String TUNING_HEADING = "### Pocket settings tuned on validation";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DATASET", arity = "1..*", description = "validation dataset folder(s) or file(s)")
    List<Path> datasets;

    @Option(names = "--model", paramLabel = "DIR", description = "model bundle folder (default: the shipped model)")
    Path model;

    @Option(names = "--folds", paramLabel = "FILE",
            description = "out-of-fold tuning: the fold file (sparsepocket folds); each protein's probabilities come"
                    + " from the --models member trained without its fold (instead of --model)")
    Path foldFile;

    @Option(names = "--models", split = ",", paramLabel = "DIR",
            description = "with --folds: one model bundle per fold, in fold order; '-' for a fold without a model"
                    + " yet (its proteins are left out); 'A+B' for the mean of models A and B")
    List<String> foldModels;

    @Mixin
    RotationOption rotation = new RotationOption();

    @Option(names = "--cache", paramLabel = "DIR", required = true,
            description = "per-protein probability cache (created; reused on later runs with the same model)")
    Path cache;

    @Option(names = "--thresholds", split = ",", paramLabel = "LIST", defaultValue = "auto,0.34",
            description = "probability thresholds; 'auto' adds the thresholds above which 0.5, 1, 1.5, 2, 3, 4, 6, "
                    + "8 and 12 %% of all atoms lie (the model's own scale) (default: ${DEFAULT-VALUE})")
    List<String> thresholds;

    @Option(names = "--eps", split = ",", paramLabel = "LIST", defaultValue = "3.5,4,4.5,5,5.5,6,7",
            description = "DBSCAN radii, Å (default: ${DEFAULT-VALUE})")
    List<Double> eps;

    @Option(names = "--min-sizes", split = ",", paramLabel = "LIST", defaultValue = "1,3,5,8,12",
            description = "minimum pocket sizes, atoms (default: ${DEFAULT-VALUE})")
    List<Integer> minSizes;

    @Option(names = "--scorers", split = ",", paramLabel = "LIST", completionCandidates = ScorerNames.class,
            defaultValue = "sum,mean,max,mean-sqrt-size,sum-squared,buried-mean-sqrt-size,buried-sum,neighbourhood-sum",
            description = "pocket scorers: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    List<String> scorers;

    @Option(names = "--centres", split = ",", paramLabel = "LIST", defaultValue = "mean,weighted",
            description = "pocket centre variants: mean (atom mean), weighted (probability-weighted mean)")
    List<String> centres;

    @Option(names = "--split-above", split = ",", paramLabel = "LIST", defaultValue = "0",
            description = "pocket split sizes, atoms: bigger pockets are re-clustered at rising thresholds "
                    + "(0 = never) (default: ${DEFAULT-VALUE})")
    List<Integer> splitSizes;

    @Option(names = "--top", paramLabel = "K", defaultValue = "15", description = "grid points to list")
    int top;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--threads", description = "threads (default: all cores)")
    Integer threads;

    @Option(names = "--limit", paramLabel = "N", description = "use only the first N proteins (quick checks)")
    Integer limit;

    @Option(names = "--apply", description = "write the chosen settings, the command and the validation scores "
            + "into the --model bundle's card (model.json; model-card.md gets the table) as its settings for this "
            + "rotation count; they become the model's defaults for predict, Jmol and KNIME only when the count is "
            + "the card's default count (or with --apply-as-default)")
    boolean apply;

    @Option(names = "--apply-as-default", description = "with --apply: also make this rotation count and its "
            + "settings the card's default, even when the count differs from the card's default count")
    boolean applyAsDefault;

    @Override
    public Integer call() {
        List<PocketScorer> scorerList = new ArrayList<>();
        for (String s : scorers) {
            try {
                scorerList.add(PocketScorer.byName(s));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        List<Boolean> weighted = new ArrayList<>();
        for (String c : centres) {
            switch (c.trim()) {
                case "mean" -> weighted.add(false);
                case "weighted" -> weighted.add(true);
                default -> throw new ParameterException(spec.commandLine(),
                        "unknown centre '" + c + "' (known: mean, weighted)");
            }
        }
        boolean autoThresholds = false;
        List<Double> fixedThresholds = new ArrayList<>();
        for (String t : thresholds) {
            if (t.trim().equals("auto")) {
                autoThresholds = true;
            } else {
                try {
                    fixedThresholds.add(Double.parseDouble(t.trim()));
                } catch (NumberFormatException e) {
                    throw new ParameterException(spec.commandLine(), "--thresholds: '" + t + "' is not a number or 'auto'");
                }
            }
        }
        rotation.check(spec.commandLine());
        if (applyAsDefault && !apply) {
            throw new ParameterException(spec.commandLine(), "--apply-as-default needs --apply");
        }
        if (foldFile != null && (model != null || apply || foldModels == null)) {
            throw new ParameterException(spec.commandLine(), "--folds needs --models (one per fold) and takes neither"
                    + " --model nor --apply");
        }
        if (apply && model == null) {
            throw new ParameterException(spec.commandLine(), "--apply needs --model DIR (the bundle to write into)");
        }
        try {   // validates every value before the network runs
            new Tuner.Grid(fixedThresholds.isEmpty() ? List.of(0.5) : fixedThresholds, eps, minSizes, scorerList,
                    weighted, splitSizes).settings(PocketSettings.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<DatasetItem> items = new ArrayList<>();
        for (Path d : datasets) {
            items.addAll(Dataset.of(d));
        }
        if (limit != null) {
            items = items.subList(0, Math.min(Math.max(1, limit), items.size()));
        }
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        PrintWriter err = spec.commandLine().getErr();
        List<Tuner.Case> cases = Collections.synchronizedList(new ArrayList<>());
        PocketSettings base;
        int failed = 0;
        int rotations;
        if (foldFile != null) {
            try (OutOfFold oof = OutOfFold.open(Folds.read(foldFile), OutOfFold.memberPaths(foldModels),
                    rotation::open, cache)) {
                rotations = oof.rotations();
                base = oof.recommendedSettings();
                failed = ValidationCases.load("tune: out-of-fold probabilities",
                        oof.covered(items, "tune", err, output.quiet), oof::probabilities, output.quiet, err, cases);
            }
        } else try (PocketPredictor predictor = rotation.openNetwork(model)) {   // tunes the network's own settings
            rotations = predictor.rotations();
            base = predictor.recommendedSettings();
            PredictionSettings settings = new PredictionSettings(ChainMode.whole(), base);
            SparsePocketSource source = new SparsePocketSource(predictor, settings,
                    new ProbabilityCache(cache, ModelFingerprint.of(model, rotations)));
            failed = ValidationCases.load("tune: network probabilities", items, source::probabilities, output.quiet,
                    err, cases);
        }
        if (cases.isEmpty()) {
            throw new EvaluationException("tune: no protein could be evaluated");
        }
        java.util.TreeSet<Double> allThresholds = new java.util.TreeSet<>(fixedThresholds);
        if (autoThresholds) {
            allThresholds.addAll(Tuner.thresholdsAt(cases, Tuner.AUTO_ATOM_FRACTIONS));
        }
        Tuner.Grid grid = new Tuner.Grid(List.copyOf(allThresholds), eps, minSizes, scorerList, weighted,
                splitSizes);
        if (!output.quiet) {
            err.println("sparsepocket: tune: thresholds " + allThresholds);
        }
        BatchProgress gridProgress = new BatchProgress(err, "tune: grid of " + grid.size() + " settings", output.quiet);
        List<Tuner.Result> results = new Tuner(Evaluator.standard(), nThreads)
                .run(cases, grid, base, d -> gridProgress.update(d, grid.size()));
        EvaluationSummary chosen = new Tuner(Evaluator.standard(), 1).evaluateFully(cases, results.get(0).settings())
                .summary();
        PrintWriter out = spec.commandLine().getOut();
        String report = table(results, chosen, cases.size());
        out.print(output.json ? json(results, chosen) : report);
        out.flush();
        if (apply) {
            applyToModel(results.get(0).settings(), chosen, cases.size(), report, rotations);
            err.println("sparsepocket: tune: chosen settings written into " + model.resolve(ModelBundle.CARD_FILE));
        }
        return failed == 0 ? 0 : 1;
    }

    private void applyToModel(PocketSettings best, EvaluationSummary chosen, int proteins, String report,
                              int rotations) {
        String command = "sparsepocket " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        String data = datasets.stream().map(Path::toString).collect(Collectors.joining(" + "))
                + " (" + proteins + " proteins)";
        Path cardFile = model.resolve(ModelBundle.CARD_FILE);
        try {
            AtomicWrite.text(cardFile, TunedCard.apply(ModelCard.read(cardFile), best, chosen, command, data, rotations,
                    applyAsDefault).toJson() + "\n");
            Path markdown = model.resolve(MODEL_CARD_MARKDOWN);
            if (Files.isRegularFile(markdown)) {
                // One section per rotation count: tuning 8 keeps the table of 1, and the other way round.
                String heading = rotations == 1 ? TUNING_HEADING
                        : TUNING_HEADING + ", averaged over " + rotations + " orientations";
                String text = Files.readString(markdown, StandardCharsets.UTF_8).stripTrailing() + "\n";
                int old = text.indexOf(heading + "\n");
                if (old >= 0) {
                    int next = text.indexOf("\n### ", old + heading.length());
                    text = text.substring(0, old) + (next < 0 ? "" : text.substring(next + 1));
                }
                AtomicWrite.text(markdown, text.stripTrailing() + "\n\n" + heading + "\n\n`" + command
                        + "`\n\n```\n" + report.stripTrailing() + "\n```\n");
            }
        } catch (IOException e) {
            throw new EvaluationException(cardFile + ": cannot write the tuned settings: " + e.getMessage());
        }
    }

    private String table(List<Tuner.Result> results, EvaluationSummary chosen, int proteins) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d grid points on %d proteins, best first:%n", results.size(), proteins));
        sb.append(String.format(Locale.ROOT, "%-5s %6s %5s %5s %-15s %-8s %5s %9s %11s %9s %11s %7s %7s %8s%n", "#",
                "thresh", "eps", "min", "scorer", "centre", "split", "DCA top-n", "DCA top-n+2", "DCC top-n", "DCC top-n+2",
                "res F1", "res MCC", "pockets"));
        for (int i = 0; i < Math.min(top, results.size()); i++) {
            Tuner.Result r = results.get(i);
            PocketSettings s = r.settings();
            EvaluationSummary m = r.summary();
            sb.append(String.format(Locale.ROOT, "%-5d %6.3f %5.1f %5d %-15s %-8s %5d %9s %11s %9s %11s %7.3f %7.3f %8.1f%n",
                    i + 1, s.threshold(), s.eps(), s.minAtoms(), s.scorer().name(), centre(s), s.splitAbove(),
                    pct(m.success("DCA").topN()), pct(m.success("DCA").topNPlus2()),
                    pct(m.success("DCC").topN()), pct(m.success("DCC").topNPlus2()),
                    m.residuesAll().f1(), m.residuesAll().mcc(), m.meanPockets()));
        }
        Tuner.Result best = results.get(0);
        sb.append(String.format(Locale.ROOT, "%nchosen: %s%n%n", TunedCard.describe(best.settings())));
        sb.append(EvaluationReport.table(List.of(chosen)));
        return sb.toString();
    }

    private static String centre(PocketSettings s) {
        return s.probabilityWeightedCenter() ? "weighted" : "mean";
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String json(List<Tuner.Result> results, EvaluationSummary chosen) {
        JsonArray arr = new JsonArray();
        for (Tuner.Result r : results) {
            JsonObject o = new JsonObject();
            o.addProperty("threshold", r.settings().threshold());
            o.addProperty("eps", r.settings().eps());
            o.addProperty("minSize", r.settings().minAtoms());
            o.addProperty("scorer", r.settings().scorer().name());
            o.addProperty("centre", centre(r.settings()));
            o.addProperty("splitAbove", r.settings().splitAbove());
            o.addProperty("dcaTopN", r.summary().success("DCA").topN());
            o.addProperty("dcaTopNPlus2", r.summary().success("DCA").topNPlus2());
            o.addProperty("dccTopN", r.summary().success("DCC").topN());
            o.addProperty("dccTopNPlus2", r.summary().success("DCC").topNPlus2());
            o.addProperty("residueF1All", r.summary().residuesAll().f1());
            o.addProperty("residueMccAll", r.summary().residuesAll().mcc());
            o.addProperty("residueF1TopN", r.summary().residuesTopN().f1());
            o.addProperty("meanPockets", r.summary().meanPockets());
            arr.add(o);
        }
        JsonObject root = new JsonObject();
        root.add("points", arr);
        root.add("chosen", JsonParser.parseString(EvaluationReport.json(List.of(chosen), List.of()))
                .getAsJsonObject().getAsJsonArray("summaries").get(0));
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(root) + "\n";
    }
}
