package org.sparsepocket.pockets;

/** A point in Å. */
public record Point3(double x, double y, double z) {

    public double distance(Point3 o) {
        double dx = x - o.x, dy = y - o.y, dz = z - o.z;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
