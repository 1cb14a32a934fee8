package org.sparsepocket.output;

/**
 * One colour per pocket rank, shared by all viewer scripts so the same pocket looks the same in
 * PyMOL, ChimeraX and Jmol: 9 mutually distinct colours (from Trubetskoy's list of
 * 20 distinct colours), repeating after rank 9. Colours that read as an element in the usual CPK scheme
 * are left out (red O, blue N, yellow S, orange P/Fe, greens of the halogens, maroon/brown Br, grey C,
 * white H; navy, too near N) because ligands are drawn in element colours: a red pocket 1 hid the oxygens in it.
 */
public final class PocketColors {

    private static final int[] RGB = {
        0xF032E6, 0x42D4F4, 0x911EB4, 0x469990, 0x808000, 0xFABED4, 0xAAFFC3, 0xDCBEFF, 0xFFD8B1,
    };

    /** Number of distinct pocket colours before they repeat. */
    public static final int DISTINCT = RGB.length;

    /** Colour used for atoms outside every pocket. */
    public static final int BACKGROUND = 0xC8C8C8;

    /** Carbon of ligands drawn in element colours: Jmol's CPK carbon, darker than the background. */
    public static final int LIGAND_CARBON = 0x909090;

    private PocketColors() {
    }

    /** 0xRRGGBB colour of the pocket with this rank (1-based). */
    public static int rgb(int rank) {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be ≥ 1, got " + rank);
        }
        return RGB[(rank - 1) % RGB.length];
    }

    /** "#rrggbb". */
    public static String hex(int rank) {
        return String.format("#%06x", rgb(rank));
    }

    /** Red, green and blue in [0, 1], as PyMOL's set_color takes them. */
    static double[] fractions(int rgb) {
        return new double[] {(rgb >> 16 & 0xFF) / 255.0, (rgb >> 8 & 0xFF) / 255.0, (rgb & 0xFF) / 255.0};
    }
}
