package org.sparsepocket.jmol;

import java.util.LinkedHashMap;
import java.util.Map;

import javajs.util.BS;
import org.jmol.modelset.ModelSet;
import org.jmol.util.C;
import org.jmol.util.Escape;
import org.jmol.viewer.Viewer;

/**
 * The atom colours as they were before the command first coloured pockets, so {@code hide} and
 * {@code clear} can give the user's colours back exactly (colour and translucency per atom).
 */
public final class ColourSnapshot {

    private final ModelSet modelSet;
    private final short[] colix;
    private final int[] rgb;

    private ColourSnapshot(ModelSet modelSet, short[] colix, int[] rgb) {
        this.modelSet = modelSet;
        this.colix = colix;
        this.rgb = rgb;
    }

    /** Records the colours of all atoms of the viewer's model set as they are now. */
    public static ColourSnapshot take(Viewer vwr) {
        ModelSet ms = vwr.ms;
        short[] colix = new short[ms.ac];
        int[] rgb = new int[ms.ac];
        for (int i = 0; i < ms.ac; i++) {
            colix[i] = ms.at[i] == null ? 0 : ms.at[i].colixAtom;
            // The displayed colour: element colours are palette entries that the graphics data resolve.
            rgb[i] = colix[i] == 0 ? 0 : vwr.gdata.getColorArgbOrGray(colix[i]) & 0xffffff;
        }
        return new ColourSnapshot(ms, colix, rgb);
    }

    /** Whether this snapshot belongs to that model set (a load or zap makes a new one). */
    public boolean isFor(ModelSet ms) {
        return ms == modelSet && ms.ac == colix.length;
    }

    /** Script giving {@code atoms} back their recorded colours, one command per distinct colour. */
    public String restore(BS atoms) {
        Map<String, BS> byColour = new LinkedHashMap<>();
        for (int i = atoms.nextSetBit(0); i >= 0 && i < colix.length; i = atoms.nextSetBit(i + 1)) {
            short c = colix[i];
            String colour = c == 0 ? "cpk"     // never coloured: the element colours
                    : (C.isColixTranslucent(c) ? C.getColixTranslucencyLabel(c) : "opaque")
                    + String.format(" [x%06x]", rgb[i]);
            byColour.computeIfAbsent(colour, k -> new BS()).set(i);
        }
        StringBuilder sb = new StringBuilder();
        byColour.forEach((colour, bs) -> sb.append("color ").append(Escape.eBS(bs)).append(' ').append(colour).append(";\n"));
        return sb.toString();
    }
}
