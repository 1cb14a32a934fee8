package org.sparsepocket.lab.surface;

import java.util.List;

import org.sparsepocket.eval.GroundTruth;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.surface.SurfacePocketFinder;
import org.sparsepocket.surface.SurfacePoints;

/**
 * One validation complex as the fusion tuning sees it: its truth, the network's pockets and the scored
 * surface points (so every threshold and fusion setting is tried without re-running either model).
 *
 * @param group   which family-disjoint group it belongs to (a half of the validation set, or a fold)
 * @param nearNet per point the network's probability of the atoms within 6 Å (weighted mean, {@code
 *                network_mean_6}; out of fold in surface-cv), for the blend; null where not computed
 */
record ValidationCase(String id, int group, GroundTruth truth, List<Atom> atoms, List<Pocket> network,
                      SurfacePoints points, float[] scores, float[] nearNet) {

    ValidationCase(String id, int group, GroundTruth truth, List<Atom> atoms, List<Pocket> network,
                   SurfacePoints points, float[] scores) {
        this(id, group, truth, atoms, network, points, scores, null);
    }

    /** The point scores blended with the network near each point ({@link SurfacePocketFinder#blend}). */
    float[] scores(double blend) {
        if (blend != 0 && nearNet == null) {
            throw new IllegalStateException(id + ": no network values per point to blend with");
        }
        return SurfacePocketFinder.blend(scores, nearNet, blend);
    }
}
