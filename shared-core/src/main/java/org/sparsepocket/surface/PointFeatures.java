package org.sparsepocket.surface;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.sparsepocket.features.AtomFeatures;
import org.sparsepocket.features.FeatureMatrix;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.CellList;

/**
 * The feature vector of each surface point, P2Rank-style: the 18 atom features of the neighbouring atoms
 * summed with weight 1 − d/r (P2Rank's "INV" weight over its 6 Å neighbourhood), the summed weight and
 * atom counts as local density, protrusion (atoms within 10 Å), buriedness (the fraction of fixed
 * directions blocked by an atom within a few Å) and the atoms' binding propensity ({@link AtomPropensity},
 * the weighted sum and the weighted mean). B-factors are not used: the training structures
 * (PDBQT) carry none. Optionally three more columns carry the network's per-atom probabilities of the
 * neighbouring atoms ({@link #NETWORK_NAMES}); a classifier trained with them must see out-of-fold
 * probabilities in training, because the network is over-confident on its own training complexes.
 * One instance holds one protein's atoms and is safe to share between threads.
 */
public final class PointFeatures {

    /** Directions probed for buriedness. */
    static final int DIRECTIONS = 30;
    /** An atom blocks a direction when the ray passes within this distance of its centre, Å. */
    static final double BLOCKING_RADIUS = 1.8;

    /** Feature names, in column order, without the network's columns. */
    public static final List<String> NAMES = names();

    public static final int COUNT = NAMES.size();

    /**
     * The network's columns, after {@link #NAMES}: the weighted mean (weight 1 − d/r) and the maximum of the
     * probabilities of the atoms within the neighbourhood, and the probability of the nearest atom.
     */
    public static final List<String> NETWORK_NAMES = List.of("network_mean_6", "network_max_6", "network_nearest");

    /** {@link #NAMES} followed by {@link #NETWORK_NAMES}. */
    public static final List<String> WITH_NETWORK = concat(NAMES, NETWORK_NAMES);

    /**
     * {@link #NAMES} with the 18 weighted sums replaced by weighted means ({@code mean_} + the atom feature: the
     * sum divided by {@code weight_sum}, 0 where no atom is near), same positions ({@link PointColumns#MEANS}).
     */
    public static final List<String> MEAN_NAMES = meanNames();

    private final double[] xyz;
    private final CellList cells;
    private final FeatureMatrix atomFeatures;
    private final float[] propensity;
    private final float[] probabilities;
    private final boolean means;
    private final SurfaceSettings settings;

    /**
     * @param atoms        the protein's heavy atoms
     * @param atomFeatures their 18 features, one row per atom in the same order
     * @param propensity   their binding propensity ({@link AtomPropensity#of}), same order
     */
    public PointFeatures(List<Atom> atoms, FeatureMatrix atomFeatures, float[] propensity, SurfaceSettings settings) {
        this(atoms, atomFeatures, propensity, null, settings);
    }

    /**
     * @param probabilities the network's probability of each atom (same order), adding the
     *                      {@link #NETWORK_NAMES} columns; null for none
     */
    public PointFeatures(List<Atom> atoms, FeatureMatrix atomFeatures, float[] propensity, float[] probabilities,
                         SurfaceSettings settings) {
        this(atoms, atomFeatures, propensity, probabilities, settings, false);
    }

    /**
     * @param means whether the atom features enter as weighted means ({@link #MEAN_NAMES}) instead of sums
     * @throws IllegalArgumentException for means together with the network's columns (no such layout)
     */
    public PointFeatures(List<Atom> atoms, FeatureMatrix atomFeatures, float[] propensity, float[] probabilities,
                         SurfaceSettings settings, boolean means) {
        Objects.requireNonNull(atomFeatures, "atomFeatures");
        if (means && probabilities != null) {
            throw new IllegalArgumentException("no layout has both the weighted means and the network's columns");
        }
        this.means = means;
        if (probabilities != null && probabilities.length != atoms.size()) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + atoms.size() + " atoms");
        }
        this.probabilities = probabilities == null ? null : probabilities.clone();
        this.settings = Objects.requireNonNull(settings, "settings");
        if (atomFeatures.rows() != atoms.size()) {
            throw new IllegalArgumentException(atomFeatures.rows() + " feature rows for " + atoms.size() + " atoms");
        }
        xyz = new double[3 * atoms.size()];
        for (int i = 0; i < atoms.size(); i++) {
            Atom a = atoms.get(i);
            xyz[3 * i] = a.x();
            xyz[3 * i + 1] = a.y();
            xyz[3 * i + 2] = a.z();
        }
        this.atomFeatures = atomFeatures;
        if (propensity.length != atoms.size()) {
            throw new IllegalArgumentException(propensity.length + " propensities for " + atoms.size() + " atoms");
        }
        this.propensity = propensity.clone();
        cells = new CellList(xyz, 4.0);
    }

    /** Values per point: {@link #COUNT}, plus the network's columns when probabilities were given. */
    public int columns() {
        return probabilities == null ? COUNT : COUNT + NETWORK_NAMES.size();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> n = new ArrayList<>(a);
        n.addAll(b);
        return List.copyOf(n);
    }

    /**
     * A {@link #MEAN_NAMES} column from its {@link #NAMES} sum and {@code weight_sum}, in float arithmetic: the one
     * rule for the product and for training rows made from sums.
     */
    public static float mean(float sum, float weightSum) {
        return weightSum > 0 ? sum / weightSum : 0f;
    }

    private static List<String> meanNames() {
        List<String> n = new ArrayList<>();
        for (String f : AtomFeatures.NAMES) {
            n.add("mean_" + f);
        }
        n.addAll(NAMES.subList(AtomFeatures.COUNT, NAMES.size()));
        return List.copyOf(n);
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        for (String f : AtomFeatures.NAMES) {
            n.add("sum_" + f);
        }
        n.add("weight_sum");
        n.add("atoms_6");
        n.add("atoms_8");
        n.add("protrusion_10");
        n.add("buriedness_8");
        n.add("sum_propensity");
        n.add("mean_propensity");
        return List.copyOf(n);
    }

    /**
     * Features of the points {@code from} (inclusive) to {@code to} (exclusive), row-major,
     * {@link #columns()} values per point.
     */
    public float[] compute(SurfacePoints points, int from, int to) {
        checkRange(points, from, to);
        int f = AtomFeatures.COUNT;
        int columns = columns();
        float[] out = new float[(to - from) * columns];
        float[] atomRow = atomFeatures.values();
        double rn = settings.neighbourhood();
        double outer = Math.max(settings.protrusionRadius(), Math.max(rn, settings.buriednessRadius()));
        double rb2 = settings.buriednessRadius() * settings.buriednessRadius();
        double rn2 = rn * rn, rp2 = settings.protrusionRadius() * settings.protrusionRadius();
        boolean[] blocked = new boolean[DIRECTIONS];
        for (int p = from; p < to; p++) {
            double px = points.x(p), py = points.y(p), pz = points.z(p);
            int base = (p - from) * columns;
            int[] near = cells.within(px, py, pz, outer);
            java.util.Arrays.fill(blocked, false);
            double weightSum = 0, propensitySum = 0, networkSum = 0, networkMax = 0, nearest2 = Double.MAX_VALUE;
            float nearest = 0;
            int atoms6 = 0, atoms8 = 0, protrusion = 0;
            for (int j : near) {
                double dx = xyz[3 * j] - px, dy = xyz[3 * j + 1] - py, dz = xyz[3 * j + 2] - pz;
                double d2 = dx * dx + dy * dy + dz * dz;
                if (d2 <= rp2) {
                    protrusion++;
                }
                if (d2 <= 64) {
                    atoms8++;
                }
                if (d2 <= rn2) {     // the square root only where the weight needs it
                    atoms6++;
                    double w = 1 - Math.sqrt(d2) / rn;
                    weightSum += w;
                    propensitySum += w * propensity[j];
                    if (probabilities != null) {
                        networkSum += w * probabilities[j];
                        networkMax = Math.max(networkMax, probabilities[j]);
                        if (d2 < nearest2) {
                            nearest2 = d2;
                            nearest = probabilities[j];
                        }
                    }
                    for (int k = 0; k < f; k++) {
                        out[base + k] += (float) (w * atomRow[j * f + k]);
                    }
                }
                if (d2 <= rb2) {
                    BuriednessRays.SHARED.block(dx, dy, dz, d2, blocked);
                }
            }
            int nBlocked = 0;
            for (boolean b : blocked) {
                nBlocked += b ? 1 : 0;
            }
            out[base + f] = (float) weightSum;
            if (means) {
                for (int k = 0; k < f; k++) {
                    out[base + k] = mean(out[base + k], out[base + f]);
                }
            }
            out[base + f + 1] = atoms6;
            out[base + f + 2] = atoms8;
            out[base + f + 3] = protrusion;
            out[base + f + 4] = (float) nBlocked / DIRECTIONS;
            out[base + f + 5] = (float) propensitySum;
            out[base + f + 6] = weightSum > 0 ? (float) (propensitySum / weightSum) : 0f;
            if (probabilities != null) {
                out[base + COUNT] = weightSum > 0 ? (float) (networkSum / weightSum) : 0f;
                out[base + COUNT + 1] = (float) networkMax;
                out[base + COUNT + 2] = nearest;
            }
        }
        return out;
    }

    /**
     * The two propensity columns ({@code sum_propensity}, {@code mean_propensity}) of the points under another
     * atom propensity table, two values per point: cross-validation swaps in each fold's table without
     * recomputing the other columns.
     */
    public float[] propensityColumns(SurfacePoints points, int from, int to, float[] otherPropensity) {
        if (otherPropensity.length != propensity.length) {
            throw new IllegalArgumentException(otherPropensity.length + " propensities for " + propensity.length + " atoms");
        }
        return weighted(points, from, to, otherPropensity, true);
    }

    /**
     * Per point the weighted mean (weight 1 − d/r within the neighbourhood) of a per-atom value, e.g. the network's
     * probabilities: the {@code network_mean_6} column without the rest of the features
     * ({@link SurfaceSettings#networkBlend}).
     */
    public float[] neighbourMeans(SurfacePoints points, int from, int to, float[] perAtom) {
        if (perAtom.length != propensity.length) {
            throw new IllegalArgumentException(perAtom.length + " values for " + propensity.length + " atoms");
        }
        return weighted(points, from, to, perAtom, false);
    }

    /** Weighted sums and means of {@code values} around each point (two per point), or the means alone. */
    private float[] weighted(SurfacePoints points, int from, int to, float[] values, boolean withSums) {
        checkRange(points, from, to);
        double rn = settings.neighbourhood();
        int per = withSums ? 2 : 1;
        float[] out = new float[per * (to - from)];
        for (int p = from; p < to; p++) {
            double weightSum = 0, sum = 0;
            double px = points.x(p), py = points.y(p), pz = points.z(p);
            for (int j : cells.within(px, py, pz, rn)) {
                double dx = xyz[3 * j] - px, dy = xyz[3 * j + 1] - py, dz = xyz[3 * j + 2] - pz;
                double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (d <= rn) {
                    double w = 1 - d / rn;
                    weightSum += w;
                    sum += w * values[j];
                }
            }
            float mean = weightSum > 0 ? (float) (sum / weightSum) : 0f;
            if (withSums) {
                out[2 * (p - from)] = (float) sum;
                out[2 * (p - from) + 1] = mean;
            } else {
                out[p - from] = mean;
            }
        }
        return out;
    }

    private static void checkRange(SurfacePoints points, int from, int to) {
        if (from < 0 || to > points.size() || from > to) {
            throw new IndexOutOfBoundsException("points " + from + ".." + to + " of " + points.size());
        }
    }
}
