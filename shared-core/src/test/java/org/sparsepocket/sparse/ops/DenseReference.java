package org.sparsepocket.sparse.ops;

/**
 * Plain dense 3-D convolutions over a (batch, x, y, z, channel) grid, written as the textbook loops,
 * as the reference the sparse ops must reproduce. Kernel slice {@code k} for offsets
 * (dx, dy, dz) in {lo..lo+K-1}^3 is {@code ((dx-lo)*K + (dy-lo))*K + (dz-lo)}.
 */
final class DenseReference {

    final int batch, nx, ny, nz, channels;
    final double[] values;

    DenseReference(int batch, int nx, int ny, int nz, int channels) {
        this.batch = batch;
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.channels = channels;
        this.values = new double[batch * nx * ny * nz * channels];
    }

    int cell(int b, int x, int y, int z) {
        return (((b * nx + x) * ny + y) * nz + z);
    }

    double get(int b, int x, int y, int z, int c) {
        if (x < 0 || y < 0 || z < 0 || x >= nx || y >= ny || z >= nz) {
            return 0;
        }
        return values[cell(b, x, y, z) * channels + c];
    }

    void add(int b, int x, int y, int z, int c, double v) {
        values[cell(b, x, y, z) * channels + c] += v;
    }

    /**
     * Dense convolution: output at (b, p) = sum over offsets k and input channels of
     * W[k * Cin + ci][co] * in(b, stride * p + offset_k). Output grid size {@code ceil(n / stride)}.
     */
    static DenseReference convolve(DenseReference in, double[][] w, int kernel, int lo, int stride, int cout) {
        DenseReference out = new DenseReference(in.batch, (in.nx + stride - 1) / stride, (in.ny + stride - 1) / stride,
                (in.nz + stride - 1) / stride, cout);
        for (int b = 0; b < in.batch; b++) {
            for (int x = 0; x < out.nx; x++) {
                for (int y = 0; y < out.ny; y++) {
                    for (int z = 0; z < out.nz; z++) {
                        for (int dx = 0; dx < kernel; dx++) {
                            for (int dy = 0; dy < kernel; dy++) {
                                for (int dz = 0; dz < kernel; dz++) {
                                    int k = (dx * kernel + dy) * kernel + dz;
                                    for (int ci = 0; ci < in.channels; ci++) {
                                        double v = in.get(b, stride * x + dx + lo, stride * y + dy + lo, stride * z + dz + lo, ci);
                                        if (v == 0) {
                                            continue;
                                        }
                                        for (int co = 0; co < cout; co++) {
                                            out.add(b, x, y, z, co, w[k * in.channels + ci][co] * v);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Dense stride-2 transposed convolution as a scatter: every input cell p adds
     * {@code W_k^T in(p)} to output cell {@code 2p + offset_k}. {@code slice(k, ci, co)} reads the weight.
     */
    static DenseReference transpose(DenseReference in, WeightSlice slice, int kernel, int lo, int fx, int fy, int fz,
                                    int cout) {
        DenseReference out = new DenseReference(in.batch, fx, fy, fz, cout);
        for (int b = 0; b < in.batch; b++) {
            for (int x = 0; x < in.nx; x++) {
                for (int y = 0; y < in.ny; y++) {
                    for (int z = 0; z < in.nz; z++) {
                        for (int dx = 0; dx < kernel; dx++) {
                            for (int dy = 0; dy < kernel; dy++) {
                                for (int dz = 0; dz < kernel; dz++) {
                                    int k = (dx * kernel + dy) * kernel + dz;
                                    int ox = 2 * x + dx + lo, oy = 2 * y + dy + lo, oz = 2 * z + dz + lo;
                                    if (ox < 0 || oy < 0 || oz < 0 || ox >= fx || oy >= fy || oz >= fz) {
                                        continue;
                                    }
                                    for (int ci = 0; ci < in.channels; ci++) {
                                        double v = in.get(b, x, y, z, ci);
                                        for (int co = 0; co < cout; co++) {
                                            out.add(b, ox, oy, oz, co, slice.get(k, ci, co) * v);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    interface WeightSlice {
        double get(int k, int ci, int co);
    }
}
