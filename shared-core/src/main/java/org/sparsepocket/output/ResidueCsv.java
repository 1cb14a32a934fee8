package org.sparsepocket.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sparsepocket.output.PredictionReport.ResidueStats;

/**
 * {@code residues.csv}: one row per protein residue of every complex, in chain/number order, with the
 * maximum and mean probability of its atoms and the best rank of a pocket that holds one of its atoms
 * (empty when none). Columns fixed by {@link #HEADER}.
 */
public final class ResidueCsv implements OutputFormat {

    public static final String FILE = "residues.csv";

    public static final List<String> HEADER = List.of(
            "structure", "complex", "chain", "residue_number", "insertion_code", "residue_name", "residue",
            "atom_count", "max_probability", "mean_probability", "pocket_rank");

    @Override
    public void write(PredictionReport report, Path folder) throws IOException {
        Files.writeString(folder.resolve(FILE), text(report), StandardCharsets.UTF_8);
    }

    public static String text(PredictionReport report) {
        StringBuilder sb = new StringBuilder(Csv.row(HEADER));
        for (ResidueStats r : report.residueStats()) {
            sb.append(Csv.row(List.of(report.structureName(), r.complex(), r.residue().chainId(),
                    Integer.toString(r.residue().number()),
                    r.residue().insertionCode() == ' ' ? "" : String.valueOf(r.residue().insertionCode()),
                    r.residue().name(), r.residue().label(), Integer.toString(r.atoms()),
                    Csv.prob(r.maxProbability()), Csv.prob(r.meanProbability()),
                    r.inPocket() ? Integer.toString(r.pocketRank()) : "")));
        }
        return sb.toString();
    }
}
