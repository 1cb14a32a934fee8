package org.sparsepocket.cli.puresnet;

import java.util.Arrays;

/**
 * One tensor of a checkpoint, read out of its storage in row-major order. Floating-point tensors keep
 * their values as float (what the network holds); integer tensors (batch-norm counters) keep only
 * their shape. Arrays are owned by this record and must not be modified.
 *
 * @param dtype  the storage type's name in the file, e.g. "FloatStorage"
 * @param shape  the tensor's size
 * @param values the values in row-major order, or null for an integer tensor
 */
public record CheckpointTensor(String dtype, long[] shape, float[] values) {

    public long numel() {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    public String shapeText() {
        return Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }
}
