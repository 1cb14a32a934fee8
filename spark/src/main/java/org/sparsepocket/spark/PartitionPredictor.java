package org.sparsepocket.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.ErrorLines;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.output.PocketCsv;
import org.sparsepocket.output.PredictionReport;
import org.sparsepocket.output.ResidueCsv;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.runtime.EngineThreads;
import org.sparsepocket.structure.Structure;

/**
 * The task body: predicts the inputs of one partition on the executor's shared model, one
 * {@link Outcome} per input. Input rows are (location, list_file, content): content is the file's
 * bytes from the binaryFile source, or null for a list line that names the input.
 */
final class PartitionPredictor implements FlatMapFunction<Iterator<Row>, Outcome> {

    private static final long serialVersionUID = 1L;

    private final JobSettings settings;
    private final InputReader reader;

    PartitionPredictor(JobSettings settings, InputReader reader) {
        this.settings = settings;
        this.reader = reader;
    }

    @Override
    public Iterator<Outcome> call(Iterator<Row> rows) {
        if (!rows.hasNext()) {
            return List.<Outcome>of().iterator();
        }
        TaskContext task = TaskContext.get();
        int cpus = task == null ? 1 : Math.max(1, task.cpus());
        // A model that cannot load fails the task (and the job): it is no fault of an input.
        PocketPredictor predictor = ExecutorModel.get(settings, cpus);
        // Spark runs one task per core (spark.task.cpus each), so each task's PyTorch gets that many threads.
        EngineThreads.setForThisThread(cpus);
        PredictionSettings prediction = settings.settings(predictor.recommendedSettings(), predictor.rotations());
        List<Outcome> out = new ArrayList<>();
        while (rows.hasNext()) {
            out.add(one(rows.next(), predictor, prediction));
        }
        return out.iterator();
    }

    private Outcome one(Row row, PocketPredictor predictor, PredictionSettings prediction) {
        String location = row.getString(0);
        byte[] content = row.isNullAt(2) ? null : (byte[]) row.get(2);
        String label = content != null ? InputReader.label(location) : location;
        try {
            if (content == null) {
                label = reader.label(location, row.isNullAt(1) ? "" : row.getString(1));
            }
            Structure structure = content != null ? InputReader.fromBytes(content, label) : reader.load(label);
            return rows(label, predictor.predict(structure, prediction));
        } catch (RuntimeException | OutOfMemoryError e) {
            return Outcome.failed(label, ErrorLines.of(label, e));
        }
    }

    /** The rows pockets.csv and residues.csv would hold, each after the input's label. */
    static Outcome rows(String label, Prediction prediction) {
        String structure = prediction.structure().name();
        List<Row> pockets = new ArrayList<>();
        List<Row> residues = new ArrayList<>();
        for (ComplexPrediction c : prediction.complexes()) {
            for (Pocket p : c.pockets()) {
                pockets.add(Tables.row(label, PocketCsv.values(structure, c.complex().name(), p)));
            }
            for (PredictionReport.ResidueStats r : PredictionReport.residueStats(c)) {
                residues.add(Tables.row(label, ResidueCsv.values(structure, r)));
            }
        }
        return new Outcome(label, List.copyOf(pockets), List.copyOf(residues), null);
    }
}
