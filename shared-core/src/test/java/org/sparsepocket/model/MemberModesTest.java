package org.sparsepocket.model;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.PredictionException;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.features.FeatureMatrix;
import org.sparsepocket.structure.ChainMode;
import org.sparsepocket.structure.Complex;
import org.sparsepocket.structure.Complexes;
import org.sparsepocket.structure.StructureLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bundle whose card gives a mode member networks ({@link ModelCard.Mode#members()}): that mode's probabilities
 * are the members' mean, loaded from the bundle's folders; the other mode stays the bundle's own network.
 */
class MemberModesTest {

    @TempDir
    Path dir;

    private static PocketNetwork tiny(long seed) {
        PocketNetwork network = PocketNetwork.create(TinyNetworks.TINY, Device.cpu(), seed);
        TinyNetworks.warmRunningStatistics(network, seed + 1);
        return network;
    }

    private static ModelCard card(String name) {
        return ModelCard.of(name, TinyNetworks.TINY, "test: random weights");
    }

    /** A bundle of network 11 whose accurate mode (2 orientations) is the mean of networks 21 and 31. */
    private Path ensembleBundle() throws Exception {
        ModelCard own = card("own");
        ModelCard.Mode accurate = new ModelCard.Mode(2, null, Map.of(), null, List.of("members/a", "members/b"));
        ModelBundle.save(dir, tiny(11), own.withRecommended(new ModelCard.Recommended(own.recommended().fast(), accurate)));
        ModelBundle.save(dir.resolve("members/a"), tiny(21), card("a"));
        ModelBundle.save(dir.resolve("members/b"), tiny(31), card("b"));
        return dir;
    }

    @Test
    void theAccurateModeIsTheMeanOfItsMembersAndTheFastModeTheOwnNetwork() throws Exception {
        Path bundle = ensembleBundle();
        ComplexInput input = RandomComplexes.ball(180, 7);
        float[] a;
        float[] b;
        try (PocketModel ma = PocketModel.load(bundle.resolve("members/a"));
             PocketModel mb = PocketModel.load(bundle.resolve("members/b"))) {
            a = ma.predict(input.xyz(), input.features());
            b = mb.predict(input.xyz(), input.features());
        }
        try (PocketModel model = PocketModel.load(bundle)) {
            assertSame(model, model.forRotations(1), "the fast mode names no members: the bundle's own network");
            PocketModel accurate = model.forRotations(2);
            assertEquals(2, accurate.members());
            assertSame(accurate, model.forRotations(2), "members are loaded once");
            float[] own = model.predict(input.xyz(), input.features());
            float[] mean = accurate.predict(input.xyz(), input.features());
            assertNotEquals(own[0], mean[0]);
            for (int i = 0; i < mean.length; i++) {
                assertEquals((a[i] + b[i]) / 2, mean[i], 1e-6, "atom " + i);
            }
            // The rotation averaging of the accurate mode runs over the ensemble.
            float[] averaged = new RotationAveraging(2).predict(model.forRotations(2), input.xyz(), input.features());
            assertArrayEquals(new RotationAveraging(2).predict(accurate, input.xyz(), input.features()), averaged);
        }
    }

    @Test
    void thePredictorsAccurateModeRunsTheMembers() throws Exception {
        Path bundle = ensembleBundle();
        Complex c = Complexes.split(StructureLoader.load(org.sparsepocket.TestModels.example()), ChainMode.whole()).get(0);
        double[] xyz = c.atoms().stream().flatMap(a -> java.util.stream.Stream.of(a.x(), a.y(), a.z()))
                .mapToDouble(Double::doubleValue).toArray();
        FeatureMatrix features = FeatureProfile.STANDARD.featurize(c.atoms()).matrix();
        float[] expectedAccurate;
        float[] expectedFast;
        try (PocketModel model = PocketModel.load(bundle)) {
            expectedAccurate = new RotationAveraging(2).predict(model.forRotations(2), xyz, features);
            expectedFast = model.predict(xyz, features);
        }
        try (PocketPredictor accurate = PocketPredictor.openAccurate(bundle);
             PocketPredictor fast = PocketPredictor.open(bundle)) {
            assertEquals(2, accurate.rotations());
            assertArrayEquals(expectedAccurate, accurate.probabilities(c));
            assertArrayEquals(expectedFast, fast.probabilities(c));
            // one loaded predictor serves both modes per call, as KNIME and Jmol use it
            float[] perCall = fast.predict(StructureLoader.load(org.sparsepocket.TestModels.example()),
                    PredictionSettings.DEFAULT.withRotations(2)).complexes().get(0).probabilities();
            assertArrayEquals(expectedAccurate, perCall);
        }
    }

    @Test
    void membersSurviveTheCardRoundTripAndCardsWithoutThemStillLoad() throws Exception {
        Path bundle = ensembleBundle();
        ModelCard read = ModelCard.read(bundle.resolve(ModelBundle.CARD_FILE));
        assertEquals(List.of("members/a", "members/b"), read.recommended().accurate().members());
        assertEquals(List.of(), read.recommended().fast().members());
        // A card written before members existed: the field is absent, the mode is the own network.
        String old = Files.readString(bundle.resolve("members/a").resolve(ModelBundle.CARD_FILE))
                .replaceAll(",\\s*\"members\": \\[\\]", "");
        assertTrue(!old.contains("members"), old);
        assertEquals(List.of(), ModelCard.fromJson(old, "old card").recommended().fast().members());
    }

    @Test
    void aMissingMemberIsAOneLineErrorNamingIt() throws Exception {
        Path bundle = ensembleBundle();
        try (PocketModel model = PocketModel.load(bundle)) {
            Path b = bundle.resolve("members/b");
            Files.delete(b.resolve(ModelBundle.WEIGHTS_FILE));      // no longer a bundle
            PredictionException e = assertThrows(PredictionException.class, () -> model.forRotations(2));
            assertTrue(e.getMessage().contains("members/b") && e.getMessage().startsWith("model own: member network: "),
                    e.getMessage());
            assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
            assertSame(model, model.forRotations(1), "the fast mode still works");
        }
    }

    @Test
    void memberFoldersMustStayInsideTheBundle() {
        for (String bad : List.of("../elsewhere", "/abs/path", "a/../../b", "", "a//b", "a b")) {
            assertThrows(IllegalArgumentException.class,
                    () -> new ModelCard.Mode(2, null, Map.of(), null, List.of(bad)), bad);
        }
        assertEquals(List.of("fold0", "accurate/fold-1.c8"),
                new ModelCard.Mode(2, null, Map.of(), null, List.of("fold0", "accurate/fold-1.c8")).members());
    }

    @Test
    void aModelMadeInMemoryIsItsOwnNetworkInEveryMode() {
        ModelCard c = card("memory");
        ModelCard withMembers = c.withRecommended(new ModelCard.Recommended(c.recommended().fast(),
                new ModelCard.Mode(2, null, Map.of(), null, List.of("x"))));
        try (PocketModel m = PocketModel.of(tiny(41), withMembers)) {
            assertSame(m, m.forRotations(2));
        }
    }
}
