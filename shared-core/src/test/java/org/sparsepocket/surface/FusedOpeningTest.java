package org.sparsepocket.surface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionException;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.TestModels;
import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.PocketModel;

/**
 * {@code PocketPredictor.open} adds the surface second opinion exactly when the bundle folder holds a surface
 * model, and the product ships one.
 */
class FusedOpeningTest {

    @TempDir
    Path dir;

    private Path networkBundle() throws Exception {
        Path fixture = TestModels.fixtureModel();
        for (String f : new String[] {ModelBundle.CARD_FILE, ModelBundle.WEIGHTS_FILE}) {
            Files.copy(fixture.resolve(f), dir.resolve(f));
        }
        return dir;
    }

    @Test
    void aBundleWithASurfaceModelOpensFusedAndKeepsTheNetworksProbabilities() throws Exception {
        Path bundle = networkBundle();
        Prediction alone;
        try (PocketPredictor network = PocketPredictor.open(bundle)) {
            assertFalse(network instanceof FusedPocketPredictor);
            alone = network.predict(TestModels.example(), PredictionSettings.DEFAULT);
        }
        try (SurfaceModel model = new SurfaceModel(SurfaceModelTest.networkTrees(), new AtomPropensity(Map.of()),
                SurfaceModelTest.card(PointFeatures.WITH_NETWORK))) {
            model.save(bundle);
        }
        try (PocketPredictor fused = PocketPredictor.open(bundle)) {
            assertInstanceOf(FusedPocketPredictor.class, fused);
            Prediction p = fused.predict(TestModels.example(), PredictionSettings.DEFAULT);
            assertEquals(alone.complexes().size(), p.complexes().size());
            assertArrayEquals(alone.complexes().get(0).probabilities(), p.complexes().get(0).probabilities());
            for (int i = 0; i < p.complexes().get(0).pockets().size(); i++) {
                assertEquals(i + 1, p.complexes().get(0).pockets().get(i).rank());
            }
        }
        try (PocketPredictor accurate = PocketPredictor.openAccurate(bundle)) {
            assertInstanceOf(FusedPocketPredictor.class, accurate);
        }
    }

    @Test
    void aSurfaceModelWithoutFusionFailsToOpenWithAClearMessage() throws Exception {
        Path bundle = networkBundle();
        SurfaceCard c = SurfaceModelTest.card(PointFeatures.WITH_NETWORK);
        SurfaceCard noFusion = new SurfaceCard(c.features(), c.library(), c.parameters(), c.label(), c.trainingData(),
                c.trainingPoints(), c.settings(), null, c.command());
        try (SurfaceModel model = new SurfaceModel(SurfaceModelTest.networkTrees(), new AtomPropensity(Map.of()),
                noFusion)) {
            model.save(bundle);
        }
        PredictionException e = assertThrows(PredictionException.class, () -> PocketPredictor.open(bundle));
        assertTrue(e.getMessage().contains("fusion"), e.getMessage());
    }

    @Test
    void theShippedModelCarriesASurfaceModelWithItsFusionAndOpensFused() {
        String folder = PocketModel.BUNDLED_RESOURCE;
        assertTrue(SurfaceModel.isInResource(folder), "no surface model shipped in " + folder);
        try (SurfaceModel shipped = SurfaceModel.loadResource(folder)) {
            assertTrue(shipped.card().fusion() != null, "the shipped surface card records no fusion");
        }
        try (PocketPredictor predictor = PocketPredictor.open()) {
            assertInstanceOf(FusedPocketPredictor.class, predictor);
        }
    }
}
