package org.sparsepocket.lab.surface;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.sparsepocket.eval.Evaluator;
import org.sparsepocket.eval.LigandHits;
import org.sparsepocket.eval.RankedPockets;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.surface.FusionSettings;
import org.sparsepocket.surface.PocketFusion;
import org.sparsepocket.surface.SurfacePocketFinder;
import org.sparsepocket.surface.SurfaceSettings;

/**
 * Scores ranked pockets of many validation cases by DCA top-n / top-(n+2), and chooses a setting on one
 * family-disjoint half to score it on the other (so the reported figure is never tuned in-sample).
 */
final class FusionGrid {

    /** Found ligands at top-n and top-(n+2) out of {@code ligands}. */
    record Score(int topN, int topN2, int ligands) {
        Score plus(Score o) {
            return new Score(topN + o.topN, topN2 + o.topN2, ligands + o.ligands);
        }

        double topNRate() {
            return ligands == 0 ? Double.NaN : 100.0 * topN / ligands;
        }

        double topN2Rate() {
            return ligands == 0 ? Double.NaN : 100.0 * topN2 / ligands;
        }

        boolean beats(Score o) {
            return topN > o.topN || (topN == o.topN && topN2 > o.topN2);
        }
    }

    /** A candidate setting: surface threshold and fusion (null fusion = surface pockets alone). */
    record Setting(double threshold, FusionSettings fusion) {
        @Override
        public String toString() {
            return fusion == null ? "threshold " + threshold
                    : String.format("threshold %.2f, surface weight %.2f, match %.1f Å", threshold,
                    fusion.surfaceWeight(), fusion.matchDistance());
        }
    }

    /** The held-out result of choosing on each half and scoring on the other. */
    record CrossHalf(Score score, Setting chosenOnHalf0, Setting chosenOnHalf1) {
    }

    private final Evaluator evaluator = Evaluator.standard();
    private final SurfaceSettings base;

    FusionGrid(SurfaceSettings base) {
        this.base = base;
    }

    Score score(List<ValidationCase> cases, Function<ValidationCase, List<Pocket>> pockets) {
        int n = 0, n2 = 0, ligands = 0;
        for (ValidationCase c : cases) {
            LigandHits h = evaluator.evaluate(c.truth(), RankedPockets.fromPockets(c.id(), pockets.apply(c)), null)
                    .hits("DCA");
            n += h.foundTopN();
            n2 += h.foundTopNPlus2();
            ligands += h.ligands();
        }
        return new Score(n, n2, ligands);
    }

    /** Surface pockets per case and threshold, computed once (the fusion grid reuses them). */
    private final java.util.Map<String, List<Pocket>> surfaceCache = new java.util.HashMap<>();

    List<Pocket> pockets(ValidationCase c, Setting s) {
        List<Pocket> surface = surfaceCache.computeIfAbsent(c.id() + "@" + s.threshold(), k ->
                SurfacePocketFinder.pockets(c.atoms(), c.points(), c.scores(), base.withThreshold(s.threshold())));
        return s.fusion() == null ? surface : new PocketFusion(s.fusion()).fuse(c.network(), surface);
    }

    Score score(List<ValidationCase> cases, Setting s) {
        return score(cases, c -> pockets(c, s));
    }

    /** The best setting on {@code cases} (top-n, then top-(n+2); the first listed wins a tie). */
    Setting best(List<ValidationCase> cases, List<Setting> grid) {
        Setting best = null;
        Score bestScore = null;
        for (Setting s : grid) {
            Score sc = score(cases, s);
            if (bestScore == null || sc.beats(bestScore)) {
                best = s;
                bestScore = sc;
            }
        }
        return best;
    }

    CrossHalf crossHalf(List<ValidationCase> cases, List<Setting> grid) {
        List<ValidationCase> h0 = half(cases, 0), h1 = half(cases, 1);
        Setting on0 = best(h0, grid), on1 = best(h1, grid);
        return new CrossHalf(score(h1, on0).plus(score(h0, on1)), on0, on1);
    }

    static List<ValidationCase> half(List<ValidationCase> cases, int h) {
        List<ValidationCase> out = new ArrayList<>();
        for (ValidationCase c : cases) {
            if (c.half() == h) {
                out.add(c);
            }
        }
        return out;
    }
}
