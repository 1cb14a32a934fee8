package org.sparsepocket.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.TestModels;
import org.sparsepocket.structure.FetchSettings;
import org.sparsepocket.table.PredictorNodeSettings.Chains;
import org.sparsepocket.table.PredictorRun.Input;

/**
 * The node's whole execution on the real pipeline: the committed fixture model (tiny, untrained: its
 * probabilities mean nothing, but every step is the product's) and the example structure 1FBL given as
 * a path, as PDB text, as a file: URL, next to bad rows.
 */
class CellPredictorTest {

    private static CellPredictor cells;
    private static PredictorNodeSettings settings;
    private static Path example;

    @BeforeAll
    static void open() throws Exception {
        example = TestModels.example();
        PocketPredictor predictor = PocketPredictor.open(TestModels.fixtureModel());
        // Threshold 0: every atom is a pocket candidate, so the untrained model gives pockets.
        settings = PredictorNodeSettings.DEFAULT.withThreshold(0.0).withMinPocketSize(5).withThreads(2);
        FetchSettings offline = new FetchSettings(Files.createTempDirectory("sparsepocket-cache"),
                FetchSettings.RCSB, FetchSettings.ALPHAFOLD, java.time.Duration.ofSeconds(5), true);
        cells = new CellPredictor(predictor, settings.toPredictionSettings(predictor), offline);
    }

    @AfterAll
    static void close() {
        if (cells != null) {
            cells.close();
        }
    }

    @Test
    void pathTextAndUrlGiveTheSamePocketsAndBadRowsGiveErrors() throws Exception {
        String text = Files.readString(example);
        var in = List.of(
                new Input("path", example.toAbsolutePath().toString()),
                new Input("text", text),
                new Input("url", example.toAbsolutePath().toUri().toString()),
                new Input("garbage", "HEADER    NOTHING\nthis is not a structure\n"),
                new Input("nofile", "/no/such/dir/x.pdb"),
                new Input("offline-id", "1abc"),
                new Input("missing", null));
        var out = new CollectedRows();
        var result = PredictorRun.run(in.iterator(), settings, cells, out);

        assertEquals(7, result.rows());
        assertEquals(4, result.failed());
        List<TableRow> byPath = rowsOf(out.pockets, "path");
        assertFalse(byPath.isEmpty(), "threshold 0 gives pockets");
        for (String other : List.of("text", "url")) {
            List<TableRow> rows = rowsOf(out.pockets, other);
            assertEquals(byPath.size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                for (String c : List.of(PocketTables.RANK, PocketTables.SCORE, PocketTables.CENTER_X,
                        PocketTables.RADIUS, PocketTables.RESIDUES, PocketTables.ATOM_COUNT)) {
                    assertEquals(byPath.get(i).get(c), rows.get(i).get(c), other + " " + c);
                }
            }
        }
        assertEquals("1fbl", rowsOf(out.pockets, "text").get(0).get(PocketTables.STRUCTURE));
        TableRow top = byPath.get(0);
        assertEquals(1, top.get(PocketTables.RANK));
        assertNull(top.get(PocketTables.ERROR));
        assertTrue(((String) top.get(PocketTables.POCKET_ATOMS)).contains("ATOM  "));
        assertEquals(top.get(PocketTables.CENTER_X), result.variables().get(TopPocketVariables.CENTER_X));
        assertEquals(top.get(PocketTables.RADIUS), result.variables().get(TopPocketVariables.RADIUS));

        for (String bad : List.of("garbage", "nofile", "offline-id", "missing")) {
            List<TableRow> rows = rowsOf(out.pockets, bad);
            assertEquals(1, rows.size(), bad);
            String error = (String) rows.get(0).get(PocketTables.ERROR);
            assertTrue(error.startsWith(bad + ": "), error);
            assertFalse(error.contains("\n"), error);
        }
        assertTrue(((String) rowsOf(out.pockets, "nofile").get(0).get(PocketTables.ERROR)).contains("/no/such/dir/x.pdb"));
        assertTrue(result.warning().orElseThrow().startsWith("4 of 7 structures could not be processed"));

        // Residue rows: every residue of 1FBL once per successful input, probabilities in [0, 1].
        long perInput = out.residues.stream().filter(r -> "path".equals(r.get(PocketTables.INPUT_ROW))).count();
        assertEquals(3 * perInput, out.residues.size());
        assertTrue(out.residues.stream().allMatch(r -> (Double) r.get(PocketTables.MAX_PROBABILITY) >= 0
                && (Double) r.get(PocketTables.MAX_PROBABILITY) <= 1));
    }

    private static List<TableRow> rowsOf(List<TableRow> rows, String input) {
        return rows.stream().filter(r -> input.equals(r.get(PocketTables.INPUT_ROW))).toList();
    }
}
