package org.sparsepocket.lab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam with decoupled weight decay, step for step as PyTorch's {@code torch.optim.AdamW} (the
 * published training used it with lr = 7.89e-4 and PyTorch's defaults: β₁ = 0.9, β₂ = 0.999,
 * ε = 1e-8, weight decay 0.01 on every parameter):
 * <pre>
 *   p ← p · (1 − lr·wd)
 *   m ← β₁ m + (1 − β₁) g          v ← β₂ v + (1 − β₂) g²
 *   p ← p − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 * Written here rather than taken from DJL because a resumable checkpoint needs the moment estimates
 * and the step count, which DJL's optimizers keep private. Parameters without a gradient (batch-norm
 * running statistics) are left alone. Not thread-safe; one instance per training run.
 */
public final class AdamW implements AutoCloseable {

    /** Hyperparameters. */
    public record Settings(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {

        /** The published learning rate with PyTorch's AdamW defaults. */
        public static final Settings PUBLISHED = new Settings(7.89e-4, 0.9, 0.999, 1e-8, 0.01);

        public Settings {
            if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)
                    || !(epsilon > 0) || !(weightDecay >= 0)) {
                throw new IllegalArgumentException("invalid AdamW settings: " + this);
            }
        }

        public Settings withLearningRate(double lr) {
            return new Settings(lr, beta1, beta2, epsilon, weightDecay);
        }
    }

    private final Settings settings;
    private final List<Parameter> params = new ArrayList<>();
    private final List<NDArray> m = new ArrayList<>();
    private final List<NDArray> v = new ArrayList<>();
    private final NDManager manager;
    private long step;

    /** @param parameters the trainable parameters, in a fixed order (checkpoints rely on it) */
    public AdamW(Settings settings, List<Parameter> parameters, NDManager parent) {
        this.settings = settings;
        this.manager = parent.newSubManager();
        for (Parameter p : parameters) {
            if (!p.requiresGradient()) {
                continue;
            }
            NDArray w = p.getArray();
            params.add(p);
            m.add(manager.zeros(w.getShape(), DataType.FLOAT32, w.getDevice()));
            v.add(manager.zeros(w.getShape(), DataType.FLOAT32, w.getDevice()));
        }
    }

    public Settings settings() {
        return settings;
    }

    /** Number of updates made so far (t in the formulas). */
    public long stepCount() {
        return step;
    }

    /** Applies one update from the gradients accumulated in the parameters, then zeroes them. */
    public void step(double learningRate) {
        boolean mode = Autograd.isGradMode();
        Autograd.setGradMode(false);
        try {
            step++;
            float lr = (float) learningRate;
            float b1 = (float) settings.beta1(), b2 = (float) settings.beta2();
            double bc1 = 1 - Math.pow(settings.beta1(), step);
            double bc2 = 1 - Math.pow(settings.beta2(), step);
            for (int i = 0; i < params.size(); i++) {
                NDArray w = params.get(i).getArray();
                NDArray g = w.getGradient();
                NDArray mi = m.get(i), vi = v.get(i);
                if (settings.weightDecay() > 0) {
                    w.muli((float) (1 - learningRate * settings.weightDecay()));
                }
                try (NDArray t = g.mul(1 - b1)) {
                    mi.muli(b1).addi(t);
                }
                try (NDArray t = g.square().muli(1 - b2)) {
                    vi.muli(b2).addi(t);
                }
                try (NDArray denom = vi.sqrt().divi((float) Math.sqrt(bc2)).addi((float) settings.epsilon());
                     NDArray update = mi.div(denom).muli((float) (lr / bc1))) {
                    w.subi(update);
                }
                Autograd.zeroGrad(w);
                g.close();
            }
        } finally {
            Autograd.setGradMode(mode);
        }
    }

    /** Zeroes the accumulated gradients without updating (e.g. after a skipped step). */
    public void zeroGradients() {
        for (Parameter p : params) {
            Autograd.zeroGrad(p.getArray());
        }
    }

    /** Writes the step count and both moment estimates of every parameter. */
    public void save(DataOutputStream out) throws IOException {
        out.writeLong(step);
        out.writeInt(params.size());
        for (int i = 0; i < params.size(); i++) {
            out.writeUTF(params.get(i).getId());
            writeArray(out, m.get(i));
            writeArray(out, v.get(i));
        }
    }

    /** Restores what {@link #save} wrote; fails when the parameters do not match. */
    public void load(DataInputStream in) throws IOException {
        long s = in.readLong();
        int n = in.readInt();
        if (n != params.size()) {
            throw new IOException("optimizer state holds " + n + " parameters, the network has " + params.size());
        }
        for (int i = 0; i < n; i++) {
            String id = in.readUTF();
            // Parameter ids are random UUIDs in DJL, so match by position and check the shapes.
            readArray(in, m.get(i), id);
            readArray(in, v.get(i), id);
        }
        step = s;
    }

    private static void writeArray(DataOutputStream out, NDArray a) throws IOException {
        float[] values = a.toFloatArray();
        out.writeInt(values.length);
        ByteBuffer buf = ByteBuffer.allocate(4 * values.length);
        buf.asFloatBuffer().put(values);
        out.write(buf.array());
    }

    private static void readArray(DataInputStream in, NDArray target, String id) throws IOException {
        int len = in.readInt();
        if (len != target.size()) {
            throw new IOException("optimizer state for parameter " + id + " has " + len + " values, expected " + target.size());
        }
        byte[] bytes = new byte[4 * len];
        in.readFully(bytes);
        float[] values = new float[len];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(values);
        target.set(values);
    }

    @Override
    public void close() {
        manager.close();
    }
}
