package org.sparsepocket.lab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class FocalLossTest {

    private static final float[] LOGITS = {-3.5f, -0.2f, 0.0f, 1.7f, 12f, -15f};
    private static final byte[] LABELS = {0, 1, 0, 1, 0, 1};

    private static double reference(float[] x) {
        return FocalLoss.PUBLISHED.ofMeanBce(FocalLoss.meanBce(x, LABELS));
    }

    @Test
    void equalsThePublishedFormulaAndItsGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(LOGITS);
            NDArray targets = m.create(new float[] {0, 1, 0, 1, 0, 1});
            logits.setRequiresGradient(true);
            double loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = FocalLoss.PUBLISHED.compute(logits, targets);
                loss = l.getFloat();
                gc.backward(l);
            }
            assertEquals(reference(LOGITS), loss, 1e-5);
            float[] grad = logits.getGradient().toFloatArray();
            for (int i = 0; i < LOGITS.length; i++) {
                float[] plus = LOGITS.clone(), minus = LOGITS.clone();
                double h = 1e-3;
                plus[i] += h;
                minus[i] -= h;
                double numeric = (reference(plus) - reference(minus)) / (2 * h);
                assertEquals(numeric, grad[i], 1e-4, "d loss / d logit " + i);
            }
        }
    }

    @Test
    void gammaZeroIsPlainBce() {
        FocalLoss bce = new FocalLoss(1, 0);
        assertEquals(0.7, bce.ofMeanBce(0.7), 1e-15);
    }
}
