package org.sparsepocket.jmol;

import java.util.LinkedHashMap;
import java.util.Map;

import javajs.util.BS;
import org.jmol.modelset.ModelSet;
import org.jmol.util.C;
import org.jmol.util.Escape;

/**
 * The atom colours as they were before the command first coloured pockets, so {@code hide} and
 * {@code clear} can give the user's colours back exactly (colour and translucency per atom).
 */
public final class ColourSnapshot {

    private final ModelSet modelSet;
    private final short[] colix;

    private ColourSnapshot(ModelSet modelSet, short[] colix) {
        this.modelSet = modelSet;
        this.colix = colix;
    }

    /** Records the colours of all atoms of the model set as they are now. */
    public static ColourSnapshot take(ModelSet ms) {
        short[] colix = new short[ms.ac];
        for (int i = 0; i < ms.ac; i++) {
            colix[i] = ms.at[i] == null ? 0 : ms.at[i].colixAtom;
        }
        return new ColourSnapshot(ms, colix);
    }

    /** Whether this snapshot belongs to that model set (a load or zap makes a new one). */
    public boolean isFor(ModelSet ms) {
        return ms == modelSet && ms.ac == colix.length;
    }

    /** Script giving {@code atoms} back their recorded colours, one command per distinct colour. */
    public String restore(BS atoms) {
        Map<Short, BS> byColix = new LinkedHashMap<>();
        for (int i = atoms.nextSetBit(0); i >= 0 && i < colix.length; i = atoms.nextSetBit(i + 1)) {
            byColix.computeIfAbsent(colix[i], c -> new BS()).set(i);
        }
        StringBuilder sb = new StringBuilder();
        byColix.forEach((c, bs) -> {
            sb.append("color ").append(Escape.eBS(bs)).append(' ');
            if (c == 0) {
                sb.append("cpk");     // never coloured: the element colours
            } else {
                sb.append(C.isColixTranslucent(c) ? C.getColixTranslucencyLabel(c) : "opaque")
                        .append(' ').append(C.getHexCode(c));
            }
            sb.append(";\n");
        });
        return sb.toString();
    }
}
