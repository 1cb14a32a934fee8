package org.sparsepocket.lab.train;

/**
 * Derives every random stream of a run from the run's seed and the position in the run (epoch,
 * step, complex), so a run's randomness needs no saved generator state: resuming at a step
 * reproduces exactly what an uninterrupted run would have drawn there.
 */
final class Seeds {

    private Seeds() {
    }

    /** A well-mixed 64-bit value from the given parts (SplitMix64 finalizer applied per part). */
    static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h = fmix(h ^ fmix(p + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    private static long fmix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
