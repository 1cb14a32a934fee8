package org.sparsepocket.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.ResidueId;

/**
 * {@code pockets.csv}: one row per pocket, ranks ascending within each complex. Columns are fixed by
 * {@link #HEADER} (schema version {@link PocketJson#SCHEMA_VERSION}; see docs/outputs.md).
 */
public final class PocketCsv implements OutputFormat {

    public static final String FILE = "pockets.csv";

    public static final List<String> HEADER = List.of(
            "structure", "complex", "rank", "score", "mean_probability", "max_probability",
            "center_x", "center_y", "center_z",
            "box_center_x", "box_center_y", "box_center_z", "box_size_x", "box_size_y", "box_size_z",
            "radius", "atom_count", "residue_count", "residues");

    @Override
    public void write(PredictionReport report, Path folder) throws IOException {
        Files.writeString(folder.resolve(FILE), text(report), StandardCharsets.UTF_8);
    }

    public static String text(PredictionReport report) {
        StringBuilder sb = new StringBuilder(Csv.row(HEADER));
        for (ComplexPrediction c : report.complexes()) {
            for (Pocket p : c.pockets()) {
                sb.append(Csv.row(row(report.structureName(), c.complex().name(), p)));
            }
        }
        return sb.toString();
    }

    /**
     * The Java type of each {@link #HEADER} column's {@link #values values} (String, Integer or Double),
     * for typed tables such as the Spark job's Parquet output.
     */
    public static final List<Class<?>> TYPES = List.of(
            String.class, String.class, Integer.class, Double.class, Double.class, Double.class,
            Double.class, Double.class, Double.class,
            Double.class, Double.class, Double.class, Double.class, Double.class, Double.class,
            Double.class, Integer.class, Integer.class, String.class);

    /** Columns written with 4 decimals (probabilities and scores); other doubles are Å with 3. */
    private static final List<String> PROBABILITY_COLUMNS = List.of("score", "mean_probability", "max_probability");

    /** One pocket's row in {@link #HEADER} order, unrounded, typed as {@link #TYPES} says. */
    public static List<Object> values(String structure, String complex, Pocket p) {
        return List.of(structure, complex, p.rank(), p.score(), p.meanProbability(), p.maxProbability(),
                p.center().x(), p.center().y(), p.center().z(),
                p.box().center().x(), p.box().center().y(), p.box().center().z(),
                p.box().sizeX(), p.box().sizeY(), p.box().sizeZ(),
                p.radius(), p.atoms().size(), p.residues().size(),
                p.residues().stream().map(ResidueId::label).collect(Collectors.joining(" ")));
    }

    static List<String> row(String structure, String complex, Pocket p) {
        List<Object> v = values(structure, complex, p);
        List<String> f = new ArrayList<>(HEADER.size());
        for (int i = 0; i < v.size(); i++) {
            f.add(v.get(i) instanceof Double d
                    ? (PROBABILITY_COLUMNS.contains(HEADER.get(i)) ? Csv.prob(d) : Csv.coord(d))
                    : v.get(i).toString());
        }
        return f;
    }
}
