package org.sparsepocket.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionException;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.output.AtomicFiles;
import org.sparsepocket.output.HtmlReport;
import org.sparsepocket.output.OutputFolder;
import org.sparsepocket.output.PredictionReport;

/**
 * The Pocket Predictor node's report folder: each structure's HTML report, written by the CLI's writer
 * ({@link HtmlReport}) through {@link AtomicFiles} (all or nothing, following the umask, never
 * world-writable). Used from one thread, in input order, so names are decided in that order: as in the
 * CLI's output folders, a structure named like an earlier one of the same run gets {@code _2}, {@code _3},
 * ... ({@code 1abc_2.html}) rather than replacing that report; a report left by an earlier run is
 * replaced.
 */
public final class ReportFolder {

    private final Path folder;
    private final PredictionSettings settings;
    private final Set<String> written = new HashSet<>();

    private ReportFolder(Path folder, PredictionSettings settings) {
        this.folder = folder;
        this.settings = settings;
    }

    /**
     * The node's report folder when it has one, checked ({@link #check}).
     *
     * @param settings what every structure is predicted with (the reports' pocket data come from the
     *                 predictions; the settings complete the report)
     * @throws PredictionException as {@link #check}
     */
    public static Optional<ReportFolder> of(PredictorNodeSettings node, PredictionSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return check(node).map(folder -> new ReportFolder(folder, settings));
    }

    /**
     * Whether reports can go to the node's report folder, as far as can be told without writing (the
     * folder is made with the first report): called before the network is loaded, so a bad folder costs
     * nothing.
     *
     * @return the folder, empty when the node writes no reports
     * @throws PredictionException one line naming the folder and the problem (e.g. under /proc, read-only,
     *                             an existing file, permission denied)
     */
    public static Optional<Path> check(PredictorNodeSettings node) {
        Optional<Path> path = node.reportFolderPath();
        String problem = path.map(OutputFolder::problem).orElse(null);
        if (problem != null) {
            throw new PredictionException("Report folder: " + path.get() + ": " + problem);
        }
        return path;
    }

    /** The folder reports go to (absolute). */
    public Path folder() {
        return folder;
    }

    /**
     * Writes one structure's report.
     *
     * @return the report's absolute path, as the Report column holds it
     * @throws IOException in the words of {@link OutputFolder#describe} when the file cannot be written
     */
    public String write(Prediction prediction) throws IOException {
        PredictionReport named = PredictionReport.of(prediction, settings);
        String stem = named.stem();
        for (int n = 2; !written.add(stem); n++) {
            stem = named.stem() + "_" + n;
        }
        PredictionReport report = new PredictionReport(prediction, settings, stem);
        Path file = folder.resolve(HtmlReport.fileName(report));
        try {
            AtomicFiles.writeString(file, HtmlReport.text(report));
        } catch (IOException e) {
            throw new IOException("report " + file + ": " + OutputFolder.describe(e), e);
        }
        return file.toString();
    }
}
