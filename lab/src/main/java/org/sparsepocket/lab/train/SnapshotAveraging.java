package org.sparsepocket.lab.train;

import ai.djl.engine.Engine;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparsepocket.model.ComplexInput;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.PocketNetwork;

/**
 * The {@code average} command's work: average the weights of several snapshots of one training run
 * ({@link WeightAveraging}), recompute the batch-norm statistics on training complexes fed exactly as
 * the run feeds them ({@link BatchNormStatistics}), score the result on the validation set exactly
 * as {@code train} scores an epoch ({@link Validation}), and optionally export it as a model bundle
 * whose card says how it was made.
 */
public final class SnapshotAveraging {

    /**
     * @param runDir          the training run (its {@code run.json}, {@code learning_curve.csv})
     * @param snapshots       checkpoint ({@code .sptk}) or parameter files of that run
     * @param trainSets       training set folders, or null for the run's
     * @param validationSets  validation set folders, or null for the run's
     * @param cacheDir        featurized-complex cache (the run's, so nothing is featurized again)
     * @param bnComplexes     training complexes for the batch-norm statistics (0: keep the averaged
     *                        running statistics, only right for a single snapshot)
     * @param seed            picks, rotates and drops out for the statistics passes; null = the run's seed
     * @param limitValidation score only the first N validation complexes (0 = all)
     * @param exportDir       model bundle output, or null
     * @param command         the command line, recorded in the card
     */
    public record Options(Path runDir, List<Path> snapshots, List<Path> trainSets, List<Path> validationSets,
                          Path cacheDir, int bnComplexes, Long seed, int limitValidation, int featurizeThreads,
                          Path exportDir, String command) {
        public Options {
            snapshots = List.copyOf(snapshots);
            if (bnComplexes < 0) {
                throw new IllegalArgumentException("--bn-complexes must be ≥ 0, got " + bnComplexes);
            }
        }
    }

    /**
     * What came out.
     *
     * @param snapshots  the inputs, in the given order
     * @param ownScores  each input's row of the learning curve, or null when it has none (mid-epoch
     *                   checkpoint, parameter file other than the run's best.params)
     * @param bnPasses   batch-norm passes run (0 = statistics averaged, not recomputed)
     * @param bnComplexes training complexes those passes saw
     * @param seed       seed of the statistics passes
     * @param scores     the average's validation scores
     * @param card       the exported card, or null
     */
    public record Result(List<WeightAveraging.Snapshot> snapshots, List<EpochResult> ownScores, int bnPasses,
                         int bnComplexes, long seed, Validation.Scores scores, ModelCard card) {
    }

    private SnapshotAveraging() {
    }

    public static Result run(Options o, PrintStream log) {
        if (!Files.isRegularFile(o.runDir().resolve(RunRecord.FILE))) {
            throw new IllegalArgumentException(o.runDir() + ": not a training run (no " + RunRecord.FILE + ")");
        }
        RunRecord r = RunRecord.read(o.runDir());
        List<EpochResult> curve = new LearningCurve(o.runDir().resolve("learning_curve.csv")).read();
        if (curve.isEmpty()) {
            throw new IllegalArgumentException(o.runDir() + ": no completed epoch in learning_curve.csv");
        }
        PdbqtComplexFeaturizer featurizer = new PdbqtComplexFeaturizer(r.settings().labels());
        // Other structure/feature classes than the run's miss its cache entries and may give other features.
        boolean sameFeaturization = featurizer.version().equals(r.featurization());
        if (!sameFeaturization) {
            log.println("warning: this code's featurization (" + featurizer.version() + ") is not the run's ("
                    + r.featurization() + "): complexes are featurized again and may differ from what the run saw");
        }
        long seed = o.seed() != null ? o.seed() : r.settings().seed();
        List<Path> trainSets = o.trainSets() != null ? o.trainSets() : r.trainSets().stream().map(Path::of).toList();
        List<Path> valSets = o.validationSets() != null ? o.validationSets()
                : r.validationSets().stream().map(Path::of).toList();
        ComplexCache cache = new ComplexCache(o.cacheDir());

        try (PocketNetwork network = PocketNetwork.create(r.network(), Engine.getInstance().defaultDevice())) {
            List<WeightAveraging.Snapshot> snapshots = WeightAveraging.average(o.snapshots(), network,
                    r.settings().hash());
            log.printf(Locale.ROOT, "averaged %d snapshots of %s%n", snapshots.size(), o.runDir());
            int passes = 0, seen = 0;
            if (o.bnComplexes() > 0) {
                List<List<ComplexInput>> batches = statisticsBatches(trainSets, o.bnComplexes(), seed, r.settings(),
                        cache, featurizer, o.featurizeThreads(), log);
                seen = batches.stream().mapToInt(List::size).sum();
                int layers = BatchNormStatistics.recompute(network, batches, seed);
                passes = batches.size();
                log.printf(Locale.ROOT, "batch-norm statistics of %d layers recomputed over %d training complexes"
                        + " (%d passes)%n", layers, seen, passes);
            }
            log.println("loading validation data from " + valSets);
            TrainingData.Loaded val = TrainingRun.loadData(valSets, o.limitValidation(), cache, featurizer,
                    o.featurizeThreads(), log);
            if (o.limitValidation() == 0 && !val.filesSha256().equals(r.validationFilesSha256())) {
                throw new IllegalArgumentException(valSets + ": not the run's validation set (files sha256 "
                        + val.filesSha256() + ", the run's " + r.validationFilesSha256() + ")");
            }
            Validation.Scores scores = Validation.run(network, val.complexes(), r.settings().loss());
            List<EpochResult> own = ownScores(snapshots, o.runDir(), curve, r.command());
            ModelCard card = null;
            if (o.exportDir() != null) {
                card = card(r, curve, snapshots, own, passes, seen, seed, scores, o.command(), featurizer.version());
                TrainingRun.writeBundle(o.exportDir(), network, card, curve);
                log.println("exported the average to " + o.exportDir());
            }
            return new Result(snapshots, own, passes, seen, seed, scores, card);
        }
    }

    /**
     * The statistics batches: the first {@code n} complexes of the order the trainer would use for an
     * epoch 0 (never trained), each rotated by the draw for (seed, epoch 0, its rank) when the run
     * rotates, in batches of the run's size.
     */
    static List<List<ComplexInput>> statisticsBatches(List<Path> trainSets, int n, long seed, TrainingSettings s,
                                                      ComplexCache cache, ComplexFeaturizer featurizer, int threads,
                                                      PrintStream log) {
        List<ComplexFiles> files = new ArrayList<>();
        for (Path set : trainSets) {
            files.addAll(ComplexFiles.scan(set));
        }
        int[] order = Trainer.permutation(files.size(), Seeds.mix(seed, 0, 1));
        List<ComplexFiles> chosen = new ArrayList<>();
        for (int k = 0; k < Math.min(n, files.size()); k++) {
            chosen.add(files.get(order[k]));
        }
        log.println("loading " + chosen.size() + " training complexes for the batch-norm statistics from " + trainSets);
        List<TrainingComplex> complexes = TrainingData.load(chosen, cache, featurizer, threads, log::println).complexes();
        List<List<ComplexInput>> batches = new ArrayList<>();
        for (int k = 0; k < complexes.size(); k += s.batch()) {
            List<ComplexInput> batch = new ArrayList<>();
            for (int j = k; j < Math.min(complexes.size(), k + s.batch()); j++) {
                batch.add(Trainer.augmented(seed, s.rotate(), 0, j, complexes.get(j)));
            }
            batches.add(batch);
        }
        return batches;
    }

    /**
     * Each snapshot's learning-curve row: an epoch-end checkpoint's epoch; for a parameter file, the
     * run's best epoch when it is the run's {@code best.params}, or the selected epoch of the bundle
     * card ({@code model.json}) beside it when that card is of this run (same training command).
     */
    static List<EpochResult> ownScores(List<WeightAveraging.Snapshot> snapshots, Path runDir, List<EpochResult> curve,
                                       String runCommand) {
        Path best = runDir.resolve("best.params");
        String bestSha = Files.isRegularFile(best) ? Hashes.sha256(best) : null;
        List<EpochResult> rows = new ArrayList<>();
        for (WeightAveraging.Snapshot s : snapshots) {
            int epoch = s.completedEpoch();
            if (s.state() == null && s.sha256().equals(bestSha) && !curve.isEmpty()) {
                epoch = TrainingRun.bestEpoch(curve).epoch();
            } else if (s.state() == null) {
                epoch = bundleEpoch(s.file(), runCommand);
            }
            int e = epoch;
            rows.add(curve.stream().filter(c -> c.epoch() == e).findFirst().orElse(null));
        }
        return rows;
    }

    /**
     * How a snapshot is named in the table and the card: {@link WeightAveraging.Snapshot#describe}, except
     * that a parameter file whose learning-curve row is known ({@code own}) is named by that epoch.
     */
    public static String describe(WeightAveraging.Snapshot s, EpochResult own) {
        return own != null && s.state() == null ? "epoch " + own.epoch() + " (parameter file)" : s.describe();
    }

    private static int bundleEpoch(Path weights, String runCommand) {
        Path card = weights.resolveSibling(org.sparsepocket.model.ModelBundle.CARD_FILE);
        if (!Files.isRegularFile(card)) {
            return 0;
        }
        try {
            Map<String, String> p = ModelCard.read(card).provenance();
            return runCommand.equals(p.get("command")) && p.getOrDefault("selected_epoch", "").matches("\\d+")
                    ? Integer.parseInt(p.get("selected_epoch")) : 0;
        } catch (java.io.IOException | RuntimeException e) {
            return 0; // not a readable card: the file is then just a parameter file
        }
    }

    private static ModelCard card(RunRecord r, List<EpochResult> curve, List<WeightAveraging.Snapshot> snapshots,
                                  List<EpochResult> own, int passes, int seen, long seed, Validation.Scores v,
                                  String command, String featurization) {
        Map<String, String> prov = TrainingRun.runFacts(r, curve);
        if (!featurization.equals(r.featurization())) {
            prov.put("featurization", "training: " + r.featurization() + "; batch-norm statistics and validation"
                    + " scores of the average: " + featurization);
        }
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            WeightAveraging.Snapshot s = snapshots.get(i);
            inputs.add(s.file().getFileName() + " (" + describe(s, own.get(i)) + ", sha256 " + s.sha256() + ")");
        }
        prov.put("selected_epoch", "none: weight average of " + snapshots.size() + " snapshots (see weight averaging)");
        prov.put("weight_averaging", "element-wise equal-weight mean of every parameter of " + snapshots.size()
                + " snapshots: " + String.join("; ", inputs));
        prov.put("batch_norm_statistics", passes == 0
                ? "averaged with the weights (not recomputed)"
                : String.format(Locale.ROOT, "recomputed for the averaged weights: equal-weight mean of the batch"
                        + " statistics of %d training-mode passes (dropout on, no gradients) over %d training"
                        + " complexes in batches of %d (first %d of the seed-%d order of an epoch 0, rotated as the"
                        + " trainer rotates)", passes, seen, r.settings().batch(), seen, seed));
        prov.put("averaging_command", command);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("validation_pr_auc", v.prAuc());
        metrics.put("validation_roc_auc", v.rocAuc());
        metrics.put("validation_loss", v.loss());
        metrics.put("validation_f1_at_threshold", v.bestF1());
        metrics.put("validation_f1_at_0.5", v.f1At05());
        metrics.put("epochs", (double) curve.get(curve.size() - 1).epoch());
        metrics.put("averaged_snapshots", (double) snapshots.size());
        metrics.put("batch_norm_complexes", (double) seen);
        return ModelCard.of("sparsepocket-default", r.network(), r.settings().labels().describe())
                .withBestF1Threshold(v.bestF1Threshold()).withProvenance(prov).withMetrics(metrics);
    }
}
