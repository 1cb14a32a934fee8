package org.sparsepocket.lab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamWTest {

    private static final float[] START = {0.5f, -1.0f, 2.0f};
    private static final float[] TARGET = {1.0f, 1.0f, -1.0f};

    /** Gradient of Σ (w − target)² is 2 (w − target). */
    private static void backward(Parameter p) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray w = p.getArray();
            NDArray loss = w.sub(w.getManager().create(TARGET)).square().sum();
            gc.backward(loss);
        }
    }

    private static Parameter parameter(NDManager m) {
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
        p.setArray(m.create(START));
        p.getArray().setRequiresGradient(true);
        return p;
    }

    @Test
    void matchesPyTorchAdamWStepForStep() {
        AdamW.Settings s = new AdamW.Settings(0.1, 0.9, 0.999, 1e-8, 0.01);
        double[] w = {START[0], START[1], START[2]};
        double[] m1 = new double[3], v1 = new double[3];
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = parameter(m);
            try (AdamW adam = new AdamW(s, List.of(p), m)) {
                for (int t = 1; t <= 5; t++) {
                    backward(p);
                    adam.step(s.learningRate());
                    // reference: torch.optim.AdamW semantics in doubles
                    for (int i = 0; i < 3; i++) {
                        double g = 2 * (w[i] - TARGET[i]);
                        w[i] *= 1 - s.learningRate() * s.weightDecay();
                        m1[i] = 0.9 * m1[i] + 0.1 * g;
                        v1[i] = 0.999 * v1[i] + 0.001 * g * g;
                        double bc1 = 1 - Math.pow(0.9, t), bc2 = 1 - Math.pow(0.999, t);
                        w[i] -= s.learningRate() / bc1 * m1[i] / (Math.sqrt(v1[i]) / Math.sqrt(bc2) + 1e-8);
                    }
                    float[] got = p.getArray().toFloatArray();
                    for (int i = 0; i < 3; i++) {
                        assertEquals(w[i], got[i], 1e-5, "step " + t + " weight " + i);
                    }
                    assertArrayEquals(new float[3], p.getArray().getGradient().toFloatArray(), "gradients zeroed");
                }
                assertEquals(5, adam.stepCount());
            }
        }
    }

    @Test
    void savedStateResumesIdentically() throws Exception {
        AdamW.Settings s = AdamW.Settings.PUBLISHED;
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter a = parameter(m);
            Parameter b = parameter(m);
            try (AdamW oa = new AdamW(s, List.of(a), m); AdamW ob = new AdamW(s, List.of(b), m)) {
                for (int t = 0; t < 3; t++) {
                    backward(a);
                    oa.step(s.learningRate());
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                oa.save(new DataOutputStream(bytes));
                ob.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
                b.getArray().set(a.getArray().toFloatArray());
                backward(a);
                oa.step(s.learningRate());
                backward(b);
                ob.step(s.learningRate());
                assertArrayEquals(a.getArray().toFloatArray(), b.getArray().toFloatArray());
                assertEquals(4, ob.stepCount());
                assertEquals(DataType.FLOAT32, b.getArray().getDataType());
            }
        }
    }
}
