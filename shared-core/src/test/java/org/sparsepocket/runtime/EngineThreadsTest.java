package org.sparsepocket.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The intra-op thread policy: idle cores split between concurrent predictions, never below one. */
class EngineThreadsTest {

    @Test
    void idleCoresAreSplitBetweenCalls() {
        OptionalDouble idle = OptionalDouble.of(0.1);
        assertEquals(2, EngineThreads.suggested(1, 2, idle));
        assertEquals(1, EngineThreads.suggested(2, 2, idle));
        assertEquals(4, EngineThreads.suggested(2, 8, idle));
        assertEquals(1, EngineThreads.suggested(16, 8, idle));
    }

    @Test
    void busyCoresAreLeftAlone() {
        assertEquals(1, EngineThreads.suggested(1, 2, OptionalDouble.of(1.0)));   // training on one core
        assertEquals(1, EngineThreads.suggested(1, 2, OptionalDouble.of(20)));   // overloaded
        assertEquals(6, EngineThreads.suggested(1, 8, OptionalDouble.of(2.4)));
        assertEquals(2, EngineThreads.suggested(1, 2, OptionalDouble.of(0.4)));
    }

    @Test
    void unknownLoadMeansIdle() {
        assertEquals(4, EngineThreads.suggested(1, 4, OptionalDouble.empty()));
        assertThrows(IllegalArgumentException.class, () -> EngineThreads.suggested(0, 4, OptionalDouble.empty()));
    }

    @Test
    void loadAverageIsReadOnLinux() {
        if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/loadavg"))) {
            OptionalDouble load = EngineThreads.loadAverage();
            assertEquals(true, load.isPresent());
            assertEquals(true, load.getAsDouble() >= 0);
        }
    }
}
