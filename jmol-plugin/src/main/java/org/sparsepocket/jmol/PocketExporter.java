package org.sparsepocket.jmol;

import java.nio.file.Path;
import java.util.List;

import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionSettings;

/** Writes the CLI's output files for a prediction into a folder (see {@code pockets "export"}). */
@FunctionalInterface
public interface PocketExporter {

    /**
     * @return the files written
     * @throws org.sparsepocket.PredictionException with a one-line message when the folder cannot be written
     */
    List<Path> export(Prediction prediction, PredictionSettings settings, Path folder);
}
