package org.sparsepocket.lab.tune;

import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.PocketModel;
import org.sparsepocket.model.PocketNetwork;
import org.sparsepocket.model.TestTimeRotations;
import org.sparsepocket.model.TinyNetworks;

import org.sparsepocket.model.ModelCard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionException;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.RecommendedSettings;
import org.sparsepocket.eval.EvaluationSummary;
import org.sparsepocket.lab.tune.TunedCard;
import org.sparsepocket.pockets.PocketScorer;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.ChainMode;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.structure.StructureLoader;

/** A card carries pocket settings per rotation count; predictions take the entry of their count. */
class RotationTunedSettingsTest {

    private static final EvaluationSummary SUMMARY = new EvaluationSummary("sparsepocket", 10, 12, 3.5,
            List.of(new EvaluationSummary.SuccessRate("DCA", 4, 0.75, 0.9, 1.0)),
            new EvaluationSummary.ResidueMetrics(0.5, 0.6, 0.55, 0.5),
            new EvaluationSummary.ResidueMetrics(0.6, 0.5, 0.54, 0.5), 0.4, 0.45);

    private static final ModelCard.PocketDefaults PLAIN = new ModelCard.PocketDefaults(0.105, 5, 3, "sum", false, 80);
    private static final ModelCard.PocketDefaults EIGHT =
            new ModelCard.PocketDefaults(0.059, 5, 5, "buried-mean-sqrt-size", false, 80);

    private static ModelCard tunedForOne() {
        return ModelCard.of("tiny", TinyNetworks.TINY, "test").withPockets(PLAIN);
    }

    @Test
    void roundTripsWithTheNewField() {
        ModelCard card = tunedForOne().withTunedFor(8,
                new ModelCard.TunedPockets(EIGHT, Map.of("validation_dca_top_n", 0.73), "sparsepocket tune x"));
        ModelCard loaded = ModelCard.fromJson(card.toJson(), "test");
        assertEquals(card, loaded);
        assertEquals(EIGHT, loaded.pocketsFor(8));
        assertEquals(PLAIN, loaded.pocketsFor(1));
        assertEquals(PLAIN, loaded.pocketsFor(4), "no entry for 4: the default settings");
        assertEquals(1, loaded.inferenceRotations());
        assertEquals(8, loaded.accurateRotations());
        assertEquals(0.73, loaded.tunedByRotations().get(8).validation().get("validation_dca_top_n"));
        assertTrue(card.toJson().contains("\"tunedByRotations\": {\n    \"8\": {"), card.toJson());
    }

    @Test
    void writesTextAsTypedWithoutHtmlEscapes() {
        // Cards are read by people too: '=' and quotes in provenance text stay as typed, not \u003d.
        ModelCard card = tunedForOne().withProvenance(Map.of("loss", "alpha=1.0 'focal' <mean>"));
        assertTrue(card.toJson().contains("\"loss\": \"alpha=1.0 'focal' <mean>\""), card.toJson());
        assertEquals(card, ModelCard.fromJson(card.toJson(), "test"));
    }

    @Test
    void aCardWithoutTheFieldStillLoads() {
        String json = tunedForOne().toJson().replaceAll(",\\s*\"tunedByRotations\": \\{\\s*}", "");
        assertTrue(!json.contains("tunedByRotations") && json.contains("\"rotations\": null"), json);
        ModelCard loaded = ModelCard.fromJson(json, "old card");
        assertEquals(Map.of(), loaded.tunedByRotations());
        assertEquals(PLAIN, loaded.pocketsFor(8));
        assertEquals(TestTimeRotations.ACCURATE, loaded.accurateRotations());
        assertEquals(tunedForOne(), loaded);
        // The card shipped with this version reads too, whichever entries it has.
        ModelCard shipped = PocketModel.bundledCard().orElseThrow();
        assertTrue(shipped.accurateRotations() > 1);
        assertEquals(RecommendedSettings.bundled(), RecommendedSettings.of(shipped, shipped.inferenceRotations()));
    }

    @Test
    void aBadEntryIsAClearError() {
        String json = tunedForOne().toJson().replace("\"tunedByRotations\": {}",
                "\"tunedByRotations\": {\"0\": {\"pockets\": {\"threshold\": 0.1, \"eps\": 5, \"minAtoms\": 3,"
                        + " \"scorer\": \"sum\", \"weightedCentre\": false, \"splitAbove\": 0}}}");
        PredictionException e = assertThrows(PredictionException.class, () -> ModelCard.fromJson(json, "bad.json"));
        assertTrue(e.getMessage().startsWith("bad.json: invalid model card") && e.getMessage().contains("rotations"),
                e.getMessage());
        String noPockets = tunedForOne().toJson().replace("\"tunedByRotations\": {}", "\"tunedByRotations\": {\"8\": {}}");
        assertThrows(PredictionException.class, () -> ModelCard.fromJson(noPockets, "bad.json"));
    }

    @Test
    void tuningEightOnACardTunedForOneKeepsTheDefaultAndAddsTheEntry() {
        PocketSettings chosen = PocketSettings.DEFAULT.withThreshold(0.059).withEps(5).withMinAtoms(5)
                .withScorer(PocketScorer.byName("buried-mean-sqrt-size")).withSplitAbove(80);
        ModelCard card = tunedForOne().withMetrics(Map.of("validation_dca_top_n", 0.689));
        ModelCard tuned = TunedCard.apply(card, chosen, SUMMARY, "sparsepocket tune v --rotations 8 --apply", "v", 8,
                false);
        assertNull(tuned.rotations());
        assertEquals(PLAIN, tuned.pockets());
        assertEquals(0.689, tuned.metrics().get("validation_dca_top_n"), "the default's scores stay");
        assertEquals(EIGHT, tuned.pocketsFor(8));
        assertEquals(0.75, tuned.tunedByRotations().get(8).validation().get("validation_dca_top_n"));
        assertEquals(8, tuned.accurateRotations());

        ModelCard asDefault = TunedCard.apply(card, chosen, SUMMARY, "c", "v", 8, true);
        assertEquals(8, asDefault.inferenceRotations());
        assertEquals(EIGHT, asDefault.pockets());
        assertEquals(PLAIN, asDefault.pocketsFor(1), "the old default keeps an entry of its own");
        assertEquals(0.689, asDefault.tunedByRotations().get(1).validation().get("validation_dca_top_n"));
        assertEquals(0.75, asDefault.metrics().get("validation_dca_top_n"));
    }

    @Test
    void aPredictionWithAnotherCountUsesThatCountsSettingsAndAverages(@TempDir Path dir) throws Exception {
        Structure structure = StructureLoader.load(Path.of("..", "examples", "1fbl.pdb"));
        ModelCard.PocketDefaults two = new ModelCard.PocketDefaults(0.3, 6, 4, "max", true, 0);
        try (PocketNetwork network = PocketNetwork.create(TinyNetworks.TINY, Device.cpu(), 5)) {
            TinyNetworks.warmRunningStatistics(network, 12);
            ModelBundle.save(dir, network, tunedForOne().withTunedFor(2, new ModelCard.TunedPockets(two, null, null)));
        }
        try (PocketPredictor plain = PocketPredictor.open(dir); PocketPredictor averaged = PocketPredictor.open(dir, 2)) {
            PocketSettings forTwo = plain.recommendedSettings(2);
            assertEquals(0.3, forTwo.threshold());
            assertEquals(6.0, forTwo.eps());
            assertEquals(4, forTwo.minAtoms());
            assertEquals("max", forTwo.scorer().name());
            assertTrue(forTwo.probabilityWeightedCenter());
            assertEquals(forTwo, averaged.recommendedSettings());
            assertEquals(0.105, plain.recommendedSettings().threshold());
            assertEquals(2, plain.accurateRotations());

            // One loaded network serves both modes: the count travels in the prediction settings.
            PredictionSettings settings = new PredictionSettings(ChainMode.whole(), forTwo, 2);
            Prediction perCall = plain.predict(structure, settings);
            Prediction opened = averaged.predict(structure, new PredictionSettings(ChainMode.whole(), forTwo));
            assertArrayEquals(opened.complexes().get(0).probabilities(), perCall.complexes().get(0).probabilities());
            Prediction fast = plain.predict(structure, settings.withRotations(null));
            assertTrue(!java.util.Arrays.equals(fast.complexes().get(0).probabilities(),
                    perCall.complexes().get(0).probabilities()), "two orientations average differently from one");
        }
        assertThrows(PredictionException.class,
                () -> new PredictionSettings(ChainMode.whole(), PocketSettings.DEFAULT, 0));
    }
}
