package org.sparsepocket.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Ligand;

/**
 * The structure as PDB with each protein atom's binding probability (0.00–1.00) in the B-factor
 * column: the atoms of every predicted complex, then the structure's het groups (ligands, ions,
 * waters) as HETATM with B-factor 0.00, so the known ligand can be viewed against the prediction.
 * Also one PDB per pocket holding that pocket's atoms (B-factor = probability).
 */
public final class ProbabilityPdb implements OutputFormat {

    @Override
    public void write(PredictionReport report, Path folder) throws IOException {
        Files.writeString(folder.resolve(report.probabilitiesPdb()), structure(report), StandardCharsets.UTF_8);
        for (ComplexPrediction c : report.complexes()) {
            for (Pocket p : c.pockets()) {
                Files.writeString(folder.resolve(report.pocketPdb(c, p)), pocket(c, p), StandardCharsets.UTF_8);
            }
        }
    }

    /** The structure with probabilities as B-factors (whole PDB file text). */
    public static String structure(PredictionReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append(PdbFormat.remark("SparsePocket binding probabilities in the B-factor column: "
                + report.structureName()));
        int serial = 0;
        for (ComplexPrediction c : report.complexes()) {
            float[] p = c.probabilities();
            int i = 0;
            for (Atom a : c.complex().atoms()) {
                PdbFormat.atom(sb, false, ++serial, a, p[i++]);
            }
        }
        for (Ligand l : report.prediction().structure().hetGroups()) {
            for (Atom a : l.atoms()) {
                PdbFormat.atom(sb, true, ++serial, a, 0.0);
            }
        }
        return sb.append("END\n").toString();
    }

    /** One pocket's atoms (whole PDB file text), with its rank, score and centre as remarks. */
    public static String pocket(ComplexPrediction c, Pocket pocket) {
        StringBuilder sb = new StringBuilder();
        sb.append(PdbFormat.remark("SparsePocket pocket " + pocket.rank() + " of " + c.complex().name()
                + "  score " + Csv.prob(pocket.score()) + "  mean probability " + Csv.prob(pocket.meanProbability())));
        sb.append(PdbFormat.remark("centre " + Csv.coord(pocket.center().x()) + " " + Csv.coord(pocket.center().y())
                + " " + Csv.coord(pocket.center().z()) + "  radius " + Csv.coord(pocket.radius())));
        float[] p = c.probabilities();
        int[] idx = pocket.atomIndices();
        for (int k = 0; k < idx.length; k++) {
            Atom a = pocket.atoms().get(k);
            PdbFormat.atom(sb, false, a.serial() > 0 ? a.serial() : k + 1, a, p[idx[k]]);
        }
        return sb.append("END\n").toString();
    }
}
