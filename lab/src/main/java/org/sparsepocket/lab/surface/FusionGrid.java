package org.sparsepocket.lab.surface;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.sparsepocket.eval.Evaluator;
import org.sparsepocket.eval.LigandHits;
import org.sparsepocket.eval.ProteinEvaluation;
import org.sparsepocket.eval.RankedPockets;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.surface.FusionSettings;
import org.sparsepocket.surface.PocketFusion;
import org.sparsepocket.surface.SurfacePocketFinder;
import org.sparsepocket.surface.SurfaceSettings;

/**
 * Scores ranked pockets of many validation cases by DCA top-n / top-(n+2), and chooses a setting on some
 * family-disjoint groups (halves, or cross-validation folds) to score it on the group left out, so the
 * reported figure is never tuned in-sample. DCC (pocket centre within 4 Å of the ligand's centre) is counted
 * alongside for the report; choices are made on DCA only.
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
     * power of the point scores summed into a pocket's score, the weight of the network in the point scores
     * ({@link ValidationCase#scores(double)}; 0 = none, the product's) and fusion (null fusion = surface pockets
     * alone).
     */
    record Setting(double threshold, double clusterDistance, int minPoints, double scorePower, double centrePower,
                   double blend, FusionSettings fusion) {
        Setting(double threshold, double clusterDistance, int minPoints, double scorePower, double centrePower,
                FusionSettings fusion) {
            this(threshold, clusterDistance, minPoints, scorePower, centrePower, 0, fusion);
        }

        /** The default clustering, score and centre ({@link SurfaceSettings#DEFAULT}). */
        Setting(double threshold, FusionSettings fusion) {
            this(threshold, SurfaceSettings.DEFAULT.clusterDistance(), SurfaceSettings.DEFAULT.minClusterSize(),
                    SurfaceSettings.DEFAULT.scorePower(), SurfaceSettings.DEFAULT.centrePower(), fusion);
        }

        /** {@code base} with this setting's threshold, clustering, score power, centre weighting and blend. */
        SurfaceSettings applyTo(SurfaceSettings base) {
            return base.withThreshold(threshold).withClustering(clusterDistance, minPoints).withScorePower(scorePower)
                    .withCentrePower(centrePower).withNetworkBlend(blend);
        }

        /** This setting's surface pockets fused by {@code f}. */
        Setting fusedBy(FusionSettings f) {
            return new Setting(threshold, clusterDistance, minPoints, scorePower, centrePower, blend, f);
        }

        @Override
        public String toString() {
            SurfaceSettings d = SurfaceSettings.DEFAULT;
            String pockets = (clusterDistance == d.clusterDistance() && minPoints == d.minClusterSize() ? ""
                    : String.format(", linkage %.1f Å, ≥ %d points", clusterDistance, minPoints))
                    + (scorePower == d.scorePower() ? "" : String.format(", score power %.1f", scorePower))
                    + (centrePower == d.centrePower() ? "" : String.format(", centre power %.1f", centrePower))
                    + (blend == 0 ? "" : String.format(", network blend %.2f", blend));
            return fusion == null ? String.format("threshold %.2f%s", threshold, pockets)
                    : String.format("threshold %.2f%s, surface weight %.2f, match %.1f Å", threshold, pockets,
                    fusion.surfaceWeight(), fusion.matchDistance());
        }
    }

    /** The held-out result of choosing on each half and scoring on the other. */
    record CrossHalf(CrossGroups held, Setting chosenOnHalf0, Setting chosenOnHalf1) {
        Score score() {
            return held.score();
        }
    }

    /**
     * The held-out result over groups: {@code chosen.get(g)} was chosen on every group but g, and each case's
     * hits are those of its own group's choice (DCA, and DCC for the report).
     */
    record CrossGroups(List<Setting> chosen, int[] topN, int[] topN2, int[] ligands, int[] dccTopN, int[] dccTopN2) {
        /** From a {@link #hits} table: rows DCA top-n, DCA top-(n+2), ligands, DCC top-n, DCC top-(n+2). */
        static CrossGroups of(List<Setting> chosen, int[][] hits) {
            return new CrossGroups(chosen, hits[0], hits[1], hits[2], hits[3], hits[4]);
        }

        /** The held-out DCA score over the cases {@code include} accepts (by position in the case list). */
        Score score(java.util.function.IntPredicate include) {
            return sum(topN, topN2, include);
        }

        Score score() {
            return score(i -> true);
        }

        /** The held-out DCC score over the cases {@code include} accepts. */
        Score dcc(java.util.function.IntPredicate include) {
            return sum(dccTopN, dccTopN2, include);
        }

        private Score sum(int[] a, int[] b, java.util.function.IntPredicate include) {
            int n = 0, n2 = 0, l = 0;
            for (int i = 0; i < a.length; i++) {
                if (include.test(i)) {
                    n += a[i];
                    n2 += b[i];
                    l += ligands[i];
                }
            }
            return new Score(n, n2, l);
        }
    }

    private final Evaluator evaluator = Evaluator.standard();
    private final SurfaceSettings base;
    /** When positive, each source's pocket scores become 1 / (rankConstant + rank) before the fusion. */
    private final double rankConstant;

    FusionGrid(SurfaceSettings base) {
        this(base, 0);
    }

    /**
     * @param rankConstant when positive, the fusion sees each source's pockets scored by rank alone, 1 / (k + rank)
     *                     (reciprocal-rank fusion), instead of their own scores
     */
    FusionGrid(SurfaceSettings base, double rankConstant) {
        this.base = base;
        this.rankConstant = rankConstant;
    }

    /** {@code pockets} scored 1 / (k + rank) (reciprocal-rank fusion's scores); themselves when k ≤ 0. */
    static List<Pocket> byRank(List<Pocket> pockets, double rankConstant) {
        if (rankConstant <= 0) {
            return pockets;
        }
        List<Pocket> out = new ArrayList<>(pockets.size());
        for (Pocket p : pockets) {
            out.add(PocketFusion.withRankAndScore(p, p.rank(), 1 / (rankConstant + p.rank())));
        }
        return out;
    }

    /** The DCA score of {@code pockets} over all cases. */
    Score score(List<ValidationCase> cases, Function<ValidationCase, List<Pocket>> pockets) {
        return all(cases, pockets).score();
    }

    /** Every case's hits of {@code pockets}, nothing chosen (DCA and DCC, as {@link #hits}). */
    CrossGroups all(List<ValidationCase> cases, Function<ValidationCase, List<Pocket>> pockets) {
        return CrossGroups.of(List.of(), hits(cases, pockets));
    }

    /**
     * Per case (in list order) hits of {@code pockets}: rows DCA found top-n, DCA found top-(n+2), ligands, DCC found
     * top-n, DCC found top-(n+2).
     */
    int[][] hits(List<ValidationCase> cases, Function<ValidationCase, List<Pocket>> pockets) {
        int[][] out = new int[5][cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            ValidationCase c = cases.get(i);
            ProteinEvaluation e = evaluator.evaluate(c.truth(), RankedPockets.fromPockets(c.id(), pockets.apply(c)), null);
            LigandHits dca = e.hits("DCA"), dcc = e.hits("DCC");
            out[0][i] = dca.foundTopN();
            out[1][i] = dca.foundTopNPlus2();
            out[2][i] = dca.ligands();
            out[3][i] = dcc.foundTopN();
            out[4][i] = dcc.foundTopNPlus2();
        }
        return out;
    }

    /** Surface pockets per case, threshold, clustering and score power, computed once (the fusion grid reuses them). */
    private final java.util.Map<String, List<Pocket>> surfaceCache = new java.util.HashMap<>();

    List<Pocket> pockets(ValidationCase c, Setting s) {
        List<Pocket> surface = surfaceCache.computeIfAbsent(
                c.id() + "@" + s.threshold() + "/" + s.clusterDistance() + "/" + s.minPoints() + "/" + s.scorePower() + "/"
                        + s.centrePower() + "/" + s.blend(), k ->
                SurfacePocketFinder.pockets(c.atoms(), c.points(), c.scores(s.blend()), s.applyTo(base)));
        return s.fusion() == null ? surface : new PocketFusion(s.fusion()).fuse(byRank(c.network(), rankConstant),
                byRank(surface, rankConstant));
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
        return new CrossHalf(g, g.chosen().get(1), g.chosen().get(0));
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
        int[][] held = new int[5][n];
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
                    for (int row = 0; row < held.length; row++) {
                        held[row][i] = table.get(best)[row][i];
                    }
                }
            }
        }
        return CrossGroups.of(List.copyOf(chosen), held);
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
