package org.sparsepocket.eval;

import java.nio.file.Path;
import org.sparsepocket.structure.Structure;

/**
 * Another tool's prediction files: the tool's output for the item found in a predictions folder, or,
 * when no folder is given, the file a dataset file's {@code prediction} column names. The truth is
 * labelled on the protein atoms of the project's own loader, as for SparsePocket.
 */
public final class ToolFilesSource implements PredictionSource {

    private final PredictionReader reader;
    private final Path predictionsDir;

    /** @param predictionsDir folder of the tool's outputs (takes precedence); null when every item names its file */
    public ToolFilesSource(PredictionReader reader, Path predictionsDir) {
        this.reader = reader;
        this.predictionsDir = predictionsDir;
    }

    @Override
    public String tool() {
        return reader.tool();
    }

    @Override
    public Predicted predict(DatasetItem item, Structure structure) {
        Path location;
        if (predictionsDir != null) {
            location = reader.locate(predictionsDir, item.id()).orElseThrow(() -> new EvaluationException(
                    item.id() + ": no " + reader.tool() + " prediction for it in " + predictionsDir));
        } else {
            location = item.predictionFile().orElseThrow(() -> new EvaluationException(
                    item.id() + ": no prediction file listed and no --predictions folder given"));
        }
        return new Predicted(structure.protein(), reader.read(item.id(), location), null);
    }
}
