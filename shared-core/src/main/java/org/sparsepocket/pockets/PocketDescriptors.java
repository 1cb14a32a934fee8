package org.sparsepocket.pockets;

import java.util.List;
import org.sparsepocket.structure.Atom;

/**
 * A handful of numbers describing one pocket, the inputs of a learned ranking ({@link LinearPocketScorer}).
 * Sizes and probability masses enter as logarithms, so that the hand-made scorers are special cases of a
 * linear score: {@code sum} ranks as log-size + log-mean-probability, {@code buried-mean-sqrt-size} as
 * 0.5 log-size + log-mean-probability + 2 log-buriedness. Only per-pocket quantities: within one protein a
 * protein-wide constant (e.g. its total probability) never changes a linear ranking.
 */
public final class PocketDescriptors {

    /** Radius around the pocket centre within which protein atoms count as covering it, Å. */
    public static final double CENTRE_RADIUS = 8.0;

    /** The descriptor names, in the order {@link #of} returns them. */
    public static final List<String> NAMES = List.of(
            "log-size",                      // ln(atoms)
            "log-mean-probability",          // ln(mean atom probability)
            "max-probability",               // highest atom probability
            "log-buriedness",                // ln(mean protein atoms within 10 Å of each pocket atom)
            "log-centre-buriedness",         // ln(1 + protein atoms within 8 Å of the centre)
            "log-probability-around-centre", // ln(1 + probability of all atoms within 10 Å of the centre)
            "spread",                        // radius of gyration of the pocket atoms about the centre, Å
            "polar-fraction");               // fraction of N and O atoms

    private PocketDescriptors() {
    }

    /** The descriptors of one pocket, in {@link #NAMES} order. */
    public static double[] of(PocketContext pocket) {
        float[] p = pocket.probabilities();
        double sum = 0, max = Double.NEGATIVE_INFINITY;
        for (float v : p) {
            sum += v;
            max = Math.max(max, v);
        }
        int n = pocket.size();
        Point3 c = pocket.center();
        double gyration = 0;
        int polar = 0;
        for (int k = 0; k < n; k++) {
            Atom a = pocket.atom(k);
            double dx = a.x() - c.x(), dy = a.y() - c.y(), dz = a.z() - c.z();
            gyration += dx * dx + dy * dy + dz * dz;
            if (a.element().equals("N") || a.element().equals("O")) {
                polar++;
            }
        }
        // A zero mean (threshold 0, all-zero atoms) would give -∞; a tiny floor keeps the score finite.
        double mean = Math.max(sum / n, 1e-6);
        return new double[]{
            Math.log(n),
            Math.log(mean),
            max,
            Math.log(pocket.meanNeighbourCount(PocketScorer.BURIEDNESS_RADIUS)),
            Math.log1p(pocket.protein().countWithin(c.x(), c.y(), c.z(), CENTRE_RADIUS)),
            Math.log1p(pocket.probabilityAroundCenter(PocketScorer.NEIGHBOURHOOD_RADIUS)),
            Math.sqrt(gyration / n),
            (double) polar / n
        };
    }
}
