package org.sparsepocket.features;

import java.util.Locale;

import org.openscience.cdk.config.Elements;

/**
 * The nine one-hot element classes of PUResNetV2 (B, C, N, O, P, S, Se, halogen, metal), by atomic
 * number. The metal list is the published one: Li, Be, Na, Mg, Al, K–Ga, Rb–Sn, Cs–Bi, Fr–No. Any other
 * element (H, Si, As, noble gases, ...) gets no class, i.e. an all-zero one-hot block.
 */
final class ElementClass {

    /** Column of the one-hot block for each atomic number 0..118, or -1 when the element has no class. */
    private static final int[] COLUMN = new int[119];

    static {
        java.util.Arrays.fill(COLUMN, -1);
        COLUMN[5] = 0;  // B
        COLUMN[6] = 1;  // C
        COLUMN[7] = 2;  // N
        COLUMN[8] = 3;  // O
        COLUMN[15] = 4; // P
        COLUMN[16] = 5; // S
        COLUMN[34] = 6; // Se
        for (int z : new int[] {9, 17, 35, 53}) {
            COLUMN[z] = 7; // halogen
        }
        for (int z : new int[] {3, 4, 11, 12, 13}) {
            COLUMN[z] = 8; // metal
        }
        markMetals(19, 31);
        markMetals(37, 50);
        markMetals(55, 83);
        markMetals(87, 103);
    }

    private ElementClass() {
    }

    private static void markMetals(int first, int last) {
        for (int z = first; z <= last; z++) {
            COLUMN[z] = 8;
        }
    }

    /** The one-hot column (0..8) for an atomic number, or -1 when the element has no class. */
    static int column(int atomicNumber) {
        return atomicNumber >= 0 && atomicNumber < COLUMN.length ? COLUMN[atomicNumber] : -1;
    }

    /** Atomic number of an element symbol in any capitalisation ("SE", "Se", "se"); 0 when unknown. */
    static int atomicNumber(String symbol) {
        String s = symbol.trim();
        if (s.isEmpty()) {
            return 0;
        }
        String normal = s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
        Elements e = Elements.ofString(normal);
        return e == Elements.Unknown ? 0 : e.number();
    }
}
