package org.sparsepocket;

import org.sparsepocket.pockets.PocketScorer;
import org.sparsepocket.pockets.PocketSettings;

/**
 * The pocket settings a user chose, each optional: null means "the model's recommended value". Every front
 * end (CLI flags, the Jmol command, the KNIME dialog, the tuner) fills this one type and applies it to the
 * recommended settings of the model it opened ({@link #applyTo}), so an unset value never stands for a
 * hard-coded default. Immutable; each value is range-checked when set, by {@link PocketSettings}'s checks.
 *
 * @param threshold      atoms with probability ≥ threshold are clustered
 * @param eps            DBSCAN radius, Å
 * @param minAtoms       DBSCAN minimum points, hence the smallest pocket
 * @param maxPockets     at most this many pockets (0 = all)
 * @param weightedCentre probability-weighted pocket centres
 * @param boxMargin      docking box margin, Å
 * @param scorer         pocket scorer
 * @param splitAbove     split pockets of more atoms than this (0 = never)
 */
public record PocketOverrides(Double threshold, Double eps, Integer minAtoms, Integer maxPockets,
                              Boolean weightedCentre, Double boxMargin, PocketScorer scorer, Integer splitAbove) {

    /** Nothing overridden: the model's recommended settings as they are. */
    public static final PocketOverrides NONE = new PocketOverrides(null, null, null, null, null, null, null, null);

    /** @throws IllegalArgumentException naming the first value out of range */
    public PocketOverrides {
        if (threshold != null) {
            PocketSettings.checkThreshold(threshold);
        }
        if (eps != null) {
            PocketSettings.checkEps(eps);
        }
        if (minAtoms != null) {
            PocketSettings.checkMinAtoms(minAtoms);
        }
        if (maxPockets != null) {
            PocketSettings.checkMaxPockets(maxPockets);
        }
        if (boxMargin != null) {
            PocketSettings.checkBoxMargin(boxMargin);
        }
        if (splitAbove != null) {
            PocketSettings.checkSplitAbove(splitAbove);
        }
    }

    /** The effective settings: {@code recommended} with every value set here replacing its own. */
    public PocketSettings applyTo(PocketSettings recommended) {
        return new PocketSettings(
                threshold != null ? threshold : recommended.threshold(),
                eps != null ? eps : recommended.eps(),
                minAtoms != null ? minAtoms : recommended.minAtoms(),
                maxPockets != null ? maxPockets : recommended.maxPockets(),
                weightedCentre != null ? weightedCentre : recommended.probabilityWeightedCenter(),
                boxMargin != null ? boxMargin : recommended.boxMargin(),
                scorer != null ? scorer : recommended.scorer(),
                splitAbove != null ? splitAbove : recommended.splitAbove());
    }

    /** Whether nothing is overridden. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    public PocketOverrides withThreshold(Double t) {
        return new PocketOverrides(t, eps, minAtoms, maxPockets, weightedCentre, boxMargin, scorer, splitAbove);
    }

    public PocketOverrides withEps(Double e) {
        return new PocketOverrides(threshold, e, minAtoms, maxPockets, weightedCentre, boxMargin, scorer, splitAbove);
    }

    public PocketOverrides withMinAtoms(Integer m) {
        return new PocketOverrides(threshold, eps, m, maxPockets, weightedCentre, boxMargin, scorer, splitAbove);
    }

    public PocketOverrides withMaxPockets(Integer m) {
        return new PocketOverrides(threshold, eps, minAtoms, m, weightedCentre, boxMargin, scorer, splitAbove);
    }

    public PocketOverrides withWeightedCentre(Boolean w) {
        return new PocketOverrides(threshold, eps, minAtoms, maxPockets, w, boxMargin, scorer, splitAbove);
    }

    public PocketOverrides withBoxMargin(Double m) {
        return new PocketOverrides(threshold, eps, minAtoms, maxPockets, weightedCentre, m, scorer, splitAbove);
    }

    public PocketOverrides withScorer(PocketScorer s) {
        return new PocketOverrides(threshold, eps, minAtoms, maxPockets, weightedCentre, boxMargin, s, splitAbove);
    }

    /**
     * The scorer named {@code name} (null = the model's).
     *
     * @throws IllegalArgumentException for a name no scorer has
     */
    public PocketOverrides withScorer(String name) {
        return withScorer(name == null ? null : PocketScorer.byName(name));
    }

    public PocketOverrides withSplitAbove(Integer atoms) {
        return new PocketOverrides(threshold, eps, minAtoms, maxPockets, weightedCentre, boxMargin, scorer, atoms);
    }
}
