package org.sparsepocket.lab.train;

import org.sparsepocket.eval.AveragePrecision;

import java.util.Arrays;

/**
 * Threshold-free and thresholded scores of per-atom probabilities against binary labels, computed
 * over all atoms of a data set at once (not averaged per complex).
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /**
     * Average precision (the area under the precision-recall curve as scikit-learn's
     * {@code average_precision_score} defines it): Σ (Rₖ − Rₖ₋₁)·Pₖ over the distinct score
     * thresholds from high to low; tied scores form one threshold. NaN when there is no positive.
     */
    public static double averagePrecision(float[] scores, byte[] labels) {
        // One implementation for every PR-AUC the project reports: training curves and `evaluate` agree.
        boolean[] positive = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            positive[i] = labels[i] != 0;
        }
        return AveragePrecision.of(scores, positive);
    }

    /** Area under the ROC curve (ties count one half). NaN when one class is absent. */
    public static double rocAuc(float[] scores, byte[] labels) {
        int[] order = descending(scores);
        long pos = 0;
        for (byte l : labels) {
            pos += l;
        }
        long neg = labels.length - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        double area = 0;
        long tp = 0, fp = 0;
        for (int k = 0; k < order.length; ) {
            float s = scores[order[k]];
            long dtp = 0, dfp = 0;
            while (k < order.length && scores[order[k]] == s) {
                if (labels[order[k]] == 1) {
                    dtp++;
                } else {
                    dfp++;
                }
                k++;
            }
            area += dfp * (tp + dtp / 2.0);
            tp += dtp;
            fp += dfp;
        }
        return area / ((double) pos * neg);
    }

    /** F1 of "score ≥ threshold" as the positive prediction. */
    public static double f1(float[] scores, byte[] labels, double threshold) {
        long tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean p = scores[i] >= threshold;
            if (p && labels[i] == 1) {
                tp++;
            } else if (p) {
                fp++;
            } else if (labels[i] == 1) {
                fn++;
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** The threshold with the highest F1 among the distinct scores, and that F1: {threshold, f1}. */
    public static double[] bestF1(float[] scores, byte[] labels) {
        int[] order = descending(scores);
        long pos = 0;
        for (byte l : labels) {
            pos += l;
        }
        double best = 0, bestThreshold = 0.5;
        long tp = 0, seen = 0;
        for (int k = 0; k < order.length; ) {
            float s = scores[order[k]];
            while (k < order.length && scores[order[k]] == s) {
                tp += labels[order[k]];
                seen++;
                k++;
            }
            double f = pos == 0 ? 0 : 2.0 * tp / (seen + pos);
            if (f > best) {
                best = f;
                bestThreshold = s;
            }
        }
        return new double[] {bestThreshold, best};
    }

    private static int[] descending(float[] scores) {
        // Sort indices by score, high first, via a primitive sort of (score bits, index) pairs.
        int n = scores.length;
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            if (Float.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            int bits = Float.floatToIntBits(scores[i] + 0.0f);
            int sortable = bits ^ ((bits >> 31) & 0x7FFFFFFF); // monotone int ordering of floats
            keyed[i] = ((long) ~sortable << 32) | i;           // ~ → descending
        }
        Arrays.sort(keyed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) keyed[i];
        }
        return order;
    }
}
