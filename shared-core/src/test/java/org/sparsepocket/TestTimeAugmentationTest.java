package org.sparsepocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.eval.ModelFingerprint;
import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.Rotations;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Complex;
import org.sparsepocket.structure.Complexes;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.structure.StructureLoader;

/** Rotation averaging through the facade: the card's setting, the override, cache keys, and its effect. */
class TestTimeAugmentationTest {

    @Test
    void theCardsRotationsAreTheDefaultAndAnExplicitNumberOverridesThem(@TempDir Path dir) throws IOException {
        Path bundle = copyFixture(dir, 3);
        Complex c = exampleComplex();
        try (PocketPredictor fromCard = PocketPredictor.open(bundle);
             PocketPredictor three = PocketPredictor.open(TestModels.fixtureModel(), 3);
             PocketPredictor plainFromCard = PocketPredictor.open(TestModels.fixtureModel());
             PocketPredictor one = PocketPredictor.open(bundle, 1)) {
            assertEquals(3, fromCard.rotations());
            assertEquals(1, plainFromCard.rotations());
            assertEquals(1, one.rotations());
            assertArrayEquals(three.probabilities(c), fromCard.probabilities(c));
            assertArrayEquals(plainFromCard.probabilities(c), one.probabilities(c));
            assertNotEquals(List.of(one.probabilities(c)), List.of(fromCard.probabilities(c)));
        }
    }

    @Test
    void outOfRangeNumbersFailWithAOneLineMessage(@TempDir Path dir) throws IOException {
        PredictionException e = assertThrows(PredictionException.class,
                () -> PocketPredictor.open(TestModels.fixtureModel(), 0));
        assertTrue(e.getMessage().contains("rotations"), e.getMessage());
        Path bundle = copyFixture(dir, 1);
        Path card = bundle.resolve(ModelBundle.CARD_FILE);
        Files.writeString(card, Files.readString(card).replace("\"rotations\": 1", "\"rotations\": 0"));
        assertThrows(PredictionException.class, () -> PocketPredictor.open(bundle));
    }

    @Test
    void cardsWithoutTheFieldPredictPlainAndTheFieldSurvivesSaving() {
        var json = com.google.gson.JsonParser.parseString(
                ModelCard.of("m", org.sparsepocket.model.NetworkConfig.PUBLISHED, "r").toJson()).getAsJsonObject();
        json.remove("rotations");
        ModelCard old = ModelCard.fromJson(json.toString(), "old card");
        assertEquals(1, old.inferenceRotations());
        ModelCard eight = old.withRotations(8).withBestF1Threshold(0.2);
        assertEquals(8, ModelCard.fromJson(eight.toJson(), "saved").inferenceRotations());
    }

    @Test
    void averagedProbabilitiesHaveTheirOwnCacheKey() {
        Path m = TestModels.fixtureModel();
        assertEquals(ModelFingerprint.of(m), ModelFingerprint.of(m, 1));
        assertNotEquals(ModelFingerprint.of(m), ModelFingerprint.of(m, 4));
        assertNotEquals(ModelFingerprint.of(m, 2), ModelFingerprint.of(m, 4));
    }

    /**
     * The shipped network on the example turned by an arbitrary rotation: averaged over 8 orientations,
     * its probabilities move less than the plain ones do (the network sees atoms on a fixed grid, so its
     * output depends on the orientation; averaging reduces that dependence).
     */
    @Test
    void averagingMakesTheShippedModelLessSensitiveToTheInputOrientation() {
        Complex c = exampleComplex();
        Complex turned = rotated(c, randomRotation(new SplittableRandom(2024)));
        double plain, averaged;
        try (PocketPredictor one = PocketPredictor.open(1)) {
            plain = meanAbsDifference(one.probabilities(c), one.probabilities(turned));
        }
        try (PocketPredictor eight = PocketPredictor.open(8)) {
            averaged = meanAbsDifference(eight.probabilities(c), eight.probabilities(turned));
        }
        assertTrue(plain > 0, "a turned input quantizes differently");
        assertTrue(averaged < 0.75 * plain, "mean |Δp| averaged " + averaged + " vs plain " + plain);
    }

    private static Complex exampleComplex() {
        Structure s = StructureLoader.load(TestModels.example());
        return Complexes.split(s, org.sparsepocket.structure.ChainMode.whole()).get(0);
    }

    private static Complex rotated(Complex c, double[] r) {
        double[] xyz = new double[3 * c.atoms().size()];
        for (int i = 0; i < c.atoms().size(); i++) {
            Atom a = c.atoms().get(i);
            xyz[3 * i] = a.x();
            xyz[3 * i + 1] = a.y();
            xyz[3 * i + 2] = a.z();
        }
        double[] t = Rotations.apply(r, xyz);
        List<Atom> atoms = new ArrayList<>();
        for (int i = 0; i < c.atoms().size(); i++) {
            Atom a = c.atoms().get(i);
            atoms.add(new Atom(a.serial(), a.name(), a.element(), a.residue(), t[3 * i], t[3 * i + 1], t[3 * i + 2],
                    a.occupancy(), a.bFactor()));
        }
        return new Complex(c.name(), c.chainIds(), atoms, List.of());
    }

    private static double meanAbsDifference(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s / a.length;
    }

    private static Path copyFixture(Path dir, int rotations) throws IOException {
        Path bundle = dir.resolve("model");
        Files.createDirectories(bundle);
        Path fixture = TestModels.fixtureModel();
        try (var files = Files.list(fixture)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, bundle.resolve(f.getFileName()));
            }
        }
        ModelCard card = ModelCard.read(bundle.resolve(ModelBundle.CARD_FILE)).withRotations(rotations);
        Files.writeString(bundle.resolve(ModelBundle.CARD_FILE), card.toJson());
        return bundle;
    }

    /** A uniformly random rotation (the training augmentation's draw). */
    private static double[] randomRotation(SplittableRandom random) {
        return org.sparsepocket.model.Rotations.shoemake(random.nextDouble(), random.nextDouble(), random.nextDouble());
    }
}
