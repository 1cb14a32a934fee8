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
 * @param rgb       display colour, 0xRRGGBB: the colour the CLI's viewer scripts give the same rank
 * @param jmolAtoms the pocket's atoms in the viewer (owned by this record; do not modify)
 */
public record PocketView(int number, String complex, Pocket pocket, int rgb, BS jmolAtoms) {

    /** Prefix of every Jmol object the command creates, so they can be found and deleted together. */
    public static final String ID_PREFIX = "sp_pocket";

    /** Jmol's colour literal, e.g. {@code [xe6194b]}. */
    public String jmolColour() {
        return String.format("[x%06x]", rgb);
    }

    /** "#e6194b", as the report prints it. */
    public String hexColour() {
        return String.format("#%06x", rgb);
    }

    /** ID of the pocket's surface; the centre marker and label use it with a suffix. */
    public String id() {
        return ID_PREFIX + number;
    }
}
