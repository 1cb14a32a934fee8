package org.sparsepocket.lab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.sparsepocket.features.FeatureMatrix;
import org.sparsepocket.model.ComplexInput;
import org.sparsepocket.model.PocketNetwork;

/**
 * Scores the network on held-out complexes in inference mode: mean loss per complex and per-atom
 * ranking metrics over all atoms of the set at once.
 */
public final class Validation {

    /** Scores of one pass. */
    public record Scores(double loss, double prAuc, double rocAuc, double f1At05, double bestF1,
                         double bestF1Threshold, long atoms, long positives) {
    }

    private Validation() {
    }

    public static Scores run(PocketNetwork network, List<TrainingComplex> complexes, FocalLoss loss) {
        long total = complexes.stream().mapToLong(TrainingComplex::atomCount).sum();
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("validation set too large: " + total + " atoms");
        }
        float[] probs = new float[(int) total];
        byte[] labels = new byte[(int) total];
        double lossSum = 0;
        int offset = 0;
        boolean mode = Autograd.isGradMode();
        Autograd.setGradMode(false);
        try {
            for (TrainingComplex c : complexes) {
                try (NDManager m = network.manager().newSubManager()) {
                    NDArray logits = atomLogits(network, m, c.xyz(), c.features(), false);
                    lossSum += loss.compute(logits, m.create(floatLabels(c.labels()))).getFloat();
                    float[] p = ai.djl.nn.Activation.sigmoid(logits).toFloatArray();
                    System.arraycopy(p, 0, probs, offset, p.length);
                    System.arraycopy(c.labels(), 0, labels, offset, p.length);
                    offset += p.length;
                }
            }
        } finally {
            Autograd.setGradMode(mode);
        }
        double[] best = RankingMetrics.bestF1(probs, labels);
        long positives = 0;
        for (byte b : labels) {
            positives += b;
        }
        return new Scores(lossSum / complexes.size(), RankingMetrics.averagePrecision(probs, labels),
                RankingMetrics.rocAuc(probs, labels), RankingMetrics.f1(probs, labels, 0.5), best[1], best[0],
                total, positives);
    }

    /** Per-atom logits of one complex at the given coordinates; arrays belong to {@code step}. */
    static NDArray atomLogits(PocketNetwork network, NDManager step, double[] xyz, float[] features,
                              boolean training) {
        ComplexInput input = new ComplexInput(xyz, new FeatureMatrix(features.length / FEATURES, features));
        return network.atomLogits(step, network.batch(List.of(input)), training);
    }

    private static final int FEATURES = org.sparsepocket.features.AtomFeatures.COUNT;

    static float[] floatLabels(byte[] labels) {
        float[] f = new float[labels.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = labels[i];
        }
        return f;
    }
}
