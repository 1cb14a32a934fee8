/**
 * A second opinion from the protein surface, after P2Rank's recipe: solvent-accessible points around the
 * protein ({@link org.sparsepocket.surface.SurfacePoints}), per-point features aggregated from the
 * neighbouring atoms ({@link org.sparsepocket.surface.PointFeatures}), a gradient-boosted tree classifier
 * ({@link org.sparsepocket.surface.PointClassifier}), single-linkage clusters of ligandable points as pockets
 * ({@link org.sparsepocket.surface.SurfacePocketFinder}) and one ranked list fused with the network's pockets
 * ({@link org.sparsepocket.surface.PocketFusion}). The network's probabilities are not point features: the
 * network is over-confident on its own training complexes, which are the classifier's too, so the two meet
 * only at pocket level. Training and tuning commands live in the lab ({@code org.sparsepocket.lab.surface}).
 */
package org.sparsepocket.surface;
