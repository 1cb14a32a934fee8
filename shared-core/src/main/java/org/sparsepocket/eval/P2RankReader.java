package org.sparsepocket.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sparsepocket.pockets.Point3;

/**
 * Reads P2Rank's {@code NAME_predictions.csv}: columns found by header name ({@code rank},
 * {@code score}, {@code center_x/y/z}, {@code residue_ids} as "A_103 A_52A"), values padded with
 * spaces as P2Rank writes them. Rows are ranked by the {@code rank} column, or by row order when it is
 * absent. Residues come from {@code residue_ids}; the serial numbers in {@code surf_atom_ids} are not
 * needed then and are ignored.
 */
public final class P2RankReader implements PredictionReader {

    @Override
    public String tool() {
        return "p2rank";
    }

    @Override
    public Optional<Path> locate(Path predictionsDir, String proteinId) {
        return PredictionFiles.shortest(PredictionFiles.entriesFor(predictionsDir, proteinId,
                p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith("_predictions.csv")));
    }

    @Override
    public RankedPockets read(String proteinId, Path location) {
        List<String> lines = PredictionFiles.readLines(location).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new EvaluationException(location + ": empty P2Rank predictions file (no header)");
        }
        Map<String, Integer> col = new HashMap<>();
        String[] header = lines.get(0).split(",", -1);
        for (int i = 0; i < header.length; i++) {
            col.put(header[i].trim(), i);
        }
        for (String required : List.of("center_x", "center_y", "center_z")) {
            if (!col.containsKey(required)) {
                throw new EvaluationException(location + ": not a P2Rank predictions file (no column '"
                        + required + "')");
            }
        }
        List<RankedPocket> pockets = new ArrayList<>();
        for (int row = 1; row < lines.size(); row++) {
            String[] cells = lines.get(row).split(",", -1);
            try {
                int rank = col.containsKey("rank") ? Integer.parseInt(cell(cells, col, "rank")) : row;
                double score = col.containsKey("score") ? Double.parseDouble(cell(cells, col, "score")) : Double.NaN;
                Point3 c = new Point3(Double.parseDouble(cell(cells, col, "center_x")),
                        Double.parseDouble(cell(cells, col, "center_y")),
                        Double.parseDouble(cell(cells, col, "center_z")));
                Set<ResidueKey> residues = new HashSet<>();
                if (col.containsKey("residue_ids")) {
                    for (String id : cell(cells, col, "residue_ids").split("\\s+")) {
                        if (!id.isEmpty()) {
                            residues.add(ResidueKey.parseChainUnderscoreNumber(id));
                        }
                    }
                }
                pockets.add(new RankedPocket(rank, score, c, residues));
            } catch (RuntimeException e) {
                throw new EvaluationException(location + ": malformed row " + (row + 1) + " (" + e.getMessage() + ")", e);
            }
        }
        return new RankedPockets(tool(), proteinId, pockets);
    }

    private static String cell(String[] cells, Map<String, Integer> col, String name) {
        int i = col.get(name);
        if (i >= cells.length) {
            throw new IllegalArgumentException("missing column " + name);
        }
        return cells[i].trim();
    }
}
