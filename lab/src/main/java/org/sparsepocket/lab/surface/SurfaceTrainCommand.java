package org.sparsepocket.lab.surface;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import ml.dmlc.xgboost4j.java.Booster;
import org.sparsepocket.PredictionException;
import org.sparsepocket.cli.BatchProgress;
import org.sparsepocket.cli.OutputOptions;
import org.sparsepocket.eval.Dataset;
import org.sparsepocket.eval.DatasetItem;
import org.sparsepocket.eval.ProjectTruthLoader;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.surface.AtomPropensity;
import org.sparsepocket.surface.PointClassifier;
import org.sparsepocket.surface.PointFeatures;
import org.sparsepocket.surface.SurfaceCard;
import org.sparsepocket.surface.SurfaceModel;
import org.sparsepocket.surface.SurfaceSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparsepocket surface-train}: the surface-point classifier (XGBoost, one thread) trained on the
 * solvent-accessible points of the training complexes, labelled positive within 4 Å of a ligand heavy
 * atom; writes {@code surface-classifier.ubj} and {@code surface-card.json} into the output folder.
 */
@Command(name = "surface-train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train the surface-point classifier (P2Rank-style points, XGBoost trees) on training complexes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:trained and written", "1:no usable complex, or the model could not be written",
            "2:usage error"})
public final class SurfaceTrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Parameters(arity = "1..*", paramLabel = "DATA", description = "training data folders (e.g. ../shared/data/scpdb995 ../shared/data/dude102)")
    List<Path> datasets;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write the classifier and its card into")
    Path out;

    @Option(names = "--label-distance", defaultValue = "4.0",
            description = "a point is positive within this distance of a ligand heavy atom, Å (default: ${DEFAULT-VALUE})")
    double labelDistance;

    @Option(names = "--limit", paramLabel = "N", description = "use only the first N complexes (quick checks)")
    Integer limit;

    @Mixin
    TreeOptions tree = new TreeOptions();

    @Override
    public Integer call() {
        if (tree.problem() != null || !(labelDistance > 0)) {
            throw new ParameterException(spec.commandLine(),
                    tree.problem() != null ? tree.problem() : "--label-distance must be > 0");
        }
        List<DatasetItem> items = new ArrayList<>();
        for (Path d : datasets) {
            items.addAll(Dataset.of(d));
        }
        if (limit != null) {
            items = items.subList(0, Math.min(Math.max(1, limit), items.size()));
        }
        PrintWriter err = spec.commandLine().getErr();
        SurfaceSettings settings = SurfaceSettings.DEFAULT;
        ProjectTruthLoader loader = ProjectTruthLoader.standard();
        // Pass 1: load every complex once (kept in memory) and count how often each atom type lines a site.
        BatchProgress loading = new BatchProgress(err, "surface-train: load", output.quiet);
        List<Structure> structures = new ArrayList<>();
        List<List<Ligand>> ligands = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Map<String, int[]> counts = new java.util.HashMap<>();
        int failed = 0;
        long start = System.nanoTime();
        for (int k = 0; k < items.size(); k++) {
            DatasetItem item = items.get(k);
            try {
                Structure s = loader.protein(item);
                List<Ligand> l = loader.ligands(item, s);
                PointSamples.countTypes(s.protein(), l, labelDistance, counts);
                structures.add(s);
                ligands.add(l);
                ids.add(item.id());
            } catch (RuntimeException e) {
                failed++;
                err.println("sparsepocket: surface-train: " + item.id() + ": " + e.getMessage());
            }
            loading.update(k + 1, items.size());
        }
        AtomPropensity propensity = AtomPropensity.fromCounts(counts);
        // Pass 2: points, labels and features.
        PointSamples samples = new PointSamples(settings, labelDistance, tree.negatives, propensity);
        BatchProgress progress = new BatchProgress(err, "surface-train: points", output.quiet);
        for (int k = 0; k < structures.size(); k++) {
            samples.add(structures.get(k).protein(), ligands.get(k), tree.seed ^ ids.get(k).hashCode());
            structures.set(k, null);    // free as we go
            progress.update(k + 1, structures.size());
        }
        if (samples.rows() == 0 || samples.positives() == 0) {
            throw new PredictionException("surface-train: no labelled points from " + items.size() + " complexes");
        }
        double pointSeconds = (System.nanoTime() - start) / 1e9;
        TreeTraining training = tree.training(1);   // one thread, as the product predicts
        Map<String, Object> params = training.parameters();
        long trainStart = System.nanoTime();
        Booster booster;
        try {
            booster = training.train(samples.features(), samples.labels(), samples.rows(), PointFeatures.COUNT);
        } catch (PredictionException e) {
            throw new PredictionException("surface-train: " + e.getMessage(), e);
        }
        double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
        Map<String, Object> cardParams = new LinkedHashMap<>(params);
        tree.describe(cardParams);
        Map<String, String> data = new LinkedHashMap<>();
        for (Path d : datasets) {
            data.put(d.getFileName().toString(), hash(Dataset.of(d)));
        }
        SurfaceCard card = new SurfaceCard(PointFeatures.NAMES, TreeTraining.LIBRARY, cardParams,
                "point within " + labelDistance + " Å of a relevant ligand heavy atom", data, samples.rows(), settings,
                null, "sparsepocket " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        try (SurfaceModel model = new SurfaceModel(PointClassifier.of(booster), propensity, card)) {
            model.save(out);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("surface-train: %d complexes (%d failed), %,d points (%,d positive) in %.0f s; %d trees in %.0f s; "
                        + "written to %s (%,d bytes)%n", structures.size(), failed, samples.rows(), samples.positives(),
                pointSeconds, tree.trees, trainSeconds, out, size(out.resolve(PointClassifier.FILE)));
        o.flush();
        return 0;
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return -1;
        }
    }

    /** SHA-256 over the items' file names and bytes, in id order: the card's fingerprint of the data. */
    static String hash(List<DatasetItem> items) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<DatasetItem> sorted = new ArrayList<>(items);
            sorted.sort(java.util.Comparator.comparing(DatasetItem::id));
            for (DatasetItem i : sorted) {
                for (Path p : new Path[] {i.protein(), i.ligand()}) {
                    if (p != null) {
                        md.update(p.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        md.update(Files.readAllBytes(p));
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
