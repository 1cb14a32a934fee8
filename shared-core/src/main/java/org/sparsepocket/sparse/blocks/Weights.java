package org.sparsepocket.sparse.blocks;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;

/** Parameter factories shared by the blocks. */
final class Weights {

    private Weights() {
    }

    /** A convolution weight matrix with He (Kaiming) normal initialization for ReLU networks. */
    static Parameter kernel(long rows, long cols, long fanIn) {
        return Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(rows, cols))
                .optInitializer(new NormalInitializer((float) Math.sqrt(2.0 / fanIn)))
                .build();
    }

    static Parameter vector(String name, Parameter.Type type, long size, float value, boolean trainable) {
        return Parameter.builder().setName(name).setType(type).optShape(new Shape(size))
                .optInitializer(new ConstantInitializer(value)).optRequiresGrad(trainable).build();
    }
}
