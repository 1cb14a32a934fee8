package org.sparsepocket.lab.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.lab.LabCli;
import org.sparsepocket.surface.FusedPocketPredictor;
import org.sparsepocket.surface.PointFeatures;
import org.sparsepocket.surface.SurfaceModel;

/**
 * surface-train on two training complexes, surface-eval --apply on two validation complexes, then the
 * fused predictor on one of them: the commands, the model folder and the fusion work end to end. Tiny
 * data and few trees: a smoke test, not a measurement (docs/surface.md has the numbers).
 */
class SurfaceCommandsSmokeTest {

    private static final Path DATA = Files.isDirectory(Path.of("../shared/data")) ? Path.of("../shared/data")
            : Path.of("../../shared/data");

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = LabCli.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
        assertEquals(0, code, "exit code of " + String.join(" ", args) + "\n" + err);
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void trainEvaluateApplyAndPredictFused() {
        assumeTrue(Files.isDirectory(DATA.resolve("scpdb995")), "skipped: ../shared/data is absent");
        Path model = dir.resolve("surface");
        String trained = run("surface-train", DATA.resolve("scpdb995").toString(), "--limit", "2", "--trees", "5",
                "--out", model.toString(), "-q")[0];
        assertTrue(trained.contains("2 complexes (0 failed)"), trained);
        assertTrue(SurfaceModel.isIn(model));
        String eval = run("surface-eval", DATA.resolve("pdbbind-timesplit363").toString(), "--surface", model.toString(),
                "--cache", dir.resolve("cache").toString(), "--folds", Path.of("../training/folds.tsv").toString(),
                "--limit", "2", "--thresholds", "0.3", "--weights", "0.5", "--match", "6", "--apply", "-q")[0];
        assertTrue(eval.contains("| fused, held-out half |") && eval.contains("| network alone (card settings) |"), eval);
        // this model's card does not blend, so the finder gives no network values per point to blend with
        StringWriter err = new StringWriter();
        int code = LabCli.run(new String[] {"surface-eval", DATA.resolve("pdbbind-timesplit363").toString(), "--surface",
                model.toString(), "--cache", dir.resolve("cache").toString(), "--folds", "../training/folds.tsv",
                "--limit", "1", "--blends", "0,0.2", "-q"}, new PrintWriter(new StringWriter()), new PrintWriter(err), Map.of());
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("does not blend the network"), err.toString());
        try (SurfaceModel m = SurfaceModel.load(model)) {
            assertEquals(PointFeatures.NAMES, m.card().features());
            assertNotNull(m.card().fusion());
            assertEquals(0.5, m.card().fusion().surfaceWeight());
        }
        try (PocketPredictor fused = new FusedPocketPredictor(PocketPredictor.open(), SurfaceModel.load(model))) {
            Path protein = DATA.resolve("pdbbind-timesplit363").resolve("6n92_protein.pdbqt.gz");
            Prediction p = fused.predict(protein, PredictionSettings.DEFAULT);
            List<org.sparsepocket.pockets.Pocket> pockets = p.complexes().get(0).pockets();
            assertTrue(!pockets.isEmpty());
            for (int r = 0; r < pockets.size(); r++) {
                assertEquals(r + 1, pockets.get(r).rank());
                assertTrue(r == 0 || pockets.get(r).score() <= pockets.get(r - 1).score());
            }
        }
    }

    @Test
    void crossValidatesOverTheFoldModelsAndWritesTheAllDataModel() throws Exception {
        assumeTrue(Files.isDirectory(DATA.resolve("scpdb995")), "skipped: ../shared/data is absent");
        assumeTrue(Files.isDirectory(CV.resolve("fold3/model")), "skipped: the fold models are absent");
        Path model = dir.resolve("surface-cv");
        Path csv = dir.resolve("per-complex.csv");
        String out = run("surface-cv", DATA.resolve("scpdb995").toString(), DATA.resolve("pdbbind-timesplit363").toString(),
                "--folds", Path.of("../training/folds.tsv").toString(), "--models", foldModels(),
                "--cache", dir.resolve("cache").toString(), "--limit", "3", "--trees", "5", "--threads", "1",
                "--thresholds", "0.3", "--linkages", "4", "--min-points", "5", "--score-powers", "1", "--weights", "0.5",
                "--match", "6", "--blends", "0,0.3", "--context-columns", "--mean-columns", "--neutral-margin", "3",
                "--select-on-subset", "--out", model.toString(),
                "--csv", csv.toString(), "-q")[0];
        assertTrue(out.contains("surface-cv: 6 complexes in 4 folds"), out);
        assertTrue(out.contains("| fused, with network columns |") && out.contains("pdbbind-timesplit363 (3)"), out);
        assertTrue(out.contains("| surface points alone, with context columns |") && out.contains("4 × 4 classifiers"), out);
        assertTrue(out.contains("| surface points alone, with weighted means for sums |"), out);
        assertTrue(out.contains("| fused, without network columns, no network blend |")
                && out.contains("chosen per held-out fold, surface points alone, without network columns, no network blend: "),
                out);
        assertTrue(out.contains("| fused, without network columns, chosen on pdbbind-timesplit363 |")
                && out.contains("chosen per held-out fold, fused, without network columns, chosen on pdbbind-timesplit363: "),
                out);
        List<String> rows = Files.readAllLines(csv);
        assertEquals(7, rows.size(), String.join("\n", rows));
        org.sparsepocket.lab.cv.Folds folds = org.sparsepocket.lab.cv.Folds.read(Path.of("../training/folds.tsv"));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertEquals(folds.foldOf(f[0], f[1]), Integer.parseInt(f[2]), row);
            assertTrue(Integer.parseInt(f[3]) >= 1, row);
        }
        // the saved classifier is the feature set whose fused pockets won out of fold, as the last line says
        // (never the context columns: the product cannot take them)
        boolean withNetwork = out.contains(", with network columns, with threshold");
        boolean means = out.contains(", with weighted means for sums, with threshold");
        assertTrue(withNetwork || means || out.contains(", without network columns, with threshold"), out);
        String last = out.substring(out.lastIndexOf("surface-cv: all-data classifier"));
        double blend = last.contains("network blend 0.30") ? 0.3 : 0.0;
        try (SurfaceModel m = SurfaceModel.load(model)) {
            assertEquals(withNetwork ? PointFeatures.WITH_NETWORK : means ? PointFeatures.MEAN_NAMES : PointFeatures.NAMES,
                    m.card().features());
            assertEquals(blend, m.card().settings().networkBlend(), last);
            assertEquals(withNetwork || blend > 0, m.finder().usesNetwork());
            assertEquals(0.5, m.card().fusion().surfaceWeight());
            assertEquals(0.3, m.card().settings().threshold());
            assertEquals(4.0, m.card().settings().clusterDistance());
            assertEquals(5, m.card().settings().minClusterSize());
            assertEquals(1.0, m.card().settings().scorePower());
        }
    }

    @Test
    void crossValidatesTheLearnedFusionAndWritesItsCandidates() throws Exception {
        assumeTrue(Files.isDirectory(DATA.resolve("scpdb995")), "skipped: ../shared/data is absent");
        assumeTrue(Files.isDirectory(CV.resolve("fold3/model")), "skipped: the fold models are absent");
        Path csv = dir.resolve("per-complex.csv");
        Path candidates = dir.resolve("candidates.csv");
        String out = run("surface-cv", DATA.resolve("scpdb995").toString(), DATA.resolve("pdbbind-timesplit363").toString(),
                "--folds", Path.of("../training/folds.tsv").toString(), "--models", foldModels(),
                "--cache", dir.resolve("cache").toString(), "--limit", "4", "--trees", "5", "--threads", "1",
                "--thresholds", "0.3", "--weights", "0.5", "--match", "6", "--without-network-columns",
                "--learned-fusion", "--ranker-trees", "3", "--candidates", candidates.toString(),
                "--csv", csv.toString(), "-q")[0];
        assertTrue(out.contains("surface-cv: 8 complexes in 4 folds") && out.contains("4 × 1 classifiers"), out);
        assertTrue(out.contains("| fused by the learned ranking, without network columns |"), out);
        assertFalse(out.contains("with network columns |"), out);
        List<String> rows = Files.readAllLines(csv);
        assertEquals("set,id,fold,ligands,network_topn,network_topn2,points_topn,points_topn2,fused_topn,fused_topn2,"
                + "fused_learned_topn,fused_learned_topn2,network_dcc_topn,network_dcc_topn2,points_dcc_topn,"
                + "points_dcc_topn2,fused_dcc_topn,fused_dcc_topn2,fused_learned_dcc_topn,fused_learned_dcc_topn2",
                rows.get(0));
        assertEquals(9, rows.size(), String.join("\n", rows));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            int learnedTopN = Integer.parseInt(f[10]), learnedTopN2 = Integer.parseInt(f[11]);
            assertTrue(learnedTopN <= learnedTopN2 && learnedTopN2 <= Integer.parseInt(f[3]), row);
            int dccTopN = Integer.parseInt(f[18]), dccTopN2 = Integer.parseInt(f[19]);
            assertTrue(dccTopN <= dccTopN2 && dccTopN2 <= Integer.parseInt(f[3]), row);
        }
        // every candidate names a complex of the run, in its own fold, with one value per feature
        List<String> lines = Files.readAllLines(candidates);
        assertEquals(4 + FusionCandidates.COUNT, lines.get(0).split(",").length, lines.get(0));
        java.util.Set<String> ids = new java.util.HashSet<>();
        rows.subList(1, rows.size()).forEach(r -> ids.add(r.split(",")[1] + "," + r.split(",")[2]));
        assertTrue(lines.size() > 8, "at least one candidate per complex: " + lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertTrue(ids.contains(f[0] + "," + f[1]), line);
            assertEquals(4 + FusionCandidates.COUNT, f.length, line);
        }
    }

    @Test
    void averagesClassifierSeedsAndReusesTheirCachedScores() throws Exception {
        assumeTrue(Files.isDirectory(DATA.resolve("scpdb995")), "skipped: ../shared/data is absent");
        assumeTrue(Files.isDirectory(CV.resolve("fold3/model")), "skipped: the fold models are absent");
        Path scores = dir.resolve("scores");
        String[] args = {"surface-cv", DATA.resolve("scpdb995").toString(), DATA.resolve("pdbbind-timesplit363").toString(),
                "--folds", Path.of("../training/folds.tsv").toString(), "--models", foldModels(),
                "--cache", dir.resolve("cache").toString(), "--limit", "2", "--trees", "3", "--threads", "1",
                "--thresholds", "0.3", "--weights", "0.5", "--match", "6", "--without-network-columns",
                "--blends", "0,0.2", "--blend-column", "network_max_6",
                "--classifier-seeds", "1,2", "--score-cache", scores.toString(), "--misses", "-q"};
        String first = run(args)[0];
        assertTrue(first.contains("surface-cv: 4 complexes in 4 folds") && first.contains("4 × 2 classifiers"), first);
        // --misses: every ligand of the 4 complexes lands in exactly one row per list
        String fusedMisses = first.substring(first.indexOf("| where the ligands go, fused |"));
        int ligands = 0;
        for (String line : fusedMisses.lines().skip(2).limit(MissReport.Kind.values().length).toList()) {
            ligands += Integer.parseInt(line.split("\\|")[2].trim());
        }
        assertTrue(ligands >= 4, fusedMisses);
        // one file per held-out fold that has complexes and per seed
        try (var files = Files.list(scores)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(2 * names.stream().map(n -> n.substring(0, 5)).distinct().count(), names.size(), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.contains("-seed1-")) && names.stream().anyMatch(n -> n.contains("-seed2-")),
                    names.toString());
        }
        // the second run reads the scores back: the same tables
        String second = run(args)[0];
        assertEquals(first.substring(first.indexOf("\n|")), second.substring(second.indexOf("\n|")));
        // fewer complexes train other classifiers: their scores are kept apart, never read from the larger run's
        long before;
        try (var files = Files.list(scores)) {
            before = files.count();
        }
        String[] fewer = args.clone();
        fewer[java.util.Arrays.asList(args).indexOf("--limit") + 1] = "1";
        run(fewer);
        try (var files = Files.list(scores)) {
            assertTrue(files.count() > before, "new score files for the smaller training sets");
        }
        // a seed ensemble is not something --out can ship
        StringWriter err = new StringWriter();
        String[] withOut = java.util.Arrays.copyOf(args, args.length + 2);
        withOut[args.length] = "--out";
        withOut[args.length + 1] = dir.resolve("model").toString();
        assertEquals(2, LabCli.run(withOut, new PrintWriter(new StringWriter()), new PrintWriter(err), Map.of()));
        assertTrue(err.toString().contains("--classifier-seeds"), err.toString());
    }

    private static final Path CV = Path.of("../training/cv");

    /** The four committed fold models, in fold order, as {@code --models} takes them. */
    private static String foldModels() {
        return String.join(",", CV.resolve("fold0/model").toString(), CV.resolve("fold1/model").toString(),
                CV.resolve("fold2/model").toString(), CV.resolve("fold3/model").toString());
    }
}
