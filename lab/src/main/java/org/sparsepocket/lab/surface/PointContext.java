package org.sparsepocket.lab.surface;

import java.util.List;

import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.CellList;
import org.sparsepocket.surface.SurfacePoints;

/**
 * Surface-point features that look at the other surface points around a point rather than at its atoms: how
 * many points lie near it (a pocket's walls put points from several atoms close together), the mean buriedness
 * and protrusion of the points around it (pocket-scale shape, where {@code PointFeatures} sees a 6–10 Å
 * neighbourhood of one point), and concavity: how far the centroid of the nearby points lies outward along
 * the point's own normal (positive in a cavity, near zero on a flat face, negative on a ridge). Geometry only,
 * so cross-validation needs no per-fold table for these. Needs every point's buriedness and protrusion first.
 * An experiment of {@code surface-cv --context-columns} that lost out of fold (docs/surface.md), so the product's
 * surface model cannot take these columns.
 */
final class PointContext {

    /** Column names, in order. */
    public static final List<String> NAMES = List.of("points_3", "points_6", "buriedness_mean_6",
            "protrusion_mean_6", "concavity_6", "buriedness_mean_10", "concavity_10");

    public static final int COUNT = NAMES.size();

    private PointContext() {
    }

    /**
     * The context columns of every point, {@link #COUNT} values per point.
     *
     * @param buriedness each point's {@code buriedness_8}
     * @param protrusion each point's {@code protrusion_10}
     */
    public static float[] of(List<Atom> atoms, SurfacePoints points, float[] buriedness, float[] protrusion) {
        int n = points.size();
        if (buriedness.length != n || protrusion.length != n) {
            throw new IllegalArgumentException(buriedness.length + " buriedness and " + protrusion.length
                    + " protrusion values for " + n + " points");
        }
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) {
            xyz[3 * i] = points.x(i);
            xyz[3 * i + 1] = points.y(i);
            xyz[3 * i + 2] = points.z(i);
        }
        int[] owners = points.atom();
        CellList cells = new CellList(xyz, 5.0);
        float[] out = new float[n * COUNT];
        for (int p = 0; p < n; p++) {
            double px = xyz[3 * p], py = xyz[3 * p + 1], pz = xyz[3 * p + 2];
            Atom owner = atoms.get(owners[p]);
            double nx = px - owner.x(), ny = py - owner.y(), nz = pz - owner.z();
            double norm = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (norm > 0) {
                nx /= norm;
                ny /= norm;
                nz /= norm;
            }
            int near3 = 0, near6 = 0, near10 = 0;
            double b6 = 0, pr6 = 0, b10 = 0, cx6 = 0, cy6 = 0, cz6 = 0, cx10 = 0, cy10 = 0, cz10 = 0;
            for (int q : cells.within(px, py, pz, 10.0)) {
                double dx = xyz[3 * q] - px, dy = xyz[3 * q + 1] - py, dz = xyz[3 * q + 2] - pz;
                double d2 = dx * dx + dy * dy + dz * dz;
                if (d2 > 100) {
                    continue;
                }
                near10++;
                b10 += buriedness[q];
                cx10 += dx;
                cy10 += dy;
                cz10 += dz;
                if (d2 <= 36) {
                    near6++;
                    b6 += buriedness[q];
                    pr6 += protrusion[q];
                    cx6 += dx;
                    cy6 += dy;
                    cz6 += dz;
                    if (d2 <= 9 && q != p) {
                        near3++;
                    }
                }
            }
            // near6 and near10 count the point itself, so the means are defined
            int base = p * COUNT;
            out[base] = near3;
            out[base + 1] = near6 - 1;
            out[base + 2] = (float) (b6 / near6);
            out[base + 3] = (float) (pr6 / near6);
            out[base + 4] = (float) ((cx6 * nx + cy6 * ny + cz6 * nz) / near6);
            out[base + 5] = (float) (b10 / near10);
            out[base + 6] = (float) ((cx10 * nx + cy10 * ny + cz10 * nz) / near10);
        }
        return out;
    }
}
