package org.sparsepocket.lab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.NetworkConfig;
import org.sparsepocket.model.PocketNetwork;

/**
 * Warm start ({@code train --init}): the run's network starts with exactly the bundle's parameters,
 * a bundle of another architecture or a folder that is no bundle is refused with one line, and the
 * init becomes part of the resume hash without changing the hash of runs from random weights.
 */
class WarmStartTest {

    private static final NetworkConfig SMALL = NetworkConfig.PUBLISHED.widthScaled(0.125);

    @TempDir
    Path dir;

    /** A bundle of a freshly initialized network (its running statistics warmed so they are not defaults). */
    private Path bundle(NetworkConfig config, long seed) throws Exception {
        Path out = dir.resolve("bundle-" + seed);
        try (PocketNetwork net = PocketNetwork.create(config, Device.cpu(), seed)) {
            ModelBundle.save(out, net, ModelCard.of("test", config, LabelRule.DEFAULT.describe()));
        }
        return out;
    }

    @Test
    void theRunStartsWithTheBundlesParametersBitForBit() throws Exception {
        Path b = bundle(SMALL, 11);
        InitialWeights w = InitialWeights.read(b.toString());
        assertEquals(Hashes.sha256(b.resolve(ModelBundle.WEIGHTS_FILE)), w.source().weightsSha256());
        // Another dropout shapes no parameter: still the same network.
        NetworkConfig run = new NetworkConfig(SMALL.inputFeatures(), SMALL.stemPlanes(), SMALL.encoderPlanes(),
                SMALL.encoderBlocks(), SMALL.decoderPlanes(), SMALL.decoderBlocks(), SMALL.strideKernel(), 0.2,
                SMALL.voxelSize());
        try (ModelBundle expected = ModelBundle.load(b, Device.cpu());
             PocketNetwork got = TrainingRun.initialWeights(w.source(), run).network(run, Device.cpu());
             PocketNetwork random = PocketNetwork.create(SMALL, Device.cpu(), Trainer.initializationSeed(11))) {
            assertEquals(run, got.config());
            List<Parameter> e = List.copyOf(expected.network().parameters().values());
            List<Parameter> g = List.copyOf(got.parameters().values());
            assertEquals(e.size(), g.size());
            for (int i = 0; i < e.size(); i++) {
                assertEquals(e.get(i).getName(), g.get(i).getName());
                assertArrayEquals(e.get(i).getArray().toFloatArray(), g.get(i).getArray().toFloatArray(),
                        e.get(i).getName());
                if (e.get(i).requiresGradient()) {
                    assertTrue(g.get(i).getArray().hasGradient(), "trainable: " + g.get(i).getName());
                }
            }
            // (and not what the seed alone would have given)
            assertNotEquals(java.util.Arrays.toString(e.get(0).getArray().toFloatArray()),
                    java.util.Arrays.toString(List.copyOf(random.parameters().values()).get(0).getArray().toFloatArray()));
        }
    }

    @Test
    void anotherArchitectureIsRefusedNamingWhatDiffers() throws Exception {
        Path b = bundle(SMALL, 3);
        InitialWeights w = InitialWeights.read(b.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> w.checkArchitecture(NetworkConfig.PUBLISHED.widthScaled(0.25)));
        assertTrue(e.getMessage().startsWith("--init " + b + ": its architecture is not the run's: stemPlanes 4 (run: 8)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("encoderPlanes"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aFolderWithoutABundleIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InitialWeights.read(dir.resolve("empty").toString()));
        assertTrue(e.getMessage().contains("not a model bundle"), e.getMessage());
    }

    @Test
    void changedWeightsAfterTheSettingsWereMadeAreRefused() throws Exception {
        Path b = bundle(SMALL, 5);
        WarmStart before = InitialWeights.read(b.toString()).source();
        try (PocketNetwork other = PocketNetwork.create(SMALL, Device.cpu(), 6)) {
            ModelBundle.save(b, other, ModelCard.of("test", SMALL, LabelRule.DEFAULT.describe()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingRun.initialWeights(before, SMALL));
        assertTrue(e.getMessage().contains("its weights changed"), e.getMessage());
    }

    @Test
    void theShippedModelIsAvailableAsBundled() {
        InitialWeights w = InitialWeights.read(InitialWeights.BUNDLED);
        assertEquals(NetworkConfig.PUBLISHED.widthScaled(0.5).stemPlanes(), w.card().architecture().stemPlanes());
        w.checkArchitecture(NetworkConfig.PUBLISHED.widthScaled(0.5));
        Path shipped = Path.of("src/main/resources/org/sparsepocket/model/default/weights.params");
        if (Files.isRegularFile(shipped)) {
            assertEquals(Hashes.sha256(shipped), w.source().weightsSha256());
        }
        assertTrue(w.source().describe().startsWith("weights of the bundled model (classpath:"), w.source().describe());
    }

    @Test
    void theInitIsPartOfTheResumeHashButRandomInitRunsKeepTheirs() {
        TrainingSettings s = TrainingSettings.PUBLISHED;
        assertEquals(s.hash(), s.withInit(null).hash());
        String a = s.withInit(new WarmStart("x", "aa")).hash();
        assertNotEquals(s.hash(), a);
        assertEquals(a, s.withInit(new WarmStart("elsewhere/x", "aa")).hash(), "the path does not matter");
        assertNotEquals(a, s.withInit(new WarmStart("x", "bb")).hash());
        // The committed run's checkpoint (random init, written before --init existed) still matches its settings.
        Path run = Path.of("../training/w050b8");
        if (Files.isRegularFile(run.resolve("checkpoint.sptk")) && Files.isRegularFile(run.resolve(RunRecord.FILE))) {
            RunRecord r = RunRecord.read(run);
            assertEquals(null, r.settings().init());
            assertEquals(Checkpoint.readState(run.resolve("checkpoint.sptk")).settingsHash(), r.settings().hash());
        }
    }
}
