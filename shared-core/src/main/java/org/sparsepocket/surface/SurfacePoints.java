package org.sparsepocket.surface;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.CellList;

/**
 * Solvent-accessible surface points (Shrake–Rupley): each atom's sphere of radius vdW + probe is sampled
 * with a fixed spiral of points, and a point is kept when it lies outside every other atom's sphere. Time
 * and memory grow linearly with the atom count (a cell list bounds the neighbour search; at most
 * {@code pointsPerAtom} points per atom). Immutable.
 *
 * @param xyz  x, y, z of each point, 3 floats per point
 * @param atom index of the atom whose sphere each point lies on
 */
public record SurfacePoints(float[] xyz, int[] atom) {

    /** Bondi van der Waals radius used for an element without its own entry, Å. */
    static final double DEFAULT_RADIUS = 1.8;

    public SurfacePoints {
        Objects.requireNonNull(xyz, "xyz");
        Objects.requireNonNull(atom, "atom");
        if (xyz.length != 3 * atom.length) {
            throw new IllegalArgumentException(xyz.length + " coordinates for " + atom.length + " points");
        }
        xyz = xyz.clone();
        atom = atom.clone();
    }

    public int size() {
        return atom.length;
    }

    public float x(int i) {
        return xyz[3 * i];
    }

    public float y(int i) {
        return xyz[3 * i + 1];
    }

    public float z(int i) {
        return xyz[3 * i + 2];
    }

    @Override
    public float[] xyz() {
        return xyz.clone();
    }

    @Override
    public int[] atom() {
        return atom.clone();
    }

    /** Bondi van der Waals radii of the protein elements, Å. */
    public static double vdwRadius(String element) {
        return switch (element) {
            case "C" -> 1.70;
            case "N" -> 1.55;
            case "O" -> 1.52;
            case "S" -> 1.80;
            case "P" -> 1.80;
            case "Se" -> 1.90;
            case "H" -> 1.10;
            default -> DEFAULT_RADIUS;
        };
    }

    /** The solvent-accessible points of {@code atoms}. */
    public static SurfacePoints of(List<Atom> atoms, double probeRadius, int pointsPerAtom) {
        int n = atoms.size();
        double[] xyz = new double[3 * n];
        double[] reach = new double[n];
        double maxReach = 0;
        for (int i = 0; i < n; i++) {
            Atom a = atoms.get(i);
            xyz[3 * i] = a.x();
            xyz[3 * i + 1] = a.y();
            xyz[3 * i + 2] = a.z();
            reach[i] = vdwRadius(a.element()) + probeRadius;
            maxReach = Math.max(maxReach, reach[i]);
        }
        CellList cells = new CellList(xyz, Math.max(2 * maxReach, 1.0));
        double[] sphere = unitSphere(pointsPerAtom);
        float[] out = new float[3 * Math.max(16, n * 4)];
        int[] owner = new int[Math.max(16, n * 4) ];
        int count = 0;
        int[] neighbours = new int[64];
        for (int i = 0; i < n; i++) {
            double r = reach[i];
            double ax = xyz[3 * i], ay = xyz[3 * i + 1], az = xyz[3 * i + 2];
            // Candidate blockers: atoms whose spheres can reach this atom's sphere.
            int[] near = cells.within(ax, ay, az, r + maxReach);
            int m = 0;
            if (near.length > neighbours.length) {
                neighbours = new int[near.length];
            }
            for (int j : near) {
                if (j != i) {
                    neighbours[m++] = j;
                }
            }
            for (int s = 0; s < pointsPerAtom; s++) {
                double px = ax + r * sphere[3 * s], py = ay + r * sphere[3 * s + 1], pz = az + r * sphere[3 * s + 2];
                if (buried(px, py, pz, neighbours, m, xyz, reach)) {
                    continue;
                }
                if (count == owner.length) {
                    owner = Arrays.copyOf(owner, count * 2);
                    out = Arrays.copyOf(out, count * 6);
                }
                out[3 * count] = (float) px;
                out[3 * count + 1] = (float) py;
                out[3 * count + 2] = (float) pz;
                owner[count++] = i;
            }
        }
        return new SurfacePoints(Arrays.copyOf(out, 3 * count), Arrays.copyOf(owner, count));
    }

    private static boolean buried(double px, double py, double pz, int[] neighbours, int m, double[] xyz,
                                  double[] reach) {
        for (int k = 0; k < m; k++) {
            int j = neighbours[k];
            double dx = xyz[3 * j] - px, dy = xyz[3 * j + 1] - py, dz = xyz[3 * j + 2] - pz;
            double r = reach[j];
            if (dx * dx + dy * dy + dz * dz < r * r) {
                return true;
            }
        }
        return false;
    }

    /** {@code n} nearly uniform unit vectors on a golden-angle spiral, x, y, z each. */
    static double[] unitSphere(int n) {
        double[] v = new double[3 * n];
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int k = 0; k < n; k++) {
            double z = 1 - (2.0 * k + 1) / n;
            double r = Math.sqrt(1 - z * z);
            double phi = golden * k;
            v[3 * k] = r * Math.cos(phi);
            v[3 * k + 1] = r * Math.sin(phi);
            v[3 * k + 2] = z;
        }
        return v;
    }
}
