/**
 * From per-atom probabilities to ranked pockets: DBSCAN clustering, scoring, centres, docking boxes.
 */
package org.sparsepocket.pockets;
