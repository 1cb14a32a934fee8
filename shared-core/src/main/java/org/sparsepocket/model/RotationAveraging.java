package org.sparsepocket.model;

import java.util.List;
import java.util.function.IntConsumer;
import org.sparsepocket.features.FeatureMatrix;

/**
 * Test-time augmentation: the network's per-atom probabilities averaged over the complex in several
 * fixed orientations ({@link TestTimeRotations}). The network sees atoms on a 1 Å grid, so its output
 * depends on the orientation; the mean over orientations is smoother and closer to the rotation-invariant
 * answer. Features are per-atom chemistry and do not change under rotation; only the coordinates are
 * rotated (about their centroid). One rotation is the plain prediction, bit for bit.
 */
public final class RotationAveraging {

    private final List<double[]> rotations;

    /** @throws IllegalArgumentException unless 1 ≤ rotations ≤ {@link TestTimeRotations#MAX} */
    public RotationAveraging(int rotations) {
        this.rotations = TestTimeRotations.first(rotations);
    }

    public int rotations() {
        return rotations.size();
    }

    /**
     * Mean binding probability of every atom over the rotations, in input order. Orientations run one
     * after the other, so peak memory is that of one plain prediction.
     */
    public float[] predict(PocketModel model, double[] xyz, FeatureMatrix features) {
        return predict(model, xyz, features, done -> { });
    }

    /** As {@link #predict(PocketModel, double[], FeatureMatrix)}, telling {@code done} after each orientation (1, 2, ...). */
    public float[] predict(PocketModel model, double[] xyz, FeatureMatrix features, IntConsumer done) {
        if (rotations.size() == 1) {
            float[] p = model.predict(xyz, features);
            done.accept(1);
            return p;
        }
        double[] sum = new double[features.rows()];
        for (int k = 0; k < rotations.size(); k++) {   // the first is the identity: the plain input
            float[] p = model.predict(k == 0 ? xyz : Rotations.apply(rotations.get(k), xyz), features);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += p[i];
            }
            done.accept(k + 1);
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
