package org.sparsepocket.model;

import java.util.ArrayList;
import java.util.List;
import org.sparsepocket.features.FeatureMatrix;

/**
 * Test-time augmentation: the network's per-atom probabilities averaged over the complex in several
 * fixed orientations ({@link TestTimeRotations}). The network sees atoms on a 1 Å grid, so its output
 * depends on the orientation; the mean over orientations is smoother and closer to the rotation-invariant
 * answer. Features are per-atom chemistry and do not change under rotation; only the coordinates are
 * rotated (about their centroid). One rotation is the plain prediction, bit for bit.
 */
public final class RotationAveraging {

    /** Atoms of all orientations in one forward pass at most (unless one orientation alone has more). */
    static final int PASS_ATOMS = 20_000;

    private final List<double[]> rotations;

    /** @throws IllegalArgumentException unless 1 ≤ rotations ≤ {@link TestTimeRotations#MAX} */
    public RotationAveraging(int rotations) {
        this.rotations = TestTimeRotations.first(rotations);
    }

    public int rotations() {
        return rotations.size();
    }

    /**
     * Mean binding probability of every atom over the rotations, in input order. Several orientations go
     * through the network in one pass (one sparse batch: fewer, larger operations), as many as fit in
     * {@link #PASS_ATOMS} atoms, so peak memory stays that of one structure of that size.
     */
    public float[] predict(PocketModel model, double[] xyz, FeatureMatrix features) {
        if (rotations.size() == 1) {
            return model.predict(xyz, features);
        }
        int perPass = Math.max(1, PASS_ATOMS / Math.max(1, features.rows()));
        double[] sum = new double[features.rows()];
        for (int start = 0; start < rotations.size(); start += perPass) {
            List<ComplexInput> pass = new ArrayList<>();
            for (int k = start; k < Math.min(rotations.size(), start + perPass); k++) {
                // the first rotation is the identity: the caller's coordinates as they are
                pass.add(new ComplexInput(k == 0 ? xyz : Rotations.apply(rotations.get(k), xyz), features));
            }
            for (float[] p : model.predict(pass)) {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += p[i];
                }
            }
        }
        return mean(sum, rotations.size());
    }

    static float[] mean(double[] sum, int n) {
        float[] out = new float[sum.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (sum[i] / n);
        }
        return out;
    }
}
