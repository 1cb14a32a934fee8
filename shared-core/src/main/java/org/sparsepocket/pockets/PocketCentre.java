package org.sparsepocket.pockets;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.sparsepocket.structure.Atom;

/**
 * Where a pocket's reported centre lies, given its atoms (as indices into the protein) and their network
 * probabilities. A strategy with a short stable name, like {@link PocketScorer}, so that
 * {@code sparsepocket compare-centres} can compare definitions on the same pockets (docs/centre-placement.md).
 * The extractor centres pockets with {@link #MEAN}, or {@link #WEIGHTED} when
 * {@link PocketSettings#probabilityWeightedCenter()} says so: no other definition won on the validation set.
 *
 * <p>Families: weighted means of the pocket's atoms ({@link #MEAN}, {@link #WEIGHTED}, powers of the
 * probability, the most probable atoms only); buriedness-weighted means (atoms with more protein around them
 * line the cleft where ligands sit); {@link #LOCAL}, which also counts likely atoms outside the pocket;
 * and two that place the centre where a ligand atom could be, with no protein atom closer than
 * {@value #CLEARANCE} Å: {@link #CAVITY} (the densest such point) and {@link #SNAPPED} (the nearest such point
 * to the atom mean). Every variant falls back to the atom mean when its weights vanish or no point qualifies.
 */
public interface PocketCentre {

    /** A short, stable name used in CLI flags and reports (e.g. "mean"). */
    String name();

    /**
     * The centre of one pocket.
     *
     * @param protein       the whole protein
     * @param atomIndices   the pocket's atoms, as indices into the protein's atoms (not empty)
     * @param probabilities their probabilities, same order
     */
    Point3 locate(ProteinContext protein, int[] atomIndices, float[] probabilities);

    /** Radius of the buriedness count behind the {@code buried*} centres, Å. */
    double BURIED_RADIUS = 8.0;

    /** Closest approach of a protein heavy atom to a ligand heavy atom that {@link #CAVITY} allows, Å. */
    double CLEARANCE = 3.0;

    /** Lattice spacing of the {@link #CAVITY} search, Å. */
    double CAVITY_STEP = 1.0;

    /** Width (σ) of the Gaussian kernel of the {@link #CAVITY} density, Å. */
    double CAVITY_SIGMA = 4.0;

    /** Plain mean of the atom coordinates. */
    PocketCentre MEAN = weightedBy("mean", (c, i, p) -> 1.0);

    /** Mean weighted by probability. */
    PocketCentre WEIGHTED = weightedBy("weighted", (c, i, p) -> p);

    /** Mean weighted by probability²: the surest atoms pull harder. */
    PocketCentre WEIGHTED_P2 = weightedBy("weighted-p2", (c, i, p) -> (double) p * p);

    /** Mean weighted by probability⁴. */
    PocketCentre WEIGHTED_P4 = weightedBy("weighted-p4", (c, i, p) -> {
        double q = (double) p * p;
        return q * q;
    });

    /** Mean of the atoms whose probability is at least half the pocket's maximum. */
    PocketCentre TOP_HALF = named("top-half", (protein, idx, p) -> {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : p) {
            max = Math.max(max, v);
        }
        double[] w = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            w[k] = p[k] >= 0.5f * max ? 1.0 : 0.0;
        }
        return weightedMean(protein, idx, w);
    });

    /** Mean weighted by buriedness², buriedness = protein atoms within {@value #BURIED_RADIUS} Å of the atom. */
    PocketCentre BURIED = weightedBy("buried", (c, i, p) -> {
        Atom a = c.atoms().get(i);
        double b = c.countWithin(a.x(), a.y(), a.z(), BURIED_RADIUS);
        return b * b;
    });

    /** Mean weighted by probability × buriedness². */
    PocketCentre WEIGHTED_BURIED = weightedBy("weighted-buried", (c, i, p) -> {
        Atom a = c.atoms().get(i);
        double b = c.countWithin(a.x(), a.y(), a.z(), BURIED_RADIUS);
        return p * b * b;
    });

    /**
     * The lattice point ({@value #CAVITY_STEP} Å spacing over the pocket atoms' bounding box grown by the clearance) with no protein
     * atom within {@value #CLEARANCE} Å that maximises Σ p·exp(−d²/2σ²) over the pocket's atoms
     * (σ = {@value #CAVITY_SIGMA} Å): where a ligand atom could sit amid the most confident pocket atoms.
     * On a convex patch the atom mean lies inside the protein; this point lies in the space in front of it.
     */
    PocketCentre CAVITY = named("cavity", PocketCentre::cavity);

    /** Radius of the {@code local} centres' neighbourhood, Å. */
    double LOCAL_RADIUS = 8.0;

    /**
     * Probability-weighted mean of every protein atom within {@value #LOCAL_RADIUS} Å of the atom mean whose
     * probability reaches the pocket's lowest (clustered or not): a site that DBSCAN or the split cut into
     * parts pulls each part's centre toward its middle.
     */
    PocketCentre LOCAL = named("local", PocketCentre::local);

    /**
     * The atom mean, or, when a protein atom lies within {@value #CLEARANCE} Å of it (the mean of a convex
     * patch lies inside the protein), the nearest point (0.5 Å lattice, ≤ 8 Å away) where none does: the
     * closest place a ligand atom could be.
     */
    PocketCentre SNAPPED = named("snapped", (protein, idx, p) -> snapped(protein, MEAN.locate(protein, idx, p)));

    /** {@link #WEIGHTED_P4}, snapped out of the protein as {@link #SNAPPED} does. */
    PocketCentre SNAPPED_P4 = named("snapped-p4",
            (protein, idx, p) -> snapped(protein, WEIGHTED_P4.locate(protein, idx, p)));

    /** Every named centre, default first. */
    static List<PocketCentre> all() {
        return List.of(MEAN, WEIGHTED, WEIGHTED_P2, WEIGHTED_P4, TOP_HALF, BURIED, WEIGHTED_BURIED, CAVITY, LOCAL,
                SNAPPED, SNAPPED_P4);
    }

    /** The names of {@link #all()}, comma-separated. */
    static String names() {
        return all().stream().map(PocketCentre::name).collect(Collectors.joining(", "));
    }

    /**
     * The centre with this name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known centres when there is none
     */
    static PocketCentre byName(String name) {
        for (PocketCentre c : all()) {
            if (c.name().equalsIgnoreCase(name.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown pocket centre '" + name + "'; known: " + names());
    }

    /** The function behind a named centre. */
    @FunctionalInterface
    interface Locator {
        Point3 locate(ProteinContext protein, int[] atomIndices, float[] probabilities);
    }

    /** The weight of one pocket atom: protein, atom index, its probability. */
    @FunctionalInterface
    interface AtomWeight {
        double weight(ProteinContext protein, int atomIndex, float probability);
    }

    /** A weighted mean of the pocket's atoms. */
    static PocketCentre weightedBy(String name, AtomWeight weight) {
        return named(name, (protein, idx, p) -> {
            double[] w = new double[idx.length];
            for (int k = 0; k < idx.length; k++) {
                w[k] = weight.weight(protein, idx[k], p[k]);
            }
            return weightedMean(protein, idx, w);
        });
    }

    /** A centre strategy from a function; {@code toString} is the name. */
    static PocketCentre named(String name, Locator function) {
        String key = name.toLowerCase(Locale.ROOT);
        return new PocketCentre() {
            @Override
            public String name() {
                return key;
            }

            @Override
            public Point3 locate(ProteinContext protein, int[] atomIndices, float[] probabilities) {
                if (atomIndices.length == 0 || atomIndices.length != probabilities.length) {
                    throw new IllegalArgumentException("a pocket needs atoms with one probability each, got "
                            + atomIndices.length + " atoms and " + probabilities.length + " probabilities");
                }
                return function.locate(protein, atomIndices, probabilities);
            }

            @Override
            public String toString() {
                return key;
            }
        };
    }

    /** Σ w·x / Σ w over the pocket's atoms; the plain mean when the weights sum to zero (or NaN). */
    private static Point3 weightedMean(ProteinContext protein, int[] idx, double[] w) {
        double x = 0, y = 0, z = 0, sum = 0;
        for (int k = 0; k < idx.length; k++) {
            Atom a = protein.atoms().get(idx[k]);
            x += w[k] * a.x();
            y += w[k] * a.y();
            z += w[k] * a.z();
            sum += w[k];
        }
        if (!(sum > 0) || !Double.isFinite(sum)) {
            x = y = z = 0;
            for (int i : idx) {
                Atom a = protein.atoms().get(i);
                x += a.x();
                y += a.y();
                z += a.z();
            }
            sum = idx.length;
        }
        return new Point3(x / sum, y / sum, z / sum);
    }

    private static Point3 cavity(ProteinContext protein, int[] idx, float[] p) {
        int m = idx.length;
        double[] xyz = new double[3 * m];
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int k = 0; k < m; k++) {
            Atom a = protein.atoms().get(idx[k]);
            xyz[3 * k] = a.x();
            xyz[3 * k + 1] = a.y();
            xyz[3 * k + 2] = a.z();
            for (int d = 0; d < 3; d++) {
                lo[d] = Math.min(lo[d], xyz[3 * k + d]);
                hi[d] = Math.max(hi[d], xyz[3 * k + d]);
            }
        }
        int[] n = new int[3];
        for (int d = 0; d < 3; d++) {   // grown by the clearance: the space in front of a flat patch counts
            lo[d] -= CLEARANCE;
            hi[d] += CLEARANCE;
            n[d] = (int) Math.floor((hi[d] - lo[d]) / CAVITY_STEP) + 1;
        }
        double inv2s2 = 1.0 / (2 * CAVITY_SIGMA * CAVITY_SIGMA);
        double best = Double.NEGATIVE_INFINITY;
        Point3 found = null;
        for (int i = 0; i < n[0]; i++) {
            double x = lo[0] + i * CAVITY_STEP;
            for (int j = 0; j < n[1]; j++) {
                double y = lo[1] + j * CAVITY_STEP;
                for (int k = 0; k < n[2]; k++) {
                    double z = lo[2] + k * CAVITY_STEP;
                    double density = 0;
                    for (int a = 0; a < m; a++) {
                        double dx = x - xyz[3 * a], dy = y - xyz[3 * a + 1], dz = z - xyz[3 * a + 2];
                        density += p[a] * Math.exp(-(dx * dx + dy * dy + dz * dz) * inv2s2);
                    }
                    // Density first: the clearance query is the dearer test.
                    if (density > best && protein.countWithin(x, y, z, CLEARANCE) == 0) {
                        best = density;
                        found = new Point3(x, y, z);
                    }
                }
            }
        }
        return found != null ? found : MEAN.locate(protein, idx, p);
    }

    private static Point3 local(ProteinContext protein, int[] idx, float[] p) {
        float floor = Float.POSITIVE_INFINITY;
        for (float v : p) {
            floor = Math.min(floor, v);
        }
        float min = floor;
        Point3 c = MEAN.locate(protein, idx, p);
        double[] acc = new double[4];
        protein.forEachWithin(c.x(), c.y(), c.z(), LOCAL_RADIUS, i -> {
            float w = protein.probability(i);
            if (w >= min) {
                Atom a = protein.atoms().get(i);
                acc[0] += w * a.x();
                acc[1] += w * a.y();
                acc[2] += w * a.z();
                acc[3] += w;
            }
        });
        return acc[3] > 0 ? new Point3(acc[0] / acc[3], acc[1] / acc[3], acc[2] / acc[3]) : c;
    }

    private static Point3 snapped(ProteinContext protein, Point3 c) {
        if (protein.countWithin(c.x(), c.y(), c.z(), CLEARANCE) == 0) {
            return c;
        }
        double step = 0.5;
        int reach = 16;
        java.util.List<int[]> offsets = new java.util.ArrayList<>();
        for (int i = -reach; i <= reach; i++) {
            for (int j = -reach; j <= reach; j++) {
                for (int k = -reach; k <= reach; k++) {
                    if (i * i + j * j + k * k <= reach * reach) {
                        offsets.add(new int[] {i, j, k, i * i + j * j + k * k});
                    }
                }
            }
        }
        offsets.sort(java.util.Comparator.comparingInt(o -> o[3]));
        for (int[] o : offsets) {
            double x = c.x() + o[0] * step, y = c.y() + o[1] * step, z = c.z() + o[2] * step;
            if (protein.countWithin(x, y, z, CLEARANCE) == 0) {
                return new Point3(x, y, z);
            }
        }
        return c;
    }
}
