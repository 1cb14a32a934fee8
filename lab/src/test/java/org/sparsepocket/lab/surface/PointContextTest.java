package org.sparsepocket.lab.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;
import org.sparsepocket.surface.SurfacePoints;

class PointContextTest {

    private static Atom atom(String element, double x, double y, double z) {
        return new Atom(1, element, element, new ResidueId("A", 1, ' ', "GLY"), x, y, z, 1, 0);
    }

    private static int column(String name) {
        return PointContext.NAMES.indexOf(name);
    }

    @Test
    void handCheckedNeighbourhoods() {
        // Point 0 at the origin on an atom 1.5 Å below it (normal +z). Point 1 2 Å away in the plane, point 2
        // 5 Å straight out along the normal, point 3 8 Å away in the plane (only in the 10 Å columns).
        List<Atom> atoms = List.of(atom("C", 0, 0, -1.5), atom("C", 20, 0, 0));
        SurfacePoints points = new SurfacePoints(new float[] {0, 0, 0, 2, 0, 0, 0, 0, 5, 8, 0, 0},
                new int[] {0, 0, 0, 1});
        float[] buriedness = {0.2f, 0.4f, 0.6f, 1.0f};
        float[] protrusion = {10, 20, 30, 40};
        float[] c = PointContext.of(atoms, points, buriedness, protrusion);
        assertEquals(4 * PointContext.COUNT, c.length);
        assertEquals(1, c[column("points_3")]);                    // point 1 only
        assertEquals(2, c[column("points_6")]);                    // points 1 and 2
        assertEquals((0.2 + 0.4 + 0.6) / 3, c[column("buriedness_mean_6")], 1e-6);
        assertEquals(20, c[column("protrusion_mean_6")], 1e-5);
        assertEquals(5.0 / 3, c[column("concavity_6")], 1e-6);     // mean outward offset: (0 + 0 + 5) / 3
        assertEquals((0.2 + 0.4 + 0.6 + 1.0) / 4, c[column("buriedness_mean_10")], 1e-6);
        assertEquals(5.0 / 4, c[column("concavity_10")], 1e-6);
    }

    @Test
    void aCavityIsConcaveAndARidgeIsNot() {
        // Points on a sphere of radius 4 around the origin. Seen from inside (normals pointing to the centre, as
        // on a cavity's wall) the neighbours lie outward along the normal; seen from outside (a convex bump) inward.
        SurfacePoints sphere = SurfacePoints.of(List.of(atom("C", 0, 0, 0)), 4.0 - 1.7, 200);
        int n = sphere.size();
        float[] zero = new float[n];
        float[] convex = PointContext.of(List.of(atom("C", 0, 0, 0)), sphere, zero, zero);
        // owners at 8 Å out along each point's direction: the point's normal now points at the sphere's centre
        float[] xyz = sphere.xyz();
        Atom[] outside = new Atom[n];
        int[] own = new int[n];
        for (int i = 0; i < n; i++) {
            outside[i] = atom("C", 3 * xyz[3 * i], 3 * xyz[3 * i + 1], 3 * xyz[3 * i + 2]);
            own[i] = i;
        }
        float[] concave = PointContext.of(List.of(outside), new SurfacePoints(xyz, own), zero, zero);
        for (int i = 0; i < n; i++) {
            assertTrue(concave[i * PointContext.COUNT + column("concavity_6")] > 0.5, "inside wall " + i);
            assertTrue(convex[i * PointContext.COUNT + column("concavity_6")] < -0.5, "bump " + i);
        }
    }

    @Test
    void refusesMismatchedColumns() {
        SurfacePoints one = new SurfacePoints(new float[] {0, 0, 0}, new int[] {0});
        assertThrows(IllegalArgumentException.class, () -> PointContext.of(
                List.of(atom("C", 0, 0, -1.5)), one, new float[2], new float[1]));
    }
}
