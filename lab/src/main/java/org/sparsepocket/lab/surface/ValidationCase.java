package org.sparsepocket.lab.surface;

import java.util.List;

import org.sparsepocket.eval.GroundTruth;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.surface.SurfacePoints;

/**
 * One validation complex as the fusion tuning sees it: its truth, the network's pockets and the scored
 * surface points (so every threshold and fusion setting is tried without re-running either model).
 *
 * @param group which family-disjoint group it belongs to (a half of the validation set, or a fold)
 */
record ValidationCase(String id, int group, GroundTruth truth, List<Atom> atoms, List<Pocket> network,
                      SurfacePoints points, float[] scores) {
}
