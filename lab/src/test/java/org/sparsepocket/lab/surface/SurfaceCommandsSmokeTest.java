package org.sparsepocket.lab.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
