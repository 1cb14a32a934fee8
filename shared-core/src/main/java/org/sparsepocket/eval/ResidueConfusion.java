package org.sparsepocket.eval;

import java.util.Set;

/**
 * Residue-level confusion counts for one protein and the metrics of the published method
 * (PUResNetV2.0): precision = TP/(TP+FP), recall = TP/(TP+FN), F1 = 2PR/(P+R) and
 * MCC = (TP·TN − FP·FN)/√((TP+FP)(TP+FN)(TN+FP)(TN+FN)). Where a ratio is 0/0 it is taken as 0
 * (as scikit-learn does), so a protein without any predicted pocket scores 0, not "undefined".
 */
public record ResidueConfusion(int tp, int fp, int fn, int tn) {

    public ResidueConfusion {
        if (tp < 0 || fp < 0 || fn < 0 || tn < 0) {
            throw new IllegalArgumentException("negative confusion count");
        }
    }

    /**
     * @param residues  every residue of the protein (the universe; predictions outside it are ignored)
     * @param binding   residues that truly bind (a subset of {@code residues})
     * @param predicted residues of the predicted pockets
     */
    public static ResidueConfusion of(Set<ResidueKey> residues, Set<ResidueKey> binding,
                                      Set<ResidueKey> predicted) {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (ResidueKey r : residues) {
            boolean truth = binding.contains(r);
            boolean pred = predicted.contains(r);
            if (truth && pred) {
                tp++;
            } else if (pred) {
                fp++;
            } else if (truth) {
                fn++;
            } else {
                tn++;
            }
        }
        return new ResidueConfusion(tp, fp, fn, tn);
    }

    public double precision() {
        return ratio(tp, tp + fp);
    }

    public double recall() {
        return ratio(tp, tp + fn);
    }

    public double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double mcc() {
        double den = Math.sqrt((double) (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        return den == 0 ? 0 : ((double) tp * tn - (double) fp * fn) / den;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
