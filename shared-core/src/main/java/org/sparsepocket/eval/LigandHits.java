package org.sparsepocket.eval;

import java.util.Arrays;
import java.util.List;
import org.sparsepocket.structure.Ligand;

/**
 * For one criterion, the best (smallest) position at which each ligand is found. A ligand counts once
 * however many pockets hit it, and pockets are counted by their position in the ranked list (1 = first),
 * so top-n success is simply "best position ≤ n". Immutable.
 *
 * <p>It also keeps, per ligand, the criterion's distance to the nearest pocket at any rank: for a ligand
 * no pocket finds, that tells a near miss (a pocket just beyond the cutoff) from a site nothing came
 * close to.
 *
 * @param criterion the criterion's name
 * @param bestRank  per ligand (in input order), the first position of a pocket that identifies it, or 0
 * @param nearest   per ligand, the smallest distance (Å) of any pocket; infinite when there are none
 */
public record LigandHits(String criterion, int[] bestRank, double[] nearest) {

    public LigandHits {
        if (bestRank.length != nearest.length) {
            throw new IllegalArgumentException(bestRank.length + " ranks for " + nearest.length + " distances");
        }
        bestRank = bestRank.clone();
        nearest = nearest.clone();
    }

    /** Finds, for every ligand, the first pocket of {@code pockets} (best first) that identifies it. */
    public static LigandHits of(PocketCriterion criterion, List<Ligand> ligands, List<RankedPocket> pockets) {
        int[] best = new int[ligands.size()];
        double[] nearest = new double[ligands.size()];
        for (int l = 0; l < ligands.size(); l++) {
            nearest[l] = Double.POSITIVE_INFINITY;
            for (int p = 0; p < pockets.size(); p++) {
                double d = criterion.distance(ligands.get(l), pockets.get(p));
                nearest[l] = Math.min(nearest[l], d);
                if (best[l] == 0 && d <= criterion.cutoff()) {
                    best[l] = p + 1;
                }
            }
        }
        return new LigandHits(criterion.name(), best, nearest);
    }

    @Override
    public int[] bestRank() {
        return bestRank.clone();
    }

    @Override
    public double[] nearest() {
        return nearest.clone();
    }

    public int ligands() {
        return bestRank.length;
    }

    /** Number of ligands found by a pocket ranked within the first {@code k}. */
    public int foundWithin(int k) {
        return (int) Arrays.stream(bestRank).filter(r -> r >= 1 && r <= k).count();
    }

    /** Top-n: found within n pockets, n = number of ligands. */
    public int foundTopN() {
        return foundWithin(ligands());
    }

    /** Top-(n+2): found within n + 2 pockets. */
    public int foundTopNPlus2() {
        return foundWithin(ligands() + 2);
    }

    /** Found by any pocket, whatever its rank. */
    public int foundAny() {
        return (int) Arrays.stream(bestRank).filter(r -> r >= 1).count();
    }
}
