package org.sparsepocket.io;

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
 * A PyMOL script ({@code <stem>.pml}) that loads the probabilities PDB and colours each pocket's residues
 * (sticks, distinct colour per pocket) with a sphere at each pocket centre. Paths are relative: run it
 * from its folder ({@code cd OUT/<stem> && pymol <stem>.pml}).
 */
public final class PymolScript implements OutputFormat {

    @Override
    public void write(PredictionReport report, Path folder) throws IOException {
        Files.writeString(folder.resolve(report.stem() + ".pml"), text(report), StandardCharsets.UTF_8);
    }

    public static String text(PredictionReport report) {
        String obj = report.stem();
        StringBuilder sb = new StringBuilder();
        sb.append("# SparsePocket pockets of ").append(report.structureName())
                .append(". Run from this folder: pymol ").append(obj).append(".pml\n");
        sb.append("load ").append(report.probabilitiesPdb()).append(", ").append(obj).append('\n');
        sb.append("hide everything, ").append(obj).append('\n');
        sb.append("show cartoon, ").append(obj).append('\n');
        sb.append("set cartoon_transparency, 0.3, ").append(obj).append('\n');
        sb.append("color grey80, ").append(obj).append('\n');
        sb.append("show sticks, ").append(obj).append(" and hetatm and not resn HOH\n");
        for (PocketSelections.Entry e : PocketSelections.of(report).entries()) {
            double[] rgb = PocketColors.fractions(e.rgb());
            String colour = "sp_" + e.name();
            sb.append(String.format(Locale.ROOT, "set_color %s, [%.3f, %.3f, %.3f]%n", colour, rgb[0], rgb[1], rgb[2]));
            sb.append("select ").append(e.name()).append(", ").append(obj).append(" and (")
                    .append(selection(e.residuesByChain())).append(")\n");
            sb.append("color ").append(colour).append(", ").append(e.name()).append('\n');
            sb.append("show sticks, ").append(e.name()).append('\n');
            Point3 c = e.pocket().center();
            sb.append(String.format(Locale.ROOT, "pseudoatom %s_center, pos=[%.3f, %.3f, %.3f]%n", e.name(), c.x(), c.y(), c.z()));
            sb.append("color ").append(colour).append(", ").append(e.name()).append("_center\n");
            sb.append("show spheres, ").append(e.name()).append("_center\n");
        }
        sb.append("deselect\n");
        sb.append("zoom ").append(obj).append('\n');
        return sb.toString();
    }

    /** e.g. {@code (chain A and resi 45+46+52A) or (chain B and resi \-3)}. */
    static String selection(Map<Character, List<ResidueId>> byChain) {
        List<String> parts = new ArrayList<>();
        byChain.forEach((chain, residues) -> parts.add("(chain " + (chain == ' ' ? "\"\"" : chain.toString())
                + " and resi " + residues.stream().map(r -> PocketSelections.number(r).replace("-", "\\-"))
                .collect(Collectors.joining("+")) + ")"));
        return String.join(" or ", parts);
    }
}
