package org.sparsepocket.jmol;

import javajs.util.BS;
import org.sparsepocket.pockets.Pocket;

/**
 * One pocket as the viewer shows it: its number in the report (1 = best over all complexes), the complex
 * it was found in, its colour and its atoms as Jmol atom indices.
 *
 * @param number    1-based number used by {@code pockets "show" n}, labels and object IDs
 * @param complex   name of the complex (e.g. "1abc" or "1abc_A")
 * @param pocket    the predicted pocket
 * @param colour    display colour
 * @param jmolAtoms the pocket's atoms in the viewer (owned by this record; do not modify)
 */
public record PocketView(int number, String complex, Pocket pocket, PocketPalette.Colour colour, BS jmolAtoms) {

    /** Prefix of every Jmol object the command creates, so they can be found and deleted together. */
    public static final String ID_PREFIX = "sp_pocket";

    /** ID of the pocket's surface; the centre marker and label use it with a suffix. */
    public String id() {
        return ID_PREFIX + number;
    }
}
