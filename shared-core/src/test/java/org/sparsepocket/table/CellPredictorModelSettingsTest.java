package org.sparsepocket.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.RecommendedSettings;
import org.sparsepocket.TestModels;
import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.PocketModel;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.pockets.PocketExtractor;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.table.PredictorNodeSettings.Accuracy;
import org.sparsepocket.table.PredictorNodeSettings.Chains;

/**
 * The node with a model other than the shipped one: a copy of the shipped bundle (same weights) whose card
 * was re-tuned by hand, fast settings (threshold 0.3, minimum 12 atoms, scorer sum) and an accurate entry for
 * 4 rotations instead of 8 (threshold 0.2, minimum 9, scorer max). Dialog values left at their defaults
 * (the shipped card's fast values) must mean this card's values in both modes, a typed value must win, and
 * the pockets must be the ones those settings give on the network's probabilities for 1FBL.
 */
class CellPredictorModelSettingsTest {

    @TempDir
    static Path bundle;

    private static Path example;

    @BeforeAll
    static void retunedCopyOfTheShippedBundle() throws IOException {
        example = TestModels.example();
        for (String file : List.of(ModelBundle.CARD_FILE, "weights.params", "model-card.md")) {
            try (InputStream in = PocketModel.class.getResourceAsStream(PocketModel.BUNDLED_RESOURCE + file)) {
                assertTrue(in != null, "shipped bundle file " + file + " is missing");
                Files.copy(in, bundle.resolve(file));
            }
        }
        Path json = bundle.resolve(ModelBundle.CARD_FILE);
        JsonObject card = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        JsonObject recommended = card.getAsJsonObject("recommended");
        recommended.getAsJsonObject("fast").add("pockets", pockets(0.3, 12, "sum"));
        JsonObject accurate = recommended.getAsJsonObject("accurate");
        accurate.addProperty("rotations", 4);
        accurate.add("pockets", pockets(0.2, 9, "max"));
        Files.writeString(json, new GsonBuilder().setPrettyPrinting().create().toJson(card), StandardCharsets.UTF_8);
    }

    private static JsonObject pockets(double threshold, int minAtoms, String scorer) {
        JsonObject p = new JsonObject();
        p.addProperty("threshold", threshold);
        p.addProperty("eps", 6.0);
        p.addProperty("minAtoms", minAtoms);
        p.addProperty("scorer", scorer);
        p.addProperty("weightedCentre", false);
        p.addProperty("splitAbove", 0);
        return p;
    }

    private static PredictorNodeSettings node(Double threshold, Integer minSize, Accuracy accuracy) {
        return PredictorNodeSettings.DEFAULT.withThreshold(threshold).withMinPocketSize(minSize).withAccuracy(accuracy);
    }

    private static PredictorNodeSettings dialogDefault(Accuracy accuracy) {
        return node(null, null, accuracy);
    }

    @Test
    void theDialogDefaultsAreTheShippedCardsAndDifferFromTheEditedCard() {
        PocketSettings shipped = RecommendedSettings.bundled();
        assertEquals(shipped, PredictorNodeSettings.SHIPPED, "the dialog's fields start at the shipped card's values");
        assertNull(PredictorNodeSettings.DEFAULT.threshold(), "a new node uses the opened model's threshold");
        assertNull(PredictorNodeSettings.DEFAULT.minPocketSize());
        assertNotEquals(0.3, shipped.threshold(), "the edits must differ from the shipped card to test anything");
        assertNotEquals(12, shipped.minAtoms());
    }

    @Test
    void fastModeWithDialogDefaultsUsesTheOpenedModelsTunedSettings() throws Exception {
        try (CellPredictor cells = CellPredictor.open(bundle, dialogDefault(Accuracy.FAST))) {
            PredictionSettings used = cells.settings();
            assertNull(used.rotations(), "fast: the card's default count");
            assertEquals(0.3, used.pockets().threshold());
            assertEquals(12, used.pockets().minAtoms());
            assertEquals("sum", used.pockets().scorer().name());
            assertEquals(6.0, used.pockets().eps());
            assertEquals(0, used.pockets().splitAbove());
            assertPocketsFollow(cells, used.pockets());
        }
    }

    @Test
    void accurateModeWithDialogDefaultsUsesTheOpenedModelsAccurateEntry() throws Exception {
        try (CellPredictor cells = CellPredictor.open(bundle, dialogDefault(Accuracy.ACCURATE))) {
            PredictionSettings used = cells.settings();
            assertEquals(4, used.rotations(), "the card's most-rotations entry, not the shipped card's 8");
            assertEquals(0.2, used.pockets().threshold());
            assertEquals(9, used.pockets().minAtoms());
            assertEquals("max", used.pockets().scorer().name());
            assertPocketsFollow(cells, used.pockets());
        }
    }

    @Test
    void typedValuesOverrideTheCardInBothModes() throws Exception {
        try (CellPredictor cells = CellPredictor.open(bundle, node(0.25, 7, Accuracy.FAST))) {
            PredictionSettings used = cells.settings();
            assertEquals(0.25, used.pockets().threshold());
            assertEquals(7, used.pockets().minAtoms());
            assertEquals("sum", used.pockets().scorer().name(), "settings the dialog lacks stay the card's");
            assertPocketsFollow(cells, used.pockets());
        }
        try (PocketPredictor model = PocketPredictor.open(bundle)) {
            PredictionSettings accurate = node(0.25, 7, Accuracy.ACCURATE).toPredictionSettings(model);
            assertEquals(4, accurate.rotations());
            assertEquals(0.25, accurate.pockets().threshold());
            assertEquals(7, accurate.pockets().minAtoms());
            assertEquals("max", accurate.pockets().scorer().name());
            // Only the changed one of the two overrides; the other stays the card's.
            PredictionSettings onlyThreshold = node(0.25, null, Accuracy.ACCURATE).toPredictionSettings(model);
            assertEquals(0.25, onlyThreshold.pockets().threshold());
            assertEquals(9, onlyThreshold.pockets().minAtoms());
            // A typed value equal to the shipped card's is used as typed, not taken for "the model's".
            PocketSettings shipped = RecommendedSettings.bundled();
            PredictionSettings typedShipped = node(shipped.threshold(), shipped.minAtoms(), Accuracy.ACCURATE)
                    .toPredictionSettings(model);
            assertEquals(shipped.threshold(), typedShipped.pockets().threshold());
            assertEquals(shipped.minAtoms(), typedShipped.pockets().minAtoms());
        }
    }

    /**
     * The node's pocket rows for 1FBL are those the expected settings give on the probabilities the run
     * computed, and not those the shipped card's settings would give.
     */
    private static void assertPocketsFollow(CellPredictor cells, PocketSettings expected) throws Exception {
        Prediction p = cells.predict("1fbl", example.toAbsolutePath().toString());
        List<String> ran = new ArrayList<>();
        List<String> wanted = new ArrayList<>();
        List<String> shipped = new ArrayList<>();
        PocketSettings shippedSettings = RecommendedSettings.bundled();
        for (ComplexPrediction c : p.complexes()) {
            ran.addAll(summary(c.pockets()));
            wanted.addAll(summary(new PocketExtractor(expected).extract(c.complex().atoms(), c.probabilities())));
            shipped.addAll(summary(new PocketExtractor(shippedSettings).extract(c.complex().atoms(),
                    c.probabilities())));
        }
        assertFalse(ran.isEmpty(), "the retuned card still finds pockets in 1FBL");
        assertEquals(wanted, ran);
        assertNotEquals(shipped, ran, "the shipped card's settings would give other pockets");

        List<TableRow> rows = new ArrayList<>();
        PredictorRun.run(List.of(new PredictorRun.Input("1fbl", example.toAbsolutePath().toString())).iterator(),
                PredictorNodeSettings.DEFAULT, cells, new PredictorRun.Output() {
                    @Override
                    public void pocketRow(TableRow row) {
                        rows.add(row);
                    }

                    @Override
                    public void residueRow(TableRow row) {
                    }

                    @Override
                    public void rowDone(long rowsDone) {
                    }
                });
        assertEquals(ran.size(), rows.size(), "one pocket row per pocket");
        for (TableRow r : rows) {
            assertTrue(((Number) r.get(PocketTables.ATOM_COUNT)).intValue() >= expected.minAtoms(), r.toString());
            assertTrue((Double) r.get(PocketTables.MAX_PROBABILITY) >= expected.threshold(), r.toString());
        }
    }

    private static List<String> summary(List<Pocket> pockets) {
        return pockets.stream().map(k -> k.rank() + " " + k.score() + " " + Arrays.toString(k.atomIndices()))
                .toList();
    }
}
