package org.sparsepocket.lab.train;

import java.util.ArrayList;
import java.util.List;
import org.sparsepocket.features.AtomFeatures;

/** Small training complexes cut from real ones, for tests that train in seconds. */
public final class TrainingCuts {

    private TrainingCuts() {
    }

    /** The atoms within {@code radius} Å of the binding site's centre: a few hundred atoms with both labels at 10 Å. */
    public static TrainingComplex aroundSite(TrainingComplex c, double radius) {
        double cx = 0, cy = 0, cz = 0;
        int pos = c.positives();
        for (int i = 0; i < c.atomCount(); i++) {
            if (c.labels()[i] == 1) {
                cx += c.xyz()[3 * i] / pos;
                cy += c.xyz()[3 * i + 1] / pos;
                cz += c.xyz()[3 * i + 2] / pos;
            }
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < c.atomCount(); i++) {
            double dx = c.xyz()[3 * i] - cx, dy = c.xyz()[3 * i + 1] - cy, dz = c.xyz()[3 * i + 2] - cz;
            if (dx * dx + dy * dy + dz * dz < radius * radius) {
                keep.add(i);
            }
        }
        int n = keep.size(), f = AtomFeatures.COUNT;
        double[] xyz = new double[3 * n];
        float[] feat = new float[f * n];
        byte[] y = new byte[n];
        for (int k = 0; k < n; k++) {
            int i = keep.get(k);
            System.arraycopy(c.xyz(), 3 * i, xyz, 3 * k, 3);
            System.arraycopy(c.features(), f * i, feat, f * k, f);
            y[k] = c.labels()[i];
        }
        return new TrainingComplex(c.id(), xyz, feat, y);
    }
}
