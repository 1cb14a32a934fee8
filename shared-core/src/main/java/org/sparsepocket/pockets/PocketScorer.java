package org.sparsepocket.pockets;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * How a pocket's score (its ranking key, higher = more likely a binding site) is computed. A strategy, so
 * the evaluation can compare the named scorers on the validation set and the settings can name the
 * winner; {@link #SUM} is the default until tuning decides.
 *
 * <p>Most scorers look only at the network probabilities of the pocket's atoms; the {@code buried-*} and
 * {@code neighbourhood-*} scorers also use its geometry and surroundings through the {@link PocketContext}
 * (how buried its atoms are, how much probability lies around its centre). Within one protein a constant
 * factor never changes the ranking, so the geometric terms are plain counts, not calibrated quantities.
 */
public interface PocketScorer {

    /** A short, stable name used in settings, CLI flags and output files (e.g. "sum"). */
    String name();

    /** Scores one pocket. */
    double score(PocketContext pocket);

    /** Sum of the atom probabilities: large and confident pockets first. */
    PocketScorer SUM = named("sum", PocketScorer::sum);

    /** Mean probability: confidence only, size ignored. */
    PocketScorer MEAN = named("mean", p -> sum(p) / p.length);

    /** Highest atom probability. */
    PocketScorer MAX = named("max", p -> {
        double m = Double.NEGATIVE_INFINITY;
        for (float v : p) {
            m = Math.max(m, v);
        }
        return m;
    });

    /** Mean probability × √(atom count): between {@link #MEAN} and {@link #SUM} in how much size counts. */
    PocketScorer MEAN_SQRT_SIZE = named("mean-sqrt-size", p -> sum(p) / Math.sqrt(p.length));

    /** Sum of squared probabilities: like {@link #SUM}, but confident atoms weigh more. */
    PocketScorer SUM_SQUARED = named("sum-squared", p -> {
        double s = 0;
        for (float v : p) {
            s += (double) v * v;
        }
        return s;
    });

    /** Radius of the buriedness count ({@link PocketContext#meanNeighbourCount}), Å. */
    double BURIEDNESS_RADIUS = 10.0;

    /** Radius of the probability mass around the centre ({@link PocketContext#probabilityAroundCenter}), Å. */
    double NEIGHBOURHOOD_RADIUS = 10.0;

    /**
     * {@link #MEAN_SQRT_SIZE} × b², b = buriedness (mean protein atoms within 10 Å of the pocket's atoms,
     * / 100): between two pockets the network likes equally, the one in a cleft comes first.
     */
    PocketScorer BURIED_MEAN_SQRT_SIZE = contextual("buried-mean-sqrt-size",
            c -> MEAN_SQRT_SIZE.score(c) * buriedSquared(c));

    /** {@link #SUM} × b², b as in {@link #BURIED_MEAN_SQRT_SIZE}. */
    PocketScorer BURIED_SUM = contextual("buried-sum", c -> SUM.score(c) * buriedSquared(c));

    /**
     * Sum of the probabilities of all protein atoms within 10 Å of the pocket centre, clustered or not: the
     * network's belief around the point the pocket reports, insensitive to how DBSCAN cut the site.
     */
    PocketScorer NEIGHBOURHOOD_SUM = contextual("neighbourhood-sum",
            c -> c.probabilityAroundCenter(NEIGHBOURHOOD_RADIUS));

    /** Every named scorer, default first. */
    static List<PocketScorer> all() {
        return List.of(SUM, MEAN, MAX, MEAN_SQRT_SIZE, SUM_SQUARED, BURIED_MEAN_SQRT_SIZE, BURIED_SUM,
                NEIGHBOURHOOD_SUM);
    }

    /** The names of {@link #all()}, comma-separated (for help texts and messages). */
    static String names() {
        return all().stream().map(PocketScorer::name).collect(Collectors.joining(", "));
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
        throw new IllegalArgumentException("unknown pocket scorer '" + name + "'; known: " + names());
    }

    /** A scorer of the pocket's probabilities only; {@code toString} is the name. */
    static PocketScorer named(String name, ToDoubleFunction<float[]> function) {
        return contextual(name, c -> function.applyAsDouble(c.probabilities()));
    }

    /** A scorer of the whole pocket context; {@code toString} is the name. */
    static PocketScorer contextual(String name, ToDoubleFunction<PocketContext> function) {
        String key = name.toLowerCase(Locale.ROOT);
        return new PocketScorer() {
            @Override
            public String name() {
                return key;
            }

            @Override
            public double score(PocketContext pocket) {
                return function.applyAsDouble(pocket);
            }

            @Override
            public String toString() {
                return key;
            }
        };
    }

    private static double sum(float[] p) {
        double s = 0;
        for (float v : p) {
            s += v;
        }
        return s;
    }

    /** (buriedness / 100)²: squared, the exponent that led on both halves of the validation set. */
    private static double buriedSquared(PocketContext pocket) {
        double b = pocket.meanNeighbourCount(BURIEDNESS_RADIUS) / 100;
        return b * b;
    }
}
