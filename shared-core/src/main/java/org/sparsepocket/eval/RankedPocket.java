package org.sparsepocket.eval;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.sparsepocket.pockets.Point3;

/**
 * One pocket of any tool as the evaluation sees it: where it is, how the tool ranked it, and which
 * residues it covers. Immutable.
 *
 * @param rank     the tool's rank, 1 = best
 * @param score    the tool's score (higher is better); NaN when the tool gives none
 * @param center   the point the DCA and DCC criteria measure from
 * @param residues residues the tool assigns to the pocket (may be empty when the tool gives none)
 */
public record RankedPocket(int rank, double score, Point3 center, Set<ResidueKey> residues) {

    public RankedPocket {
        Objects.requireNonNull(center, "center");
        if (rank < 1) {
            throw new IllegalArgumentException("pocket rank must be ≥ 1, got " + rank);
        }
        residues = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(residues));
    }
}
