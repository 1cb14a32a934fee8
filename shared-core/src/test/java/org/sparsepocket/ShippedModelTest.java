package org.sparsepocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.PocketModel;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.structure.StructureLoader;
import org.sparsepocket.structure.TestFiles;

/** The model shipped in the jar: its card, its tuned defaults, and a real prediction on the bundled example. */
class ShippedModelTest {

    @Test
    void theCardRecordsHowTheModelWasMadeAndTuned() {
        ModelCard card = PocketModel.bundledCard().orElseThrow(() -> new AssertionError("no model is bundled"));
        card.checkCompatible("bundled");
        assertNotNull(card.pockets(), "pocket settings tuned on validation");
        for (String key : List.of("command", "training_files_sha256", "validation_files_sha256", "seed", "hardware",
                "version_djl", "version_pytorch", "tuning_command")) {
            assertTrue(card.provenance().containsKey(key), key);
        }
        assertTrue(card.metrics().get("validation_pr_auc") > 0.3, "validation PR-AUC " + card.metrics());
        assertEquals(card.pockets().threshold(), RecommendedSettings.bundled().threshold());
    }

    @Test
    void theAccurateModeHasItsOwnTunedSettings() {
        ModelCard card = PocketModel.bundledCard().orElseThrow();
        assertEquals(1, card.inferenceRotations(), "the default stays fast");
        int accurate = card.accurateRotations();
        assertTrue(accurate > 1, "accurate count " + accurate);
        assertNotNull(card.recommended().accurate(), "settings tuned for the accurate mode");
        assertEquals(accurate, card.recommended().accurate().rotations());
        assertEquals(card.pockets(), card.pocketsFor(1));
    }

    @Test
    void findsTheInhibitorSiteOfTheExampleAtRankOne() {
        assertRankOneAtTheInhibitor(false);
    }

    @Test
    void theAccurateModeFindsItAtRankOneToo() {
        assertRankOneAtTheInhibitor(true);
    }

    /**
     * The formats hold the same decimals, so the probabilities are equal bit for bit and so are the pockets.
     * (Before BinaryCIF's fixed-point numbers were decoded exactly, HIS183 CB of the .bcif fell one ulp short
     * of a voxel boundary: 119 probabilities and the rank-1 centre moved.) Atom order differs in PyMOL's file.
     */
    @Test
    void everyFormatOfTheExampleGivesTheSamePrediction() {
        try (PocketPredictor predictor = PocketPredictor.open()) {
            PredictionSettings settings = new PredictionSettings(
                    org.sparsepocket.structure.ChainMode.whole(), predictor.recommendedSettings());
            ComplexPrediction reference = predictor.predict(TestModels.example(), settings).complexes().get(0);
            for (String file : List.of("1fbl.cif", "1fbl.bcif", "1fbl_pymol.cif")) {
                ComplexPrediction c = predictor.predict(TestFiles.data("p2rank-testdata/" + file), settings)
                        .complexes().get(0);
                Map<String, Float> expected = probabilities(reference), actual = probabilities(c);
                assertEquals(expected.keySet(), actual.keySet(), file);
                assertEquals(List.of(), expected.keySet().stream()
                        .filter(k -> !expected.get(k).equals(actual.get(k))).sorted().toList(),
                        file + ": atoms with another probability");
                assertEquals(summary(reference), summary(c), file);
            }
        }
    }

    private static Map<String, Float> probabilities(ComplexPrediction c) {
        Map<String, Float> byAtom = new HashMap<>();
        for (int i = 0; i < c.probabilities().length; i++) {
            Atom a = c.complex().atoms().get(i);
            byAtom.put(a.residue().label() + " " + a.name(), c.probabilities()[i]);
        }
        return byAtom;
    }

    private static List<String> summary(ComplexPrediction c) {
        return c.pockets().stream().map(k -> k.rank() + " " + k.score() + " " + k.center() + " " + k.residues()).toList();
    }

    private static void assertRankOneAtTheInhibitor(boolean accurate) {
        // 1FBL: MMP-1 with the hydroxamate inhibitor HTA bound at the catalytic zinc (His218, His222, His228).
        Structure s = StructureLoader.load(TestModels.example());
        Ligand hta = s.hetGroups().stream().filter(l -> l.code().equals("HTA")).findFirst().orElseThrow();
        try (PocketPredictor predictor = accurate ? PocketPredictor.open(PocketModel.bundledCard().orElseThrow()
                .accurateRotations()) : PocketPredictor.open()) {
            Prediction p = predictor.predict(s, new PredictionSettings(
                    org.sparsepocket.structure.ChainMode.whole(), predictor.recommendedSettings()));
            List<Pocket> pockets = p.complexes().get(0).pockets();
            assertTrue(!pockets.isEmpty(), "no pocket");
            Pocket top = pockets.get(0);
            double dca = Double.POSITIVE_INFINITY;
            for (Atom a : hta.atoms()) {
                double dx = a.x() - top.center().x(), dy = a.y() - top.center().y(), dz = a.z() - top.center().z();
                dca = Math.min(dca, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
            assertTrue(dca <= 4.0, "rank-1 pocket centre " + dca + " Å from the ligand");
            assertTrue(top.residues().stream().anyMatch(r -> r.number() == 218 && r.name().equals("HIS")),
                    top.residues().toString());
        }
    }
}
