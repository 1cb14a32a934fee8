package org.sparsepocket.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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

    /** The Java type of each {@link #HEADER} column's {@link #values values}; pocket_rank is null outside pockets. */
    public static final List<Class<?>> TYPES = List.of(
            String.class, String.class, String.class, Integer.class, String.class, String.class, String.class,
            Integer.class, Double.class, Double.class, Integer.class);

    public static String text(PredictionReport report) {
        StringBuilder sb = new StringBuilder(Csv.row(HEADER));
        for (ResidueStats r : report.residueStats()) {
            List<Object> v = values(report.structureName(), r);
            sb.append(Csv.row(List.of((String) v.get(0), (String) v.get(1), (String) v.get(2), v.get(3).toString(),
                    (String) v.get(4), (String) v.get(5), (String) v.get(6), v.get(7).toString(),
                    Csv.prob((Double) v.get(8)), Csv.prob((Double) v.get(9)),
                    v.get(10) == null ? "" : v.get(10).toString())));
        }
        return sb.toString();
    }

    /** One residue's row in {@link #HEADER} order, unrounded, typed as {@link #TYPES} says. */
    public static List<Object> values(String structure, ResidueStats r) {
        return Arrays.asList(structure, r.complex(), r.residue().chainId(), r.residue().number(),
                r.residue().insertionCode() == ' ' ? "" : String.valueOf(r.residue().insertionCode()),
                r.residue().name(), r.residue().label(), r.atoms(), r.maxProbability(), r.meanProbability(),
                r.inPocket() ? Integer.valueOf(r.pocketRank()) : null);
    }
}
