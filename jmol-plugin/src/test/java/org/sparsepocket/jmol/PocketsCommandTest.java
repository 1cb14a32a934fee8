package org.sparsepocket.jmol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code pockets} command in a headless viewer, for everything that needs no network: install,
 * help, and the one-line messages for bad input. The network is never opened here.
 */
class PocketsCommandTest {

    private static final PredictorSource NO_NETWORK = new PredictorSource(() -> {
        throw new AssertionError("this command must not load a network");
    });

    private static HeadlessJmol installed() {
        HeadlessJmol jmol = new HeadlessJmol();
        PocketsInstaller.install(jmol.vwr, NO_NETWORK, (p, s, d) -> {
            throw new AssertionError("no export expected");
        });
        return jmol;
    }

    private static String report(HeadlessJmol jmol) {
        return String.valueOf(jmol.eval("pocketsReport"));
    }

    @Test
    void helpIsPrintedThroughTheViewersOwnListener() {
        try (HeadlessJmol jmol = installed()) {
            jmol.script("pockets \"help\"");
            assertEquals(PocketsRequest.USAGE, report(jmol));
            // print output reached the listener the wrapper delegates to
            assertEquals(PocketsRequest.USAGE, jmol.lastPrinted());
        }
    }

    @Test
    void nothingLoaded() {
        try (HeadlessJmol jmol = installed()) {
            jmol.script("pockets");
            assertEquals("SparsePocket: no structure loaded: load one first, e.g. load =1abc", report(jmol));
        }
    }

    @Test
    void dnaOnlyModel() {
        try (HeadlessJmol jmol = installed()) {
            jmol.script("load \"" + TestData.resource("dna-nucleotides.pdb") + "\"");
            jmol.script("pockets");
            assertEquals("SparsePocket: dna-nucleotides has no protein atoms (only nucleic acids):"
                    + " pockets are predicted on proteins only", report(jmol));
            assertTrue(SceneScriptTest.ids(jmol, "Isosurface").isEmpty());
        }
    }

    @Test
    void badArgumentsAreOneLineMessages() {
        try (HeadlessJmol jmol = installed()) {
            jmol.script("pockets \"frobnicate\"");
            assertEquals("SparsePocket: unknown action \"frobnicate\" (see pockets \"help\")", report(jmol));
            jmol.script("pockets \"threshold\" 2");
            assertEquals("SparsePocket: threshold must be in [0, 1], got 2.0", report(jmol));
            jmol.script("pockets \"threshold\" 0.4");
            assertEquals("SparsePocket: threshold set to 0.40; run pockets to predict", report(jmol));
            jmol.script("pockets \"show\" 1");
            assertEquals("SparsePocket: no prediction yet: run pockets", report(jmol));
            jmol.script("pockets \"export\" \"/tmp\"");
            assertEquals("SparsePocket: no prediction yet: run pockets", report(jmol));
            jmol.script("pockets \"list\"");
            assertEquals("SparsePocket: no prediction yet: run pockets", report(jmol));
            for (String line : jmol.printed()) {
                assertEquals(1, line.lines().count(), line);
            }
        }
    }

    @Test
    void anUnquotedWordIsAMessageNotAPrediction() {
        try (HeadlessJmol jmol = installed()) {
            jmol.script("load \"" + TestData.resource("dna-nucleotides.pdb") + "\"");
            jmol.script("pockets list");
            assertEquals("SparsePocket: put the action in double quotes, e.g. pockets \"list\" (see pockets \"help\")",
                    report(jmol));
            jmol.script("pockets");     // no argument at all still predicts (here: says there is no protein)
            assertTrue(report(jmol).contains("has no protein atoms"), report(jmol));
        }
    }

    @Test
    void structuresWithoutProteinSaySoInOneLine(@TempDir Path dir) throws IOException {
        try (HeadlessJmol jmol = installed()) {
            Path ligands = DerivedStructures.ligandsOnly(dir);
            jmol.script("load \"" + ligands + "\"");
            jmol.script("pockets");
            assertEquals("SparsePocket: 1fbl-ligands has no protein atoms: pockets are predicted on proteins only",
                    report(jmol));
            jmol.script("load \"" + DerivedStructures.waterOnly(dir) + "\"");
            jmol.script("pockets");
            assertEquals("SparsePocket: 1fbl-water has no protein atoms: pockets are predicted on proteins only",
                    report(jmol));
            jmol.script("zap");
            jmol.script("pockets");
            assertEquals("SparsePocket: no structure loaded: load one first, e.g. load =1abc", report(jmol));
            assertTrue(SceneScriptTest.ids(jmol, "Isosurface").isEmpty());
        }
    }

    @Test
    void theCommandSurvivesZapAndLoadAndInstallsOnce() {
        try (HeadlessJmol jmol = installed()) {
            PocketsService service = PocketsInstaller.install(jmol.vwr, NO_NETWORK, (p, s, d) -> List.of());
            assertSame(service, PocketsInstaller.install(jmol.vwr, NO_NETWORK, (p, s, d) -> List.of()));
            jmol.script("zap");
            jmol.script("load \"" + TestData.resource("dna-nucleotides.pdb") + "\"");
            jmol.script("pockets \"hide\"");
            assertEquals("SparsePocket: pockets hidden; pockets \"show\" shows them again", report(jmol));
        }
    }

    @Test
    void aViewerWithoutTheServiceSaysSo() {
        try (HeadlessJmol jmol = new HeadlessJmol()) {
            jmol.script(PocketsInstaller.FUNCTION);
            jmol.script("pockets");
            assertEquals("SparsePocket: the pockets service is not installed in this viewer", jmol.lastPrinted());
        }
    }
}
