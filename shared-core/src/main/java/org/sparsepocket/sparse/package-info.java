/**
 * Sparse 3-D tensors over a 1 Å voxel grid: coordinates and kernel maps, sparse ops, and network blocks.
 */
package org.sparsepocket.sparse;
