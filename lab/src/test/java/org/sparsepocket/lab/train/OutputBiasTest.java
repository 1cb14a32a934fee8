package org.sparsepocket.lab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.sparsepocket.model.NetworkConfig;
import org.sparsepocket.model.PocketNetwork;

class OutputBiasTest {

    @Test
    void setsTheHeadBiasToThePriorLogOdds() {
        try (PocketNetwork net = PocketNetwork.create(NetworkConfig.PUBLISHED.widthScaled(0.25), Device.cpu(), 3)) {
            Trainer.initializeOutputBias(net, 0.02);
            float bias = Float.NaN;
            int found = 0;
            for (var p : net.parameters()) {
                if (p.getKey().contains("head") && p.getValue().getType() == Parameter.Type.BIAS) {
                    bias = p.getValue().getArray().toFloatArray()[0];
                    found++;
                }
            }
            assertEquals(1, found);
            assertEquals(Math.log(0.02 / 0.98), bias, 1e-6);
            assertThrows(IllegalArgumentException.class, () -> Trainer.initializeOutputBias(net, 0));
        }
    }
}
