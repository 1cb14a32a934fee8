package org.sparsepocket.surface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.PredictionException;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;

class AtomPropensityTest {

    @TempDir
    Path dir;

    @Test
    void siteRichTypesGetPositiveLogOddsRareTypesNoneAndTheTableRoundTrips() {
        // overall rate 120 / 1,010 ≈ 0.119 (rare types count too); TRP.CZ2 lines a site 100 of 200 times, ALA.CB 10 of 800, XYZ.Q is rare
        AtomPropensity p = AtomPropensity.fromCounts(Map.of("TRP.CZ2", new int[] {200, 100}, "ALA.CB", new int[] {800, 10},
                "XYZ.Q", new int[] {10, 10}));
        double base = 121.0 / 1012.0;
        assertEquals(Math.log((100 + 10 * base) / 210 / base), p.logOdds().get("TRP.CZ2"), 1e-5);
        assertTrue(p.logOdds().get("ALA.CB") < 0);
        assertEquals(2, p.logOdds().size());
        Atom trp = new Atom(1, "CZ2", "C", new ResidueId("A", 5, ' ', "TRP"), 0, 0, 0, 1, 0);
        Atom odd = new Atom(2, "Q", "C", new ResidueId("A", 6, ' ', "XYZ"), 0, 0, 0, 1, 0);
        p.write(dir);
        AtomPropensity read = AtomPropensity.read(dir);
        assertEquals(p, read);
        assertArrayEquals(new float[] {p.logOdds().get("TRP.CZ2"), 0f}, read.of(List.of(trp, odd)));
    }

    @Test
    void aMalformedTableFailsWithItsNameAndLine() throws Exception {
        Files.writeString(dir.resolve(AtomPropensity.FILE), "# header\nTRP.CZ2 0.5\n");
        PredictionException e = assertThrows(PredictionException.class, () -> AtomPropensity.read(dir));
        assertTrue(e.getMessage().contains(AtomPropensity.FILE + ": line 2"), e.getMessage());
    }
}
