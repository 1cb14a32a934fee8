package org.sparsepocket.lab.train;

import ai.djl.ndarray.NDArray;

/**
 * The published PUResNetV2.0 focal loss, in its exact form: the binary cross-entropy is first
 * averaged over all atoms (voxels) of the batch, and the focal factor is applied to that mean,
 * {@code loss = α · (1 − e^(−BCE))^γ · BCE}. (This differs from the per-element focal loss of Lin et
 * al.; with the published γ ≈ 0.148 it is a mild rescaling of BCE that weighs badly-fitted batches
 * more.) The BCE is computed from logits in the numerically stable form
 * {@code max(x, 0) − x·y + log(1 + e^(−|x|))}.
 *
 * @param alpha the published α = 1
 * @param gamma the published γ = 0.148021
 */
public record FocalLoss(double alpha, double gamma) {

    /** The published constants (PUResNetV2.0 {@code train.py}: alpha=1, gamma=0.148021). */
    public static final FocalLoss PUBLISHED = new FocalLoss(1.0, 0.148021);

    public FocalLoss {
        if (!(alpha > 0) || !(gamma >= 0)) {
            throw new IllegalArgumentException("focal loss needs alpha > 0 and gamma >= 0");
        }
    }

    /**
     * The scalar loss of logits against 0/1 targets of the same shape (float32). Differentiable; the
     * result belongs to the logits' manager.
     */
    public NDArray compute(NDArray logits, NDArray targets) {
        NDArray bce = logits.maximum(0f)
                .sub(logits.mul(targets))
                .add(logits.abs().neg().exp().add(1f).log())
                .mean();
        return bce.neg().exp().neg().add(1f).pow((float) gamma).mul(bce).mul((float) alpha);
    }

    /** The loss for a given mean BCE (plain arithmetic; for checks and documentation). */
    public double ofMeanBce(double bce) {
        return alpha * Math.pow(1 - Math.exp(-bce), gamma) * bce;
    }

    /** Mean binary cross-entropy of logits against 0/1 targets (plain arithmetic). */
    public static double meanBce(float[] logits, byte[] targets) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double x = logits[i];
            sum += Math.max(x, 0) - x * targets[i] + Math.log1p(Math.exp(-Math.abs(x)));
        }
        return sum / logits.length;
    }
}
