package org.sparsepocket.structure;

import java.util.Objects;

/**
 * One heavy atom as read from a structure file. Immutable; coordinates in Å.
 *
 * @param serial        atom serial number from the file (not necessarily unique or contiguous)
 * @param name          atom name, trimmed (e.g. "CA", "OG")
 * @param element       element symbol, capitalised as in the periodic table (e.g. "C", "Se", "Zn")
 * @param residue       the residue this atom belongs to
 * @param x             x coordinate
 * @param y             y coordinate
 * @param z             z coordinate
 * @param occupancy     occupancy (1.0 when the format has none)
 * @param bFactor       temperature factor (0.0 when the format has none)
 */
public record Atom(int serial, String name, String element, ResidueId residue,
                   double x, double y, double z, double occupancy, double bFactor) {

    public Atom {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(residue, "residue");
    }

    /** Squared distance to another atom, Å². */
    public double distanceSquared(Atom o) {
        double dx = x - o.x, dy = y - o.y, dz = z - o.z;
        return dx * dx + dy * dy + dz * dz;
    }

    /** A copy at new coordinates (used for rotations and B-factor output). */
    public Atom withCoordinates(double nx, double ny, double nz) {
        return new Atom(serial, name, element, residue, nx, ny, nz, occupancy, bFactor);
    }

    /** A copy with a new B-factor (used to write per-atom probabilities). */
    public Atom withBFactor(double b) {
        return new Atom(serial, name, element, residue, x, y, z, occupancy, b);
    }
}
