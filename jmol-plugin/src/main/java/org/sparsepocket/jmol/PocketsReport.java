package org.sparsepocket.jmol;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.sparsepocket.PredictionSettings;
import org.sparsepocket.pockets.Point3;
import org.sparsepocket.structure.ChainMode;
import org.sparsepocket.structure.ResidueId;

/** The text {@code pockets} prints: one line per pocket with its score and residues. */
public final class PocketsReport {

    static final String PREFIX = "SparsePocket: ";

    private PocketsReport() {
    }

    /** The full report of a prediction, {@code shown} pockets marked when only some are displayed. */
    public static String of(ViewerPrediction vp, List<PocketView> shown) {
        String name = vp.source().structure().name();
        int atoms = vp.source().structure().protein().size();
        PredictionSettings s = vp.settings();
        StringBuilder sb = new StringBuilder();
        sb.append(PREFIX).append(vp.pockets().size()).append(vp.pockets().size() == 1 ? " pocket" : " pockets")
                .append(" on ").append(name).append(" (").append(atoms).append(" protein atoms, ")
                .append(describe(s.chainMode())).append(", threshold ")
                .append(String.format(Locale.ROOT, "%.2f", s.pockets().threshold()))
                .append(s.rotations() == null ? "" : ", accurate: " + s.rotations() + " orientations")
                .append(String.format(Locale.ROOT, ", %.2f s)", vp.seconds()));
        for (String w : vp.source().structure().warnings()) {
            sb.append("\n  note: ").append(w);
        }
        if (vp.pockets().isEmpty()) {
            sb.append("\n  no atom cluster passed the threshold; a lower one may find weaker sites,")
                    .append(" e.g. pockets \"threshold\" 0.2");
            return sb.toString();
        }
        boolean several = vp.prediction().complexes().size() > 1;
        sb.append("\n  #  colour    score  mean p  atoms  centre (x, y, z)            ")
                .append(several ? "complex      " : "").append("residues");
        for (PocketView p : vp.pockets()) {
            Point3 c = p.pocket().center();
            sb.append(String.format(Locale.ROOT, "%n%s%2d  %-8s %6s  %6.2f  %5d  (%7.2f, %7.2f, %7.2f)  ",
                    shown.contains(p) || shown.size() == vp.pockets().size() ? " " : "-",
                    p.number(), p.hexColour(), SceneScript.score(p.pocket().score()),
                    p.pocket().meanProbability(), p.pocket().atoms().size(), c.x(), c.y(), c.z()));
            if (several) {
                sb.append(String.format(Locale.ROOT, "%-12s ", p.complex()));
            }
            sb.append(p.pocket().residues().stream().map(ResidueId::label).collect(Collectors.joining(" ")));
        }
        if (shown.size() < vp.pockets().size()) {
            sb.append("\n  (shown: ").append(shown.isEmpty() ? "none" : shown.stream()
                    .map(p -> "#" + p.number()).collect(Collectors.joining(", ")))
                    .append("; pockets \"show\" for all)");
        }
        sb.append("\n  per atom: property_pocketProb (probability), property_pocket (pocket number),")
                .append(" e.g. select property_pocket = 1");
        return sb.toString();
    }

    static String describe(ChainMode mode) {
        if (mode instanceof ChainMode.Selected sel) {
            return "chains " + String.join(",", sel.chainIds());
        }
        return mode instanceof ChainMode.EachChain ? "each chain" : "whole structure";
    }
}
