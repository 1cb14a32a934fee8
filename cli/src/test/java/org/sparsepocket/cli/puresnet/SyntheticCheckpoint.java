package org.sparsepocket.cli.puresnet;

import org.sparsepocket.model.NetworkConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A state dict in the published key and shape layout of an architecture, with seeded random values of
 * a trained network's scale: kernels N(0, 1/fan-in) (so activations neither vanish nor explode through
 * 30 layers), batch-norm weights around 1, small biases and means, variances around 1, and a head that
 * gives logits of a few units.
 */
final class SyntheticCheckpoint {

    private SyntheticCheckpoint() {
    }

    static Map<String, TorchZipWriter.Tensor> of(NetworkConfig config, long seed) {
        Random random = new Random(seed);
        Map<String, TorchZipWriter.Tensor> state = new LinkedHashMap<>();
        for (PublishedLayout.Key k : PublishedLayout.of(config).keys()) {
            if (k.role() == PublishedLayout.Role.COUNTER) {
                state.put(k.name(), TorchZipWriter.Tensor.counter());
                continue;
            }
            int n = 1;
            for (long s : k.shape()) {
                n *= (int) s;
            }
            float[] v = new float[n];
            String name = k.name();
            for (int i = 0; i < n; i++) {
                v[i] = (float) switch (k.role()) {
                    case KERNEL_3 -> random.nextGaussian() / Math.sqrt(27.0 * k.shape()[1] / 4);
                    // the head 10x smaller: logits of a few units, as a trained model's (probabilities not saturated)
                    case KERNEL_1 -> random.nextGaussian() / Math.sqrt(k.shape()[0]) * (name.startsWith("final") ? 0.1 : 1);
                    case BIAS -> 0.1 * random.nextGaussian();
                    default -> name.endsWith(".weight") ? 0.8 + 0.4 * random.nextDouble()
                            : name.endsWith(".running_var") ? 0.5 + random.nextDouble()
                            : 0.1 * random.nextGaussian();
                };
            }
            state.put(name, TorchZipWriter.Tensor.floats(v, k.shape()));
        }
        return state;
    }
}
