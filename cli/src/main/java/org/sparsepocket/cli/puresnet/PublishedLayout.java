package org.sparsepocket.cli.puresnet;

import org.sparsepocket.model.NetworkConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The state-dict keys and shapes of the published {@code PUResNetV2} (MinkowskiEngine) module for an
 * architecture, in the module's order, which is also the order of this project's parameters
 * ({@link org.sparsepocket.model.SparseUResNet}): conv0p1s1/bn0 = stem; conv{l}p{2^(l-1)}s2/bn{l} and
 * block{l} = encoder level l; convtr{4+i}…/bntr{4+i} and block{5+i} = decoder step i; final = head.
 * MinkowskiEngine stores a 3×3×3 kernel as (27, in, out), a 1×1×1 kernel as (in, out), the bias as
 * (1, out); each batch norm has weight, bias, running_mean, running_var and a scalar
 * num_batches_tracked (which has no counterpart here).
 */
public final class PublishedLayout {

    /** What a key holds, and so how it maps onto this project's parameter. */
    public enum Role { KERNEL_3, KERNEL_1, BIAS, NORM, COUNTER }

    /** One state-dict entry. */
    public record Key(String name, long[] shape, Role role) {
        public String shapeText() {
            return java.util.Arrays.toString(shape).replace('[', '(').replace(']', ')');
        }
    }

    private final List<Key> keys = new ArrayList<>();

    private PublishedLayout() {
    }

    /**
     * The layout of {@code config}'s network as the published code builds it.
     *
     * @throws IllegalArgumentException for an architecture the published module cannot express (other than
     *                                  4 levels or 3×3×3 stride kernels)
     */
    public static PublishedLayout of(NetworkConfig config) {
        if (config.levels() != 4 || config.strideKernel() != 3) {
            throw new IllegalArgumentException("the published module has 4 levels and 3x3x3 stride kernels");
        }
        PublishedLayout l = new PublishedLayout();
        int channels = config.stemPlanes();
        l.conv("conv0p1s1", config.inputFeatures(), channels);
        l.norm("bn0", channels);
        int[] skips = new int[4];
        for (int level = 0; level < 4; level++) {
            skips[level] = channels;
            l.conv("conv" + (level + 1) + "p" + (1 << level) + "s2", channels, channels);
            l.norm("bn" + (level + 1), channels);
            channels = l.blocks("block" + (level + 1), channels, config.encoderPlanes().get(level),
                    config.encoderBlocks().get(level));
        }
        for (int i = 0; i < 4; i++) {
            int planes = config.decoderPlanes().get(i);
            l.conv("convtr" + (4 + i) + "p" + (1 << (4 - i)) + "s2", channels, planes);
            l.norm("bntr" + (4 + i), planes);
            channels = l.blocks("block" + (5 + i), planes + skips[3 - i], planes, config.decoderBlocks().get(i));
        }
        l.keys.add(new Key("final.kernel", new long[] {channels, 1}, Role.KERNEL_1));
        l.keys.add(new Key("final.bias", new long[] {1, 1}, Role.BIAS));
        return l;
    }

    /** Every key, in the module's order. */
    public List<Key> keys() {
        return List.copyOf(keys);
    }

    /** Number of learned values (kernels, biases, batch-norm weights and biases). */
    public long learnedParameters() {
        long n = 0;
        for (Key k : keys) {
            boolean learned = k.role() != Role.COUNTER
                    && !(k.role() == Role.NORM && (k.name().endsWith(".running_mean") || k.name().endsWith(".running_var")));
            if (learned) {
                long size = 1;
                for (long s : k.shape()) {
                    size *= s;
                }
                n += size;
            }
        }
        return n;
    }

    private void conv(String name, int in, int out) {
        keys.add(new Key(name + ".kernel", new long[] {27, in, out}, Role.KERNEL_3));
    }

    private void norm(String name, int channels) {
        for (String p : List.of("weight", "bias", "running_mean", "running_var")) {
            keys.add(new Key(name + ".bn." + p, new long[] {channels}, Role.NORM));
        }
        keys.add(new Key(name + ".bn.num_batches_tracked", new long[0], Role.COUNTER));
    }

    /** A residual stage of {@code blocks} basic blocks; returns its output channels. */
    private int blocks(String name, int in, int planes, int blocks) {
        for (int b = 0; b < blocks; b++) {
            int from = b == 0 ? in : planes;
            String p = name + "." + b + ".";
            conv(p + "conv1", from, planes);
            norm(p + "norm1", planes);
            conv(p + "conv2", planes, planes);
            norm(p + "norm2", planes);
            if (from != planes) {
                keys.add(new Key(p + "downsample.0.kernel", new long[] {from, planes}, Role.KERNEL_1));
                norm(p + "downsample.1", planes);
            }
        }
        return blocks > 0 ? planes : in;
    }
}
