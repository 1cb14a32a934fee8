package org.sparsepocket.pockets;

import java.util.Objects;

/**
 * How per-atom probabilities become pockets. Immutable; CLI flags, the KNIME dialog and the Jmol
 * command all fill this same type.
 *
 * @param threshold                 atoms with probability ≥ threshold take part in clustering
 * @param eps                       DBSCAN neighbourhood radius, Å
 * @param minAtoms                  DBSCAN minimum points (a core atom has ≥ minAtoms atoms within eps,
 *                                  itself included); hence also the smallest pocket kept
 * @param maxPockets                at most this many pockets are reported (0 = no limit)
 * @param probabilityWeightedCenter centre = probability-weighted mean instead of the plain atom mean
 * @param boxMargin                 margin added on each side of the docking box and to the radius, Å
 * @param scorer                    how pockets are scored and hence ranked
 * @param splitAbove                a cluster of more atoms than this is re-clustered at rising thresholds
 *                                  until it separates into pockets or shrinks to its most probable core
 *                                  (0 = never: the published tool's plain DBSCAN)
 */
public record PocketSettings(double threshold, double eps, int minAtoms, int maxPockets,
                             boolean probabilityWeightedCenter, double boxMargin, PocketScorer scorer,
                             int splitAbove) {

    /** The published tool's values until tuning on the validation set replaces them. */
    public static final PocketSettings DEFAULT = new PocketSettings(0.34, 5.5, 5, 0, false, 4.0, PocketScorer.SUM, 0);

    public PocketSettings {
        checkThreshold(threshold);
        checkEps(eps);
        checkMinAtoms(minAtoms);
        checkMaxPockets(maxPockets);
        checkBoxMargin(boxMargin);
        Objects.requireNonNull(scorer, "scorer");
        checkSplitAbove(splitAbove);
    }

    // The one place each value's range is checked: these settings and every partial override
    // (org.sparsepocket.PocketOverrides) use them, so a front end never repeats them.

    /** @throws IllegalArgumentException unless 0 ≤ threshold ≤ 1 */
    public static double checkThreshold(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
        return threshold;
    }

    /** @throws IllegalArgumentException unless 0 < eps ≤ 20 Å */
    public static double checkEps(double eps) {
        if (!(eps > 0 && eps <= 20)) {
            throw new IllegalArgumentException("eps must be in (0, 20] Å, got " + eps);
        }
        return eps;
    }

    /** @throws IllegalArgumentException unless minAtoms ≥ 1 */
    public static int checkMinAtoms(int minAtoms) {
        if (minAtoms < 1) {
            throw new IllegalArgumentException("minimum pocket size must be ≥ 1 atom, got " + minAtoms);
        }
        return minAtoms;
    }

    /** @throws IllegalArgumentException unless maxPockets ≥ 0 */
    public static int checkMaxPockets(int maxPockets) {
        if (maxPockets < 0) {
            throw new IllegalArgumentException("maximum pockets must be ≥ 0 (0 = all), got " + maxPockets);
        }
        return maxPockets;
    }

    /** @throws IllegalArgumentException unless 0 ≤ margin ≤ 30 Å */
    public static double checkBoxMargin(double boxMargin) {
        if (!(boxMargin >= 0 && boxMargin <= 30)) {
            throw new IllegalArgumentException("box margin must be in [0, 30] Å, got " + boxMargin);
        }
        return boxMargin;
    }

    /** @throws IllegalArgumentException unless splitAbove ≥ 0 */
    public static int checkSplitAbove(int splitAbove) {
        if (splitAbove < 0) {
            throw new IllegalArgumentException("split size must be ≥ 0 atoms (0 = never split), got " + splitAbove);
        }
        return splitAbove;
    }

    /** Settings with the default scorer ({@link PocketScorer#SUM}) and no splitting. */
    public PocketSettings(double threshold, double eps, int minAtoms, int maxPockets,
                          boolean probabilityWeightedCenter, double boxMargin) {
        this(threshold, eps, minAtoms, maxPockets, probabilityWeightedCenter, boxMargin, PocketScorer.SUM, 0);
    }

    public PocketSettings withThreshold(double t) {
        return new PocketSettings(t, eps, minAtoms, maxPockets, probabilityWeightedCenter, boxMargin, scorer, splitAbove);
    }

    public PocketSettings withEps(double e) {
        return new PocketSettings(threshold, e, minAtoms, maxPockets, probabilityWeightedCenter, boxMargin, scorer, splitAbove);
    }

    public PocketSettings withMinAtoms(int m) {
        return new PocketSettings(threshold, eps, m, maxPockets, probabilityWeightedCenter, boxMargin, scorer, splitAbove);
    }

    public PocketSettings withMaxPockets(int m) {
        return new PocketSettings(threshold, eps, minAtoms, m, probabilityWeightedCenter, boxMargin, scorer, splitAbove);
    }

    public PocketSettings withProbabilityWeightedCenter(boolean w) {
        return new PocketSettings(threshold, eps, minAtoms, maxPockets, w, boxMargin, scorer, splitAbove);
    }

    public PocketSettings withBoxMargin(double m) {
        return new PocketSettings(threshold, eps, minAtoms, maxPockets, probabilityWeightedCenter, m, scorer, splitAbove);
    }

    public PocketSettings withScorer(PocketScorer s) {
        return new PocketSettings(threshold, eps, minAtoms, maxPockets, probabilityWeightedCenter, boxMargin, s, splitAbove);
    }

    public PocketSettings withSplitAbove(int atoms) {
        return new PocketSettings(threshold, eps, minAtoms, maxPockets, probabilityWeightedCenter, boxMargin, scorer,
                atoms);
    }
}
