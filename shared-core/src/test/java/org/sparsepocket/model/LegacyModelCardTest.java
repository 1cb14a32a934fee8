package org.sparsepocket.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sparsepocket.PredictionException;
import org.sparsepocket.RecommendedSettings;
import org.sparsepocket.pockets.PocketSettings;

/** Format-1 cards (three generations of recommended settings, the voxel size twice) read as format 2. */
class LegacyModelCardTest {

    private static String resource(String path) throws IOException {
        try (InputStream in = LegacyModelCardTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theShippedCardOfFormatOneReadsAsTheShippedCardOfFormatTwo() throws IOException {
        ModelCard v1 = ModelCard.fromJson(resource("/org/sparsepocket/model/legacy/shipped-v1.json"), "v1");
        ModelCard v2 = ModelCard.fromJson(resource("/org/sparsepocket/model/default/model.json"), "v2");
        assertEquals(v2, v1, "the rewritten shipped card is the format-1 card converted, nothing else");
        assertEquals(ModelCard.FORMAT_VERSION, v1.formatVersion());
        ModelCard.Mode fast = v1.recommended().fast();
        assertEquals(1, fast.rotations());
        assertEquals(new ModelCard.PocketDefaults(0.052, 5.0, 5, "buried-mean-sqrt-size", false, 70), fast.pockets());
        assertEquals(0.7245179063360881, fast.validation().get("validation_dca_top_n"));
        ModelCard.Mode accurate = v1.recommended().accurate();
        assertEquals(8, accurate.rotations());
        assertEquals(new ModelCard.PocketDefaults(0.055, 5.0, 3, "max", false, 70), accurate.pockets());
        assertEquals(0.231927, v1.bestF1Threshold(), "the best-F1 threshold becomes a metric");
        assertEquals(new PocketSettings(0.052, 5.0, 5, 0, false, 4.0,
                org.sparsepocket.pockets.PocketScorer.byName("buried-mean-sqrt-size"), 70), RecommendedSettings.of(v1));
    }

    @Test
    void theCommittedFixtureOfFormatOneStillLoads() throws IOException {
        ModelCard fixture = ModelCard.fromJson(resource("/org/sparsepocket/model/fixture-v1/model.json"), "fixture");
        fixture.checkCompatible("fixture");
        assertNull(fixture.recommended().accurate());
        assertEquals(1, fixture.inferenceRotations());
        assertEquals(0.5, fixture.bestF1Threshold());
        // Untuned: the code's defaults with the best-F1 threshold, as format 1's fallback gave.
        assertEquals(PocketSettings.DEFAULT.withThreshold(0.5), RecommendedSettings.of(fixture));
        assertEquals(PocketSettings.DEFAULT.withThreshold(0.5), RecommendedSettings.of(fixture, 8));
    }

    @Test
    void tunedPocketsWithoutPerCountEntriesAreTheFastMode() {
        String json = ModelCard.of("m", NetworkConfig.PUBLISHED, "r").toJson()
                .replace("\"formatVersion\": 2", "\"formatVersion\": 1, \"voxelSize\": 1.0, \"threshold\": 0.3,"
                        + " \"pockets\": {\"threshold\": 0.1, \"eps\": 6.0, \"minAtoms\": 3, \"scorer\": \"max\","
                        + " \"weightedCentre\": true, \"splitAbove\": 0}, \"rotations\": 2");
        ModelCard card = ModelCard.fromJson(json, "v1");
        assertEquals(2, card.inferenceRotations());
        assertEquals(new ModelCard.PocketDefaults(0.1, 6.0, 3, "max", true, 0), card.pockets());
        assertEquals(0.3, card.bestF1Threshold());
        assertEquals(2, card.accurateRotations(), "no accurate section: the fast count, above one");
    }

    @Test
    void twoDifferentVoxelSizesAreAClearError() {
        String json = ModelCard.of("m", NetworkConfig.PUBLISHED, "r").toJson()
                .replace("\"formatVersion\": 2", "\"formatVersion\": 1, \"voxelSize\": 2.0");
        PredictionException e = assertThrows(PredictionException.class, () -> ModelCard.fromJson(json, "old.json"));
        assertTrue(e.getMessage().startsWith("old.json: invalid model card: voxel size 2.0"), e.getMessage());
    }
}
