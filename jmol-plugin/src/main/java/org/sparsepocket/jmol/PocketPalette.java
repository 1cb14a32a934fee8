package org.sparsepocket.jmol;

import java.util.List;

/**
 * Distinct pocket colours, in rank order, chosen to stand apart from each other and from Jmol's element
 * colours (no pure red, blue or white). Pockets beyond the list reuse it from the start.
 */
public final class PocketPalette {

    /** A named colour; {@code rgb} is 0xRRGGBB. */
    public record Colour(String name, int rgb) {

        /** Jmol's colour literal, e.g. {@code [xff8c00]}. */
        public String jmol() {
            return String.format("[x%06x]", rgb);
        }
    }

    private static final List<Colour> COLOURS = List.of(
            new Colour("orange", 0xff8c00),
            new Colour("green", 0x00c853),
            new Colour("magenta", 0xe040fb),
            new Colour("yellow", 0xffea00),
            new Colour("cyan", 0x00e5ff),
            new Colour("pink", 0xff80ab),
            new Colour("lime", 0xaeea00),
            new Colour("violet", 0x7c4dff),
            new Colour("brown", 0xa1662f),
            new Colour("teal", 0x009688));

    private PocketPalette() {
    }

    /** Colour of the pocket numbered {@code number} (1-based). */
    public static Colour of(int number) {
        return COLOURS.get((number - 1) % COLOURS.size());
    }

    public static int size() {
        return COLOURS.size();
    }
}
