package org.sparsepocket.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparsepocket.pockets.Point3;
import org.sparsepocket.structure.ResidueId;

/**
 * A Jmol script ({@code <stem>.spt}) that loads the probabilities PDB (path relative to the script) and
 * colours each pocket's residues with a distinct colour, drawing a sphere at each pocket centre.
 * {@link #colouring(PredictionReport)} gives the same commands without the {@code load}, for a structure
 * already open in Jmol.
 */
public final class JmolScript implements OutputFormat {

    @Override
    public void write(PredictionReport report, Path folder) throws IOException {
        Files.writeString(folder.resolve(report.stem() + ".spt"), text(report), StandardCharsets.UTF_8);
    }

    public static String text(PredictionReport report) {
        return "# SparsePocket pockets of " + report.structureName() + ". Open in Jmol: script " + report.stem() + ".spt\n"
                + "load \"$SCRIPT_PATH$" + report.probabilitiesPdb() + "\";\n"
                + colouring(report);
    }

    /** The display and colouring commands for the currently loaded model. */
    public static String colouring(PredictionReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("select all; wireframe off; spacefill off; cartoons on; color ")
                .append(colour(PocketColors.BACKGROUND)).append(";\n");
        sb.append("select hetero and not water; wireframe 0.15; spacefill 0.3;\n");
        for (PocketSelections.Entry e : PocketSelections.of(report).entries()) {
            sb.append("# ").append(e.name()).append('\n');
            sb.append("select ").append(selection(e.residuesByChain())).append(";\n");
            sb.append("color ").append(colour(e.rgb())).append("; wireframe 0.2; spacefill 0.4;\n");
            Point3 c = e.pocket().center();
            sb.append(String.format(Locale.ROOT, "draw %s_center diameter 2.0 {%.3f %.3f %.3f} color %s;%n",
                    e.name(), c.x(), c.y(), c.z(), colour(e.rgb())));
        }
        // Ligands last, in element colours: a grey ligand could not be told from the protein.
        sb.append("select hetero and not water; color cpk;\n");
        sb.append("select none;\n");
        return sb.toString();
    }

    /** Jmol residue specs, e.g. {@code 45:A, 52^A:A}; blank chains match any chain. */
    static String selection(Map<Character, List<ResidueId>> byChain) {
        List<String> specs = new ArrayList<>();
        byChain.forEach((chain, residues) -> {
            for (ResidueId r : residues) {
                String s = r.number() + (r.insertionCode() == ' ' ? "" : "^" + r.insertionCode());
                specs.add(chain == ' ' ? s : s + ":" + chain);
            }
        });
        return String.join(", ", specs);
    }

    static String colour(int rgb) {
        return String.format("[x%06X]", rgb);
    }
}
