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
 * (PDBQT) carry none. One instance holds one protein's atoms and is safe to share between threads.
 */
public final class PointFeatures {

    /** Directions probed for buriedness. */
    static final int DIRECTIONS = 30;
    /** An atom blocks a direction when the ray passes within this distance of its centre, Å. */
    static final double BLOCKING_RADIUS = 1.8;

    /** Feature names, in column order. */
    public static final List<String> NAMES = names();

    public static final int COUNT = NAMES.size();

    private final double[] xyz;
    private final CellList cells;
    private final FeatureMatrix atomFeatures;
    private final float[] propensity;
    private final SurfaceSettings settings;
    private final double[] directions = SurfacePoints.unitSphere(DIRECTIONS);

    /**
     * @param atoms        the protein's heavy atoms
     * @param atomFeatures their 18 features, one row per atom in the same order
     * @param propensity   their binding propensity ({@link AtomPropensity#of}), same order
     */
    public PointFeatures(List<Atom> atoms, FeatureMatrix atomFeatures, float[] propensity, SurfaceSettings settings) {
        Objects.requireNonNull(atomFeatures, "atomFeatures");
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
     * {@link #COUNT} values per point.
     */
    public float[] compute(SurfacePoints points, int from, int to) {
        if (from < 0 || to > points.size() || from > to) {
            throw new IndexOutOfBoundsException("points " + from + ".." + to + " of " + points.size());
        }
        int f = AtomFeatures.COUNT;
        float[] out = new float[(to - from) * COUNT];
        float[] atomRow = atomFeatures.values();
        double rn = settings.neighbourhood();
        double outer = Math.max(settings.protrusionRadius(), Math.max(rn, settings.buriednessRadius()));
        double rb2 = settings.buriednessRadius() * settings.buriednessRadius();
        double rn2 = rn * rn, rp2 = settings.protrusionRadius() * settings.protrusionRadius();
        double block2 = BLOCKING_RADIUS * BLOCKING_RADIUS;
        boolean[] blocked = new boolean[DIRECTIONS];
        for (int p = from; p < to; p++) {
            double px = points.x(p), py = points.y(p), pz = points.z(p);
            int base = (p - from) * COUNT;
            int[] near = cells.within(px, py, pz, outer);
            java.util.Arrays.fill(blocked, false);
            double weightSum = 0, propensitySum = 0;
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
                    for (int k = 0; k < f; k++) {
                        out[base + k] += (float) (w * atomRow[j * f + k]);
                    }
                }
                if (d2 <= rb2) {
                    for (int k = 0; k < DIRECTIONS; k++) {
                        if (blocked[k]) {
                            continue;
                        }
                        double t = dx * directions[3 * k] + dy * directions[3 * k + 1] + dz * directions[3 * k + 2];
                        if (t > 0 && d2 - t * t < block2) {
                            blocked[k] = true;
                        }
                    }
                }
            }
            int nBlocked = 0;
            for (boolean b : blocked) {
                nBlocked += b ? 1 : 0;
            }
            out[base + f] = (float) weightSum;
            out[base + f + 1] = atoms6;
            out[base + f + 2] = atoms8;
            out[base + f + 3] = protrusion;
            out[base + f + 4] = (float) nBlocked / DIRECTIONS;
            out[base + f + 5] = (float) propensitySum;
            out[base + f + 6] = weightSum > 0 ? (float) (propensitySum / weightSum) : 0f;
        }
        return out;
    }
}
