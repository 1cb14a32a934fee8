package org.sparsepocket.lab.surface;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.sparsepocket.features.AtomFeaturizer;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.CellList;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.surface.PointFeatures;
import org.sparsepocket.surface.SurfacePoints;
import org.sparsepocket.surface.SurfaceSettings;

/**
 * The labelled points the classifier learns from: every positive point (within the label distance of a
 * ligand heavy atom) and a seeded random fraction of the negatives of each complex, as one growing
 * row-major matrix. Not thread-safe (filled by one thread).
 */
final class PointSamples {

    /** The label: a point within this distance of a relevant ligand heavy atom is positive, Å. */
    static final double LABEL_DISTANCE = 4.0;

    private final SurfaceSettings settings;
    private final double labelDistance;
    private final double negativeFraction;
    private final org.sparsepocket.surface.AtomPropensity propensity;
    private float[] features = new float[1 << 20];
    private float[] labels = new float[(1 << 20) / PointFeatures.COUNT + 1];
    private int rows;
    private long positives;

    PointSamples(SurfaceSettings settings, double labelDistance, double negativeFraction,
                 org.sparsepocket.surface.AtomPropensity propensity) {
        this.propensity = propensity;
        this.settings = settings;
        this.labelDistance = labelDistance;
        this.negativeFraction = negativeFraction;
    }

    /** Which surface points of {@code atoms} lie within {@code distance} of a ligand heavy atom. */
    static boolean[] labels(SurfacePoints points, List<Ligand> ligands, double distance) {
        List<Atom> ligandAtoms = heavyAtoms(ligands);
        boolean[] out = new boolean[points.size()];
        if (ligandAtoms.isEmpty()) {
            return out;
        }
        CellList cells = CellList.of(ligandAtoms, Math.max(distance, 1.0));
        for (int i = 0; i < out.length; i++) {
            out[i] = cells.anyWithin(points.x(i), points.y(i), points.z(i), distance);
        }
        return out;
    }

    /** Adds to {@code counts} (type → atoms, atoms within {@code distance} of a ligand heavy atom) one complex. */
    static void countTypes(List<Atom> atoms, List<Ligand> ligands, double distance, java.util.Map<String, int[]> counts) {
        List<Atom> ligandAtoms = heavyAtoms(ligands);
        CellList cells = ligandAtoms.isEmpty() ? null : CellList.of(ligandAtoms, Math.max(distance, 1.0));
        for (Atom a : atoms) {
            int[] c = counts.computeIfAbsent(org.sparsepocket.surface.AtomPropensity.key(a), k -> new int[2]);
            c[0]++;
            if (cells != null && cells.anyWithin(a.x(), a.y(), a.z(), distance)) {
                c[1]++;
            }
        }
    }

    private static List<Atom> heavyAtoms(List<Ligand> ligands) {
        List<Atom> out = new ArrayList<>();
        for (Ligand l : ligands) {
            for (Atom a : l.atoms()) {
                if (!a.element().equals("H")) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** Adds one complex; {@code seed} makes its negative sample reproducible. */
    void add(List<Atom> atoms, List<Ligand> ligands, long seed) {
        SurfacePoints all = SurfacePoints.of(atoms, settings.probeRadius(), settings.pointsPerAtom());
        boolean[] positive = labels(all, ligands, labelDistance);
        SplittableRandom random = new SplittableRandom(seed);
        int[] keep = java.util.stream.IntStream.range(0, all.size())
                .filter(i -> positive[i] || random.nextDouble() < negativeFraction).toArray();
        float[] xyz = new float[3 * keep.length];
        int[] owner = new int[keep.length];
        float[] y = new float[keep.length];
        for (int k = 0; k < keep.length; k++) {
            int i = keep[k];
            xyz[3 * k] = all.x(i);
            xyz[3 * k + 1] = all.y(i);
            xyz[3 * k + 2] = all.z(i);
            owner[k] = 0;
            y[k] = positive[i] ? 1 : 0;
        }
        SurfacePoints kept = new SurfacePoints(xyz, owner);
        float[] f = new PointFeatures(atoms, AtomFeaturizer.shared().featurize(atoms).matrix(),
                propensity.of(atoms), settings)
                .compute(kept, 0, kept.size());
        ensure(rows + keep.length);
        System.arraycopy(f, 0, features, rows * PointFeatures.COUNT, f.length);
        System.arraycopy(y, 0, labels, rows, y.length);
        rows += keep.length;
        for (float v : y) {
            positives += v > 0 ? 1 : 0;
        }
    }

    private void ensure(int n) {
        if ((long) n * PointFeatures.COUNT > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many training points: " + n + " (lower --negatives)");
        }
        if (n * PointFeatures.COUNT > features.length) {
            features = Arrays.copyOf(features, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * n * PointFeatures.COUNT));
        }
        if (n > labels.length) {
            labels = Arrays.copyOf(labels, 2 * n);
        }
    }

    int rows() {
        return rows;
    }

    long positives() {
        return positives;
    }

    float[] features() {
        return Arrays.copyOf(features, rows * PointFeatures.COUNT);
    }

    float[] labels() {
        return Arrays.copyOf(labels, rows);
    }
}
