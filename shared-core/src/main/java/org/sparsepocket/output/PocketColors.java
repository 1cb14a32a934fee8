package org.sparsepocket.output;

/**
 * One colour per pocket rank, shared by all viewer scripts so the same pocket looks the same in PyMOL,
 * ChimeraX and Jmol: 18 mutually distinct colours (after Trubetskoy's list of 20 distinct colours, with
 * white-like and grey entries left out because structures are drawn grey), repeating after rank 18.
 */
public final class PocketColors {

    private static final int[] RGB = {
        0xE6194B, 0x3CB44B, 0x4363D8, 0xF58231, 0x911EB4, 0x42D4F4, 0xF032E6, 0xFFE119, 0x469990,
        0x9A6324, 0x800000, 0xBFEF45, 0x000075, 0xFABED4, 0x808000, 0xDCBEFF, 0xAAFFC3, 0xFFD8B1,
    };

    /** Colour used for atoms outside every pocket. */
    public static final int BACKGROUND = 0xC8C8C8;

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
