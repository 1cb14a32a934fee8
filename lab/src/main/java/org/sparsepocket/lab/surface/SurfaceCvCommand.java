package org.sparsepocket.lab.surface;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import ml.dmlc.xgboost4j.java.Booster;
import org.sparsepocket.PocketOverrides;
import org.sparsepocket.cli.AtomicWrite;
import org.sparsepocket.cli.BatchProgress;
import org.sparsepocket.cli.OutputOptions;
import org.sparsepocket.cli.PocketOptions;
import org.sparsepocket.cli.RotationOption;
import org.sparsepocket.eval.Dataset;
import org.sparsepocket.eval.DatasetItem;
import org.sparsepocket.eval.EvaluationException;
import org.sparsepocket.eval.GroundTruth;
import org.sparsepocket.eval.ProjectTruthLoader;
import org.sparsepocket.features.AtomFeatures;
import org.sparsepocket.features.AtomFeaturizer;
import org.sparsepocket.lab.cv.Folds;
import org.sparsepocket.lab.cv.OutOfFold;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.pockets.PocketExtractor;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.surface.AtomPropensity;
import org.sparsepocket.surface.PointClassifier;
import org.sparsepocket.surface.PointFeatures;
import org.sparsepocket.surface.SurfaceCard;
import org.sparsepocket.surface.SurfaceModel;
import org.sparsepocket.surface.SurfacePoints;
import org.sparsepocket.surface.SurfaceSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparsepocket surface-cv}: the surface-point second opinion cross-validated over the family-disjoint
 * folds. Per fold k, a point classifier (and its atom propensity table) is learned from the other folds and
 * scores fold k's points; the network's probabilities come from the fold models (out of fold), both as point
 * features and as the network's own pockets. The surface threshold and the fusion are chosen on three folds
 * and scored on the fourth. Two feature sets are compared: without and with the network's columns. With
 * {@code --out}, a classifier of the feature set whose fused pockets won out of fold is trained on every complex
 * and saved with the fusion chosen on all out-of-fold predictions.
 */
@Command(name = "surface-cv", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Cross-validate the surface-point classifier and its fusion with the network over the folds "
                + "(every number out of fold); optionally train the all-data classifier."},
        footer = {"", "Example (docs/surface.md):",
            "  sparsepocket surface-cv ../shared/data/scpdb995 ../shared/data/dude102 ../shared/data/pdbbind-timesplit363 \\",
            "      --folds training/folds.tsv --models F0/model,F1/model,F2/model,F3/model --cache oof-cache \\",
            "      --threshold 0.052 --eps 5.0 --min-size 5 --scorer buried-mean-sqrt-size --split-above 70 --out SURF"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured (and written)", "1:no complex could be used, or a model could not be read or written",
            "2:usage error"})
public final class SurfaceCvCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Parameters(arity = "1..*", paramLabel = "DATASET", description = "labelled data folders (all are cross-validated)")
    List<Path> datasets;

    @Option(names = "--folds", required = true, paramLabel = "FILE", description = "the fold file (sparsepocket folds)")
    Path foldFile;

    @Option(names = "--models", split = ",", required = true, paramLabel = "DIR",
            description = "one network bundle per fold, in fold order (member k trained without fold k); 'A+B' for"
                    + " the mean of networks A and B")
    List<String> models;

    @Option(names = "--cache", required = true, paramLabel = "DIR", description = "network probability cache (as cv-evaluate's)")
    Path cache;

    @Mixin
    PocketOptions pocketOptions = new PocketOptions();

    @Mixin
    RotationOption rotation = new RotationOption();

    @Option(names = "--threads", defaultValue = "2", description = "threads for points and trees (default: ${DEFAULT-VALUE})")
    int threads;

    @Mixin
    TreeOptions tree = new TreeOptions();

    @Mixin
    final FusionGridOptions gridOptions = new FusionGridOptions();

    @Option(names = "--subset", defaultValue = "pdbbind-timesplit363",
            description = "data set also reported on its own (default: ${DEFAULT-VALUE})")
    String subset;

    @Option(names = "--select-on-subset",
            description = "also choose each held-out fold's surface and fusion setting on the other folds' --subset"
                    + " complexes only (extra rows: does tuning on data like the target set help?)")
    boolean selectOnSubset;

    @Option(names = "--out", paramLabel = "DIR",
            description = "also train the winning feature set's classifier on every complex and write it here")
    Path out;

    @Option(names = "--csv", paramLabel = "FILE", description = "per-complex held-out hits")
    Path csv;

    @Mixin
    final LearnedFusionOptions learnedOptions = new LearnedFusionOptions();

    @Option(names = "--without-network-columns",
            description = "skip the feature set with the network's probabilities as point features (it lost; saves time)")
    boolean withoutNetworkColumns;

    @Mixin
    final ScoreExperimentOptions experiments = new ScoreExperimentOptions();

    @Option(names = "--limit", paramLabel = "N", description = "use only the first N complexes of each data set (quick checks)")
    Integer limit;

    @Option(names = "--neutral-margin", paramLabel = "Å", defaultValue = "0",
            description = "leave the points within this band beyond the label distance out of training (P2Rank's"
                    + " neutral_points_margin; default: ${DEFAULT-VALUE}, none)")
    double neutralMargin;

    @Option(names = "--mean-columns",
            description = "also compare the point features with the 18 atom-feature sums replaced by weighted means"
                    + " (sum / weight_sum, P2Rank's average_feat_vectors)")
    boolean meanColumns;

    @Option(names = "--context-columns",
            description = "also compare the point features with the surface-context columns (PointContext) added; an"
                    + " experiment that lost, never shipped by --out")
    boolean contextColumns;

    @Override
    public Integer call() {
        rotation.check(spec.commandLine());
        String experimentProblem = experiments.problem(out != null);
        if (experimentProblem != null) {
            throw new ParameterException(spec.commandLine(), experimentProblem);
        }
        if (tree.problem() != null || threads < 1 || !(neutralMargin >= 0)) {
            throw new ParameterException(spec.commandLine(), tree.problem() != null ? tree.problem()
                    : threads < 1 ? "--threads must be ≥ 1" : "--neutral-margin must be ≥ 0");
        }
        PocketOverrides overrides;
        List<FusionGrid.Setting> alone;
        List<FusionGrid.Setting> fused;
        try {
            overrides = pocketOptions.overrides();
            alone = gridOptions.alone();
            fused = gridOptions.fused();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Folds folds = Folds.read(foldFile);
        List<DatasetItem> items = new ArrayList<>();
        for (Path d : datasets) {
            List<DatasetItem> set = Dataset.of(d);
            items.addAll(limit == null ? set : set.subList(0, Math.min(Math.max(1, limit), set.size())));
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        long start = System.nanoTime();
        try (OutOfFold oof = OutOfFold.open(folds, OutOfFold.memberPaths(models), rotation::open, cache)) {
            List<DatasetItem> covered = oof.covered(items, "surface-cv", err, output.quiet);
            PocketSettings networkSettings = overrides.applyTo(oof.recommendedSettings());
            Loaded loaded = load(covered, oof, folds.count(), networkSettings, err);
            List<FoldComplex> complexes = loaded.complexes();
            if (complexes.isEmpty()) {
                throw new EvaluationException("surface-cv: no complex could be used");
            }
            double pointSeconds = (System.nanoTime() - start) / 1e9;
            TreeTraining training = tree.training(threads);
            long trainStart = System.nanoTime();
            List<FeatureSet> sets = new ArrayList<>(List.of(FeatureSet.PLAIN));
            if (!withoutNetworkColumns) {
                sets.add(FeatureSet.NETWORK);
            }
            if (contextColumns) {
                sets.add(FeatureSet.CONTEXT);
            }
            if (meanColumns) {
                sets.add(FeatureSet.MEAN);
            }
            List<List<ValidationCase>> scored = new ArrayList<>();
            for (FeatureSet set : sets) {
                scored.add(heldOut(complexes, folds.count(), set, training, err));
            }
            double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
            int k = folds.count();
            List<ValidationCase> plain = scored.get(0);
            // one grid per feature set: a grid caches surface pockets by complex id and threshold
            List<FusionGrid> grids = new ArrayList<>();
            for (int s = 0; s < sets.size(); s++) {
                grids.add(new FusionGrid(SurfaceSettings.DEFAULT, experiments.rankFusion));
            }
            FusionGrid plainGrid = grids.get(0);
            int[][] net = plainGrid.hits(plain, ValidationCase::network);
            // the results in table and CSV order
            List<Result> results = new ArrayList<>();
            results.add(new Result("network", "network alone",
                    FusionGrid.CrossGroups.of(List.of(), net)));
            List<FusionGrid.CrossGroups> alones = new ArrayList<>(), fuseds = new ArrayList<>();
            for (int s = 0; s < sets.size(); s++) {
                FeatureSet set = sets.get(s);
                alones.add(grids.get(s).crossGroups(scored.get(s), alone, k));
                fuseds.add(grids.get(s).crossGroups(scored.get(s), fused, k));
                results.add(new Result("points" + set.suffix, "surface points alone, " + set.label, alones.get(s)));
                results.add(new Result("fused" + set.suffix, "fused, " + set.label, fuseds.get(s)));
                if (alone.stream().anyMatch(a -> a.blend() != 0)) {   // the same grid without the blend, to compare
                    List<FusionGrid.Setting> alone0 = alone.stream().filter(a -> a.blend() == 0).toList();
                    List<FusionGrid.Setting> fused0 = fused.stream().filter(f -> f.blend() == 0).toList();
                    if (!alone0.isEmpty()) {
                        results.add(new Result("points" + set.suffix + "_unblended", "surface points alone, "
                                + set.label + ", no network blend", grids.get(s).crossGroups(scored.get(s), alone0, k)));
                        results.add(new Result("fused" + set.suffix + "_unblended", "fused, " + set.label
                                + ", no network blend", grids.get(s).crossGroups(scored.get(s), fused0, k)));
                    }
                }
                if (selectOnSubset) {
                    java.util.function.IntPredicate inSubset = i -> complexes.get(i).set().equals(subset);
                    results.add(new Result("points" + set.suffix + "_chosen_on_subset", "surface points alone, "
                            + set.label + ", chosen on " + subset, grids.get(s).crossGroups(scored.get(s), alone, k,
                            inSubset)));
                    results.add(new Result("fused" + set.suffix + "_chosen_on_subset", "fused, " + set.label
                            + ", chosen on " + subset, grids.get(s).crossGroups(scored.get(s), fused, k, inSubset)));
                }
            }
            LearnedFusion learned = learnedOptions.fusion(plainGrid, tree, threads);
            if (learnedOptions.enabled) {
                results.add(new Result("fused_learned", "fused by the learned ranking, without network columns",
                        learned.crossGroups(plain, k)));
            }
            if (learnedOptions.candidates != null) {
                learned.dump(plain, learnedOptions.candidates);
            }
            o.printf("surface-cv: %d complexes in %d folds, %,d points (%,d sampled for training); points and "
                            + "features %.0f s, %d × %d classifiers of %d trees %.0f s; network rotations %d, pocket "
                            + "settings %s%n", complexes.size(), k, complexes.stream().mapToLong(FoldComplex::size).sum(),
                    complexes.stream().mapToLong(FoldComplex::sampledCount).sum(), pointSeconds, k,
                    sets.size() * experiments.seeds(tree.seed).size(),
                    tree.trees, trainSeconds, oof.rotations(), networkSettings);
            table(o, "all " + complexes.size() + " complexes", i -> true, results);
            List<Integer> inSubset = IntStream.range(0, complexes.size())
                    .filter(i -> complexes.get(i).set().equals(subset)).boxed().toList();
            if (!inSubset.isEmpty()) {
                java.util.Set<Integer> members = new java.util.HashSet<>(inSubset);
                table(o, subset + " (" + inSubset.size() + ")", members::contains, results);
            }
            for (int s = 0; s < sets.size(); s++) {
                o.println("chosen per held-out fold (on the other folds; fold 0 | fold 1 | ...), " + sets.get(s).label
                        + ": points alone " + perFold(alones.get(s)) + "; fused " + perFold(fuseds.get(s)));
            }
            for (Result r : results) {
                if (r.column().endsWith("_chosen_on_subset") || r.column().endsWith("_unblended")) {
                    o.println("chosen per held-out fold, " + r.label() + ": " + perFold(r.hits()));
                }
            }
            if (experiments.misses) {
                FusionGrid.CrossGroups alone0 = alones.get(0), fused0 = fuseds.get(0);
                missTable(o, complexes, plain, "network alone", c -> c.network());
                missTable(o, complexes, plain, "surface points alone",
                        c -> plainGrid.pockets(c, alone0.chosen().get(c.group())));
                missTable(o, complexes, plain, "fused", c -> plainGrid.pockets(c, fused0.chosen().get(c.group())));
            }
            o.flush();
            if (csv != null) {
                writeCsv(complexes, results);
            }
            if (out != null) {
                // ship the feature set whose fused pockets won out of fold (a tie goes to the earlier, simpler one)
                // among those the product can run
                int best = 0;
                for (int s = 1; s < sets.size(); s++) {
                    if (sets.get(s).shippable && fuseds.get(s).score().topN() > fuseds.get(best).score().topN()) {
                        best = s;
                    }
                }
                writeFinal(complexes, loaded.allData(), training, grids.get(best).best(scored.get(best), fused),
                        sets.get(best), networkSettings, oof.rotations(), o);
            }
        }
        return 0;
    }

    /** Where the top-n misses of {@code pockets} go, over all complexes and the subset. */
    private void missTable(PrintWriter o, List<FoldComplex> complexes, List<ValidationCase> cases, String what,
                           java.util.function.Function<ValidationCase, List<Pocket>> pockets) {
        List<MissReport.Kind[]> all = new ArrayList<>(), sub = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            ValidationCase c = cases.get(i);
            MissReport.Kind[] k = MissReport.classify(c.atoms(), c.truth().ligands(), pockets.apply(c), c.id());
            all.add(k);
            if (complexes.get(i).set().equals(subset)) {
                sub.add(k);
            }
        }
        Map<MissReport.Kind, Integer> a = MissReport.count(all), b = MissReport.count(sub);
        o.println();
        o.println("| where the ligands go, " + what + " | all " + complexes.size() + " | " + subset + " |");
        o.println("|---|---:|---:|");
        for (MissReport.Kind k : MissReport.Kind.values()) {
            o.printf("| %s | %d | %d |%n", k.label, a.get(k), b.get(k));
        }
    }

    /** Each fold's chosen setting, folds apart by " | " (a setting's own text has commas). */
    private static String perFold(FusionGrid.CrossGroups groups) {
        return String.join(" | ", groups.chosen().stream().map(FusionGrid.Setting::toString).toList());
    }

    /** One row of the tables and one column pair of the CSV: held-out hits under a name. */
    private record Result(String column, String label, FusionGrid.CrossGroups hits) {
    }

    /** The usable complexes and the propensity table learned from all of them (the shipped classifier's). */
    private record Loaded(List<FoldComplex> complexes, AtomPropensity allData) {
    }

    /** Pass 1 loads every complex and counts atom types per fold; pass 2 makes the points, in parallel. */
    private Loaded load(List<DatasetItem> items, OutOfFold oof, int k, PocketSettings networkSettings,
                        PrintWriter err) {
        ProjectTruthLoader loader = ProjectTruthLoader.standard();
        Structure[] structures = new Structure[items.size()];
        List<List<Ligand>> ligands = new ArrayList<>();
        List<Map<String, int[]>> counts = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            counts.add(new HashMap<>());
        }
        BatchProgress loading = new BatchProgress(err, "surface-cv: load", output.quiet);
        int[] fold = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            DatasetItem item = items.get(i);
            ligands.add(List.of());
            try {
                Structure s = loader.protein(item);
                List<Ligand> l = loader.ligands(item, s);
                if (l.isEmpty()) {
                    throw new EvaluationException("no relevant ligand");
                }
                fold[i] = oof.foldOf(item);
                PointSamples.countTypes(s.protein(), l, PointSamples.LABEL_DISTANCE, counts.get(fold[i]));
                structures[i] = s;
                ligands.set(i, l);
            } catch (RuntimeException e) {
                err.println("sparsepocket: surface-cv: " + item.id() + ": " + e.getMessage());
            }
            loading.update(i + 1, items.size());
        }
        AtomPropensity all = AtomPropensity.fromCounts(sum(counts, -1));
        AtomPropensity[] without = new AtomPropensity[k];
        for (int f = 0; f < k; f++) {
            without[f] = AtomPropensity.fromCounts(sum(counts, f));
        }
        FoldComplex[] done = new FoldComplex[items.size()];
        BatchProgress progress = new BatchProgress(err, "surface-cv: points", output.quiet);
        AtomicInteger finished = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, items.size()).parallel().forEach(i -> {
                if (structures[i] != null) {
                    try {
                        done[i] = complex(items.get(i), fold[i], structures[i], ligands.get(i), oof, all, without,
                                networkSettings);
                    } catch (RuntimeException e) {
                        synchronized (err) {
                            err.println("sparsepocket: surface-cv: " + items.get(i).id() + ": " + e.getMessage());
                        }
                    }
                    structures[i] = null;
                }
                int n = finished.incrementAndGet();
                synchronized (progress) {
                    progress.update(n, items.size());
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvaluationException("surface-cv: interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new EvaluationException("surface-cv: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdown();
        }
        List<FoldComplex> out = new ArrayList<>();
        for (FoldComplex c : done) {
            if (c != null) {
                out.add(c);
            }
        }
        return new Loaded(out, all);
    }

    private FoldComplex complex(DatasetItem item, int fold, Structure s, List<Ligand> ligands, OutOfFold oof,
                                AtomPropensity all, AtomPropensity[] without, PocketSettings networkSettings) {
        var atoms = s.protein();
        float[] p = oof.probabilities(item, s);
        List<Pocket> network = new PocketExtractor(networkSettings).extract(atoms, p);
        SurfaceSettings settings = SurfaceSettings.DEFAULT;
        SurfacePoints points = SurfacePoints.of(atoms, settings.probeRadius(), settings.pointsPerAtom());
        boolean[] positive = PointSamples.labels(points, ligands, PointSamples.LABEL_DISTANCE);
        // points in the neutral band beyond the label distance are neither positive nor negative in training
        boolean[] near = neutralMargin > 0
                ? PointSamples.labels(points, ligands, PointSamples.LABEL_DISTANCE + neutralMargin) : positive;
        SplittableRandom random = new SplittableRandom(tree.seed ^ item.id().hashCode());
        boolean[] sampled = new boolean[points.size()];
        for (int i = 0; i < sampled.length; i++) {
            sampled[i] = positive[i] || (random.nextDouble() < tree.negatives && !near[i]);
        }
        PointFeatures features = new PointFeatures(atoms, AtomFeaturizer.shared().featurize(atoms).matrix(),
                all.of(atoms), p, settings);
        float[] rows = fullRows(atoms, points, features.compute(points, 0, points.size()));
        float[][] foldPropensity = new float[without.length][];
        for (int f = 0; f < without.length; f++) {
            foldPropensity[f] = features.propensityColumns(points, 0, points.size(), without[f].of(atoms));
        }
        String set = item.protein().toAbsolutePath().normalize().getParent().getFileName().toString();
        return new FoldComplex(set, item.id(), fold, GroundTruth.of(item.id(), atoms, ligands), atoms, network,
                points, positive, sampled, rows, foldPropensity);
    }

    /**
     * Appends the context columns and the atom features' weighted means to rows of {@link PointFeatures#WITH_NETWORK}:
     * rows of {@link FoldComplex#FULL}.
     */
    private static float[] fullRows(List<Atom> atoms, SurfacePoints points, float[] rows) {
        int n = points.size(), in = PointFeatures.WITH_NETWORK.size();
        int b = PointFeatures.NAMES.indexOf("buriedness_8"), pr = PointFeatures.NAMES.indexOf("protrusion_10");
        float[] buriedness = new float[n], protrusion = new float[n];
        for (int i = 0; i < n; i++) {
            buriedness[i] = rows[i * in + b];
            protrusion[i] = rows[i * in + pr];
        }
        float[] context = PointContext.of(atoms, points, buriedness, protrusion);
        float[] full = new float[n * FoldComplex.FULL];
        int f = AtomFeatures.COUNT, weight = PointFeatures.NAMES.indexOf("weight_sum");
        for (int i = 0; i < n; i++) {
            int at = i * FoldComplex.FULL;
            System.arraycopy(rows, i * in, full, at, in);
            System.arraycopy(context, i * PointContext.COUNT, full, at + in, PointContext.COUNT);
            float w = rows[i * in + weight];
            for (int k = 0; k < f; k++) {
                full[at + in + PointContext.COUNT + k] = PointFeatures.mean(rows[i * in + k], w);
            }
        }
        return full;
    }

    private static Map<String, int[]> sum(List<Map<String, int[]>> counts, int leftOut) {
        Map<String, int[]> out = new HashMap<>();
        for (int f = 0; f < counts.size(); f++) {
            if (f == leftOut) {
                continue;
            }
            counts.get(f).forEach((type, c) -> {
                int[] t = out.computeIfAbsent(type, x -> new int[2]);
                t[0] += c[0];
                t[1] += c[1];
            });
        }
        return out;
    }

    /** Per fold, a classifier on the other folds' sampled points scores the fold's points. */
    private List<ValidationCase> heldOut(List<FoldComplex> complexes, int k, FeatureSet set, TreeTraining training,
                                         PrintWriter err) {
        ValidationCase[] cases = new ValidationCase[complexes.size()];
        for (int f = 0; f < k; f++) {
            int fold = f;
            Map<String, float[]> scores = seedMean(complexes, fold, set, training);
            for (int i = 0; i < complexes.size(); i++) {
                FoldComplex c = complexes.get(i);
                if (c.fold() == fold) {
                    cases[i] = new ValidationCase(c.id(), fold, c.truth(), c.atoms(), c.network(), c.points(),
                            scores.get(c.id()), c.column(experiments.blendColumn));
                }
            }
            if (!output.quiet) {
                err.printf("surface-cv: fold %d classifier (%d features) trained and scored%n", fold, set.width());
                err.flush();
            }
        }
        return List.of(cases);
    }

    /**
     * Fold {@code fold}'s point scores (complex id → scores): the mean over {@code --classifier-seeds} of
     * {@link #heldOutScores}, or the one classifier of {@code training}'s seed.
     */
    private Map<String, float[]> seedMean(List<FoldComplex> complexes, int fold, FeatureSet set, TreeTraining training) {
        List<Long> seeds = experiments.seeds(training.seed());
        Map<String, float[]> mean = new LinkedHashMap<>();
        for (long seed : seeds) {
            TreeTraining t = new TreeTraining(training.trees(), training.depth(), training.eta(), seed,
                    training.threads());
            heldOutScores(complexes, fold, set, t).forEach((id, s) -> {
                float[] sum = mean.computeIfAbsent(id, x -> new float[s.length]);
                for (int p = 0; p < s.length; p++) {
                    sum[p] += s[p];
                }
            });
        }
        for (float[] sum : mean.values()) {
            for (int p = 0; p < sum.length; p++) {
                sum[p] /= seeds.size();
            }
        }
        return mean;
    }

    /**
     * Fold {@code fold}'s point scores (complex id → scores) from a classifier trained by {@code t} on the other
     * folds, read from {@code --score-cache} when it holds them.
     */
    private Map<String, float[]> heldOutScores(List<FoldComplex> complexes, int fold, FeatureSet set, TreeTraining t) {
        List<FoldComplex> held = complexes.stream().filter(c -> c.fold() == fold).toList();
        List<FoldComplex> others = complexes.stream().filter(c -> c.fold() != fold).toList();
        Path file = experiments.scoreCache == null ? null
                : HeldOutScores.file(experiments.scoreCache, fold, set, t, tree.seed, tree.negatives, neutralMargin,
                        others);
        Map<String, float[]> cached = file == null ? null : HeldOutScores.read(file, held);
        if (cached != null) {
            return cached;
        }
        Booster booster = train(t, others, set, fold);
        Map<String, float[]> out = new LinkedHashMap<>();
        try (PointClassifier classifier = PointClassifier.of(booster, set.width())) {
            for (FoldComplex c : held) {
                out.put(c.id(), classifier.score(c.rows(set, fold), c.size()));
            }
        }
        if (file != null) {
            HeldOutScores.write(file, out);
        }
        return out;
    }

    /** Trees on the sampled points of {@code complexes}, propensity columns from fold table {@code table}. */
    private static Booster train(TreeTraining training, List<FoldComplex> complexes, FeatureSet set, int table) {
        int rows = complexes.stream().mapToInt(FoldComplex::sampledCount).sum();
        int columns = set.width();
        float[] x = new float[Math.multiplyExact(rows, columns)];
        float[] y = new float[rows];
        int r = 0;
        for (FoldComplex c : complexes) {
            for (int i = 0; i < c.size(); i++) {
                if (c.sampled()[i]) {
                    c.row(i, set, table, x, r * columns);
                    y[r++] = c.positive()[i] ? 1 : 0;
                }
            }
        }
        return training.train(x, y, rows, columns);
    }

    private static void table(PrintWriter o, String title, java.util.function.IntPredicate include,
                              List<Result> results) {
        o.println();
        o.println("| " + title + ", out of fold | DCA top-n | DCA top-(n+2) | DCC top-n | DCC top-(n+2) |");
        o.println("|---|---:|---:|---:|---:|");
        results.forEach(r -> row(o, r.label(), r.hits().score(include), r.hits().dcc(include)));
    }

    private static void row(PrintWriter o, String what, FusionGrid.Score dca, FusionGrid.Score dcc) {
        o.printf("| %s | %.1f %% (%d/%d) | %.1f %% | %.1f %% | %.1f %% |%n", what, dca.topNRate(), dca.topN(),
                dca.ligands(), dca.topN2Rate(), dcc.topNRate(), dcc.topN2Rate());
    }

    private void writeCsv(List<FoldComplex> complexes, List<Result> results) {
        StringBuilder b = new StringBuilder("set,id,fold,ligands");
        for (Result r : results) {
            b.append(',').append(r.column()).append("_topn,").append(r.column()).append("_topn2");
        }
        for (Result r : results) {      // DCC after every DCA column, so the DCA columns keep their places
            b.append(',').append(r.column()).append("_dcc_topn,").append(r.column()).append("_dcc_topn2");
        }
        b.append('\n');
        FusionGrid.CrossGroups first = results.get(0).hits();
        for (int i = 0; i < complexes.size(); i++) {
            FoldComplex c = complexes.get(i);
            b.append(c.set()).append(',').append(c.id()).append(',').append(c.fold()).append(',')
                    .append(first.ligands()[i]);
            for (Result r : results) {
                b.append(',').append(r.hits().topN()[i]).append(',').append(r.hits().topN2()[i]);
            }
            for (Result r : results) {
                b.append(',').append(r.hits().dccTopN()[i]).append(',').append(r.hits().dccTopN2()[i]);
            }
            b.append('\n');
        }
        try {
            AtomicWrite.text(csv, b.toString());
        } catch (IOException e) {
            throw new EvaluationException(csv + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The product's classifier: every complex's sampled points, the all-data propensity, and the network's
     * columns when they won out of fold.
     */
    private void writeFinal(List<FoldComplex> complexes, AtomPropensity allData, TreeTraining training,
                            FusionGrid.Setting best, FeatureSet set, PocketSettings networkSettings,
                            int rotations, PrintWriter o) {
        long t = System.nanoTime();
        boolean withNetwork = set == FeatureSet.NETWORK;
        Booster booster = train(training, complexes, set, -1);
        Map<String, Object> parameters = new LinkedHashMap<>(training.parameters());
        tree.describe(parameters);
        parameters.put("neutral_margin", neutralMargin + " Å beyond the label distance left out of training");
        parameters.put("network_probabilities", withNetwork
                ? "out of fold, from " + String.join(",", models) + " (rotations " + rotations + ")"
                : "not point features (the fused pockets won out of fold without them)");
        parameters.put("network_pocket_settings", networkSettings.toString());
        Map<String, String> data = new LinkedHashMap<>();
        for (Path d : datasets) {
            data.put(d.getFileName().toString(), SurfaceTrainCommand.hash(Dataset.of(d)));
        }
        long points = complexes.stream().mapToLong(FoldComplex::sampledCount).sum();
        SurfaceSettings settings = best.applyTo(SurfaceSettings.DEFAULT);
        SurfaceCard card = new SurfaceCard(set.names,
                TreeTraining.LIBRARY, parameters,
                "point within " + PointSamples.LABEL_DISTANCE + " Å of a relevant ligand heavy atom", data, points,
                settings, best.fusion(),
                "sparsepocket " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        try (SurfaceModel model = new SurfaceModel(PointClassifier.of(booster, set.width()), allData, card)) {
            model.save(out);
        }
        o.printf("surface-cv: all-data classifier (%,d points, %d trees, %.0f s) written to %s, %s, "
                + "with %s (chosen on every out-of-fold prediction)%n", points, tree.trees,
                (System.nanoTime() - t) / 1e9, out, set.label, best);
        o.flush();
    }
}
