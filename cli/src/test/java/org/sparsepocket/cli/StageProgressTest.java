package org.sparsepocket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.PredictionProgress.Stage;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.TestModels;
import org.sparsepocket.structure.StructureLoader;

/** The stage lines of one long prediction (before: 47 s on a 200,000-atom structure with nothing on stderr). */
class StageProgressTest {

    @Test
    void aRealPredictionShowsEachStageOnceInALog() {
        StringWriter sw = new StringWriter();
        try (PocketPredictor predictor = PocketPredictor.open(TestModels.fixtureModel());
             StageProgress progress = new StageProgress(new PrintWriter(sw), "1fbl.pdb", false, 0)) {
            progress.update(Stage.READING, 0);
            var structure = StructureLoader.load(TestModels.example());
            progress.update(Stage.READING, 1);
            predictor.predict(structure, PredictionSettings.DEFAULT, progress);
        }
        List<String> lines = sw.toString().lines().toList();
        List<String> stages = lines.stream().map(l -> l.replaceAll(" \\d+% \\(\\d+ s\\)$", "")).toList();
        assertEquals(List.of("sparsepocket: 1fbl.pdb: reading", "sparsepocket: 1fbl.pdb: features",
                "sparsepocket: 1fbl.pdb: network", "sparsepocket: 1fbl.pdb: pockets"), stages, sw.toString());
        assertTrue(lines.get(0).matches(".*: reading 0% \\(\\d+ s\\)"), lines.get(0));
        assertFalse(sw.toString().contains("\r"), "no redrawing in a log");
    }

    @Test
    void aShortRunPrintsNothing() {
        StringWriter sw = new StringWriter();
        try (StageProgress progress = new StageProgress(new PrintWriter(sw), "1fbl.pdb", true, StageProgress.DELAY_NANOS)) {
            for (Stage s : Stage.values()) {
                progress.update(s, 0.5);
            }
        }
        assertEquals("", sw.toString());
    }

    @Test
    void aTerminalLineIsRedrawnWithItsPercentageAndRemovedAtTheEnd() {
        StringWriter sw = new StringWriter();
        try (StageProgress progress = new StageProgress(new PrintWriter(sw), "big.cif", true, 0)) {
            progress.update(Stage.NETWORK, 0.125);
            progress.update(Stage.NETWORK, 0.5);
            progress.update(Stage.POCKETS, 1);
        }
        String s = sw.toString();
        assertTrue(s.startsWith("\rsparsepocket: big.cif: network 12% ("), s);
        assertTrue(s.contains("\rsparsepocket: big.cif: network 50% ("), s);
        assertTrue(s.contains("\rsparsepocket: big.cif: pockets 100% ("), s);
        assertTrue(s.endsWith("\r\u001b[K"), "line removed at the end");
        assertFalse(s.contains("\n"), s);
    }
}
