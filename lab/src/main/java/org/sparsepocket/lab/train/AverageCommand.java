package org.sparsepocket.lab.train;

import org.sparsepocket.cli.SparsePocketCli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sparsepocket.lab.train.ComplexCache;
import org.sparsepocket.lab.train.EpochResult;
import org.sparsepocket.lab.train.SnapshotAveraging;
import org.sparsepocket.lab.train.Validation;
import org.sparsepocket.lab.train.WeightAveraging;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparsepocket average}: stochastic weight averaging of a training run's snapshots, scored on
 * the validation set next to the snapshots' own scores, optionally exported as a model bundle.
 */
@Command(name = "average", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Average the weights of several snapshots of one training run (stochastic weight averaging),"
                + " recompute the batch-norm statistics on training complexes, score the average on the validation set"
                + " as train scores an epoch, and optionally export it as a model bundle.",
                "Snapshots: epoch-end checkpoints (.sptk) and/or parameter files (RUN/best.params) of the run."})
public final class AverageCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SNAPSHOT", description = "Checkpoint (.sptk) or parameter files of the run.")
    List<Path> snapshots;

    @Option(names = "--run", required = true, paramLabel = "DIR",
            description = "The training run the snapshots belong to (read only: run.json, learning_curve.csv).")
    Path runDir;

    @Option(names = "--bn-complexes", defaultValue = "200", paramLabel = "N",
            description = "Training complexes whose batch statistics become the running statistics (default:"
                    + " ${DEFAULT-VALUE}; 0 = keep the averaged running statistics).")
    int bnComplexes;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed that picks, rotates and drops out for the statistics passes (default: the run's).")
    Long seed;

    @Option(names = "--export", paramLabel = "DIR", description = "Write the average as a model bundle here.")
    Path export;

    @Option(names = "--train", paramLabel = "DIR", split = ",",
            description = "Training set folders (default: the run's, from run.json).")
    List<Path> trainSets;

    @Option(names = "--validation", paramLabel = "DIR", split = ",",
            description = "Validation set folders (default: the run's, from run.json).")
    List<Path> validationSets;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Featurized-complex cache (default: ~/.cache/sparsepocket/train, train's default).")
    Path cache;

    @Option(names = "--limit-validation", defaultValue = "0", paramLabel = "N",
            description = "Score only the first N validation complexes (quick looks; 0 = all).")
    int limitValidation;

    @Option(names = "--featurize-threads", defaultValue = "2",
            description = "Threads for reading and featurizing complexes (default: ${DEFAULT-VALUE}).")
    int featurizeThreads;

    @Option(names = "--json", description = "Print the scores as JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        PrintWriter out = spec.commandLine().getOut();
        try {
            Path cacheDir = cache != null ? cache : ComplexCache.defaultRoot();
            String command = "sparsepocket " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
            SnapshotAveraging.Result r = SnapshotAveraging.run(new SnapshotAveraging.Options(runDir, snapshots,
                    trainSets, validationSets, cacheDir, bnComplexes, seed, limitValidation, featurizeThreads, export,
                    command), err);
            out.print(json ? json(r) : table(r, limitValidation));
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            spec.commandLine().getErr().println("error: " + SparsePocketCli.oneLine(m));
            spec.commandLine().getErr().flush();
            return SparsePocketCli.EXIT_FAILURE;
        }
    }

    static String table(SnapshotAveraging.Result r, int limitValidation) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-28s %-44s %-12s %9s %8s %8s %16s%n";
        sb.append(String.format(Locale.ROOT, fmt, "snapshot", "what", "sha256", "val loss", "PR-AUC", "ROC-AUC",
                "best F1 (thr)"));
        for (int i = 0; i < r.snapshots().size(); i++) {
            WeightAveraging.Snapshot s = r.snapshots().get(i);
            EpochResult e = r.ownScores().get(i);
            String what = SnapshotAveraging.describe(s, e);
            sb.append(e == null
                    ? String.format(Locale.ROOT, fmt, s.file().getFileName(), what, s.sha256().substring(0, 12), "-", "-",
                    "-", "-")
                    : String.format(Locale.ROOT, fmt, s.file().getFileName(), what, s.sha256().substring(0, 12),
                    String.format(Locale.ROOT, "%.5f", e.valLoss()), String.format(Locale.ROOT, "%.4f", e.valPrAuc()),
                    String.format(Locale.ROOT, "%.4f", e.valRocAuc()),
                    String.format(Locale.ROOT, "%.4f (%.3f)", e.bestF1(), e.bestF1Threshold())));
        }
        Validation.Scores v = r.scores();
        String bn = r.bnPasses() == 0 ? "BN statistics averaged"
                : "BN on " + r.bnComplexes() + " complexes, seed " + r.seed();
        sb.append(String.format(Locale.ROOT, fmt, "average of " + r.snapshots().size(), bn, "",
                String.format(Locale.ROOT, "%.5f", v.loss()), String.format(Locale.ROOT, "%.4f", v.prAuc()),
                String.format(Locale.ROOT, "%.4f", v.rocAuc()),
                String.format(Locale.ROOT, "%.4f (%.3f)", v.bestF1(), v.bestF1Threshold())));
        sb.append(String.format(Locale.ROOT, "validation: %d atoms, %d binding%s; snapshot rows from learning_curve.csv%n",
                v.atoms(), v.positives(), limitValidation > 0 ? " (first " + limitValidation + " complexes only)" : ""));
        return sb.toString();
    }

    static String json(SnapshotAveraging.Result r) {
        JsonObject root = new JsonObject();
        JsonArray inputs = new JsonArray();
        for (int i = 0; i < r.snapshots().size(); i++) {
            WeightAveraging.Snapshot s = r.snapshots().get(i);
            JsonObject o = new JsonObject();
            o.addProperty("file", s.file().toString());
            o.addProperty("sha256", s.sha256());
            o.addProperty("what", s.describe());
            EpochResult e = r.ownScores().get(i);
            if (e != null) {
                o.addProperty("epoch", e.epoch());
                o.add("scores", scores(e.valLoss(), e.valPrAuc(), e.valRocAuc(), e.bestF1(), e.bestF1Threshold()));
            }
            inputs.add(o);
        }
        root.add("snapshots", inputs);
        root.addProperty("bn_passes", r.bnPasses());
        root.addProperty("bn_complexes", r.bnComplexes());
        root.addProperty("seed", r.seed());
        Validation.Scores v = r.scores();
        root.add("average", scores(v.loss(), v.prAuc(), v.rocAuc(), v.bestF1(), v.bestF1Threshold()));
        root.addProperty("validation_atoms", v.atoms());
        return new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n";
    }

    private static JsonObject scores(double loss, double prAuc, double rocAuc, double bestF1, double threshold) {
        JsonObject o = new JsonObject();
        o.addProperty("loss", loss);
        o.addProperty("pr_auc", prAuc);
        o.addProperty("roc_auc", rocAuc);
        o.addProperty("best_f1", bestF1);
        o.addProperty("best_f1_threshold", threshold);
        return o;
    }
}
