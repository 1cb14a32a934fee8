package org.sparsepocket.eval;

import org.sparsepocket.structure.Ligand;

/**
 * When a predicted pocket counts as having found a ligand. One small class per criterion (DCA, DCC),
 * so a new criterion is a new class and the success-rate code never changes.
 */
public interface PocketCriterion {

    /** Short name used in tables, CSV headers and JSON keys, e.g. "DCA". */
    String name();

    /** The distance cutoff in Å. */
    double cutoff();

    /** The criterion's distance in Å between {@code pocket} and {@code ligand}. */
    double distance(Ligand ligand, RankedPocket pocket);

    /** Whether {@code pocket} identifies {@code ligand}: its distance is within the cutoff. */
    default boolean identifies(Ligand ligand, RankedPocket pocket) {
        return distance(ligand, pocket) <= cutoff();
    }
}
