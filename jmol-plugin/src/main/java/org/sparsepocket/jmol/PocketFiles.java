package org.sparsepocket.jmol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionException;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.output.PredictionReport;
import org.sparsepocket.output.PredictionWriter;

/**
 * {@code pockets "export"}: the CLI's output files ({@code DIR/<name>/pockets.csv}, pockets.json,
 * residues.csv, probability and pocket PDBs, viewer scripts, docking boxes), written by the same writer,
 * all or nothing.
 */
final class PocketFiles {

    private PocketFiles() {
    }

    static List<Path> export(Prediction prediction, PredictionSettings settings, Path folder) {
        try {
            Files.createDirectories(folder);
            Path written = new PredictionWriter().write(PredictionReport.of(prediction, settings), folder);
            try (Stream<Path> files = Files.list(written)) {
                return files.sorted().toList();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PredictionException pe) {
                throw pe;
            }
            throw new PredictionException("cannot write pocket files to " + folder + ": " + e.getMessage(), e);
        }
    }
}
