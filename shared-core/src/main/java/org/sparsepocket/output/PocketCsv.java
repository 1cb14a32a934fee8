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

    static List<String> row(String structure, String complex, Pocket p) {
        List<String> f = new ArrayList<>(HEADER.size());
        f.add(structure);
        f.add(complex);
        f.add(Integer.toString(p.rank()));
        f.add(Csv.prob(p.score()));
        f.add(Csv.prob(p.meanProbability()));
        f.add(Csv.prob(p.maxProbability()));
        f.add(Csv.coord(p.center().x()));
        f.add(Csv.coord(p.center().y()));
        f.add(Csv.coord(p.center().z()));
        f.add(Csv.coord(p.box().center().x()));
        f.add(Csv.coord(p.box().center().y()));
        f.add(Csv.coord(p.box().center().z()));
        f.add(Csv.coord(p.box().sizeX()));
        f.add(Csv.coord(p.box().sizeY()));
        f.add(Csv.coord(p.box().sizeZ()));
        f.add(Csv.coord(p.radius()));
        f.add(Integer.toString(p.atoms().size()));
        f.add(Integer.toString(p.residues().size()));
        f.add(p.residues().stream().map(ResidueId::label).collect(Collectors.joining(" ")));
        return f;
    }
}
