package org.sparsepocket.model;

import java.util.List;

/**
 * The architecture of the sparse U-ResNet, saved with the weights in the model card.
 *
 * @param inputFeatures  features per voxel (18 atom features)
 * @param stemPlanes     channels of the 3x3x3 stem convolution
 * @param encoderPlanes  channels of the basic blocks after each stride-2 convolution
 * @param encoderBlocks  basic blocks after each stride-2 convolution
 * @param decoderPlanes  channels of each transposed convolution and the basic blocks after it
 * @param decoderBlocks  basic blocks after each transposed convolution (and skip concatenation)
 * @param strideKernel   kernel size (2 or 3) of the stride-2 and transposed convolutions
 * @param dropout        dropout rate after each stride-2 / transposed convolution
 * @param voxelSize      grid spacing in Å
 */
public record NetworkConfig(int inputFeatures, int stemPlanes, List<Integer> encoderPlanes,
                            List<Integer> encoderBlocks, List<Integer> decoderPlanes,
                            List<Integer> decoderBlocks, int strideKernel, double dropout, double voxelSize) {

    /**
     * The published PUResNetV2.0 architecture: stem 18→32, encoder planes 32, 48, 128, 128 with 2, 3,
     * 1, 3 blocks, decoder planes 128, 128, 48, 32 with 3, 2, 1, 3 blocks, dropout 0.11, 1 Å voxels.
     * With 3x3x3 stride-2 kernels it has 10,861,601 learned parameters, the published ~10.9 M
     * (2x2x2 kernels would give 9.7 M).
     */
    public static final NetworkConfig PUBLISHED = new NetworkConfig(18, 32,
            List.of(32, 48, 128, 128), List.of(2, 3, 1, 3),
            List.of(128, 128, 48, 32), List.of(3, 2, 1, 3), 3, 0.11, 1.0);

    public NetworkConfig {
        encoderPlanes = List.copyOf(encoderPlanes);
        encoderBlocks = List.copyOf(encoderBlocks);
        decoderPlanes = List.copyOf(decoderPlanes);
        decoderBlocks = List.copyOf(decoderBlocks);
        int levels = encoderPlanes.size();
        if (levels == 0 || encoderBlocks.size() != levels || decoderPlanes.size() != levels
                || decoderBlocks.size() != levels) {
            throw new IllegalArgumentException("encoder/decoder planes and blocks need one entry per level, got "
                    + encoderPlanes + " " + encoderBlocks + " " + decoderPlanes + " " + decoderBlocks);
        }
        if (inputFeatures <= 0 || stemPlanes <= 0 || encoderPlanes.stream().anyMatch(p -> p <= 0)
                || decoderPlanes.stream().anyMatch(p -> p <= 0)
                || encoderBlocks.stream().anyMatch(b -> b < 0) || decoderBlocks.stream().anyMatch(b -> b < 0)) {
            throw new IllegalArgumentException("channel counts must be positive and block counts non-negative");
        }
        if (strideKernel != 2 && strideKernel != 3) {
            throw new IllegalArgumentException("stride kernel must be 2 or 3, got " + strideKernel);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(voxelSize > 0) || Double.isInfinite(voxelSize)) {
            throw new IllegalArgumentException("voxel size must be positive, got " + voxelSize);
        }
    }

    /** Number of stride-2 levels. */
    public int levels() {
        return encoderPlanes.size();
    }

    /** The same architecture with every channel count scaled (rounded, at least 1). */
    public NetworkConfig widthScaled(double factor) {
        return new NetworkConfig(inputFeatures, scale(stemPlanes, factor),
                encoderPlanes.stream().map(p -> scale(p, factor)).toList(), encoderBlocks,
                decoderPlanes.stream().map(p -> scale(p, factor)).toList(), decoderBlocks,
                strideKernel, dropout, voxelSize);
    }

    private static int scale(int planes, double factor) {
        return Math.max(1, (int) Math.round(planes * factor));
    }
}
