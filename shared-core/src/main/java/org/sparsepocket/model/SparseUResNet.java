package org.sparsepocket.model;

import ai.djl.training.ParameterStore;
import org.sparsepocket.sparse.blocks.BasicBlock;
import org.sparsepocket.sparse.blocks.PointwiseConv;
import org.sparsepocket.sparse.blocks.SparseBatchNorm;
import org.sparsepocket.sparse.blocks.SparseBlock;
import org.sparsepocket.sparse.blocks.SparseDropout;
import org.sparsepocket.sparse.blocks.SparseReLU;
import org.sparsepocket.sparse.blocks.SparseSequential;
import org.sparsepocket.sparse.blocks.StridedConv;
import org.sparsepocket.sparse.blocks.SubmanifoldConv;
import org.sparsepocket.sparse.blocks.TransposedConv;
import org.sparsepocket.sparse.ops.SparseTensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The sparse U-ResNet of PUResNetV2.0 (a MinkUNet): a 3x3x3 stem; per level a stride-2 convolution
 * (keeping the channel count) + BN + ReLU + dropout followed by residual basic blocks; then per level
 * a stride-2 transposed convolution + BN + ReLU + dropout, concatenation with the encoder output of
 * the same level, and basic blocks; finally a 1x1 convolution to one logit per voxel.
 *
 * <p>Input: a level-0 sparse tensor with {@code inputFeatures} channels. Output: the same voxels with
 * one channel, the binding logit. Child order is part of the saved weights' format: do not reorder.
 */
public final class SparseUResNet extends SparseBlock {

    private final NetworkConfig config;
    private final SparseSequential stem;
    private final List<SparseSequential> down = new ArrayList<>();
    private final List<SparseSequential> encoder = new ArrayList<>();
    private final List<SparseSequential> up = new ArrayList<>();
    private final List<SparseSequential> decoder = new ArrayList<>();
    private final PointwiseConv head;

    public SparseUResNet(NetworkConfig config) {
        super((byte) 1);
        this.config = config;
        int levels = config.levels();
        float dropout = (float) config.dropout();
        int k = config.strideKernel();
        stem = addChildBlock("stem", new SparseSequential()
                .add(new SubmanifoldConv(config.inputFeatures(), config.stemPlanes()))
                .add(new SparseBatchNorm(config.stemPlanes())).add(new SparseReLU()));
        int[] skipChannels = new int[levels];
        int channels = config.stemPlanes();
        for (int l = 0; l < levels; l++) {
            skipChannels[l] = channels; // the tensor entering level l+1 is the skip for decoder step l
            down.add(addChildBlock("down" + l, new SparseSequential()
                    .add(new StridedConv(channels, channels, k)).add(new SparseBatchNorm(channels))
                    .add(new SparseReLU()).add(new SparseDropout(dropout))));
            int planes = config.encoderPlanes().get(l);
            encoder.add(addChildBlock("encoder" + l, residualStage(channels, planes, config.encoderBlocks().get(l))));
            if (config.encoderBlocks().get(l) > 0) {
                channels = planes;
            }
        }
        for (int i = 0; i < levels; i++) {
            int planes = config.decoderPlanes().get(i);
            up.add(addChildBlock("up" + i, new SparseSequential()
                    .add(new TransposedConv(channels, planes, k)).add(new SparseBatchNorm(planes))
                    .add(new SparseReLU()).add(new SparseDropout(dropout))));
            int merged = planes + skipChannels[levels - 1 - i];
            int blocks = config.decoderBlocks().get(i);
            decoder.add(addChildBlock("decoder" + i, residualStage(merged, planes, blocks)));
            channels = blocks > 0 ? planes : merged;
        }
        head = addChildBlock("head", new PointwiseConv(channels, 1, true));
    }

    public NetworkConfig config() {
        return config;
    }

    private static SparseSequential residualStage(int in, int planes, int blocks) {
        SparseSequential stage = new SparseSequential();
        for (int b = 0; b < blocks; b++) {
            stage.add(new BasicBlock(b == 0 ? in : planes, planes));
        }
        return stage;
    }

    @Override
    public SparseTensor forward(ParameterStore ps, SparseTensor input, boolean training) {
        if (input.level() != 0) {
            throw new IllegalArgumentException("the network takes a level-0 tensor, got level " + input.level());
        }
        int levels = config.levels();
        SparseTensor x = stem.forward(ps, input, training);
        List<SparseTensor> skips = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            skips.add(x);
            x = encoder.get(l).forward(ps, down.get(l).forward(ps, x, training), training);
        }
        for (int i = 0; i < levels; i++) {
            x = up.get(i).forward(ps, x, training);
            SparseTensor skip = skips.get(levels - 1 - i);
            x = x.withFeatures(x.features().concat(skip.features(), 1));
            x = decoder.get(i).forward(ps, x, training);
        }
        return head.forward(ps, x, training);
    }

    @Override
    public long outputChannels(long inputChannels) {
        return 1;
    }
}
