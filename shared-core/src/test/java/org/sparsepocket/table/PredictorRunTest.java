package org.sparsepocket.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionException;
import org.sparsepocket.table.PredictorNodeSettings.Chains;
import org.sparsepocket.table.PredictorRun.Input;

/**
 * The run's bookkeeping (order, error rows, warnings, variables, cancellation) over hand-built
 * predictions; the real predictor is exercised by the tests that load a model.
 */
class PredictorRunTest {

    /** Predicts by name: "bad*" cells fail like a malformed file, "two*" give two complexes. */
    private static Prediction byName(String key, String cell) {
        if (cell.startsWith("bad")) {
            throw new PredictionException(cell + ": no protein atoms");
        }
        return cell.startsWith("two") ? HandBuiltPrediction.twoComplexes(cell, 1.0, 2.0)
                : HandBuiltPrediction.prediction(cell);
    }

    private static PredictorNodeSettings settings(int threads, boolean failOnError) {
        return PredictorNodeSettings.DEFAULT.withThreshold(0.5).withMinPocketSize(5).withThreads(threads).withFailOnError(failOnError);
    }

    @Test
    void writesRowsInInputOrderAndTurnsBadRowsIntoErrorRows() throws Exception {
        for (int threads : new int[] {1, 3}) {
            var in = List.of(new Input("r0", "1abc"), new Input("r1", "bad.pdb"), new Input("r2", null),
                    new Input("r3", "two"), new Input("r4", "2def"));
            var out = new CollectedRows();
            var result = PredictorRun.run(in.iterator(), settings(threads, false), PredictorRunTest::byName, out);
            assertEquals(List.of("r0", "r0", "r1", "r2", "r3", "r3", "r4", "r4"),
                    out.pockets.stream().map(r -> r.get(PocketTables.INPUT_ROW)).toList());
            assertEquals("r1: bad.pdb: no protein atoms", out.pockets.get(2).get(PocketTables.ERROR));
            assertEquals("r2: the structure cell is missing", out.pockets.get(3).get(PocketTables.ERROR));
            assertEquals(5 + 2 + 5, out.residues.size());
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), out.progress);
            assertEquals(5, result.rows());
            assertEquals(2, result.failed());
            assertEquals("2 of 5 structures could not be processed (see the Error column); first: "
                    + "r1: bad.pdb: no protein atoms", result.warning().orElseThrow());
            assertEquals(2.5, result.variables().get(TopPocketVariables.CENTER_X));
            assertEquals("1abc", result.topPocketStructure().orElseThrow());
        }
    }

    @Test
    void failOnErrorFailsWithTheFirstBadRowsMessage() {
        var in = List.of(new Input("r0", "1abc"), new Input("r1", "bad1.pdb"), new Input("r2", "bad2.pdb"));
        var e = assertThrows(PredictionException.class,
                () -> PredictorRun.run(in.iterator(), settings(2, true), PredictorRunTest::byName, new CollectedRows()));
        assertEquals("r1: bad1.pdb: no protein atoms", e.getMessage());
    }

    @Test
    void variablesComeFromTheFirstStructureWithAPocket() throws Exception {
        var in = List.of(new Input("r0", "bad.pdb"), new Input("r1", "two"), new Input("r2", "1abc"));
        var result = PredictorRun.run(in.iterator(), settings(1, false), PredictorRunTest::byName, new CollectedRows());
        assertEquals(10.0, result.variables().get(TopPocketVariables.CENTER_X));
        assertEquals("two / two_B", result.topPocketStructure().orElseThrow());
        var none = PredictorRun.run(List.of(new Input("r0", "bad")).iterator(), settings(1, false),
                PredictorRunTest::byName, new CollectedRows());
        assertTrue(none.variables().isEmpty());
        assertFalse(none.topPocketStructure().isPresent());
    }

    @Test
    void cancellingInRowDoneStopsTheRun() {
        var out = new CollectedRows() {
            @Override
            public void rowDone(long rowsDone) throws Exception {
                super.rowDone(rowsDone);
                if (rowsDone == 2) {
                    throw new CancellationException("cancelled by the user");
                }
            }
        };
        var in = new ArrayList<Input>();
        for (int i = 0; i < 50; i++) {
            in.add(new Input("r" + i, "1abc"));
        }
        assertThrows(CancellationException.class,
                () -> PredictorRun.run(in.iterator(), settings(2, false), PredictorRunTest::byName, out));
        assertEquals(List.of(1L, 2L), out.progress);
        assertEquals(4, out.pockets.size());
    }
}
