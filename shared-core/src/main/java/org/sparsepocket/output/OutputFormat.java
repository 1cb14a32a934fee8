package org.sparsepocket.output;

import java.io.IOException;
import java.nio.file.Path;

/** One kind of output file (or family of files, e.g. one per pocket) written for a prediction. */
@FunctionalInterface
public interface OutputFormat {

    /** Writes this format's files for {@code report} into {@code folder}. */
    void write(PredictionReport report, Path folder) throws IOException;
}
