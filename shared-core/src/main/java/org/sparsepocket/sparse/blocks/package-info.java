/**
 * DJL blocks over sparse tensors that read like ordinary network code: convolutions, batch norm over
 * active voxels, ReLU, dropout and the residual basic block. Uses the ops layer only.
 */
package org.sparsepocket.sparse.blocks;
