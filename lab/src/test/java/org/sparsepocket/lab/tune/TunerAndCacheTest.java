package org.sparsepocket.lab.tune;

import org.sparsepocket.eval.Evaluator;
import org.sparsepocket.eval.ProbabilityCache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparsepocket.eval.EvalFixtures.atom;
import static org.sparsepocket.lab.tune.TuneFixtures.siteAndDecoy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.pockets.PocketScorer;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.Atom;

class TunerAndCacheTest {

    @Test
    void gridSearchPicksTheSettingsThatRankTheTrueSiteFirst() {
        Tuner.Grid grid = new Tuner.Grid(List.of(0.3, 0.6), List.of(5.5), List.of(3, 5),
                List.of(PocketScorer.MAX, PocketScorer.SUM));
        assertEquals(8, grid.size());
        List<Tuner.Result> results = new Tuner(Evaluator.standard(), 2)
                .run(List.of(siteAndDecoy("p1", 5), siteAndDecoy("p2", 5)), grid, PocketSettings.DEFAULT, i -> { });
        assertEquals(8, results.size());
        Tuner.Result best = results.get(0);
        assertEquals(0.3, best.settings().threshold());
        assertEquals("sum", best.settings().scorer().name());
        assertEquals(3, best.settings().minAtoms(), "ties are broken by grid order");
        assertEquals(1.0, best.summary().success("DCA").topN());
        Tuner.Result maxScorer = results.stream().filter(r -> r.settings().threshold() == 0.3
                && r.settings().scorer() == PocketScorer.MAX).findFirst().orElseThrow();
        assertEquals(0.0, maxScorer.summary().success("DCA").topN());
        assertEquals(1.0, maxScorer.summary().success("DCA").topNPlus2());
        Tuner.Result high = results.get(results.size() - 1);
        assertEquals(0.6, high.settings().threshold());
        assertEquals(0.0, high.summary().success("DCA").topNPlus2());
    }

    @Test
    void autoThresholdsFollowTheModelsProbabilityScale() {
        // 17 atoms: twelve at 0.5, five at 0.9. The top 5/17 (29 %) reach 0.9; any larger share needs 0.5.
        Tuner.Case c = siteAndDecoy("p", 5);
        assertEquals(List.of(0.9), Tuner.thresholdsAt(List.of(c), new double[] {0.1, 0.29}));
        assertEquals(List.of(0.5, 0.9), Tuner.thresholdsAt(List.of(c), new double[] {0.2, 0.5, 1.0}));
    }

    @Test
    void cacheRoundTripsAndRejectsAnotherModelOrOtherAtoms(@TempDir Path tmp) throws Exception {
        List<Atom> atoms = List.of(atom("A", 1, "ALA", 1, 2, 3), atom("A", 2, "GLY", 4, 5, 6));
        float[] p = {0.25f, 0.75f};
        ProbabilityCache cache = new ProbabilityCache(tmp.resolve("c"), "model-1");
        assertTrue(cache.get("x", atoms).isEmpty());
        cache.put("x", atoms, p);
        assertArrayEquals(p, cache.get("x", atoms).orElseThrow());
        assertTrue(new ProbabilityCache(tmp.resolve("c"), "model-2").get("x", atoms).isEmpty());
        List<Atom> moved = List.of(atoms.get(0), atom("A", 2, "GLY", 4, 5, 6.5));
        assertTrue(cache.get("x", moved).isEmpty());
        Files.writeString(tmp.resolve("c").resolve("x.probs"), "garbage");
        assertTrue(cache.get("x", atoms).isEmpty());
        try (var s = Files.list(tmp.resolve("c"))) {
            assertEquals(1, s.count(), "no temp files left behind");
        }
    }
}
