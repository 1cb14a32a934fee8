package org.sparsepocket.pockets;

/**
 * A search box as AutoDock Vina takes it: centre plus edge lengths along x, y and z, in Å.
 */
public record DockingBox(Point3 center, double sizeX, double sizeY, double sizeZ) {
}
