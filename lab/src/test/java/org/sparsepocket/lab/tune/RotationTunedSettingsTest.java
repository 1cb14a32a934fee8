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

    private static final ModelCard.PocketDefaults PLAIN = new ModelCard.PocketDefaults(0.105, 5.0, 3, "sum", false, 80);
    private static final ModelCard.PocketDefaults EIGHT =
            new ModelCard.PocketDefaults(0.059, 5.0, 5, "buried-mean-sqrt-size", false, 80);

    private static ModelCard tunedForOne() {
        return ModelCard.of("tiny", TinyNetworks.TINY, "test").withRecommended(
                new ModelCard.Recommended(new ModelCard.Mode(1, PLAIN, null, null), null));
    }

    private static ModelCard withAccurate(ModelCard card, int n, ModelCard.PocketDefaults p, Map<String, Double> v,
                                          String command) {
        return card.withRecommended(new ModelCard.Recommended(card.recommended().fast(),
                new ModelCard.Mode(n, p, v, command)));
    }

    @Test
    void roundTripsOneSectionPerMode() {
        ModelCard card = withAccurate(tunedForOne(), 8, EIGHT, Map.of("validation_dca_top_n", 0.73),
                "sparsepocket tune x");
        ModelCard loaded = ModelCard.fromJson(card.toJson(), "test");
        assertEquals(card, loaded);
        assertEquals(EIGHT, loaded.pocketsFor(8));
        assertEquals(PLAIN, loaded.pocketsFor(1));
        assertEquals(PLAIN, loaded.pocketsFor(4), "no section for 4: the fast settings");
        assertEquals(1, loaded.inferenceRotations());
        assertEquals(8, loaded.accurateRotations());
        assertEquals(0.73, loaded.recommended().accurate().validation().get("validation_dca_top_n"));
        assertTrue(card.toJson().contains("\"recommended\": {\n    \"fast\": {\n      \"rotations\": 1,"),
                card.toJson());
        assertTrue(card.toJson().contains("\"accurate\": {\n      \"rotations\": 8,"), card.toJson());
        assertEquals(1, card.toJson().split("voxelSize", -1).length - 1, "the voxel size once");
    }

    @Test
    void writesTextAsTypedWithoutHtmlEscapes() {
        // Cards are read by people too: '=' and quotes in provenance text stay as typed, not \u003d.
        ModelCard card = tunedForOne().withProvenance(Map.of("loss", "alpha=1.0 'focal' <mean>"));
        assertTrue(card.toJson().contains("\"loss\": \"alpha=1.0 'focal' <mean>\""), card.toJson());
        assertEquals(card, ModelCard.fromJson(card.toJson(), "test"));
    }

    @Test
    void aCardWithoutAnAccurateSectionStillLoads() {
        String json = tunedForOne().toJson();
        assertTrue(json.contains("\"accurate\": null"), json);
        ModelCard loaded = ModelCard.fromJson(json.replaceAll(",\\s*\"accurate\": null", ""), "card");
        assertNull(loaded.recommended().accurate());
        assertEquals(PLAIN, loaded.pocketsFor(8));
        assertEquals(TestTimeRotations.ACCURATE, loaded.accurateRotations());
        assertEquals(tunedForOne(), loaded);
        ModelCard shipped = PocketModel.bundledCard().orElseThrow();
        assertTrue(shipped.accurateRotations() > 1);
        assertEquals(RecommendedSettings.bundled(), RecommendedSettings.of(shipped, shipped.inferenceRotations()));
    }

    @Test
    void aBadSectionIsAClearError() {
        String json = withAccurate(tunedForOne(), 8, EIGHT, null, null).toJson().replace("\"rotations\": 8",
                "\"rotations\": 0");
        PredictionException e = assertThrows(PredictionException.class, () -> ModelCard.fromJson(json, "bad.json"));
        assertTrue(e.getMessage().startsWith("bad.json: invalid model card") && e.getMessage().contains("rotations"),
                e.getMessage());
        String twice = withAccurate(tunedForOne(), 8, EIGHT, null, null).toJson().replace("\"rotations\": 8",
                "\"rotations\": 1");
        assertThrows(PredictionException.class, () -> ModelCard.fromJson(twice, "bad.json"));
    }

    @Test
    void tuningEightOnACardTunedForOneKeepsTheDefaultAndAddsTheEntry() {
        PocketSettings chosen = PocketSettings.DEFAULT.withThreshold(0.059).withEps(5).withMinAtoms(5)
                .withScorer(PocketScorer.byName("buried-mean-sqrt-size")).withSplitAbove(80);
        ModelCard card = tunedForOne().withMetrics(Map.of("validation_dca_top_n", 0.689));
        ModelCard tuned = TunedCard.apply(card, chosen, SUMMARY, "sparsepocket tune v --rotations 8 --apply", "v", 8,
                false);
        assertEquals(1, tuned.inferenceRotations());
        assertEquals(PLAIN, tuned.pockets());
        assertEquals(0.689, tuned.metrics().get("validation_dca_top_n"), "the default's scores stay");
        assertEquals(EIGHT, tuned.pocketsFor(8));
        assertEquals(0.75, tuned.recommended().accurate().validation().get("validation_dca_top_n"));
        assertEquals(8, tuned.accurateRotations());

        ModelCard asDefault = TunedCard.apply(card, chosen, SUMMARY, "c", "v", 8, true);
        assertEquals(8, asDefault.inferenceRotations());
        assertEquals(EIGHT, asDefault.pockets());
        assertNull(asDefault.recommended().accurate(), "8 is now the fast mode's count");
        assertEquals(0.75, asDefault.metrics().get("validation_dca_top_n"));
    }

    @Test
    void aPredictionWithAnotherCountUsesThatCountsSettingsAndAverages(@TempDir Path dir) throws Exception {
        Structure structure = StructureLoader.load(Path.of("..", "examples", "1fbl.pdb"));
        ModelCard.PocketDefaults two = new ModelCard.PocketDefaults(0.3, 6.0, 4, "max", true, 0);
        try (PocketNetwork network = PocketNetwork.create(TinyNetworks.TINY, Device.cpu(), 5)) {
            TinyNetworks.warmRunningStatistics(network, 12);
            ModelBundle.save(dir, network, withAccurate(tunedForOne(), 2, two, null, null));
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
