package org.sparsepocket.lab.surface;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.sparsepocket.PocketPredictor;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.cli.BatchProgress;
import org.sparsepocket.cli.OutputOptions;
import org.sparsepocket.cli.RotationOption;
import org.sparsepocket.eval.Dataset;
import org.sparsepocket.eval.DatasetItem;
import org.sparsepocket.eval.EvaluationException;
import org.sparsepocket.eval.GroundTruth;
import org.sparsepocket.eval.ModelFingerprint;
import org.sparsepocket.eval.ProbabilityCache;
import org.sparsepocket.eval.ProjectTruthLoader;
import org.sparsepocket.eval.SparsePocketSource;
import org.sparsepocket.features.AtomFeaturizer;
import org.sparsepocket.lab.cv.Folds;
import org.sparsepocket.pockets.PocketExtractor;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.surface.SurfaceModel;
import org.sparsepocket.surface.SurfaceSettings;
import org.sparsepocket.surface.SurfacePocketFinder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparsepocket surface-eval}: network alone, surface points alone and the two fused, on validation
 * complexes none of them was trained on. The surface threshold and the fusion are chosen on one
 * family-disjoint half of the set (folds 0–1 of {@code training/folds.tsv} against folds 2–3) and scored on
 * the other, both ways; the network keeps its card's pocket settings. {@code --apply} writes the fusion
 * chosen on the whole set into the surface model's card.
 */
@Command(name = "surface-eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure network alone, surface points alone and fused (DCA top-n / top-(n+2)); tune the fusion "
                + "on family-disjoint halves.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "1:no complex could be evaluated, or a model could not be read", "2:usage error"})
public final class SurfaceEvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATA", description = "validation data (default: ${DEFAULT-VALUE})")
    Path data = Path.of("..", "shared", "data", "pdbbind-timesplit363");

    @Option(names = "--surface", required = true, paramLabel = "DIR", description = "surface model folder (surface-train --out)")
    Path surface;

    @Option(names = "--model", paramLabel = "DIR", description = "network model bundle (default: the shipped model)")
    Path model;

    @Mixin
    RotationOption rotation = new RotationOption();

    @Option(names = "--cache", required = true, paramLabel = "DIR", description = "network probability cache folder")
    Path cache;

    @Option(names = "--folds", paramLabel = "FILE", defaultValue = "training/folds.tsv",
            description = "family-disjoint folds; folds 0-1 and 2-3 are the two halves (default: ${DEFAULT-VALUE})")
    Path foldFile;

    @Mixin
    final FusionGridOptions gridOptions = new FusionGridOptions();

    @Option(names = "--limit", paramLabel = "N", description = "use only the first N complexes (quick checks)")
    Integer limit;

    @Option(names = "--apply", description = "write the threshold and fusion chosen on the whole set into the surface model's card")
    boolean apply;

    @Override
    public Integer call() {
        rotation.check(spec.commandLine());
        List<FusionGrid.Setting> alone;
        List<FusionGrid.Setting> fused;
        try {
            alone = gridOptions.alone();
            fused = gridOptions.fused();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Folds folds;
        try {
            folds = Folds.read(foldFile);
        } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new EvaluationException(foldFile + ": cannot read the fold split (" + e.getMessage() + ")");
        }
        String set = data.toAbsolutePath().normalize().getFileName().toString();
        List<DatasetItem> items = Dataset.of(data);
        if (limit != null) {
            items = items.subList(0, Math.min(Math.max(1, limit), items.size()));
        }
        PrintWriter err = spec.commandLine().getErr();
        List<ValidationCase> cases = new ArrayList<>();
        int failed = 0;
        PocketSettings networkSettings;
        long networkNanos = 0, surfaceNanos = 0, surfaceCpu = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        try (SurfaceModel surfaceModel = SurfaceModel.load(surface);
             PocketPredictor predictor = rotation.openNetwork(model)) {
            // the network around each point comes with the finder's result only when the card blends it in
            if (!surfaceModel.card().settings().blendsNetwork() && alone.stream().anyMatch(a -> a.blend() != 0)) {
                throw new ParameterException(spec.commandLine(), "--blends: " + surface + " does not blend the network"
                        + " into its point scores; measure blends with surface-cv");
            }
            networkSettings = predictor.recommendedSettings();
            PredictionSettings ps = new PredictionSettings(org.sparsepocket.structure.ChainMode.whole(), networkSettings);
            SparsePocketSource source = new SparsePocketSource(predictor, ps,
                    new ProbabilityCache(cache, ModelFingerprint.of(model, predictor.rotations())));
            SurfacePocketFinder finder = surfaceModel.finder();
            ProjectTruthLoader loader = ProjectTruthLoader.standard();
            BatchProgress progress = new BatchProgress(err, "surface-eval: " + set, output.quiet);
            for (int k = 0; k < items.size(); k++) {
                DatasetItem item = items.get(k);
                try {
                    int half = folds.foldOf(set, item.id()) < 2 ? 0 : 1;
                    Structure s = loader.protein(item);
                    List<Ligand> ligands = loader.ligands(item, s);
                    if (ligands.isEmpty()) {
                        throw new EvaluationException(item.id() + ": no relevant ligand");
                    }
                    long t0 = System.nanoTime();
                    float[] p = source.probabilities(item, s);
                    var network = new PocketExtractor(networkSettings).extract(s.protein(), p);
                    long t1 = System.nanoTime(), c1 = threads.getCurrentThreadCpuTime();
                    SurfacePocketFinder.Result r = finder.find(s.protein(),
                            AtomFeaturizer.shared().featurize(s.protein()).matrix(), p);
                    surfaceNanos += System.nanoTime() - t1;
                    surfaceCpu += threads.getCurrentThreadCpuTime() - c1;
                    networkNanos += t1 - t0;
                    cases.add(new ValidationCase(item.id(), half, GroundTruth.of(item.id(), s.protein(), ligands),
                            s.protein(), network, r.points(), r.scores(), r.nearNetwork()));
                } catch (RuntimeException e) {
                    failed++;
                    err.println("sparsepocket: surface-eval: " + item.id() + ": " + e.getMessage());
                }
                progress.update(k + 1, items.size());
            }
            if (cases.isEmpty()) {
                throw new EvaluationException("surface-eval: no complex could be evaluated");
            }
            FusionGrid grid = new FusionGrid(surfaceModel.card().settings());
            FusionGrid.CrossGroups net = grid.all(cases, ValidationCase::network);
            FusionGrid.CrossHalf points = grid.crossHalf(cases, alone);
            FusionGrid.CrossHalf fusion = grid.crossHalf(cases, fused);
            double cardThreshold = surfaceModel.card().settings().threshold();
            double middleMatch = gridOptions.middleMatch();
            List<FusionGrid.Setting> weightOnly = fused.stream().filter(f -> f.threshold() == cardThreshold
                    && f.fusion().matchDistance() == middleMatch).toList();
            FusionGrid.CrossHalf fusionWeight = weightOnly.isEmpty() ? null : grid.crossHalf(cases, weightOnly);
            FusionGrid.Setting pointsAll = grid.best(cases, alone);
            FusionGrid.Setting fusedAll = grid.best(cases, fused);
            FusionGrid.CrossGroups pointsIn = grid.all(cases, c -> grid.pockets(c, pointsAll));
            FusionGrid.CrossGroups fusedIn = grid.all(cases, c -> grid.pockets(c, fusedAll));
            SurfaceSettings card = surfaceModel.card().settings();
            FusionGrid.Setting cardSetting = new FusionGrid.Setting(card.threshold(), card.clusterDistance(),
                    card.minClusterSize(), card.scorePower(), card.centrePower(), card.networkBlend(), null);
            FusionGrid.CrossGroups pointsDefault = grid.all(cases, c -> grid.pockets(c, cardSetting));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s: %d complexes (%d failed), half 0 = folds 0-1 (%d), half 1 = folds 2-3 (%d); network "
                            + "rotations %d%n", set, cases.size(), failed, FusionGrid.group(cases, 0).size(),
                    FusionGrid.group(cases, 1).size(), predictor.rotations());
            out.printf("mean time per complex: network %.0f ms (0 when cached), surface points %.0f ms wall, %.0f ms CPU "
                            + "(featurize, points, features, trees, pockets; one thread)%n",
                    networkNanos / 1e6 / cases.size(), surfaceNanos / 1e6 / cases.size(), surfaceCpu / 1e6 / cases.size());
            out.println("| | DCA top-n | DCA top-(n+2) | DCC top-n | DCC top-(n+2) | chosen on half 0 / half 1 |");
            out.println("|---|---:|---:|---:|---:|---|");
            row(out, "network alone (card settings)", net, "—");
            row(out, "surface points alone, card threshold", pointsDefault, "—");
            row(out, "surface points alone, held-out half", points.held(), points.chosenOnHalf0() + " / " + points.chosenOnHalf1());
            row(out, "fused, held-out half", fusion.held(), fusion.chosenOnHalf0() + " / " + fusion.chosenOnHalf1());
            if (fusionWeight != null) {
                row(out, "fused, card threshold and " + middleMatch + " Å match, weight from held-out half",
                        fusionWeight.held(), fusionWeight.chosenOnHalf0() + " / " + fusionWeight.chosenOnHalf1());
            }
            row(out, "surface points alone, in-sample best", pointsIn, pointsAll.toString());
            row(out, "fused, in-sample best", fusedIn, fusedAll.toString());
            out.flush();
            if (apply) {
                surfaceModel.card().tuned(fusedAll.applyTo(surfaceModel.card().settings()), fusedAll.fusion())
                        .write(surface);
                out.println("wrote the fusion (" + fusedAll + ") into " + surface.resolve("surface-card.json"));
            }
        }
        return 0;
    }

    private static void row(PrintWriter out, String what, FusionGrid.CrossGroups hits, String chosen) {
        FusionGrid.Score dca = hits.score(), dcc = hits.dcc(i -> true);
        out.printf("| %s | %.1f %% (%d/%d) | %.1f %% | %.1f %% | %.1f %% | %s |%n", what, dca.topNRate(), dca.topN(),
                dca.ligands(), dca.topN2Rate(), dcc.topNRate(), dcc.topN2Rate(), chosen);
    }
}
