package org.sparsepocket.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AveragePrecisionTest {

    @Test
    void smallKnownExample() {
        // Ranked: 0.8 (+), 0.4 (−), 0.35 (+), 0.1 (−): AP = 0.5·1 + 0.5·(2/3) = 0.8333…
        float[] s = {0.1f, 0.4f, 0.35f, 0.8f};
        boolean[] y = {false, false, true, true};
        assertEquals(5.0 / 6, AveragePrecision.of(s, y), 1e-12);
    }

    @Test
    void tiedScoresFormOneThreshold() {
        float[] s = {0.5f, 0.5f, 0.5f};
        boolean[] y = {true, false, true};
        assertEquals(2.0 / 3, AveragePrecision.of(s, y), 1e-12);
        // A tie across the boundary: 0.9 (+), then {0.5 +, 0.5 −}: AP = 0.5·1 + 0.5·(2/3)
        assertEquals(0.5 + 0.5 * 2 / 3, AveragePrecision.of(new float[] {0.9f, 0.5f, 0.5f},
                new boolean[] {true, true, false}), 1e-12);
    }

    @Test
    void perfectRankingIsOneAndNoPositivesIsNaN() {
        assertEquals(1.0, AveragePrecision.of(new float[] {0.9f, 0.8f, 0.1f, -0.5f},
                new boolean[] {true, true, false, false}), 1e-12);
        assertTrue(Double.isNaN(AveragePrecision.of(new float[] {0.2f}, new boolean[] {false})));
    }

    @Test
    void negativeScoresSortCorrectly() {
        // −0.1 (+) ranks above −0.7 (−) and −2 (+): AP = 0.5·1 + 0.5·(2/3)
        assertEquals(0.5 + 0.5 * 2 / 3, AveragePrecision.of(new float[] {-2f, -0.1f, -0.7f},
                new boolean[] {true, true, false}), 1e-12);
    }

    @Test
    void agreesWithTheDefinitionOnRandomData() {
        Random rnd = new Random(7);
        int n = 500;
        float[] s = new float[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.round(rnd.nextFloat() * 50) / 50f;   // many ties
            y[i] = rnd.nextFloat() < s[i] * 0.6;
        }
        // Definition: for each distinct threshold t (high to low), P(t) and R(t) over items with score ≥ t.
        int pos = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
        }
        double expected = 0, prevR = 0;
        for (int t = 50; t >= 0; t--) {
            float thr = t / 50f;
            int tp = 0, all = 0;
            for (int i = 0; i < n; i++) {
                if (s[i] >= thr) {
                    all++;
                    tp += y[i] ? 1 : 0;
                }
            }
            if (all == 0) {
                continue;
            }
            double r = (double) tp / pos;
            expected += (r - prevR) * tp / all;
            prevR = r;
        }
        assertEquals(expected, AveragePrecision.of(s, y), 1e-12);
    }

    @Test
    void nanScoreIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> AveragePrecision.of(new float[] {Float.NaN}, new boolean[] {true}));
    }
}
