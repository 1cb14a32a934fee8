package org.sparsepocket.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sparsepocket.PredictionException;
import org.sparsepocket.RecommendedSettings;
import org.sparsepocket.TestModels;
import org.sparsepocket.model.ModelCard;

/**
 * {@code -Dsparsepocket.model=DIR} makes the KNIME node logic open that bundle instead of the shipped
 * model (how KNIME runs an imported bundle, e.g. the published weights), with that card's settings.
 */
class CellPredictorModelPropertyTest {

    @AfterEach
    void clear() {
        System.clearProperty(CellPredictor.MODEL_PROPERTY);
    }

    @Test
    void theNamedBundleIsOpenedWithItsCardsThreshold() throws Exception {
        Path fixture = TestModels.fixtureModel();
        System.setProperty(CellPredictor.MODEL_PROPERTY, fixture.toString());
        double cardThreshold = RecommendedSettings.of(ModelCard.read(fixture.resolve("model.json"))).threshold();
        assertNotEquals(RecommendedSettings.bundled().threshold(), cardThreshold, "the fixture must differ from the shipped card");
        var dialog = PredictorNodeSettings.DEFAULT;
        try (CellPredictor cells = CellPredictor.open(dialog)) {
            assertEquals(cardThreshold, cells.settings().pockets().threshold());
        }
    }

    @Test
    void aMissingBundleIsNamedInTheError() {
        System.setProperty(CellPredictor.MODEL_PROPERTY, "/nonexistent/bundle");
        PredictionException e = assertThrows(PredictionException.class, () -> CellPredictor.open(PredictorNodeSettings.DEFAULT));
        assertEquals("/nonexistent/bundle: not a model bundle (the directory does not exist)", e.getMessage());
    }
}
