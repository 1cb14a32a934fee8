package org.sparsepocket.table;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionException;
import org.sparsepocket.pockets.Pocket;

/**
 * The Pocket Predictor node's execution, minus KNIME: reads (row key, structure cell) inputs, predicts
 * each row (in parallel when asked), writes the rows of both output tables in input order, turns a bad
 * row into an error row and a warning (or a failed node with "fail on error"), and picks the flow
 * variables. The adapter supplies the rows and the sinks and maps cells to KNIME types.
 */
public final class PredictorRun {

    /** One input row: its key and the structure cell's string ({@code null} when the cell is missing). */
    public record Input(String rowKey, String cell) {
        public Input {
            Objects.requireNonNull(rowKey, "rowKey");
        }
    }

    /** Predicts one structure cell; throws with a one-line message when it cannot. */
    @FunctionalInterface
    public interface RowPredictor {
        Prediction predict(String rowKey, String cell) throws Exception;
    }

    /** Where rows go, called on the caller's thread in input order. */
    public interface Output {
        void pocketRow(TableRow row) throws Exception;

        void residueRow(TableRow row) throws Exception;

        /** Called after each input row is written: report progress, and throw here to cancel. */
        void rowDone(long rowsDone) throws Exception;
    }

    /**
     * What the run leaves besides the rows.
     *
     * @param rows      input rows processed
     * @param failed    input rows that failed
     * @param withoutPockets input rows predicted without any pocket (they have residue rows, no pocket row)
     * @param warning   a one-line warning for the node when some rows failed or had no pocket
     * @param variables numeric flow variables (see {@link TopPocketVariables}); empty when no structure
     *                  had a pocket
     * @param topPocketStructure the structure the variables describe, when there are variables
     */
    public record Result(long rows, long failed, long withoutPockets, Optional<String> warning,
                         Map<String, Double> variables, Optional<String> topPocketStructure) {
        public Result {
            variables = Map.copyOf(variables);
        }
    }

    /** One row's result, built on the worker thread; the prediction is kept for its report. */
    private record Outcome(String rowKey, Prediction prediction, List<TableRow> pockets, List<TableRow> residues,
                           Map<String, Double> variables, String variableStructure, String error) {
        static Outcome failure(String rowKey, String error) {
            return new Outcome(rowKey, null, List.of(), List.of(), Map.of(), null, error);
        }
    }

    private PredictorRun() {
    }

    /**
     * A run without HTML reports (settings without a report folder): the pocket rows have
     * {@link PocketTables#POCKETS}'s columns.
     *
     * @throws PredictionException for the first failing row when {@code settings.failOnError()}
     * @throws Exception           what the output throws (e.g. cancellation)
     */
    public static Result run(Iterator<Input> inputs, PredictorNodeSettings settings, RowPredictor predictor,
                             Output out) throws Exception {
        return run(inputs, settings, predictor, Optional.empty(), out);
    }

    /**
     * A run that, with {@code reports}, writes each predicted structure's HTML report there (in input
     * order, on the caller's thread) and gives the pocket rows {@link PocketTables#POCKETS_WITH_REPORT}'s
     * columns: the report's path on every pocket row of the structure, missing on error rows. A report
     * that cannot be written makes its row an error row (or fails the node with "fail on error").
     *
     * @throws PredictionException for the first failing row when {@code settings.failOnError()}
     * @throws Exception           what the output throws (e.g. cancellation)
     */
    public static Result run(Iterator<Input> inputs, PredictorNodeSettings settings, RowPredictor predictor,
                             Optional<ReportFolder> reports, Output out) throws Exception {
        // The pocket table's columns follow the settings (PocketTables.pockets): the rows must too.
        if (reports.isPresent() != settings.reportFolderPath().isPresent()) {
            throw new IllegalArgumentException(reports.isPresent() ? "reports given, but no report folder is set"
                    : "a report folder is set: pass its ReportFolder");
        }
        long[] rows = {0};
        long[] failed = {0};
        long[] withoutPockets = {0};
        String[] firstError = {null};
        Map<String, Double> variables = new LinkedHashMap<>();
        String[] topStructure = {null};
        OrderedParallel.run(inputs, settings.threads(), in -> predictOne(in, predictor), done -> {
            rows[0]++;
            Outcome o = reports.isEmpty() ? done : withReport(done, reports.get());
            if (o.error() != null) {
                if (settings.failOnError()) {
                    throw new PredictionException(o.error());
                }
                failed[0]++;
                if (firstError[0] == null) {
                    firstError[0] = o.error();
                }
                TableRow failure = PocketRows.failure(o.rowKey(), null, o.error());
                out.pocketRow(reports.isEmpty() ? failure : PocketRows.withReport(failure, null));
            } else {
                if (o.pockets().isEmpty()) {
                    withoutPockets[0]++;
                }
                for (TableRow r : o.pockets()) {
                    out.pocketRow(r);
                }
                for (TableRow r : o.residues()) {
                    out.residueRow(r);
                }
                if (variables.isEmpty() && !o.variables().isEmpty()) {
                    variables.putAll(o.variables());
                    topStructure[0] = o.variableStructure();
                }
            }
            out.rowDone(rows[0]);
        });
        return new Result(rows[0], failed[0], withoutPockets[0],
                warning(rows[0], failed[0], withoutPockets[0], firstError[0], variables.isEmpty()),
                variables, Optional.ofNullable(topStructure[0]));
    }

    /**
     * One line saying what a user would otherwise miss: failed rows (and the first reason), structures
     * without pockets (they leave no row in output 1), and NaN flow variables.
     */
    private static Optional<String> warning(long rows, long failed, long withoutPockets, String firstError,
                                            boolean noVariables) {
        var parts = new ArrayList<String>();
        String of = " of " + rows + " structure" + (rows == 1 ? "" : "s");
        if (failed > 0) {
            parts.add(failed + of + " could not be processed (see the Error column); first: " + firstError);
        }
        if (withoutPockets > 0) {
            parts.add(withoutPockets + of + (withoutPockets == 1 ? " has" : " have")
                    + " no pocket (no row in the pockets table)");
        }
        if (!parts.isEmpty() && noVariables) {
            parts.add("the pocket flow variables are NaN");
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }

    /** The outcome with its report written and its path on the pocket rows; a failure when it cannot be. */
    private static Outcome withReport(Outcome o, ReportFolder reports) {
        if (o.error() != null) {
            return o;
        }
        String path;
        try {
            path = reports.write(o.prediction());
        } catch (IOException | RuntimeException e) {
            return Outcome.failure(o.rowKey(), o.rowKey() + ": " + oneLine(e));
        }
        List<TableRow> pockets = o.pockets().stream().map(r -> PocketRows.withReport(r, path)).toList();
        return new Outcome(o.rowKey(), o.prediction(), pockets, o.residues(), o.variables(), o.variableStructure(),
                null);
    }

    private static Outcome predictOne(Input in, RowPredictor predictor) {
        if (in.cell() == null) {
            return Outcome.failure(in.rowKey(), in.rowKey() + ": the structure cell is missing");
        }
        try {
            Prediction p = predictor.predict(in.rowKey(), in.cell());
            Optional<Pocket> top = TopPocketVariables.topPocket(p);
            return new Outcome(in.rowKey(), p, PocketRows.pockets(in.rowKey(), p), PocketRows.residues(in.rowKey(), p),
                    top.map(TopPocketVariables::numbers).orElse(Map.of()),
                    top.map(t -> TopPocketVariables.structureLabel(p, t)).orElse(null), null);
        } catch (Exception | LinkageError e) {
            // One bad structure (malformed file, unreadable path, ...) must not
            // take the other rows down; the sink decides whether it fails the node.
            return Outcome.failure(in.rowKey(), in.rowKey() + ": " + oneLine(e));
        }
    }

    /** A throwable's message as one line (the class name when it has none). */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
