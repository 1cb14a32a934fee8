package org.sparsepocket.jmol;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import javajs.util.BS;
import org.jmol.modelset.Atom;
import org.jmol.modelset.ModelSet;
import org.jmol.util.C;
import org.jmol.util.Escape;
import org.jmol.viewer.Viewer;

/**
 * The atom colours as they were before the command first coloured pockets, so {@code hide} and
 * {@code clear} can give the user's colours back exactly (colour and translucency per atom).
 * Colours are kept per Jmol atom object, not only per index: {@code load APPEND} builds a new model set
 * that keeps the earlier atoms, and their colours must still come back after a prediction on the new file.
 */
public final class ColourSnapshot {

    private final ModelSet modelSet;
    private final Atom[] atoms;
    private final short[] colix;
    private final int[] rgb;

    private ColourSnapshot(ModelSet modelSet, Atom[] atoms, short[] colix, int[] rgb) {
        this.modelSet = modelSet;
        this.atoms = atoms;
        this.colix = colix;
        this.rgb = rgb;
    }

    /**
     * Records the colours of all atoms of the viewer's model set as they are now; atoms that
     * {@code previous} (may be null) recorded (still the same Jmol atoms, e.g. after load APPEND) keep
     * their recorded colour, since they may still show pocket colours until the restore script has run.
     */
    public static ColourSnapshot take(Viewer vwr, ColourSnapshot previous) {
        ModelSet ms = vwr.ms;
        Map<Atom, Integer> before = new IdentityHashMap<>();
        if (previous != null) {
            for (int k = 0; k < previous.atoms.length; k++) {
                if (previous.atoms[k] != null) {
                    before.put(previous.atoms[k], k);
                }
            }
        }
        Atom[] atoms = new Atom[ms.ac];
        short[] colix = new short[ms.ac];
        int[] rgb = new int[ms.ac];
        for (int i = 0; i < ms.ac; i++) {
            atoms[i] = ms.at[i];
            Integer k = atoms[i] == null ? null : before.get(atoms[i]);
            if (k != null) {
                colix[i] = previous.colix[k];
                rgb[i] = previous.rgb[k];
                continue;
            }
            colix[i] = atoms[i] == null ? 0 : atoms[i].colixAtom;
            // The displayed colour: element colours are palette entries that the graphics data resolve.
            rgb[i] = colix[i] == 0 ? 0 : vwr.gdata.getColorArgbOrGray(colix[i]) & 0xffffff;
        }
        return new ColourSnapshot(ms, atoms, colix, rgb);
    }

    /** Whether this snapshot belongs to that model set (a load or zap makes a new one). */
    public boolean isFor(ModelSet ms) {
        return ms == modelSet && ms.ac == colix.length;
    }

    /**
     * Script giving {@code indices} (atom indices when the snapshot was taken) back their recorded colours
     * in the model set {@code now}: only atoms that are still there, at their index there; one command
     * per distinct colour.
     */
    public String restore(BS indices, ModelSet now) {
        Map<String, BS> byColour = new LinkedHashMap<>();
        for (int i = indices.nextSetBit(0); i >= 0 && i < colix.length; i = indices.nextSetBit(i + 1)) {
            Atom a = atoms[i];
            int j = a == null ? -1 : a.i;
            if (j < 0 || j >= now.ac || now.at[j] != a) {
                continue;       // gone: a new load, a zap or a deleted model
            }
            short c = colix[i];
            String colour = c == 0 ? "cpk"     // never coloured: the element colours
                    : (C.isColixTranslucent(c) ? C.getColixTranslucencyLabel(c) : "opaque")
                    + String.format(" [x%06x]", rgb[i]);
            byColour.computeIfAbsent(colour, k -> new BS()).set(j);
        }
        StringBuilder sb = new StringBuilder();
        byColour.forEach((colour, bs) -> sb.append("color ").append(Escape.eBS(bs)).append(' ').append(colour).append(";\n"));
        return sb.toString();
    }
}
