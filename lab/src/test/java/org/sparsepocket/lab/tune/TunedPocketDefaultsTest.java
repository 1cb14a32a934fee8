package org.sparsepocket.lab.tune;

import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.PocketNetwork;
import org.sparsepocket.model.TinyNetworks;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.PredictionException;
import org.sparsepocket.eval.EvaluationSummary;
import org.sparsepocket.lab.tune.TunedCard;
import org.sparsepocket.pockets.PocketScorer;
import org.sparsepocket.pockets.PocketSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tuned pocket settings travel in the model card and become the predictor's recommended settings. */
class TunedPocketDefaultsTest {

    private static final EvaluationSummary SUMMARY = new EvaluationSummary("sparsepocket", 10, 12, 3.5,
            List.of(new EvaluationSummary.SuccessRate("DCA", 4, 0.75, 0.9, 1.0),
                    new EvaluationSummary.SuccessRate("DCC", 4, 0.5, 0.6, 0.7)),
            new EvaluationSummary.ResidueMetrics(0.5, 0.6, 0.55, 0.5),
            new EvaluationSummary.ResidueMetrics(0.6, 0.5, 0.54, 0.5), 0.4, 0.45);

    @Test
    void tunedSettingsBecomeTheRecommendedSettingsAfterSaveAndLoad(@TempDir Path dir) throws Exception {
        PocketSettings chosen = PocketSettings.DEFAULT.withThreshold(0.21).withEps(6.5).withMinAtoms(8)
                .withScorer(PocketScorer.byName("mean-sqrt-size")).withProbabilityWeightedCenter(true).withSplitAbove(60);
        try (PocketNetwork network = PocketNetwork.create(TinyNetworks.TINY, Device.cpu(), 5)) {
            ModelCard card = TunedCard.apply(ModelCard.of("tiny", TinyNetworks.TINY, "test").withBestF1Threshold(0.3),
                    chosen, SUMMARY, "sparsepocket tune val --model m --cache c --apply", "val (10 proteins)", 1, false);
            ModelBundle.save(dir, network, card);
            try (PocketPredictor predictor = PocketPredictor.open(dir)) {
                PocketSettings s = predictor.recommendedSettings();
                assertEquals(chosen.threshold(), s.threshold());
                assertEquals(chosen.eps(), s.eps());
                assertEquals(chosen.minAtoms(), s.minAtoms());
                assertEquals("mean-sqrt-size", s.scorer().name());
                assertTrue(s.probabilityWeightedCenter());
                assertEquals(60, s.splitAbove());
                assertEquals(PocketSettings.DEFAULT.boxMargin(), s.boxMargin());
            }
            ModelCard loaded = ModelCard.fromJson(Files.readString(dir.resolve(ModelBundle.CARD_FILE)), "test");
            assertEquals(card, loaded);
            assertEquals(0.75, loaded.metrics().get("validation_dca_top_n"));
            assertEquals(0.6, loaded.metrics().get("validation_dcc_top_n_plus_2"));
            assertEquals("--threshold 0.21 --eps 6.5 --min-size 8 --scorer mean-sqrt-size --weighted-centre --split-above 60",
                    loaded.provenance().get("tuned_pocket_settings"));
        }
    }

    @Test
    void everyScorerCanBeACardsTunedDefault() {
        // The card names the scorer; predict, Jmol and KNIME all read it back through RecommendedSettings.
        for (PocketScorer scorer : PocketScorer.all()) {
            ModelCard card = ModelCard.of("tiny", TinyNetworks.TINY, "test").withPockets(
                    new ModelCard.PocketDefaults(0.05, 5.0, 3, scorer.name(), false, 80));
            ModelCard loaded = ModelCard.fromJson(card.toJson(), "test");
            assertEquals(scorer, org.sparsepocket.RecommendedSettings.of(loaded).scorer());
        }
    }

    @Test
    void anUntunedCardRecommendsTheDefaultsWithItsThreshold(@TempDir Path dir) throws Exception {
        try (PocketNetwork network = PocketNetwork.create(TinyNetworks.TINY, Device.cpu(), 5)) {
            ModelBundle.save(dir, network, ModelCard.of("tiny", TinyNetworks.TINY, "test").withBestF1Threshold(0.3));
            // The untuned fast section sets only the threshold; the rest are the code's defaults.
            String json = Files.readString(dir.resolve(ModelBundle.CARD_FILE));
            try (PocketPredictor predictor = PocketPredictor.open(dir)) {
                assertEquals(PocketSettings.DEFAULT.withThreshold(0.3), predictor.recommendedSettings());
            }
            ModelCard.PocketDefaults p = ModelCard.fromJson(json, "test").pockets();
            assertEquals(new ModelCard.PocketDefaults(0.3, null, null, null, null, null), p);
            assertEquals(0.3, ModelCard.fromJson(json, "test").bestF1Threshold());
        }
    }

    @Test
    void anUnknownTunedScorerIsAClearError(@TempDir Path dir) throws Exception {
        try (PocketNetwork network = PocketNetwork.create(TinyNetworks.TINY, Device.cpu(), 5)) {
            ModelCard card = ModelCard.of("tiny", TinyNetworks.TINY, "test")
                    .withPockets(new ModelCard.PocketDefaults(0.2, 5.0, 5, "median", false, 0));
            ModelBundle.save(dir, network, card);
            try (PocketPredictor predictor = PocketPredictor.open(dir)) {
                PredictionException e = assertThrows(PredictionException.class, predictor::recommendedSettings);
                assertTrue(e.getMessage().contains("median"), e.getMessage());
            }
        }
    }
}
