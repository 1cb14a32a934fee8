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

    /** Whether {@code pocket} identifies {@code ligand}. */
    boolean identifies(Ligand ligand, RankedPocket pocket);
}
