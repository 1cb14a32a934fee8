/**
 * Training the network: datasets, labels, augmentation, focal loss, checkpoints.
 */
package org.sparsepocket.lab.train;
