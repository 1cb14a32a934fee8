package org.sparsepocket.pockets;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a pocket's score (its ranking key, higher = more likely a binding site) is computed from the
 * network probabilities of its atoms. A strategy, so the evaluation can compare the named scorers on
 * the validation set and the settings can name the winner; {@link #SUM} is the default until tuning
 * decides.
 */
public interface PocketScorer {

    /** A short, stable name used in settings, CLI flags and output files (e.g. "sum"). */
    String name();

    /**
     * Scores one pocket.
     *
     * @param probabilities the network probabilities of the pocket's atoms (never empty)
     */
    double score(float[] probabilities);

    /** Sum of the atom probabilities: large and confident pockets first. */
    PocketScorer SUM = named("sum", p -> {
        double s = 0;
        for (float v : p) {
            s += v;
        }
        return s;
    });

    /** Mean probability: confidence only, size ignored. */
    PocketScorer MEAN = named("mean", p -> SUM.score(p) / p.length);

    /** Highest atom probability. */
    PocketScorer MAX = named("max", p -> {
        double m = Double.NEGATIVE_INFINITY;
        for (float v : p) {
            m = Math.max(m, v);
        }
        return m;
    });

    /** Mean probability × √(atom count): between {@link #MEAN} and {@link #SUM} in how much size counts. */
    PocketScorer MEAN_SQRT_SIZE = named("mean-sqrt-size", p -> SUM.score(p) / Math.sqrt(p.length));

    /** Sum of squared probabilities: like {@link #SUM}, but confident atoms weigh more. */
    PocketScorer SUM_SQUARED = named("sum-squared", p -> {
        double s = 0;
        for (float v : p) {
            s += (double) v * v;
        }
        return s;
    });

    /** Every named scorer, default first. */
    static List<PocketScorer> all() {
        return List.of(SUM, MEAN, MAX, MEAN_SQRT_SIZE, SUM_SQUARED);
    }

    /**
     * The scorer with this name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known scorers when there is none
     */
    static PocketScorer byName(String name) {
        for (PocketScorer s : all()) {
            if (s.name().equalsIgnoreCase(name.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown pocket scorer '" + name + "'; known: "
                + all().stream().map(PocketScorer::name).collect(Collectors.joining(", ")));
    }

    /** A scorer from a name and a function; {@code toString} is the name. */
    static PocketScorer named(String name, java.util.function.ToDoubleFunction<float[]> function) {
        String key = name.toLowerCase(Locale.ROOT);
        return new PocketScorer() {
            @Override
            public String name() {
                return key;
            }

            @Override
            public double score(float[] probabilities) {
                return function.applyAsDouble(probabilities);
            }

            @Override
            public String toString() {
                return key;
            }
        };
    }
}
