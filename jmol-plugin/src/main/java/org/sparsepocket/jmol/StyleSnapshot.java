package org.sparsepocket.jmol;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javajs.util.BS;
import org.jmol.modelset.Atom;
import org.jmol.modelset.ModelSet;
import org.jmol.util.Escape;
import org.jmol.viewer.JC;
import org.jmol.viewer.Viewer;

/**
 * How the user drew the structure before the command restyled it ({@link SceneScript#readableScene}):
 * per atom the ball size and whether it showed as cartoon or trace, per bond the stick size, and the
 * hidden atoms. {@code pockets "clear"} gives exactly these back; colours are the {@link ColourSnapshot}'s.
 * Sizes are read from Jmol's atoms and bonds (in milli-Ångström diameters) because a state script records
 * only changes since the file loaded, not what is shown.
 */
final class StyleSnapshot {

    private static final int CARTOON = JC.getShapeVisibilityFlag(JC.SHAPE_CARTOON);
    private static final int TRACE = JC.getShapeVisibilityFlag(JC.SHAPE_TRACE);

    private final ModelSet modelSet;
    private final short[] atomMad;
    private final BS cartoon = new BS();
    private final BS trace = new BS();
    private final short[] bondMad;
    private final BS hidden;

    private StyleSnapshot(Viewer vwr) {
        modelSet = vwr.ms;
        atomMad = new short[modelSet.ac];
        for (int i = 0; i < modelSet.ac; i++) {
            Atom a = modelSet.at[i];
            if (a == null) {
                continue;
            }
            atomMad[i] = a.madAtom;
            cartoon.setBitTo(i, (a.shapeVisibilityFlags & CARTOON) != 0);
            trace.setBitTo(i, (a.shapeVisibilityFlags & TRACE) != 0);
        }
        bondMad = new short[modelSet.bondCount];
        for (int b = 0; b < bondMad.length; b++) {
            bondMad[b] = modelSet.bo[b] == null ? 0 : modelSet.bo[b].mad;
        }
        hidden = BS.copy(vwr.slm.getHiddenSet());
    }

    static StyleSnapshot take(Viewer vwr) {
        return new StyleSnapshot(vwr);
    }

    /** Whether this snapshot belongs to that model set (a load or zap makes a new one). */
    boolean isFor(ModelSet ms) {
        return ms == modelSet && ms.ac == atomMad.length && ms.bondCount == bondMad.length;
    }

    /** The hidden atoms when the snapshot was taken. */
    BS hidden() {
        return BS.copy(hidden);
    }

    /**
     * Script giving the recorded sizes, cartoons, traces and hidden atoms back (the model set must be the
     * one recorded: {@link #isFor}); the user's selection is kept.
     */
    String restore() {
        StringBuilder sb = new StringBuilder("save selection sp_user;\n");
        Map<Short, BS> atomsBySize = new TreeMap<>();
        for (int i = 0; i < atomMad.length; i++) {
            if (modelSet.at[i] != null) {
                atomsBySize.computeIfAbsent(atomMad[i], k -> new BS()).set(i);
            }
        }
        atomsBySize.forEach((mad, bs) -> sb.append("select ").append(Escape.eBS(bs)).append("; spacefill ")
                .append(size(mad)).append(";\n"));
        Map<Short, BS> bondsBySize = new TreeMap<>();
        for (int b = 0; b < bondMad.length; b++) {
            bondsBySize.computeIfAbsent(bondMad[b], k -> new BS()).set(b);
        }
        bondsBySize.forEach((mad, bs) -> sb.append("select BONDS ").append(Escape.eBS(bs)).append("; wireframe ")
                .append(size(mad)).append(";\n"));
        BS all = BS.newN(atomMad.length);
        all.setBits(0, atomMad.length);
        onOff(sb, "cartoon", cartoon, all);
        onOff(sb, "trace", trace, all);
        sb.append(hidden.isEmpty() ? "hide none;\n" : "hide " + Escape.eBS(hidden) + ";\n");
        return sb.append("restore selection sp_user;\n").toString();
    }

    /** Off where it was off; where it was on, left alone (the scene never turns a shown cartoon off). */
    private static void onOff(StringBuilder sb, String shape, BS on, BS all) {
        BS off = BS.copy(all);
        off.andNot(on);
        if (!off.isEmpty()) {
            sb.append("select ").append(Escape.eBS(off)).append("; ").append(shape).append(" off;\n");
        }
    }

    /** A diameter in milli-Ångström as the radius Jmol's spacefill and wireframe take; 0 is off. */
    private static String size(short mad) {
        // Jmol truncates radius × 2000 to a short: a hair above the exact value gives the same mad back.
        return mad == 0 ? "off" : String.format(Locale.ROOT, "%.6f", (mad + 0.01) / 2000.0);
    }
}
