package org.sparsepocket.lab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.features.AtomFeatures;

class ComplexCacheTest {

    @TempDir
    Path dir;

    private static TrainingComplex sample() {
        int n = 3;
        double[] xyz = new double[3 * n];
        float[] f = new float[AtomFeatures.COUNT * n];
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = i * 1.25f - 3;
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) Math.sin(i);
        }
        return new TrainingComplex("1abc", xyz, f, new byte[] {0, 1, 0});
    }

    @Test
    void roundTripsAndRejectsEntriesBuiltFromOtherInputs() throws Exception {
        ComplexCache cache = new ComplexCache(dir);
        ComplexFiles files = new ComplexFiles("set", "1abc", dir.resolve("p"), dir.resolve("l"));
        assertTrue(cache.read(files, "k1").isEmpty());
        TrainingComplex c = sample();
        cache.write(files, "k1", c);
        TrainingComplex back = cache.read(files, "k1").orElseThrow();
        assertEquals("1abc", back.id());
        assertArrayEquals(c.xyz(), back.xyz());
        assertArrayEquals(c.features(), back.features());
        assertArrayEquals(c.labels(), back.labels());
        assertTrue(cache.read(files, "k2").isEmpty(), "a different key means different inputs: rebuild");
    }

    @Test
    void truncatedOrForeignFilesCountAsAbsent() throws Exception {
        ComplexCache cache = new ComplexCache(dir);
        ComplexFiles files = new ComplexFiles("set", "1abc", dir.resolve("p"), dir.resolve("l"));
        cache.write(files, "k", sample());
        Path f = cache.file(files);
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length - 5));
        assertTrue(cache.read(files, "k").isEmpty());
        Files.writeString(f, "not a cache file at all");
        assertTrue(cache.read(files, "k").isEmpty());
    }
}
