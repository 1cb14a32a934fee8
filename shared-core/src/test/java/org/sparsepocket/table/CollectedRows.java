package org.sparsepocket.table;

import java.util.ArrayList;
import java.util.List;

/** A {@link PredictorRun.Output} for tests: keeps every row and progress call; optionally cancels. */
class CollectedRows implements PredictorRun.Output {
    final List<TableRow> pockets = new ArrayList<>();
    final List<TableRow> residues = new ArrayList<>();
    final List<Long> progress = new ArrayList<>();
    /** After this many rows {@link #rowDone} throws, as KNIME's checkCanceled would; -1 = never. */
    long cancelAfter = -1;

    @Override
    public void pocketRow(TableRow row) {
        pockets.add(row);
    }

    @Override
    public void residueRow(TableRow row) {
        residues.add(row);
    }

    @Override
    public void rowDone(long rowsDone) throws Exception {
        progress.add(rowsDone);
        if (rowsDone == cancelAfter) {
            throw new InterruptedException("cancelled");
        }
    }
}
