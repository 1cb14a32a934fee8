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
 * A PyMOL script ({@code <stem>.pml}) that loads the probabilities PDB and colours each pocket's residues
 * (sticks, distinct colour per pocket) with a sphere at each pocket centre. It finds the PDB next to
 * itself, so {@code pymol /any/path/<stem>.pml} works from any working directory.
 */
public final class PymolScript implements OutputFormat {

    @Override
    public void write(PredictionReport report, Path folder) throws IOException {
        Files.writeString(folder.resolve(report.stem() + ".pml"), text(report), StandardCharsets.UTF_8);
    }

    public static String text(PredictionReport report) {
        String obj = objectName(report.stem());
        StringBuilder sb = new StringBuilder();
        sb.append("# SparsePocket pockets of ").append(report.structureName())
                .append(". Open from anywhere: pymol PATH/").append(report.stem()).append(".pml\n");
        // A plain "load FILE" is relative to PyMOL's working directory; __script__ (set by PyMOL while it
        // runs a .pml, "toplevel" when typed) locates the file next to this script instead.
        sb.append("/import os; cmd.load(os.path.join(os.path.dirname(__script__), \"")
                .append(report.probabilitiesPdb()).append("\"), \"").append(obj).append("\")\n");
        sb.append("hide everything, ").append(obj).append('\n');
        sb.append("show cartoon, ").append(obj).append('\n');
        sb.append("set cartoon_transparency, 0.3, ").append(obj).append('\n');
        sb.append(setColor("sp_background", PocketColors.BACKGROUND));
        sb.append("color sp_background, ").append(obj).append('\n');
        sb.append("show sticks, ").append(obj).append(" and hetatm and not resn HOH\n");
        for (PocketSelections.Entry e : PocketSelections.of(report).entries()) {
            String colour = "sp_" + e.name();
            sb.append(setColor(colour, e.rgb()));
            sb.append("select ").append(e.name()).append(", ").append(obj).append(" and (")
                    .append(selection(e.residuesByChain())).append(")\n");
            sb.append("color ").append(colour).append(", ").append(e.name()).append('\n');
            sb.append("show sticks, ").append(e.name()).append('\n');
            Point3 c = e.pocket().center();
            sb.append(String.format(Locale.ROOT, "pseudoatom %s_center, pos=[%.3f, %.3f, %.3f]\n", e.name(), c.x(), c.y(), c.z()));
            sb.append("color ").append(colour).append(", ").append(e.name()).append("_center\n");
            sb.append("show spheres, ").append(e.name()).append("_center\n");
        }
        // Ligands last, in element colours (carbon in Jmol's CPK grey, darker than the background, the
        // rest in PyMOL's element colours): a grey ligand could not be told from the protein.
        String ligands = obj + " and hetatm and not resn HOH";
        sb.append(setColor("sp_ligand_carbon", PocketColors.LIGAND_CARBON));
        sb.append("color sp_ligand_carbon, ").append(ligands).append(" and elem C\n");
        sb.append("color atomic, ").append(ligands).append(" and not elem C\n");
        sb.append("deselect\n");
        sb.append("zoom ").append(obj).append('\n');
        return sb.toString();
    }

    /**
     * The PyMOL object name for a file stem. A name that is a selection keyword ("model", "name", "x",
     * "b", ...) is renamed by PyMOL on load (with "_" appended) and then breaks every selection naming it;
     * keywords never contain a digit, so a stem without one gets the "_" here, as PyMOL would give it.
     */
    static String objectName(String stem) {
        return stem.chars().anyMatch(Character::isDigit) ? stem : stem + "_";
    }

    private static String setColor(String name, int rgb) {
        double[] f = PocketColors.fractions(rgb);
        return String.format(Locale.ROOT, "set_color %s, [%.3f, %.3f, %.3f]\n", name, f[0], f[1], f[2]);
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
