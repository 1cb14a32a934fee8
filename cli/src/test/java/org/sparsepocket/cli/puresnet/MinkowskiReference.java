package org.sparsepocket.cli.puresnet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent forward pass of the published PUResNetV2 module, written from MinkowskiEngine's rules
 * and reading the state dict as stored, in double precision:
 * <ul>
 *   <li>coordinates in grid units; a tensor at stride s lives on multiples of s;</li>
 *   <li>a 3×3×3 kernel is (27, in, out) with offset k = ix + 3·iy + 9·iz, offset (ix-1, iy-1, iz-1)·s;</li>
 *   <li>submanifold convolution: out(p) = Σ_k in(p + s·d_k) W_k on the input's own coordinates;</li>
 *   <li>stride-2 convolution: output coordinates floor(q / 2s)·2s of the inputs q,
 *       out(p) = Σ_k in(p + s·d_k) W_k;</li>
 *   <li>transposed convolution (stride 2s to s): the strided map reversed, onto the stride-s coordinates:
 *       out(q) = Σ_{k, p : q = p + s·d_k} in(p) W_k; {@code mirrored} uses q = p − s·d_k instead (a wrong
 *       variant the test must tell apart);</li>
 *   <li>batch norm with the running statistics, eps 1e-5; dropout is off at inference.</li>
 * </ul>
 */
final class MinkowskiReference {

    private final Map<String, TorchZipWriter.Tensor> state;
    private final boolean mirrored;

    MinkowskiReference(Map<String, TorchZipWriter.Tensor> state, boolean mirrored) {
        this.state = state;
        this.mirrored = mirrored;
    }

    /** A sparse tensor: coordinate key to features, at one stride. */
    private record Sparse(int stride, Map<Long, double[]> features) {
    }

    private static long key(long x, long y, long z) {
        return ((x + 1024) << 42) | ((y + 1024) << 21) | (z + 1024);
    }

    private static long[] coords(long key) {
        return new long[] {(key >>> 42) - 1024, ((key >>> 21) & ((1 << 21) - 1)) - 1024, (key & ((1 << 21) - 1)) - 1024};
    }

    /**
     * Logits of every input voxel.
     *
     * @param input level-0 voxels: coordinate key ({@link #key}) to 18 features
     */
    Map<Long, Double> forward(Map<Long, double[]> input, int levels) {
        Sparse x = new Sparse(1, input);
        x = relu(norm("bn0", submanifold("conv0p1s1", x)));
        Sparse p1 = x;
        List<Sparse> skips = new ArrayList<>();
        skips.add(p1);
        for (int l = 0; l < levels; l++) {
            x = relu(norm("bn" + (l + 1), strided("conv" + (l + 1) + "p" + (1 << l) + "s2", x)));
            x = stage("block" + (l + 1), x);
            if (l < levels - 1) {
                skips.add(x);
            }
        }
        for (int i = 0; i < levels; i++) {
            Sparse skip = skips.get(levels - 1 - i);
            x = relu(norm("bntr" + (levels + i), transposed("convtr" + (levels + i) + "p" + (1 << (levels - i)) + "s2",
                    x, skip)));
            x = stage("block" + (levels + 1 + i), concat(x, skip));
        }
        Sparse out = pointwise("final.kernel", x);
        double bias = state.get("final.bias").values()[0];
        Map<Long, Double> logits = new HashMap<>();
        out.features().forEach((k, v) -> logits.put(k, v[0] + bias));
        return logits;
    }

    private Sparse stage(String name, Sparse x) {
        for (int b = 0; state.containsKey(name + "." + b + ".conv1.kernel"); b++) {
            String p = name + "." + b + ".";
            Sparse y = relu(norm(p + "norm1", submanifold(p + "conv1", x)));
            y = norm(p + "norm2", submanifold(p + "conv2", y));
            Sparse shortcut = state.containsKey(p + "downsample.0.kernel")
                    ? norm(p + "downsample.1", pointwise(p + "downsample.0.kernel", x)) : x;
            Map<Long, double[]> sum = new LinkedHashMap<>();
            for (Map.Entry<Long, double[]> e : y.features().entrySet()) {
                double[] a = e.getValue(), r = shortcut.features().get(e.getKey());
                double[] s = new double[a.length];
                for (int c = 0; c < a.length; c++) {
                    s[c] = Math.max(0, a[c] + r[c]);
                }
                sum.put(e.getKey(), s);
            }
            x = new Sparse(x.stride(), sum);
        }
        return x;
    }

    private Sparse submanifold(String conv, Sparse x) {
        return convolve(conv + ".kernel", x, x.features().keySet(), x.stride(), x.stride());
    }

    private Sparse strided(String conv, Sparse x) {
        int s2 = 2 * x.stride();
        List<Long> out = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (long k : x.features().keySet()) {
            long[] c = coords(k);
            long p = key(Math.floorDiv(c[0], s2) * s2, Math.floorDiv(c[1], s2) * s2, Math.floorDiv(c[2], s2) * s2);
            if (seen.add(p)) {
                out.add(p);
            }
        }
        return convolve(conv + ".kernel", x, out, x.stride(), s2);
    }

    /** out(p) = Σ_k in(p + s·d_k) W_k over the given output coordinates. */
    private Sparse convolve(String kernel, Sparse x, Iterable<Long> outCoords, int s, int outStride) {
        TorchZipWriter.Tensor w = state.get(kernel);
        int in = (int) w.shape()[1], out = (int) w.shape()[2];
        Map<Long, double[]> result = new LinkedHashMap<>();
        for (long pk : outCoords) {
            long[] p = coords(pk);
            double[] acc = new double[out];
            for (int k = 0; k < 27; k++) {
                int ix = k % 3, iy = (k / 3) % 3, iz = k / 9;
                double[] v = x.features().get(key(p[0] + s * (ix - 1), p[1] + s * (iy - 1), p[2] + s * (iz - 1)));
                if (v != null) {
                    addProduct(acc, v, w.values(), k * in * out, in, out);
                }
            }
            result.put(pk, acc);
        }
        return new Sparse(outStride, result);
    }

    /** Stride 2s to s onto the coordinates of {@code fine}. */
    private Sparse transposed(String conv, Sparse x, Sparse fine) {
        TorchZipWriter.Tensor w = state.get(conv + ".kernel");
        int in = (int) w.shape()[1], out = (int) w.shape()[2];
        int s = fine.stride();
        int sign = mirrored ? -1 : 1;
        Map<Long, double[]> result = new LinkedHashMap<>();
        for (long q : fine.features().keySet()) {
            result.put(q, new double[out]);
        }
        for (Map.Entry<Long, double[]> e : x.features().entrySet()) {
            long[] p = coords(e.getKey());
            for (int k = 0; k < 27; k++) {
                int ix = k % 3, iy = (k / 3) % 3, iz = k / 9;
                double[] acc = result.get(key(p[0] + sign * s * (ix - 1), p[1] + sign * s * (iy - 1),
                        p[2] + sign * s * (iz - 1)));
                if (acc != null) {
                    addProduct(acc, e.getValue(), w.values(), k * in * out, in, out);
                }
            }
        }
        return new Sparse(s, result);
    }

    private Sparse pointwise(String kernel, Sparse x) {
        TorchZipWriter.Tensor w = state.get(kernel);
        int in = (int) w.shape()[0], out = (int) w.shape()[1];
        Map<Long, double[]> result = new LinkedHashMap<>();
        x.features().forEach((k, v) -> {
            double[] acc = new double[out];
            addProduct(acc, v, w.values(), 0, in, out);
            result.put(k, acc);
        });
        return new Sparse(x.stride(), result);
    }

    private static void addProduct(double[] acc, double[] v, float[] w, int base, int in, int out) {
        for (int ci = 0; ci < in; ci++) {
            if (v[ci] == 0) {
                continue;
            }
            for (int co = 0; co < out; co++) {
                acc[co] += v[ci] * w[base + ci * out + co];
            }
        }
    }

    private Sparse norm(String name, Sparse x) {
        float[] g = state.get(name + ".bn.weight").values(), b = state.get(name + ".bn.bias").values();
        float[] m = state.get(name + ".bn.running_mean").values(), var = state.get(name + ".bn.running_var").values();
        Map<Long, double[]> result = new LinkedHashMap<>();
        x.features().forEach((k, v) -> {
            double[] y = new double[v.length];
            for (int c = 0; c < v.length; c++) {
                y[c] = (v[c] - m[c]) / Math.sqrt(var[c] + 1e-5) * g[c] + b[c];
            }
            result.put(k, y);
        });
        return new Sparse(x.stride(), result);
    }

    private static Sparse relu(Sparse x) {
        Map<Long, double[]> result = new LinkedHashMap<>();
        x.features().forEach((k, v) -> {
            double[] y = v.clone();
            for (int c = 0; c < y.length; c++) {
                y[c] = Math.max(0, y[c]);
            }
            result.put(k, y);
        });
        return new Sparse(x.stride(), result);
    }

    /** ME.cat(up, skip): the upsampled channels first. */
    private static Sparse concat(Sparse up, Sparse skip) {
        Map<Long, double[]> result = new LinkedHashMap<>();
        up.features().forEach((k, a) -> {
            double[] b = skip.features().get(k);
            double[] y = new double[a.length + b.length];
            System.arraycopy(a, 0, y, 0, a.length);
            System.arraycopy(b, 0, y, a.length, b.length);
            result.put(k, y);
        });
        return new Sparse(up.stride(), result);
    }

    static long voxel(int x, int y, int z) {
        return key(x, y, z);
    }
}
