package org.sparsepocket.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.ChainMode;
import org.sparsepocket.table.PredictorNodeSettings.Chains;

/** The mapping with the shipped model; another model's card: {@link CellPredictorModelSettingsTest}. */
class PredictorNodeSettingsTest {

    private static PocketPredictor shipped;

    @BeforeAll
    static void open() {
        shipped = PocketPredictor.open();
    }

    @AfterAll
    static void close() {
        if (shipped != null) {
            shipped.close();
        }
    }

    @Test
    void defaultsAreTheShippedModelsRecommendedSettings() {
        var d = PredictorNodeSettings.DEFAULT;
        assertEquals(Chains.WHOLE, d.chainMode());
        assertEquals(1, d.threads());
        assertFalse(d.failOnError());
        PocketSettings bundled = org.sparsepocket.RecommendedSettings.bundled();
        assertEquals(bundled, PredictorNodeSettings.SHIPPED, "the dialog's fields start at the shipped card's values");
        assertNull(d.threshold(), "a new node uses the opened model's threshold");
        assertNull(d.minPocketSize(), "and its minimum size");
        assertEquals(new PredictionSettings(ChainMode.whole(), bundled), d.toPredictionSettings(shipped));
        assertEquals(shipped.recommendedSettings(), d.toPredictionSettings(shipped).pockets(),
                "the node starts where predict and Jmol start");
    }

    @Test
    void accurateModeUsesTheSettingsTunedForTheAccurateCountUnlessTheUserChangedThem() {
        var d = PredictorNodeSettings.DEFAULT;
        assertEquals(PredictorNodeSettings.Accuracy.FAST, d.accuracy());
        assertEquals(null, d.toPredictionSettings(shipped).rotations(), "fast: the card's default count");
        assertEquals(d, new PredictorNodeSettings(d.chainMode(), d.chains(), d.threshold(), d.minPocketSize(),
                d.maxPockets(), d.threads(), d.failOnError(), null), "settings without the field load as fast");
        var accurate = new PredictorNodeSettings(d.chainMode(), d.chains(), d.threshold(), d.minPocketSize(),
                d.maxPockets(), d.threads(), d.failOnError(), PredictorNodeSettings.Accuracy.ACCURATE);
        PredictionSettings p = accurate.toPredictionSettings(shipped);
        var card = org.sparsepocket.model.PocketModel.bundledCard().orElseThrow();
        assertEquals(card.accurateRotations(), p.rotations());
        assertEquals(shipped.accurateRotations(), p.rotations());
        assertTrue(p.rotations() > 1);
        assertEquals(org.sparsepocket.RecommendedSettings.of(card, card.accurateRotations()), p.pockets());
        var typed = new PredictorNodeSettings(Chains.WHOLE, "", 0.42, 9, 2, 1, false,
                PredictorNodeSettings.Accuracy.ACCURATE).toPredictionSettings(shipped);
        assertEquals(0.42, typed.pockets().threshold());
        assertEquals(9, typed.pockets().minAtoms());
        assertEquals(2, typed.pockets().maxPockets());
        assertEquals(p.pockets().eps(), typed.pockets().eps());
        assertEquals(p.pockets().scorer(), typed.pockets().scorer());
    }

    @Test
    void mapsOntoPredictionSettings() {
        var s = new PredictorNodeSettings(Chains.SELECTED, " B, a ;B  C ", 0.5, 12, 3, 2, true);
        assertEquals(List.of("B", "a", "C"), s.chainIds());
        PredictionSettings p = s.toPredictionSettings(shipped);
        assertEquals(ChainMode.chains(List.of("B", "a", "C")), p.chainMode());
        assertEquals(0.5, p.pockets().threshold());
        assertEquals(12, p.pockets().minAtoms());
        assertEquals(3, p.pockets().maxPockets());
        PocketSettings recommended = org.sparsepocket.RecommendedSettings.bundled();
        assertEquals(recommended.eps(), p.pockets().eps());
        assertEquals(recommended.scorer(), p.pockets().scorer());
        assertEquals(recommended.splitAbove(), p.pockets().splitAbove());
        assertEquals(recommended.boxMargin(), p.pockets().boxMargin());
        assertEquals(ChainMode.eachChain(),
                new PredictorNodeSettings(Chains.EACH_CHAIN, "ignored!", 0.5, 1, 0, 1, false)
                        .toPredictionSettings(shipped).chainMode());
    }

    @Test
    void rejectsBadValuesWithMessagesNamingTheSetting() {
        assertMessage("Chains:", () -> new PredictorNodeSettings(Chains.SELECTED, " , ", 0.5, 5, 0, 1, false));
        assertMessage("Chains: \"A-B\"", () -> new PredictorNodeSettings(Chains.SELECTED, "A-B", 0.5, 5, 0, 1, false));
        assertMessage("Threshold:", () -> new PredictorNodeSettings(Chains.WHOLE, "", 1.5, 5, 0, 1, false));
        assertMessage("Threshold:", () -> new PredictorNodeSettings(Chains.WHOLE, "", Double.NaN, 5, 0, 1, false));
        assertMessage("Minimum pocket size:", () -> new PredictorNodeSettings(Chains.WHOLE, "", 0.5, 0, 0, 1, false));
        assertMessage("Maximum pockets:", () -> new PredictorNodeSettings(Chains.WHOLE, "", 0.5, 5, -1, 1, false));
        assertMessage("Threads:", () -> new PredictorNodeSettings(Chains.WHOLE, "", 0.5, 5, 0, 0, false));
        assertMessage("Threads:", () -> new PredictorNodeSettings(Chains.WHOLE, "", 0.5, 5, 0, 65, false));
        assertTrue(new PredictorNodeSettings(Chains.WHOLE, null, 0, 1, 0, 64, false).chains().isEmpty());
    }

    private static void assertMessage(String start, Runnable r) {
        var e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
