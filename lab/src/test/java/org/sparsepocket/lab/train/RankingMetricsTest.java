package org.sparsepocket.lab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    @Test
    void averagePrecisionMatchesScikitLearnExample() {
        // sklearn docs: average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.8333...
        float[] s = {0.1f, 0.4f, 0.35f, 0.8f};
        byte[] y = {0, 0, 1, 1};
        assertEquals(0.8333333, RankingMetrics.averagePrecision(s, y), 1e-6);
        // sklearn docs: roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
        assertEquals(0.75, RankingMetrics.rocAuc(s, y), 1e-12);
    }

    @Test
    void tiedScoresFormOneThreshold() {
        // All scores equal: one threshold, precision = prevalence, recall 1 → AP = prevalence.
        float[] s = {0.5f, 0.5f, 0.5f, 0.5f};
        byte[] y = {1, 0, 0, 0};
        assertEquals(0.25, RankingMetrics.averagePrecision(s, y), 1e-12);
        assertEquals(0.5, RankingMetrics.rocAuc(s, y), 1e-12);
    }

    @Test
    void averagePrecisionEqualsBruteForceDefinition() {
        Random r = new Random(7);
        int n = 500;
        float[] s = new float[n];
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            y[i] = (byte) (r.nextDouble() < 0.1 ? 1 : 0);
            s[i] = Math.round((r.nextFloat() + 0.5f * y[i]) * 20) / 20f; // many ties
        }
        // Brute force: for each distinct threshold t, P(t), R(t) over "score >= t"; sum ΔR·P.
        java.util.TreeSet<Float> thresholds = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        for (float v : s) {
            thresholds.add(v);
        }
        int pos = 0;
        for (byte b : y) {
            pos += b;
        }
        double ap = 0, prevR = 0;
        for (float t : thresholds) {
            int tp = 0, k = 0;
            for (int i = 0; i < n; i++) {
                if (s[i] >= t) {
                    k++;
                    tp += y[i];
                }
            }
            double rec = (double) tp / pos;
            ap += (rec - prevR) * tp / k;
            prevR = rec;
        }
        assertEquals(ap, RankingMetrics.averagePrecision(s, y), 1e-12);
    }

    @Test
    void perfectRankingScoresOne() {
        float[] s = {0.9f, 0.8f, 0.1f, -0.2f};
        byte[] y = {1, 1, 0, 0};
        assertEquals(1.0, RankingMetrics.averagePrecision(s, y), 1e-12);
        assertEquals(1.0, RankingMetrics.rocAuc(s, y), 1e-12);
        double[] best = RankingMetrics.bestF1(s, y);
        assertEquals(1.0, best[1], 1e-12);
        assertEquals(0.8f, best[0], 1e-7);
        assertEquals(1.0, RankingMetrics.f1(s, y, 0.5), 1e-12);
    }

    @Test
    void noPositivesGivesNaN() {
        assertTrue(Double.isNaN(RankingMetrics.averagePrecision(new float[] {0.3f}, new byte[] {0})));
    }
}
