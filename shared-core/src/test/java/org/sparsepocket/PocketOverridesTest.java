package org.sparsepocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sparsepocket.pockets.PocketScorer;
import org.sparsepocket.pockets.PocketSettings;

class PocketOverridesTest {

    private static final PocketSettings RECOMMENDED =
            new PocketSettings(0.052, 5.0, 5, 0, false, 4.0, PocketScorer.byName("buried-mean-sqrt-size"), 70);

    @Test
    void nothingSetKeepsTheRecommendedSettings() {
        assertTrue(PocketOverrides.NONE.isEmpty());
        assertEquals(RECOMMENDED, PocketOverrides.NONE.applyTo(RECOMMENDED));
    }

    @Test
    void eachSetValueReplacesOnlyItsOwn() {
        PocketSettings s = PocketOverrides.NONE.withThreshold(0.3).withScorer("sum").withMaxPockets(2)
                .applyTo(RECOMMENDED);
        assertEquals(0.3, s.threshold());
        assertSame(PocketScorer.SUM, s.scorer());
        assertEquals(2, s.maxPockets());
        assertEquals(RECOMMENDED.eps(), s.eps());
        assertEquals(RECOMMENDED.minAtoms(), s.minAtoms());
        assertEquals(RECOMMENDED.splitAbove(), s.splitAbove());
        PocketSettings all = new PocketOverrides(0.4, 6.0, 3, 1, true, 2.0, PocketScorer.MAX, 0).applyTo(RECOMMENDED);
        assertEquals(new PocketSettings(0.4, 6.0, 3, 1, true, 2.0, PocketScorer.MAX, 0), all);
    }

    @Test
    void aValueEqualToTheRecommendedOneIsStillSet() {
        // No sentinel: typing the shipped threshold keeps it also for a model recommending another.
        PocketOverrides typed = PocketOverrides.NONE.withThreshold(RECOMMENDED.threshold());
        assertEquals(RECOMMENDED.threshold(), typed.applyTo(RECOMMENDED.withThreshold(0.5)).threshold());
    }

    @Test
    void rangesAreCheckedWhenSetWithThePocketSettingsMessages() {
        assertEquals("threshold must be in [0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> PocketOverrides.NONE.withThreshold(1.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PocketOverrides.NONE.withThreshold(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> PocketOverrides.NONE.withEps(0.0));
        assertThrows(IllegalArgumentException.class, () -> PocketOverrides.NONE.withMinAtoms(0));
        assertThrows(IllegalArgumentException.class, () -> PocketOverrides.NONE.withMaxPockets(-1));
        assertThrows(IllegalArgumentException.class, () -> PocketOverrides.NONE.withBoxMargin(31.0));
        assertThrows(IllegalArgumentException.class, () -> PocketOverrides.NONE.withSplitAbove(-1));
        assertThrows(IllegalArgumentException.class, () -> PocketOverrides.NONE.withScorer("no-such-scorer"));
    }
}
