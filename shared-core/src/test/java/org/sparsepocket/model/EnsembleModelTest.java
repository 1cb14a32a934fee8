package org.sparsepocket.model;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link PocketModel#mean}: an ensemble gives each atom the mean of its members' probabilities. */
class EnsembleModelTest {

    private static PocketModel tiny(long seed, String name) {
        PocketNetwork network = PocketNetwork.create(TinyNetworks.TINY, Device.cpu(), seed);
        TinyNetworks.warmRunningStatistics(network, seed + 1);
        return PocketModel.of(network, ModelCard.of(name, TinyNetworks.TINY, "test: random weights"));
    }

    @Test
    void meanOfTwoNetworksIsTheMeanOfTheirProbabilities() {
        ComplexInput input = RandomComplexes.ball(200, 5);
        float[] a;
        float[] b;
        try (PocketModel ma = tiny(31, "a"); PocketModel mb = tiny(41, "b")) {
            a = ma.predict(input.xyz(), input.features());
            b = mb.predict(input.xyz(), input.features());
        }
        assertNotEquals(a[0], b[0], "the two random networks should differ");
        try (PocketModel mean = PocketModel.mean(List.of(tiny(31, "a"), tiny(41, "b")))) {
            assertEquals(2, mean.members());
            assertEquals("a", mean.card().name());
            float[] m = mean.predict(input.xyz(), input.features());
            for (int i = 0; i < m.length; i++) {
                assertEquals((a[i] + b[i]) / 2, m[i], 1e-6, "atom " + i);
            }
            // batched complexes get the same means as one at a time
            ComplexInput other = RandomComplexes.ball(120, 6);
            List<float[]> both = mean.predict(List.of(input, other));
            assertArrayEquals(m, both.get(0), 1e-6f);
            assertArrayEquals(mean.predict(other.xyz(), other.features()), both.get(1), 1e-6f);
        }
    }

    @Test
    void oneMemberIsThePlainModelBitForBit() {
        ComplexInput input = RandomComplexes.ball(150, 9);
        float[] plain;
        try (PocketModel m = tiny(51, "plain")) {
            plain = m.predict(input.xyz(), input.features());
        }
        try (PocketModel one = PocketModel.mean(List.of(tiny(51, "plain")))) {
            assertArrayEquals(plain, one.predict(input.xyz(), input.features()));
        }
    }

    @Test
    void refusesNoMembersAndClosedOnes() {
        assertThrows(IllegalArgumentException.class, () -> PocketModel.mean(List.of()));
        PocketModel closed = tiny(61, "closed");
        closed.close();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PocketModel.mean(List.of(closed)));
        assertEquals("model closed is closed", e.getMessage());
    }
}
