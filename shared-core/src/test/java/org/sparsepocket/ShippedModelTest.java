package org.sparsepocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.PocketModel;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.structure.StructureLoader;

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
        assertTrue(card.tunedByRotations().containsKey(accurate), "settings tuned for " + accurate + " orientations");
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
