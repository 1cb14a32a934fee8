package org.sparsepocket.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparsepocket.eval.EvalFixtures.ligandOnXAxis;
import static org.sparsepocket.eval.EvalFixtures.pocketAt;

import org.junit.jupiter.api.Test;
import org.sparsepocket.structure.Ligand;

class PocketCriterionTest {

    // A long ligand from x = 0 to x = 12: its centre is at x = 6.
    private final Ligand rod = ligandOnXAxis("ROD", 0, 3, 6, 9, 12);

    @Test
    void dcaMeasuresToTheClosestLigandAtom() {
        DcaCriterion dca = new DcaCriterion(4.0);
        assertTrue(dca.identifies(rod, pocketAt(1, -3.9, 0, 0)), "3.9 Å from the atom at x = 0");
        assertTrue(dca.identifies(rod, pocketAt(1, -4.0, 0, 0)), "exactly at the cutoff counts");
        assertFalse(dca.identifies(rod, pocketAt(1, -4.1, 0, 0)));
        assertTrue(dca.identifies(rod, pocketAt(1, 12, 3, 0)), "near the far end counts for DCA");
    }

    @Test
    void dccMeasuresToTheLigandCentre() {
        DccCriterion dcc = new DccCriterion(4.0);
        assertEquals(6.0, DccCriterion.center(rod).x(), 1e-12);
        assertFalse(dcc.identifies(rod, pocketAt(1, 12, 3, 0)), "near an end but 6.7 Å from the centre");
        assertTrue(dcc.identifies(rod, pocketAt(1, 6, 3.9, 0)));
        assertFalse(dcc.identifies(rod, pocketAt(1, 6, 4.1, 0)));
    }

    @Test
    void cutoffMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new DcaCriterion(0));
        assertThrows(IllegalArgumentException.class, () -> new DccCriterion(-1));
    }
}
