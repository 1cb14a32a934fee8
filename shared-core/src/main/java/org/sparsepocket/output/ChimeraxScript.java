package org.sparsepocket.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.sparsepocket.pockets.Point3;
import org.sparsepocket.structure.ResidueId;

/**
 * A ChimeraX command script ({@code <stem>.cxc}) that opens the probabilities PDB and colours each
 * pocket's residues (shown as sticks) with a distinct colour, with a marker at each pocket centre.
 * Intended for a fresh session: it works on all open models. The PDB is named relative to the script:
 * ChimeraX runs a command script in the script's own folder (documented for
 * {@code chimerax.core.scripting.open_command_script}), so {@code chimerax OUT/<stem>/<stem>.cxc} works from
 * anywhere. Not checked in a real ChimeraX here (not installable from Debian); the text is pattern-tested.
 */
public final class ChimeraxScript implements OutputFormat {

    @Override
    public void write(PredictionReport report, Path folder) throws IOException {
        Files.writeString(folder.resolve(report.stem() + ".cxc"), text(report), StandardCharsets.UTF_8);
    }

    public static String text(PredictionReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("# SparsePocket pockets of ").append(report.structureName())
                .append(". Open from this folder: chimerax ").append(report.stem()).append(".cxc\n");
        sb.append("open ").append(report.probabilitiesPdb()).append('\n');
        sb.append("hide atoms\n");
        sb.append("cartoon\n");
        sb.append("color ").append(String.format("#%06x", PocketColors.BACKGROUND)).append('\n');
        sb.append("show ligand atoms\n");
        for (PocketSelections.Entry e : PocketSelections.of(report).entries()) {
            String spec = spec(e.residuesByChain());
            String hex = String.format("#%06x", e.rgb());
            sb.append("# ").append(e.name()).append('\n');
            sb.append("color ").append(spec).append(' ').append(hex).append('\n');
            sb.append("show ").append(spec).append(" atoms\n");
            Point3 c = e.pocket().center();
            sb.append(String.format(Locale.ROOT, "marker #%d position %.3f,%.3f,%.3f color %s radius 1.0%n",
                    100 + e.number(), c.x(), c.y(), c.z(), hex));
        }
        // Ligands in element colours (carbon in Jmol's CPK grey): a grey ligand could not be told from the protein.
        sb.append("color ligand ").append(String.format("#%06x", PocketColors.LIGAND_CARBON)).append('\n');
        sb.append("color ligand byhetero\n");
        sb.append("view\n");
        return sb.toString();
    }

    /** e.g. {@code /A:45,46,52A /B:10}; residues of a blank chain are given without chain. */
    static String spec(Map<Character, List<ResidueId>> byChain) {
        List<String> parts = new ArrayList<>();
        byChain.forEach((chain, residues) -> parts.add((chain == ' ' ? "" : "/" + chain) + ":"
                + residues.stream().map(PocketSelections::number).collect(Collectors.joining(","))));
        return String.join(" ", parts);
    }
}
