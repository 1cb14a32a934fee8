/**
 * Sparse convolution ops on DJL NDArrays, each a gather by a kernel map plus one matrix product
 * (so the gradient comes from DJL's autograd for free): submanifold 3x3x3 convolution, stride-2
 * convolution and stride-2 transposed convolution. A {@link org.sparsepocket.sparse.ops.SparseTensor}
 * is features plus a key (level) into the batch's uploaded kernel maps. Uses the coords layer;
 * knows nothing of blocks.
 */
package org.sparsepocket.sparse.ops;
