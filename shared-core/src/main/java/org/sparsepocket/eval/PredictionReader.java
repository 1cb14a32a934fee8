package org.sparsepocket.eval;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads one tool's prediction files into the common {@link RankedPockets} form. One class per tool,
 * so every tool is scored by the same {@link Evaluator}.
 */
public interface PredictionReader {

    /** The tool's name as used on the command line and in reports. */
    String tool();

    /**
     * Reads the prediction for one protein.
     *
     * @param proteinId the protein's name (copied into the result)
     * @param location  the prediction file or folder, as {@link #locate} finds it
     * @throws EvaluationException naming the file and the problem when it cannot be read
     */
    RankedPockets read(String proteinId, Path location);

    /** Finds the prediction of {@code proteinId} in a folder of this tool's outputs. */
    Optional<Path> locate(Path predictionsDir, String proteinId);

    /** The readers of the tools the project compares with, by name. */
    static PredictionReader forTool(String tool) {
        return switch (tool) {
            case "fpocket" -> new FpocketReader();
            case "p2rank" -> new P2RankReader();
            case "puresnet" -> new PUResNetReader();
            default -> throw new IllegalArgumentException("no prediction reader for tool '" + tool
                    + "' (known: fpocket, p2rank, puresnet)");
        };
    }
}
