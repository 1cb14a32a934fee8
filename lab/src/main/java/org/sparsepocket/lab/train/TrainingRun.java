package org.sparsepocket.lab.train;

import ai.djl.engine.Engine;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparsepocket.lab.cv.Folds;
import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.NetworkConfig;
import org.sparsepocket.model.PocketNetwork;

/**
 * A whole training run as the {@code train} command runs it: load (and cache) the data, build or
 * resume the network, train, and export the best epoch's network as a model bundle with its card.
 */
public final class TrainingRun {

    /**
     * Everything one run needs.
     *
     * @param trainSets        training data set folders
     * @param validationSets   validation data set folders (model selection only; never trained on)
     * @param cacheDir         featurized-complex cache
     * @param runDir           logs, checkpoints, best weights, run.json
     * @param exportDir        where the model bundle of the best epoch is written at the end
     * @param limitTrain       use only the first N training complexes (0 = all)
     * @param limitValidation  use only the first N validation complexes (0 = all)
     * @param command          the command line, recorded in the card
     */
    public record Options(TrainingSettings settings, NetworkConfig network, List<Path> trainSets,
                          List<Path> validationSets, Path cacheDir, Path runDir, Path exportDir,
                          int checkpointEvery, double timeBudgetSeconds, int limitTrain, int limitValidation,
                          int featurizeThreads, boolean resume, String command, FoldChoice folds) {
        public Options {
            trainSets = List.copyOf(trainSets);
            validationSets = List.copyOf(validationSets);
        }
    }

    /**
     * Cross-validation: of the complexes in the sets, train on every fold but {@code holdout} and validate on
     * {@code holdout} (the sets may then be the same folders). {@link #allData} trains on every fold instead (the
     * shipped fast model): nothing is held out, so validation only monitors the run, in-sample, on fold 0.
     */
    public record FoldChoice(Folds folds, int holdout) {
        /** {@link #holdout} of the all-data model. */
        public static final int NONE = -1;
        /** The fold whose (trained-on) complexes monitor an all-data run. */
        static final int MONITOR_FOLD = 0;

        public FoldChoice {
            if (holdout != NONE && (holdout < 0 || holdout >= folds.count())) {
                throw new IllegalArgumentException("--holdout " + holdout + ": the fold file has folds 0-"
                        + (folds.count() - 1));
            }
        }

        /** Train on every complex of the fold file. */
        public static FoldChoice allData(Folds folds) {
            return new FoldChoice(folds, NONE);
        }

        public boolean inTraining(ComplexFiles c) {
            return holdout == NONE || folds.foldOf(c.set(), c.id()) != holdout;
        }

        public boolean inValidation(ComplexFiles c) {
            return folds.foldOf(c.set(), c.id()) == (holdout == NONE ? MONITOR_FOLD : holdout);
        }

        String describe() {
            return holdout == NONE
                    ? "all-data model: training on every fold; validation only monitors the run, in-sample, on fold "
                    + MONITOR_FOLD + " (which it also trains on)"
                    : "cross-validation: training on the folds other than " + holdout + ", validating on fold " + holdout;
        }
    }

    private TrainingRun() {
    }

    /** Loads the data of some data set folders through the cache. */
    public static TrainingData.Loaded loadData(List<Path> sets, int limit, ComplexCache cache,
                                               ComplexFeaturizer featurizer, int threads, PrintStream log) {
        return loadData(sets, c -> true, limit, cache, featurizer, threads, log);
    }

    /** Loads the complexes of some data set folders that {@code keep} accepts. */
    public static TrainingData.Loaded loadData(List<Path> sets, java.util.function.Predicate<ComplexFiles> keep, int limit,
                                               ComplexCache cache, ComplexFeaturizer featurizer, int threads,
                                               PrintStream log) {
        List<ComplexFiles> files = new ArrayList<>();
        for (Path set : sets) {
            ComplexFiles.scan(set).stream().filter(keep).forEach(files::add);
        }
        if (limit > 0 && files.size() > limit) {
            files = files.subList(0, limit);
        }
        return TrainingData.load(files, cache, featurizer, threads, log::println);
    }

    /** Trains (or resumes) and exports the best epoch; returns the trainer's report. */
    public static Trainer.Report run(Options o, ComplexFeaturizer featurizer, PrintStream log) {
        if (o.folds() == null) {
            checkDisjoint(o.trainSets(), o.validationSets());
        }
        Path recorded = o.runDir().resolve(RunRecord.FILE);
        RunRecord earlier = o.resume() && Files.isRegularFile(recorded) ? RunRecord.read(o.runDir()) : null;
        // A resumed warm start keeps its recorded init: the checkpoint holds the weights, the init's hash the identity.
        TrainingSettings settings = earlier != null && o.settings().init() == null && earlier.settings().init() != null
                ? o.settings().withInit(earlier.settings().init()) : o.settings();
        InitialWeights init = !o.resume() && settings.init() != null ? initialWeights(settings.init(), o.network()) : null;
        ComplexCache cache = new ComplexCache(o.cacheDir());
        log.println("loading training data from " + o.trainSets() + " (cache " + o.cacheDir() + ")");
        FoldChoice f = o.folds();
        if (f != null) {
            log.println(f.describe());
        }
        TrainingData.Loaded train = loadData(o.trainSets(), f == null ? c -> true : f::inTraining, o.limitTrain(), cache,
                featurizer, o.featurizeThreads(), log);
        log.println("loading validation data from " + o.validationSets());
        TrainingData.Loaded val = loadData(o.validationSets(), f == null ? c -> true : f::inValidation,
                o.limitValidation(), cache, featurizer, o.featurizeThreads(), log);
        log.printf(Locale.ROOT, "training: %d complexes, %d atoms, %.2f%% binding; validation: %d complexes, %d atoms,"
                        + " %.2f%% binding%n", train.complexes().size(), train.atoms(), 100.0 * train.positives() / train.atoms(),
                val.complexes().size(), val.atoms(), 100.0 * val.positives() / val.atoms());

        Path checkpoint = o.runDir().resolve("checkpoint.sptk");
        if (o.resume() && !Files.isRegularFile(checkpoint)) {
            throw new IllegalArgumentException("--resume: no checkpoint in " + o.runDir());
        }
        if (!o.resume() && Files.exists(checkpoint)) {
            throw new IllegalArgumentException(o.runDir() + " already holds a run; pass --resume to continue it"
                    + " or choose a new --run folder");
        }
        Autograd.setGradMode(false);
        try (PocketNetwork network = init != null ? init.network(o.network(), Engine.getInstance().defaultDevice())
                : PocketNetwork.create(o.network(), Engine.getInstance().defaultDevice(),
                Trainer.initializationSeed(settings.seed()))) {
            List<String> skipped = new ArrayList<>(train.failures());
            skipped.addAll(val.failures());
            String command = earlier != null ? earlier.command() : o.command();
            RunRecord record = new RunRecord(command, settings, o.network(),
                    o.trainSets().stream().map(Path::toString).toList(),
                    o.validationSets().stream().map(Path::toString).toList(),
                    train.complexes().size(), train.atoms(), train.positives(), train.filesSha256(),
                    val.complexes().size(), val.atoms(), val.positives(), val.filesSha256(), skipped,
                    RunRecord.describeHardware(network.device().toString()), versions(), featurizer.version());
            record.write(o.runDir());
            log.printf(Locale.ROOT, "network: %,d learned parameters on %s; %d PyTorch threads%n",
                    network.learnedParameterCount(), network.device(), torchThreads());
            if (init != null) {
                log.println("initial weights: " + settings.init().describe() + "; optimizer state fresh");
            } else if (!o.resume() && settings.priorBias()) {
                // (on resume the checkpoint's weights replace whatever is set here)
                Trainer.initializeOutputBias(network, (double) train.positives() / train.atoms());
            }
            Trainer trainer = new Trainer(settings, new Trainer.Runtime(o.runDir(), o.checkpointEvery(),
                    o.timeBudgetSeconds(), log, 30), network);
            Trainer.Report report = trainer.train(train.complexes(), val.complexes(), o.resume());
            log.println("training ended: " + report.outcome() + " after epoch " + (report.state().epoch() - 1)
                    + ", best epoch " + report.state().bestEpoch());
            if (report.state().bestEpoch() > 0 && o.exportDir() != null) {
                export(o.runDir(), o.exportDir(), report.state().elapsedSeconds(), log);
            }
            return report;
        }
    }

    /**
     * Writes the best epoch's network ({@code best.params}) as a model bundle with a complete card.
     *
     * @param wallSeconds the run's wall time so far (training + validation, across resumes)
     */
    public static ModelCard export(Path runDir, Path exportDir, double wallSeconds, PrintStream log) {
        RunRecord r = RunRecord.read(runDir);
        List<EpochResult> curve = new LearningCurve(runDir.resolve("learning_curve.csv")).read();
        if (curve.isEmpty()) {
            throw new IllegalStateException(runDir + ": no completed epoch to export");
        }
        EpochResult best = r.settings().lastEpoch() ? curve.get(curve.size() - 1) : bestEpoch(curve);
        Map<String, String> prov = runFacts(r, curve);
        prov.put("selected_epoch", Integer.toString(best.epoch()));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("validation_pr_auc", best.valPrAuc());
        metrics.put("validation_roc_auc", best.valRocAuc());
        metrics.put("validation_loss", best.valLoss());
        metrics.put("validation_f1_at_threshold", best.bestF1());
        metrics.put("validation_f1_at_0.5", best.valF1At05());
        metrics.put("epochs", (double) curve.get(curve.size() - 1).epoch());
        metrics.put("selected_epoch", (double) best.epoch());
        metrics.put("optimizer_updates_at_selected_epoch", (double) best.updates());
        metrics.put("wall_time_seconds", wallSeconds);
        ModelCard card = ModelCard.of("sparsepocket-default", r.network(), r.settings().labels().describe())
                .withBestF1Threshold(best.bestF1Threshold()).withProvenance(prov).withMetrics(metrics);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(runDir.resolve("best.params")));
             PocketNetwork network = PocketNetwork.load(r.network(), Engine.getInstance().defaultDevice(), in)) {
            writeBundle(exportDir, network, card, curve);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export the model to " + exportDir + ": " + e.getMessage(), e);
        } catch (ai.djl.MalformedModelException e) {
            throw new IllegalStateException(runDir.resolve("best.params") + ": " + e.getMessage(), e);
        }
        log.printf(Locale.ROOT, "exported epoch %d (validation PR-AUC %.4f, F1 %.4f at %.3f) to %s%n", best.epoch(),
                best.valPrAuc(), best.bestF1(), best.bestF1Threshold(), exportDir);
        return card;
    }

    /** Writes a model bundle and its {@code model-card.md} (card facts + the run's learning curve). */
    static void writeBundle(Path exportDir, PocketNetwork network, ModelCard card, List<EpochResult> curve) {
        try {
            ModelBundle.save(exportDir, network, card);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export the model to " + exportDir + ": " + e.getMessage(), e);
        }
        try {
            Files.writeString(exportDir.resolve("model-card.md"), ModelCardMarkdown.render(card, curve));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + exportDir.resolve("model-card.md") + ": " + e.getMessage(), e);
        }
    }

    /**
     * The card facts of a run's data, recipe, hardware and versions (what every model made from the
     * run shares; the caller adds how the weights were chosen).
     */
    static Map<String, String> runFacts(RunRecord r, List<EpochResult> curve) {
        Map<String, String> facts = new LinkedHashMap<>();
        TrainingSettings s = r.settings();
        facts.put("command", r.command());
        facts.put("training_data", String.join(" + ", r.trainSets()) + " (" + r.trainComplexes() + " complexes, "
                + r.trainAtoms() + " protein heavy atoms, " + r.trainPositives() + " binding-site atoms)");
        facts.put("training_files_sha256", r.trainFilesSha256());
        facts.put("validation_data", String.join(" + ", r.validationSets()) + " (" + r.validationComplexes()
                + " complexes, " + r.validationAtoms() + " atoms, " + r.validationPositives() + " binding-site atoms)");
        facts.put("validation_files_sha256", r.validationFilesSha256());
        facts.put("split", "train on the training sets; the validation set is used only for early stopping, model"
                + " selection (lowest validation loss) and the threshold; it is never trained on");
        facts.put("files_sha256_definition", "SHA-256 of the sorted lines '<set>/<file name> <sha256 of the file>'");
        facts.put("skipped_complexes", r.skipped().isEmpty() ? "none" : String.join("; ", r.skipped()));
        facts.put("featurization", r.featurization());
        facts.put("seed", Long.toString(r.settings().seed()));
        facts.put("optimizer", String.format(Locale.ROOT, "AdamW (decoupled weight decay, PyTorch semantics) lr=%s"
                        + " betas=(%s, %s) eps=%s weight_decay=%s, %s schedule", s.optimizer().learningRate(),
                s.optimizer().beta1(), s.optimizer().beta2(), s.optimizer().epsilon(), s.optimizer().weightDecay(),
                s.cosineSchedule() ? "half-cosine" : "constant"));
        facts.put("loss", String.format(Locale.ROOT, "focal loss on the mean BCE (published form): alpha=%s gamma=%s",
                s.loss().alpha(), s.loss().gamma()));
        facts.put("batch", s.batch() + " complexes per forward pass and optimizer update (one sparse tensor)");
        facts.put("initialization", s.init() != null
                ? s.init().describe() + "; AdamW moments zero, epoch count and learning-rate schedule from the start"
                : "engine seed from the run seed" + (s.priorBias()
                ? "; output bias = log-odds of the training binding-site rate" : ""));
        facts.put("augmentation", s.rotate() ? "uniform random rotation re-quantized every epoch" : "none");
        facts.put("early_stopping", "patience " + s.patience() + " epochs on validation loss, max " + s.maxEpochs()
                + " epochs");
        facts.put("epochs_trained", Integer.toString(curve.get(curve.size() - 1).epoch()));
        facts.put("hardware", r.hardware());
        r.versions().forEach((k, v) -> facts.put("version_" + k, v));
        facts.put("metric_definitions", "per-atom scores over all validation atoms pooled: pr_auc = average precision"
                + " (scikit-learn definition), f1 at the card's threshold (best F1 on validation)");
        return facts;
    }

    /** The epoch the trainer kept: lowest validation loss at 5 decimals, the earliest on ties. */
    static EpochResult bestEpoch(List<EpochResult> curve) {
        return curve.stream().min(Comparator.comparingLong((EpochResult e) -> Math.round(e.valLoss() * 1e5))
                .thenComparingInt(EpochResult::epoch)).orElseThrow();
    }

    /**
     * Reads a warm start's bundle and checks it against the run: the run's architecture, and the
     * weights hash the settings were made with (the bundle must not have changed in between).
     */
    static InitialWeights initialWeights(WarmStart init, NetworkConfig network) {
        InitialWeights w = InitialWeights.read(init.bundle());
        if (!w.source().weightsSha256().equals(init.weightsSha256())) {
            throw new IllegalArgumentException("--init " + init.bundle() + ": its weights changed (sha256 "
                    + w.source().weightsSha256() + ", expected " + init.weightsSha256() + ")");
        }
        w.checkArchitecture(network);
        return w;
    }

    private static void checkDisjoint(List<Path> train, List<Path> validation) {
        for (Path v : validation) {
            for (Path t : train) {
                if (v.toAbsolutePath().normalize().equals(t.toAbsolutePath().normalize())) {
                    throw new IllegalArgumentException(v + " is both a training and a validation set");
                }
            }
        }
    }

    static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("java", System.getProperty("java.version"));
        v.put("djl", Engine.getDjlVersion());
        v.put("pytorch", Engine.getInstance().getVersion());
        v.put("engine", Engine.getInstance().getEngineName());
        return v;
    }

    private static int torchThreads() {
        try {
            return ai.djl.pytorch.jni.JniUtils.getNumThreads();
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }
}
