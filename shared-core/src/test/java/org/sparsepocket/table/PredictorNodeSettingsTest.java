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

    /** Typed threshold 0.5, everything else as a new node. */
    private final PredictorNodeSettings base = PredictorNodeSettings.DEFAULT.withThreshold(0.5);

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
        assertEquals(d, d.withAccuracy(null), "settings without the field load as fast");
        var accurate = d.withAccuracy(PredictorNodeSettings.Accuracy.ACCURATE);
        PredictionSettings p = accurate.toPredictionSettings(shipped);
        var card = org.sparsepocket.model.PocketModel.bundledCard().orElseThrow();
        assertEquals(card.accurateRotations(), p.rotations());
        assertEquals(shipped.accurateRotations(), p.rotations());
        assertTrue(p.rotations() > 1);
        assertEquals(org.sparsepocket.RecommendedSettings.of(card, card.accurateRotations()), p.pockets());
        var typed = PredictorNodeSettings.DEFAULT.withThreshold(0.42).withMinPocketSize(9).withMaxPockets(2)
                .withAccuracy(PredictorNodeSettings.Accuracy.ACCURATE).toPredictionSettings(shipped);
        assertEquals(0.42, typed.pockets().threshold());
        assertEquals(9, typed.pockets().minAtoms());
        assertEquals(2, typed.pockets().maxPockets());
        assertEquals(p.pockets().eps(), typed.pockets().eps());
        assertEquals(p.pockets().scorer(), typed.pockets().scorer());
    }

    @Test
    void mapsOntoPredictionSettings() {
        var s = base.withChains(Chains.SELECTED, " B, a ;B  C ").withMinPocketSize(12).withMaxPockets(3).withThreads(2)
                .withFailOnError(true);
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
                base.withChains(Chains.EACH_CHAIN, "ignored!").withMinPocketSize(1)
                        .toPredictionSettings(shipped).chainMode());
    }

    @Test
    void rejectsBadValuesWithMessagesNamingTheSetting() {
        assertMessage("Chains:", () -> base.withChains(Chains.SELECTED, " , "));
        assertMessage("Chains: \"A-B\"", () -> base.withChains(Chains.SELECTED, "A-B"));
        assertMessage("Threshold:", () -> base.withThreshold(1.5));
        assertMessage("Threshold:", () -> base.withThreshold(Double.NaN));
        assertMessage("Minimum pocket size:", () -> base.withMinPocketSize(0));
        assertMessage("Maximum pockets:", () -> base.withMaxPockets(-1));
        assertMessage("Threads:", () -> base.withThreads(0));
        assertMessage("Threads:", () -> base.withThreads(65));
        assertTrue(base.withChains(Chains.WHOLE, null).withThreads(64).chains().isEmpty());
        assertMessage("Report folder: \"reports\" is relative", () -> base.withReportFolder("reports"));
        assertMessage("Report folder: \"/a\u0000b\" is not a path", () -> base.withReportFolder("/a\u0000b"));
    }

    @Test
    void reportFolderIsOffByDefaultAndKeptByTheOtherCopies() {
        assertEquals("", PredictorNodeSettings.DEFAULT.reportFolder());
        assertTrue(PredictorNodeSettings.DEFAULT.reportFolderPath().isEmpty());
        assertTrue(base.withReportFolder(null).reportFolderPath().isEmpty());
        assertTrue(base.withReportFolder("  ").reportFolderPath().isEmpty());
        var withReports = base.withReportFolder(" /data/reports/../out ");
        assertEquals(java.nio.file.Path.of("/data/out"), withReports.reportFolderPath().orElseThrow());
        assertEquals("/data/reports/../out", withReports.withThreads(3).withAccuracy(PredictorNodeSettings.Accuracy.ACCURATE)
                .withChains(Chains.EACH_CHAIN, "").withMaxPockets(2).withFailOnError(true).withMinPocketSize(7)
                .withThreshold(0.3).reportFolder());
    }

    private static void assertMessage(String start, Runnable r) {
        var e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
