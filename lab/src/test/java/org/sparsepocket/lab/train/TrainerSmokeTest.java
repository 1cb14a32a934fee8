package org.sparsepocket.lab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.features.AtomFeatures;
import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.NetworkConfig;
import org.sparsepocket.model.PocketNetwork;

/**
 * A few real training steps on two small complexes cut from the training data (around their
 * ligands), validated on a third from the validation set: the loss is finite and falls, and a run
 * stopped at a checkpoint and resumed ends with exactly the weights of an uninterrupted run.
 */
class TrainerSmokeTest {

    private static final Path DATA = Files.isDirectory(Path.of("../shared/data")) ? Path.of("../shared/data")
            : Path.of("../../shared/data");
    /** A narrow network so a step takes milliseconds; the architecture is otherwise the published one. */
    private static final NetworkConfig TINY = NetworkConfig.PUBLISHED.widthScaled(0.25);

    private static List<TrainingComplex> train;
    private static List<TrainingComplex> validation;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadComplexes() {
        assumeTrue(Files.isDirectory(DATA.resolve("scpdb995")) && Files.isDirectory(DATA.resolve("pdbbind-timesplit363")),
                "../shared/data is absent: skipping the training smoke test");
        PdbqtComplexFeaturizer f = new PdbqtComplexFeaturizer(LabelRule.DEFAULT);
        train = List.of(cut(f.featurize(files("scpdb995", "1a2b"))), cut(f.featurize(files("scpdb995", "1a4i"))));
        List<ComplexFiles> val = ComplexFiles.scan(DATA.resolve("pdbbind-timesplit363"));
        validation = List.of(cut(f.featurize(val.get(0))));
    }

    private static ComplexFiles files(String set, String id) {
        Path folder = DATA.resolve(set);
        return new ComplexFiles(set, id, folder.resolve(id + "_protein.pdbqt.gz"), folder.resolve(id + "_ligand.pdbqt.gz"));
    }

    /** The atoms within 10 Å of the binding site's centre: a few hundred atoms with both labels. */
    static TrainingComplex cut(TrainingComplex c) {
        return TrainingCuts.aroundSite(c, 10.0);
    }

    private static TrainingSettings settings(int epochs) {
        return new TrainingSettings(7, epochs, 50, 1, AdamW.Settings.PUBLISHED.withLearningRate(3e-3), false,
                FocalLoss.PUBLISHED, LabelRule.DEFAULT, true, true);
    }

    private Trainer.Runtime runtime(Path run) {
        return new Trainer.Runtime(run, 1000, Double.POSITIVE_INFINITY, new PrintStream(new ByteArrayOutputStream()), 60);
    }

    private static PocketNetwork network(TrainingSettings s) {
        return PocketNetwork.create(TINY, Device.cpu(), Trainer.initializationSeed(s.seed()));
    }

    private static List<float[]> weights(PocketNetwork n) {
        List<float[]> w = new ArrayList<>();
        for (Parameter p : n.parameters().values()) {
            w.add(p.getArray().toFloatArray());
        }
        return w;
    }

    @Test
    void lossIsFiniteAndFallsOverAFewEpochs() {
        assertTrue(train.get(0).positives() > 0 && train.get(0).positives() < train.get(0).atomCount());
        TrainingSettings s = settings(4);
        try (PocketNetwork net = network(s)) {
            Trainer.Report r = new Trainer(s, runtime(dir), net).train(train, validation, false);
            assertEquals(Trainer.Outcome.MAX_EPOCHS, r.outcome());
            List<EpochResult> curve = r.curve();
            assertEquals(4, curve.size());
            for (EpochResult e : curve) {
                assertTrue(Double.isFinite(e.trainLoss()) && Double.isFinite(e.valLoss()), e.toString());
                assertTrue(e.valPrAuc() >= 0 && e.valPrAuc() <= 1, e.toString());
            }
            assertTrue(curve.get(3).trainLoss() < curve.get(0).trainLoss(),
                    "training loss should fall: " + curve.get(0).trainLoss() + " → " + curve.get(3).trainLoss());
            assertTrue(Files.isRegularFile(dir.resolve("best.params")));
            assertEquals(curve, new LearningCurve(dir.resolve("learning_curve.csv")).read());
        }
    }

    @Test
    void resumingFromACheckpointContinuesExactlyLikeAnUninterruptedRun() {
        TrainingSettings s = settings(3);
        // Uninterrupted: 5 updates (2 epochs of 2 complexes, then 1 into the third epoch).
        Path straight = dir.resolve("straight");
        List<float[]> expected;
        try (PocketNetwork net = network(s)) {
            new Trainer(s, runtime(straight), net).limitUpdates(5).train(train, validation, false);
            expected = weights(net);
        }
        // Interrupted after 3 updates (mid-epoch 2), then resumed in a fresh network for 2 more.
        Path split = dir.resolve("split");
        try (PocketNetwork net = network(s)) {
            Trainer.Report first = new Trainer(s, runtime(split), net).limitUpdates(3).train(train, validation, false);
            assertEquals(Trainer.Outcome.STEP_LIMIT, first.outcome());
            assertEquals(2, first.state().epoch());
            assertEquals(1, first.state().position());
        }
        try (PocketNetwork net = network(s)) {
            new Trainer(s, runtime(split), net).limitUpdates(2).train(train, validation, true);
            List<float[]> got = weights(net);
            assertEquals(expected.size(), got.size());
            for (int i = 0; i < got.size(); i++) {
                assertArrayEquals(expected.get(i), got.get(i), "parameter " + i);
            }
        }
        assertEquals(withoutTimes(straight), withoutTimes(split));
    }

    @Test
    void aWarmStartedRunRecordsItsInitAndResumes() throws Exception {
        // The bundle to start from: the network after one epoch of a run from random weights.
        TrainingSettings s = settings(1);
        Path bundle = dir.resolve("start");
        try (PocketNetwork net = network(s)) {
            new Trainer(s, runtime(dir.resolve("first")), net).train(train, validation, false);
            ModelBundle.save(bundle, net, org.sparsepocket.model.ModelCard.of("start", TINY, LabelRule.DEFAULT.describe()));
        }
        String sha = Hashes.sha256(bundle.resolve(ModelBundle.WEIGHTS_FILE));
        // The run's data: the same cut complexes, served by id from data set folders of the real files.
        Path trainSet = copiedSet("scpdb995", train), valSet = copiedSet("pdbbind-timesplit363", validation);
        java.util.Map<String, TrainingComplex> byId = new java.util.HashMap<>();
        train.forEach(c -> byId.put(c.id(), c));
        validation.forEach(c -> byId.put(c.id(), c));
        ComplexFeaturizer cuts = new ComplexFeaturizer() {
            @Override
            public TrainingComplex featurize(ComplexFiles files) {
                return byId.get(files.id());
            }

            @Override
            public String version() {
                return "smoke-test cuts";
            }
        };
        Path run = dir.resolve("warm");
        TrainingSettings warm = settings(2).withInit(new WarmStart(bundle.toString(), sha));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Trainer.Report first = TrainingRun.run(new TrainingRun.Options(warm, TINY, List.of(trainSet), List.of(valSet),
                dir.resolve("cache"), run, null, 1000, Double.POSITIVE_INFINITY, 0, 0, 1, false, "train --init", null), cuts, quiet);
        assertEquals(2, first.curve().size());
        assertEquals(new WarmStart(bundle.toString(), sha), RunRecord.read(run).settings().init());
        assertTrue(Files.readString(run.resolve(RunRecord.FILE)).contains(sha));
        // A resume (no init given: the run remembers it) is accepted and keeps the record.
        TrainingRun.run(new TrainingRun.Options(settings(3), TINY, List.of(trainSet), List.of(valSet),
                dir.resolve("cache"), run, run.resolve("model"), 1000, Double.POSITIVE_INFINITY, 0, 0, 1, true,
                "train --resume", null), cuts, quiet);
        assertEquals(3, new LearningCurve(run.resolve("learning_curve.csv")).read().size());
        assertEquals(sha, RunRecord.read(run).settings().init().weightsSha256());
        try (ModelBundle b = ModelBundle.load(run.resolve("model"), Device.cpu())) {
            assertEquals("weights of " + bundle + " (sha256 " + sha + "); AdamW moments zero, epoch count and"
                    + " learning-rate schedule from the start", b.card().provenance().get("initialization"));
        }
    }

    /** A data set folder holding copies of the real files of these complexes. */
    private Path copiedSet(String set, List<TrainingComplex> complexes) throws java.io.IOException {
        Path folder = dir.resolve("sets").resolve(set);
        Files.createDirectories(folder);
        for (TrainingComplex c : complexes) {
            for (String part : List.of("_protein.pdbqt.gz", "_ligand.pdbqt.gz")) {
                Files.copy(DATA.resolve(set).resolve(c.id() + part), folder.resolve(c.id() + part));
            }
        }
        return folder;
    }

    /** The learning curve without its wall-time columns (which differ between runs). */
    private static List<List<Double>> withoutTimes(Path run) {
        return new LearningCurve(run.resolve("learning_curve.csv")).read().stream()
                .map(e -> List.of((double) e.epoch(), (double) e.updates(), e.trainLoss(), e.valLoss(), e.valPrAuc(),
                        e.valRocAuc(), e.bestF1(), e.bestF1Threshold()))
                .toList();
    }

    @Test
    void exportWritesALoadableBundleWithItsCard() throws Exception {
        TrainingSettings s = settings(1);
        Path run = dir.resolve("run");
        try (PocketNetwork net = network(s)) {
            new Trainer(s, runtime(run), net).train(train, validation, false);
        }
        new RunRecord("sparsepocket train --run x", s, TINY, List.of("train"), List.of("val"), 2, 10, 3, "abc", 1, 5, 1,
                "def", List.of(), "test machine", TrainingRun.versions(), "code x").write(run);
        Path out = dir.resolve("bundle");
        TrainingRun.export(run, out, 12.5, new PrintStream(new ByteArrayOutputStream()));
        try (ModelBundle b = ModelBundle.load(out, Device.cpu())) {
            assertEquals(TINY, b.card().architecture());
            assertEquals("abc", b.card().provenance().get("training_files_sha256"));
            assertEquals(12.5, b.card().metrics().get("wall_time_seconds"));
            assertTrue(b.card().bestF1Threshold() != null);
            assertTrue(b.card().labelRule().contains("5.0"));
        }
    }
}
