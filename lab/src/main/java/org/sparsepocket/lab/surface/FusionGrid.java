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
 * Scores ranked pockets of many validation cases by DCA top-n / top-(n+2), and chooses a setting on some
 * family-disjoint groups (halves, or cross-validation folds) to score it on the group left out, so the
 * reported figure is never tuned in-sample.
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

    /**
     * A candidate setting: surface threshold, clustering (single-linkage distance, smallest pocket in points), the
     * power of the point scores summed into a pocket's score, and fusion (null fusion = surface pockets alone).
     */
    record Setting(double threshold, double clusterDistance, int minPoints, double scorePower, double centrePower,
                   FusionSettings fusion) {
        /** The default clustering, score and centre ({@link SurfaceSettings#DEFAULT}). */
        Setting(double threshold, FusionSettings fusion) {
            this(threshold, SurfaceSettings.DEFAULT.clusterDistance(), SurfaceSettings.DEFAULT.minClusterSize(),
                    SurfaceSettings.DEFAULT.scorePower(), SurfaceSettings.DEFAULT.centrePower(), fusion);
        }

        /** {@code base} with this setting's threshold, clustering, score power and centre weighting. */
        SurfaceSettings applyTo(SurfaceSettings base) {
            return base.withThreshold(threshold).withClustering(clusterDistance, minPoints).withScorePower(scorePower)
                    .withCentrePower(centrePower);
        }

        /** This setting's surface pockets fused by {@code f}. */
        Setting fusedBy(FusionSettings f) {
            return new Setting(threshold, clusterDistance, minPoints, scorePower, centrePower, f);
        }

        @Override
        public String toString() {
            SurfaceSettings d = SurfaceSettings.DEFAULT;
            String pockets = (clusterDistance == d.clusterDistance() && minPoints == d.minClusterSize() ? ""
                    : String.format(", linkage %.1f Å, ≥ %d points", clusterDistance, minPoints))
                    + (scorePower == d.scorePower() ? "" : String.format(", score power %.1f", scorePower))
                    + (centrePower == d.centrePower() ? "" : String.format(", centre power %.1f", centrePower));
            return fusion == null ? String.format("threshold %.2f%s", threshold, pockets)
                    : String.format("threshold %.2f%s, surface weight %.2f, match %.1f Å", threshold, pockets,
                    fusion.surfaceWeight(), fusion.matchDistance());
        }
    }

    /** The held-out result of choosing on each half and scoring on the other. */
    record CrossHalf(Score score, Setting chosenOnHalf0, Setting chosenOnHalf1) {
    }

    /**
     * The held-out result over groups: {@code chosen.get(g)} was chosen on every group but g, and each case's
     * hits are those of its own group's choice.
     */
    record CrossGroups(List<Setting> chosen, int[] topN, int[] topN2, int[] ligands) {
        /** The held-out score over the cases {@code include} accepts (by position in the case list). */
        Score score(java.util.function.IntPredicate include) {
            int n = 0, n2 = 0, l = 0;
            for (int i = 0; i < topN.length; i++) {
                if (include.test(i)) {
                    n += topN[i];
                    n2 += topN2[i];
                    l += ligands[i];
                }
            }
            return new Score(n, n2, l);
        }

        Score score() {
            return score(i -> true);
        }
    }

    private final Evaluator evaluator = Evaluator.standard();
    private final SurfaceSettings base;

    FusionGrid(SurfaceSettings base) {
        this.base = base;
    }

    Score score(List<ValidationCase> cases, Function<ValidationCase, List<Pocket>> pockets) {
        int n = 0, n2 = 0, ligands = 0;
        for (ValidationCase c : cases) {
            LigandHits h = hits(c, pockets.apply(c));
            n += h.foundTopN();
            n2 += h.foundTopNPlus2();
            ligands += h.ligands();
        }
        return new Score(n, n2, ligands);
    }

    /** Per case (in list order) hits of {@code pockets}: found top-n, found top-(n+2), ligands. */
    int[][] hits(List<ValidationCase> cases, Function<ValidationCase, List<Pocket>> pockets) {
        int[][] out = new int[3][cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            LigandHits h = hits(cases.get(i), pockets.apply(cases.get(i)));
            out[0][i] = h.foundTopN();
            out[1][i] = h.foundTopNPlus2();
            out[2][i] = h.ligands();
        }
        return out;
    }

    private LigandHits hits(ValidationCase c, List<Pocket> pockets) {
        return evaluator.evaluate(c.truth(), RankedPockets.fromPockets(c.id(), pockets), null).hits("DCA");
    }

    /** Surface pockets per case, threshold, clustering and score power, computed once (the fusion grid reuses them). */
    private final java.util.Map<String, List<Pocket>> surfaceCache = new java.util.HashMap<>();

    List<Pocket> pockets(ValidationCase c, Setting s) {
        List<Pocket> surface = surfaceCache.computeIfAbsent(
                c.id() + "@" + s.threshold() + "/" + s.clusterDistance() + "/" + s.minPoints() + "/" + s.scorePower() + "/"
                        + s.centrePower(), k ->
                SurfacePocketFinder.pockets(c.atoms(), c.points(), c.scores(), s.applyTo(base)));
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
        CrossGroups g = crossGroups(cases, grid, 2);
        return new CrossHalf(g.score(), g.chosen().get(1), g.chosen().get(0));
    }

    /**
     * For each group g of {@code groups} (the cases' {@link ValidationCase#group()}), the setting that scores best
     * on the other groups (top-n, then top-(n+2); the first listed wins a tie), scored on g. Every setting is
     * scored once per case.
     */
    CrossGroups crossGroups(List<ValidationCase> cases, List<Setting> grid, int groups) {
        return crossGroups(cases, grid, groups, i -> true);
    }

    /**
     * As {@link #crossGroups(List, List, int)}, choosing each group's setting only on the other groups' cases that
     * {@code selectOn} accepts (by position), e.g. those of one data set; every case of the group is scored.
     */
    CrossGroups crossGroups(List<ValidationCase> cases, List<Setting> grid, int groups,
                            java.util.function.IntPredicate selectOn) {
        List<int[][]> table = new ArrayList<>();
        for (Setting s : grid) {
            table.add(hits(cases, c -> pockets(c, s)));
        }
        List<Setting> chosen = new ArrayList<>();
        int n = cases.size();
        int[] topN = new int[n], topN2 = new int[n], ligands = new int[n];
        for (int g = 0; g < groups; g++) {
            int best = -1;
            Score bestScore = null;
            for (int s = 0; s < grid.size(); s++) {
                int a = 0, b = 0, l = 0;
                for (int i = 0; i < n; i++) {
                    if (cases.get(i).group() != g && selectOn.test(i)) {
                        a += table.get(s)[0][i];
                        b += table.get(s)[1][i];
                        l += table.get(s)[2][i];
                    }
                }
                Score sc = new Score(a, b, l);
                if (bestScore == null || sc.beats(bestScore)) {
                    best = s;
                    bestScore = sc;
                }
            }
            chosen.add(grid.get(best));
            for (int i = 0; i < n; i++) {
                if (cases.get(i).group() == g) {
                    topN[i] = table.get(best)[0][i];
                    topN2[i] = table.get(best)[1][i];
                    ligands[i] = table.get(best)[2][i];
                }
            }
        }
        return new CrossGroups(List.copyOf(chosen), topN, topN2, ligands);
    }

    static List<ValidationCase> group(List<ValidationCase> cases, int g) {
        List<ValidationCase> out = new ArrayList<>();
        for (ValidationCase c : cases) {
            if (c.group() == g) {
                out.add(c);
            }
        }
        return out;
    }
}
