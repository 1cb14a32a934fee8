package org.sparsepocket.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.sparsepocket.pockets.Pocket;

/**
 * The common form of every tool's prediction for one protein: its pockets, best first. Readers of
 * fpocket, P2Rank and PUResNet files and SparsePocket's own predictor all produce this type, so one
 * implementation scores them all. Immutable.
 *
 * @param tool      the tool that made the prediction ("sparsepocket", "fpocket", ...)
 * @param proteinId the protein the prediction is for
 * @param pockets   pockets sorted by rank (ties keep their input order)
 */
public record RankedPockets(String tool, String proteinId, List<RankedPocket> pockets) {

    public RankedPockets {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(proteinId, "proteinId");
        List<RankedPocket> sorted = new ArrayList<>(pockets);
        sorted.sort(Comparator.comparingInt(RankedPocket::rank));
        pockets = List.copyOf(sorted);
    }

    /** SparsePocket's own pockets in the common form. */
    public static RankedPockets fromPockets(String proteinId, List<Pocket> pockets) {
        List<RankedPocket> out = new ArrayList<>(pockets.size());
        for (Pocket p : pockets) {
            out.add(new RankedPocket(p.rank(), p.score(), p.center(),
                    p.residues().stream().map(ResidueKey::of).collect(java.util.stream.Collectors.toSet())));
        }
        return new RankedPockets("sparsepocket", proteinId, out);
    }

    /** The first {@code k} pockets (all when there are fewer). */
    public List<RankedPocket> top(int k) {
        return pockets.subList(0, Math.min(k, pockets.size()));
    }
}
