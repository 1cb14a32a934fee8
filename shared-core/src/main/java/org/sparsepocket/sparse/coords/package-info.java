/**
 * Coordinates of sparse 3-D tensors and their kernel maps: atoms to voxels on a regular grid
 * ({@link org.sparsepocket.sparse.coords.Voxelizer}), batches of complexes with the batch index as a
 * coordinate ({@link org.sparsepocket.sparse.coords.VoxelBatch}), and the coordinate manager that
 * builds, once per batch and level, the neighbour tables every convolution of that level shares
 * ({@link org.sparsepocket.sparse.coords.CoordinateManager}). Plain Java, no native arrays: the ops
 * layer uploads these tables, the blocks layer never sees them directly.
 */
package org.sparsepocket.sparse.coords;
