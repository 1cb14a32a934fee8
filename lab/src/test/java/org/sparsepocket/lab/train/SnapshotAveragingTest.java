package org.sparsepocket.lab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.NetworkConfig;
import org.sparsepocket.model.PocketNetwork;

/**
 * The {@code average} command's whole path on a tiny network and a few real complexes: two snapshots
 * of a run averaged, statistics recomputed on training complexes from the cache, scored on a
 * validation complex, exported as a loadable bundle whose card names the snapshots and their hashes.
 */
class SnapshotAveragingTest {

    private static final Path DATA = Files.isDirectory(Path.of("../shared/data")) ? Path.of("../shared/data")
            : Path.of("../../shared/data");
    private static final NetworkConfig TINY = NetworkConfig.PUBLISHED.widthScaled(0.125);
    private static final TrainingSettings SETTINGS = new TrainingSettings(3, 10, 5, 2, AdamW.Settings.PUBLISHED,
            false, FocalLoss.PUBLISHED, LabelRule.DEFAULT, true, true);

    @TempDir
    Path dir;

    @Test
    void averagesScoresAndExportsABundleThatSaysHowItWasMade() {
        assumeTrue(Files.isDirectory(DATA.resolve("dude102")) && Files.isDirectory(DATA.resolve("pdbbind-timesplit363")),
                "../shared/data is absent: skipping the averaging smoke test");
        Path run = dir.resolve("run");
        PdbqtComplexFeaturizer featurizer = new PdbqtComplexFeaturizer(SETTINGS.labels());
        new RunRecord("sparsepocket train --run run", SETTINGS, TINY, List.of(DATA.resolve("dude102").toString()),
                List.of(DATA.resolve("pdbbind-timesplit363").toString()), 102, 1, 1, "train-sha", 363, 1, 1, "val-sha",
                List.of(), "test machine", TrainingRun.versions(), featurizer.version()).write(run);
        LearningCurve curve = new LearningCurve(run.resolve("learning_curve.csv"));
        curve.append(new EpochResult(1, 51, 0.2, 0.15, 0.05, 0.6, 0.0, 0.1, 0.05, 1e-3, 10, 10));
        curve.append(new EpochResult(2, 102, 0.1, 0.12, 0.08, 0.7, 0.0, 0.2, 0.06, 1e-3, 10, 20));
        Path e1 = run.resolve("epoch1.sptk"), e2 = run.resolve("epoch2.sptk");
        for (int epoch = 1; epoch <= 2; epoch++) {
            try (PocketNetwork n = PocketNetwork.create(TINY, Device.cpu(), 40 + epoch)) {
                Checkpoint.save(epoch == 1 ? e1 : e2, new TrainingState(epoch + 1, 0, 51L * epoch, 0, 0.1, epoch, 0, 10,
                        SETTINGS.hash()), n.block(), new AdamW(SETTINGS.optimizer(), List.copyOf(n.parameters().values()),
                        n.manager()));
            }
        }
        Path bundle = dir.resolve("bundle");
        SnapshotAveraging.Result r = SnapshotAveraging.run(new SnapshotAveraging.Options(run, List.of(e1, e2), null, null,
                dir.resolve("cache"), 3, null, 1, 1, bundle, "sparsepocket average --run run e1 e2"),
                new PrintStream(new ByteArrayOutputStream()));

        assertEquals(2, r.bnPasses(), "3 complexes in batches of the run's 2");
        assertEquals(3, r.bnComplexes());
        assertEquals(3, r.seed(), "the run's seed");
        assertEquals(List.of(1, 2), r.ownScores().stream().map(EpochResult::epoch).toList());
        assertTrue(r.scores().atoms() > 0 && Double.isFinite(r.scores().loss()));
        try (ModelBundle b = ModelBundle.load(bundle, Device.cpu())) {
            assertEquals(TINY, b.card().architecture());
            String how = b.card().provenance().get("weight_averaging");
            assertTrue(how.contains(Hashes.sha256(e1)) && how.contains(Hashes.sha256(e2)), how);
            assertTrue(how.contains("end of epoch 1") && how.contains("end of epoch 2"), how);
            assertTrue(b.card().provenance().get("batch_norm_statistics").contains("over 3 training complexes"));
            assertEquals("sparsepocket average --run run e1 e2", b.card().provenance().get("averaging_command"));
            assertEquals("sparsepocket train --run run", b.card().provenance().get("command"));
            assertEquals(r.scores().prAuc(), b.card().metrics().get("validation_pr_auc"));
            assertEquals(r.scores().bestF1Threshold(), b.card().bestF1Threshold());
        }
        String markdown = assertDoesNotThrowRead(bundle.resolve("model-card.md"));
        assertTrue(markdown.contains("weight averaging") && markdown.contains("averaging command"), markdown);
        assertNull(SnapshotAveraging.ownScores(List.of(new WeightAveraging.Snapshot(e1, "x",
                new TrainingState(2, 5, 60, 0, 0.1, 1, 0, 10, SETTINGS.hash()))), run, curve.read(), "x").get(0),
                "a mid-epoch checkpoint has no learning-curve row");
        // A shipped bundle's weights: its card (same training command) says which epoch it is.
        Path shipped = dir.resolve("shipped");
        try (PocketNetwork n = PocketNetwork.create(TINY, Device.cpu(), 43)) {
            ModelBundle.save(shipped, n, org.sparsepocket.model.ModelCard.of("m", TINY, "rule")
                    .withProvenance(java.util.Map.of("command", "sparsepocket train --run run", "selected_epoch", "2")));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        WeightAveraging.Snapshot file = new WeightAveraging.Snapshot(shipped.resolve("weights.params"), "y", null);
        assertEquals(2, SnapshotAveraging.ownScores(List.of(file), run, curve.read(), "sparsepocket train --run run")
                .get(0).epoch());
        assertNull(SnapshotAveraging.ownScores(List.of(file), run, curve.read(), "sparsepocket train --run other").get(0),
                "a bundle of another run");
    }

    private static String assertDoesNotThrowRead(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
