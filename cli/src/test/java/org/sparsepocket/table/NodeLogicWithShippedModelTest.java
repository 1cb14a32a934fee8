package org.sparsepocket.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.PredictionException;
import org.sparsepocket.TestModels;
import org.sparsepocket.cli.SparsePocketCli;
import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.PocketModel;
import org.sparsepocket.table.PredictorNodeSettings.Chains;
import org.sparsepocket.table.PredictorRun.Input;

/**
 * The node logic as a KNIME user drives it, on the shipped model (what {@link CellPredictor#open} loads)
 * and real structures, checked against the CLI on the same inputs. Written by the KNIME audit; each test
 * names what it found.
 */
class NodeLogicWithShippedModelTest {

    private static PredictorNodeSettings settings(Chains chains, String ids, int maxPockets, int threads,
                                                  boolean failOnError, Double threshold) {
        return PredictorNodeSettings.DEFAULT.withChains(chains, ids).withThreshold(threshold)
                .withMaxPockets(maxPockets).withThreads(threads).withFailOnError(failOnError);
    }

    private static PredictorNodeSettings defaults(int threads) {
        return settings(Chains.WHOLE, "", 0, threads, false, PredictorNodeSettings.DEFAULT.threshold());
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparsePocketCli.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
        assertEquals(0, code, "sparsepocket " + String.join(" ", args) + ": " + err);
        return out.toString();
    }

    private static List<Map<String, String>> csv(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], v[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static double d(TableRow row, String column) {
        return (Double) row.get(column);
    }

    /**
     * Found: the table had the pocket centre and the Vina box sizes but not the box centre, which is
     * what the sizes are measured around (the CLI's _vina.txt centre); docking at the pocket centre
     * shifted the box by up to ~1 Å.
     */
    @Test
    void pocketsEqualTheClisPocketsCsvIncludingTheBoxCentre(@TempDir Path tmp) throws Exception {
        Path example = TestModels.example().toAbsolutePath();
        cli("predict", example.toString(), "-o", tmp.toString(), "-q");
        List<Map<String, String>> expected = csv(tmp.resolve("1fbl").resolve("pockets.csv"));

        var out = new CollectedRows();
        PredictorRun.Result result;
        PredictorNodeSettings s = defaults(1);
        try (CellPredictor predictor = CellPredictor.open(s)) {
            result = PredictorRun.run(List.of(new Input("Row0", example.toString())).iterator(), s, predictor, out);
        }
        assertEquals(expected.size(), out.pockets.size());
        boolean someBoxOffCentre = false;
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> e = expected.get(i);
            TableRow r = out.pockets.get(i);
            assertEquals(Integer.parseInt(e.get("rank")), r.get(PocketTables.RANK));
            assertEquals("1fbl", r.get(PocketTables.STRUCTURE));
            for (String[] pair : new String[][] {
                    {"score", PocketTables.SCORE}, {"mean_probability", PocketTables.MEAN_PROBABILITY},
                    {"max_probability", PocketTables.MAX_PROBABILITY},
                    {"center_x", PocketTables.CENTER_X}, {"center_y", PocketTables.CENTER_Y},
                    {"center_z", PocketTables.CENTER_Z},
                    {"box_center_x", PocketTables.BOX_CENTER_X}, {"box_center_y", PocketTables.BOX_CENTER_Y},
                    {"box_center_z", PocketTables.BOX_CENTER_Z},
                    {"box_size_x", PocketTables.BOX_SIZE_X}, {"box_size_y", PocketTables.BOX_SIZE_Y},
                    {"box_size_z", PocketTables.BOX_SIZE_Z}, {"radius", PocketTables.RADIUS}}) {
                assertEquals(Double.parseDouble(e.get(pair[0])), d(r, pair[1]), 6e-4, pair[1] + " of pocket " + (i + 1));
            }
            assertEquals(Integer.parseInt(e.get("atom_count")), r.get(PocketTables.ATOM_COUNT));
            assertEquals(Set.of(e.get("residues").split(" ")),
                    Set.of(((String) r.get(PocketTables.RESIDUES)).split(" ")));
            assertTrue(((String) r.get(PocketTables.POCKET_ATOMS)).contains("REMARK"));
            assertNull(r.get(PocketTables.ERROR));
            someBoxOffCentre |= Math.abs(d(r, PocketTables.BOX_CENTER_Z) - d(r, PocketTables.CENTER_Z)) > 0.5;
        }
        assertTrue(someBoxOffCentre, "1FBL's pockets have boxes off their centres; the columns must differ");
        // The flow variables are the rank-1 row, box centre included.
        TableRow top = out.pockets.get(0);
        assertEquals(d(top, PocketTables.BOX_CENTER_X), result.variables().get(TopPocketVariables.BOX_CENTER_X));
        assertEquals(d(top, PocketTables.CENTER_X), result.variables().get(TopPocketVariables.CENTER_X));
        assertEquals(d(top, PocketTables.BOX_SIZE_Z), result.variables().get(TopPocketVariables.SIZE_Z));
        assertEquals(TopPocketVariables.NUMBER_NAMES.size(), result.variables().size());
        assertTrue(result.warning().isEmpty());
        // Residue table: one row per residue, as the CLI's residues.csv.
        assertEquals(Files.readAllLines(tmp.resolve("1fbl").resolve("residues.csv")).size() - 1, out.residues.size());
    }

    /**
     * Malformed cells give one error row each, one line naming the row and the problem, with no control
     * characters (found: a binary cell's bytes went into the message) and no bare Java message (found:
     * "file:x.pdb" gave "URI is not hierarchical"). Good rows around them are predicted, in input order,
     * with several threads.
     */
    @Test
    void malformedCellsBecomeOneLineErrorsBetweenGoodRows(@TempDir Path tmp) throws Exception {
        String good = TestModels.example().toAbsolutePath().toString();
        String huge = "REMARK 999 not a structure\n".repeat(200_000);
        List<Input> in = List.of(
                new Input("ok0", good),
                new Input("empty", ""),
                new Input("blank", " \t "),
                new Input("binary", "\u0000\u0001\u0002\u00ff\u001b[31m garbage"),
                new Input("directory", tmp.toString()),
                new Input("relativeFileUrl", "file:1fbl.pdb"),
                new Input("huge", huge),
                new Input("noProtein", "HETATM    1  O   HOH A   1      10.000  10.000  10.000  1.00  0.00           O\n"
                        + "END\n"),
                new Input("missing", null),
                new Input("ok1", Files.readString(TestModels.example())));
        var out = new CollectedRows();
        PredictorNodeSettings s = defaults(3);
        PredictorRun.Result result;
        try (CellPredictor predictor = CellPredictor.open(s)) {
            result = PredictorRun.run(in.iterator(), s, predictor, out);
        }
        assertEquals(10, result.rows());
        assertEquals(8, result.failed());
        List<Object> keys = out.pockets.stream().map(r -> r.get(PocketTables.INPUT_ROW)).distinct().toList();
        assertEquals(in.stream().map(Input::rowKey).toList(), keys, "input order");
        Map<Object, String> errors = new HashMap<>();
        for (TableRow r : out.pockets) {
            if (r.get(PocketTables.ERROR) != null) {
                errors.put(r.get(PocketTables.INPUT_ROW), (String) r.get(PocketTables.ERROR));
            }
        }
        for (var e : errors.entrySet()) {
            String m = e.getValue();
            assertTrue(m.startsWith(e.getKey() + ": "), m);
            assertFalse(m.chars().anyMatch(Character::isISOControl), "control characters in: " + m);
            assertTrue(m.length() < 300, m);
        }
        assertEquals("empty: the structure cell is empty", errors.get("empty"));
        assertTrue(errors.get("directory").contains("is a directory"), errors.get("directory"));
        assertTrue(errors.get("relativeFileUrl").startsWith("relativeFileUrl: file:1fbl.pdb: not a local file URL"),
                errors.get("relativeFileUrl"));
        assertTrue(errors.get("noProtein").contains("no protein atoms"), errors.get("noProtein"));
        assertEquals("missing: the structure cell is missing", errors.get("missing"));
        assertTrue(result.warning().orElseThrow().startsWith("8 of 10 structures could not be processed"));
    }

    /**
     * Found: a structure with no pocket left no trace in output 1 and no warning; the flow variables then
     * came from a later row silently. Now the warning counts such structures.
     */
    @Test
    void structuresWithoutPocketsAreCountedInTheWarning(@TempDir Path networkOnly) throws Exception {
        String example = TestModels.example().toAbsolutePath().toString();
        // The shipped network without its surface second opinion, at threshold 1: no atom qualifies, so no
        // structure has a pocket (the surface points would still find some).
        for (String file : List.of(ModelBundle.CARD_FILE, ModelBundle.WEIGHTS_FILE)) {
            try (var in = PocketModel.class.getResourceAsStream(PocketModel.BUNDLED_RESOURCE + file)) {
                Files.copy(in, networkOnly.resolve(file));
            }
        }
        PredictorNodeSettings s = settings(Chains.WHOLE, "", 0, 1, false, 1.0);
        var out = new CollectedRows();
        PredictorRun.Result result;
        try (CellPredictor predictor = CellPredictor.open(networkOnly, s)) {
            result = PredictorRun.run(List.of(new Input("bad", "/no/such/file.pdb"), new Input("a", example)).iterator(),
                    s, predictor, out);
        }
        assertEquals(1, result.withoutPockets());
        assertEquals(1, out.pockets.size(), "only the error row");
        assertFalse(out.residues.isEmpty(), "the residues are still reported");
        assertTrue(result.variables().isEmpty());
        assertEquals("1 of 2 structures could not be processed (see the Error column); first: bad: "
                + "/no/such/file.pdb: no such file; 1 of 2 structures has no pocket (no row in the pockets table); "
                + "the pocket flow variables are NaN", result.warning().orElseThrow());
    }

    /** Max pockets 1 keeps the rank-1 pocket only; 0 keeps all. Selected chains missing in a row: that row's error. */
    @Test
    void maxPocketsAndChainModes() throws Exception {
        Path twoChains = data("p2rank-testdata/2W83.pdb");
        String example = TestModels.example().toAbsolutePath().toString();
        Double t = PredictorNodeSettings.DEFAULT.threshold();
        var in = List.of(new Input("2w83", twoChains.toString()), new Input("1fbl", example));

        var one = run(settings(Chains.WHOLE, "", 1, 2, false, t), in);
        assertEquals(List.of(1, 1), one.pockets.stream().map(r -> r.get(PocketTables.RANK)).toList());
        var all = run(settings(Chains.WHOLE, "", 0, 2, false, t), in);
        assertTrue(all.pockets.size() > 2);

        var each = run(settings(Chains.EACH_CHAIN, "", 1, 2, false, t), in);
        assertTrue(each.pockets.stream().map(r -> r.get(PocketTables.COMPLEX)).toList().containsAll(
                List.of("2W83_A", "2W83_B", "1fbl_A")));

        var selected = run(settings(Chains.SELECTED, "B", 0, 2, false, t), in);
        assertTrue(selected.pockets.stream().filter(r -> "2w83".equals(r.get(PocketTables.INPUT_ROW)))
                .allMatch(r -> "2W83_B".equals(r.get(PocketTables.COMPLEX))));
        assertEquals(List.of("1fbl: 1fbl: no protein chain 'B' (protein chains: A)"),
                selected.pockets.stream().map(r -> r.get(PocketTables.ERROR)).filter(e -> e != null).toList());
        assertTrue(selected.residues.stream().allMatch(r -> "B".equals(r.get(PocketTables.CHAIN))));
    }

    private static CollectedRows run(PredictorNodeSettings s, List<Input> in) throws Exception {
        var out = new CollectedRows();
        try (CellPredictor predictor = CellPredictor.open(s)) {
            PredictorRun.run(in.iterator(), s, predictor, out);
        }
        return out;
    }

    /**
     * Found: cancelling (rowDone throwing) or "fail on error" returned while worker threads were still
     * predicting; the node then closed the network under them and their threads outlived the execution.
     */
    @Test
    void cancellingOrFailingWithThreadsLeavesNoWorkerRunning() throws Exception {
        String example = TestModels.example().toAbsolutePath().toString();
        List<Input> in = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            in.add(i == 3 ? new Input("bad3", "/no/such/file.pdb") : new Input("r" + i, example));
        }
        var cancelled = new CollectedRows();
        cancelled.cancelAfter = 1;
        try (CellPredictor predictor = CellPredictor.open(defaults(3))) {
            assertThrows(InterruptedException.class,
                    () -> PredictorRun.run(in.iterator(), defaults(3), predictor, cancelled));
            assertTrue(noWorkerAlive(), "worker threads alive after the cancel");
            var failing = new CollectedRows();
            PredictorNodeSettings failOnError = settings(Chains.WHOLE, "", 0, 3, true,
                    PredictorNodeSettings.DEFAULT.threshold());
            var e = assertThrows(PredictionException.class,
                    () -> PredictorRun.run(in.iterator(), failOnError, predictor, failing));
            assertEquals("bad3: /no/such/file.pdb: no such file", e.getMessage());
            assertTrue(noWorkerAlive(), "worker threads alive after the failure");
            assertEquals(List.of("r0", "r1", "r2"), failing.pockets.stream().map(r -> r.get(PocketTables.INPUT_ROW))
                    .distinct().toList());
            // The predictor is still usable after both: nothing was closed under it.
            var again = new CollectedRows();
            PredictorRun.run(List.of(new Input("r", example)).iterator(), defaults(1), predictor, again);
            assertFalse(again.pockets.isEmpty());
        }
        assertEquals(1, cancelled.pockets.stream().map(r -> r.get(PocketTables.INPUT_ROW)).distinct().count());
    }

    private static boolean noWorkerAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("sparsepocket-row"));
    }

    /**
     * The Evaluator on PDBbind proteins equals {@code sparsepocket evaluate} on the same files; an empty
     * ligand cell names the row once (found: "row: row: the ligand cell is empty"); a ligand far from the
     * protein is evaluated (found nowhere), not an error.
     */
    @Test
    void evaluatorEqualsTheCliAndReportsBadLigands(@TempDir Path tmp) throws Exception {
        Path dir = data("pdbbind-timesplit363");
        List<String> ids = List.of("5zcu", "5ze6", "5zjy");
        for (String id : ids) {
            assumeTrue(Files.exists(dir.resolve(id + "_protein.pdbqt.gz")), id + " is absent from " + dir);
        }
        Path dataset = tmp.resolve("three.txt");
        Files.write(dataset, ids.stream().map(id -> dir.resolve(id + "_protein.pdbqt.gz") + " "
                + dir.resolve(id + "_ligand.pdbqt.gz")).toList());
        Path csvFile = tmp.resolve("eval.csv");
        cli("evaluate", dataset.toString(), "--csv", csvFile.toString());
        List<Map<String, String>> expected = csv(csvFile);

        List<EvaluatorRun.Input> in = new ArrayList<>();
        for (String id : ids) {
            in.add(new EvaluatorRun.Input(id, dir.resolve(id + "_protein.pdbqt.gz").toString(),
                    dir.resolve(id + "_ligand.pdbqt.gz").toString()));
        }
        String protein = dir.resolve("5zcu_protein.pdbqt.gz").toString();
        in.add(new EvaluatorRun.Input("emptyLigand", protein, " "));
        in.add(new EvaluatorRun.Input("missingLigand", protein, null));
        in.add(new EvaluatorRun.Input("farLigand", protein, farAway(dir.resolve("5zcu_ligand.pdbqt.gz"))));
        EvaluatorNodeSettings s = new EvaluatorNodeSettings(false, 4.0, EvaluatorNodeSettings.DEFAULT.threshold(),
                EvaluatorNodeSettings.DEFAULT.minPocketSize(), 2, false);
        List<TableRow> rows = new ArrayList<>();
        EvaluatorRun.Result result;
        try (CellPredictor predictor = CellPredictor.open(s.prediction())) {
            result = EvaluatorRun.run(in.iterator(), s, predictor, new EvaluatorRun.Output() {
                @Override
                public void structureRow(TableRow row) {
                    rows.add(row);
                }

                @Override
                public void rowDone(long rowsDone) {
                }
            });
        }
        for (int i = 0; i < ids.size(); i++) {
            Map<String, String> e = expected.get(i);
            TableRow r = rows.get(i);
            assertEquals(ids.get(i), e.get("protein"));
            assertEquals(Integer.parseInt(e.get("pockets")), r.get(EvaluatorTables.POCKETS));
            assertEquals(Integer.parseInt(e.get("ligands")), r.get(EvaluatorTables.LIGAND_COUNT));
            assertEquals(Integer.parseInt(e.get("dca_top_n")), r.get(EvaluatorTables.DCA_TOP_N));
            assertEquals(Integer.parseInt(e.get("dcc_top_n2")), r.get(EvaluatorTables.DCC_TOP_N2));
            for (String[] pair : new String[][] {{"res_topn_precision", EvaluatorTables.RESIDUE_PRECISION},
                    {"res_topn_recall", EvaluatorTables.RESIDUE_RECALL}, {"res_topn_f1", EvaluatorTables.RESIDUE_F1},
                    {"res_topn_mcc", EvaluatorTables.RESIDUE_MCC}, {"atom_pr_auc", EvaluatorTables.AVERAGE_PRECISION}}) {
                assertEquals(Double.parseDouble(e.get(pair[0])), d(r, pair[1]), 6e-5, pair[1] + " of " + ids.get(i));
            }
        }
        assertEquals("emptyLigand: ligand: the cell is empty", rows.get(3).get(EvaluatorTables.ERROR));
        assertEquals("missingLigand: the ligand cell is missing", rows.get(4).get(EvaluatorTables.ERROR));
        TableRow far = rows.get(5);
        assertNull(far.get(EvaluatorTables.ERROR));
        assertEquals(0, far.get(EvaluatorTables.DCA_TOP_N2));
        assertTrue(d(far, EvaluatorTables.TOP_DCA) > 150, "top pocket DCA " + far.get(EvaluatorTables.TOP_DCA));
        assertEquals(2, result.failed());
    }

    /** The ligand moved 200 Å along x. */
    private static String farAway(Path ligandGz) throws Exception {
        String text;
        try (var gz = new java.util.zip.GZIPInputStream(Files.newInputStream(ligandGz))) {
            text = new String(gz.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        StringBuilder moved = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("ATOM") || line.startsWith("HETATM")) {
                double x = Double.parseDouble(line.substring(30, 38).trim()) + 200;
                line = line.substring(0, 30) + String.format(java.util.Locale.ROOT, "%8.3f", x) + line.substring(38);
            }
            moved.append(line).append('\n');
        }
        return moved.toString();
    }

    private static Path data(String sub) {
        for (Path base : List.of(Path.of("..", "shared", "data"), Path.of("..", "..", "shared", "data"))) {
            if (Files.exists(base.resolve(sub))) {
                return base.resolve(sub).toAbsolutePath().normalize();
            }
        }
        assumeTrue(false, "../shared/data/" + sub + " is absent: test skipped (it needs the project's shared data)");
        return null;
    }
}
