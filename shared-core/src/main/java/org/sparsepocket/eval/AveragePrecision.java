package org.sparsepocket.eval;

import java.util.Arrays;

/**
 * Area under the precision-recall curve as average precision, the step-wise sum
 * AP = Σ (Rₖ − Rₖ₋₁)·Pₖ over the distinct score thresholds taken from high to low (the definition of
 * scikit-learn's {@code average_precision_score}, which the published method reports; tied scores form
 * one threshold, no interpolation).
 */
public final class AveragePrecision {

    private AveragePrecision() {
    }

    /**
     * @param scores one score per item (higher = more likely positive)
     * @param labels one label per item
     * @return average precision, or NaN when there are no positive labels
     */
    public static double of(float[] scores, boolean[] labels) {
        return of(scores, labels, scores.length);
    }

    /** As {@link #of(float[], boolean[])} over the first {@code n} items. */
    public static double of(float[] scores, boolean[] labels, int n) {
        if (scores.length < n || labels.length < n) {
            throw new IllegalArgumentException("fewer scores or labels than " + n);
        }
        int positives = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i]) {
                positives++;
            }
        }
        if (positives == 0) {
            return Double.NaN;
        }
        // Sort indices by descending score via packed (score, index) longs: no boxing for millions of atoms.
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            float s = scores[i];
            if (Float.isNaN(s)) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            int bits = Float.floatToIntBits(s == 0 ? 0f : s);   // -0 and +0 are one threshold
            int sortable = bits ^ ((bits >> 31) & 0x7fffffff);  // monotone int order for floats
            keyed[i] = ((long) sortable << 32) | (i & 0xffffffffL);
        }
        Arrays.sort(keyed);
        double ap = 0, prevRecall = 0;
        int tp = 0, seen = 0;
        int k = n - 1;
        while (k >= 0) {
            int group = (int) (keyed[k] >> 32);
            while (k >= 0 && (int) (keyed[k] >> 32) == group) {
                if (labels[(int) keyed[k]]) {
                    tp++;
                }
                seen++;
                k--;
            }
            double recall = (double) tp / positives;
            ap += (recall - prevRecall) * ((double) tp / seen);
            prevRecall = recall;
        }
        return ap;
    }
}
