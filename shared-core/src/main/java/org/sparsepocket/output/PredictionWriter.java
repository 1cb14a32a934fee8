package org.sparsepocket.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes every output of one structure into its own folder {@code OUT/<stem>/}, atomically: all files
 * are written to a staging folder that is renamed into place only when every format succeeded, so a
 * failure leaves no partial output (and any earlier output of the same stem untouched).
 */
public final class PredictionWriter {

    /** All formats of {@code sparsepocket predict}, in writing order. */
    public static final List<OutputFormat> ALL_FORMATS = List.of(
            new PocketCsv(), new PocketJson(), new ResidueCsv(), new ProbabilityPdb(),
            new PymolScript(), new ChimeraxScript(), new JmolScript(), new DockingConfigs(), new HtmlReport());

    private final List<OutputFormat> formats;

    public PredictionWriter() {
        this(ALL_FORMATS);
    }

    public PredictionWriter(List<OutputFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /**
     * Writes the report's files.
     *
     * @return the folder written, {@code outDir/<stem>}
     */
    public Path write(PredictionReport report, Path outDir) throws IOException {
        Path target = outDir.resolve(report.stem());
        AtomicFiles.writeFolder(target, staging -> {
            for (OutputFormat f : formats) {
                f.write(report, staging);
            }
        });
        return target;
    }
}
