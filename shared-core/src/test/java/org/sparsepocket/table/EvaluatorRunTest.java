package org.sparsepocket.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.TestModels;
import org.sparsepocket.structure.FetchSettings;
import org.sparsepocket.table.EvaluatorRun.Input;

/**
 * The evaluator on the real pipeline: the fixture model and 1FBL, whose inhibitor HTA 900 is its one
 * relevant ligand. The same ligand given as the structure's own, as PDB, SDF and MOL2 text must score
 * identically.
 */
class EvaluatorRunTest {

    private static CellPredictor cells;
    private static Path example;
    private static List<double[]> hta;   // x, y, z of HTA 900's heavy atoms
    private static List<String> htaElements;

    @BeforeAll
    static void open() throws Exception {
        example = TestModels.example();
        hta = new ArrayList<>();
        htaElements = new ArrayList<>();
        for (String line : Files.readAllLines(example)) {
            if (line.startsWith("HETATM") && line.substring(17, 20).equals("HTA")) {
                hta.add(new double[] {Double.parseDouble(line.substring(30, 38)),
                        Double.parseDouble(line.substring(38, 46)), Double.parseDouble(line.substring(46, 54))});
                htaElements.add(line.substring(76, 78).strip());
            }
        }
        FetchSettings offline = new FetchSettings(Files.createTempDirectory("sparsepocket-cache"),
                FetchSettings.RCSB, FetchSettings.ALPHAFOLD, Duration.ofSeconds(5), true);
        PocketPredictor predictor = PocketPredictor.open(TestModels.fixtureModel());
        cells = new CellPredictor(predictor, settings(true).prediction().toPredictionSettings(predictor), offline);
    }

    @AfterAll
    static void close() {
        if (cells != null) {
            cells.close();
        }
    }

    /** Threshold 0 gives the untrained fixture model pockets. */
    private static EvaluatorNodeSettings settings(boolean ownLigands) {
        return new EvaluatorNodeSettings(ownLigands, 4.0, 0.0, 5, 1, false);
    }

    private static final class Collect implements EvaluatorRun.Output {
        final List<TableRow> rows = new ArrayList<>();

        @Override
        public void structureRow(TableRow row) {
            rows.add(row);
        }

        @Override
        public void rowDone(long rowsDone) {
        }
    }

    @Test
    void theSameLigandScoresTheSameInEveryFormat() throws Exception {
        String path = example.toAbsolutePath().toString();
        var own = new Collect();
        var ownResult = EvaluatorRun.run(List.of(new Input("own", path, null),
                new Input("garbage", "HEADER    X\nnot a structure\n", null)).iterator(), settings(true), cells, own);
        var given = new Collect();
        var givenResult = EvaluatorRun.run(List.of(
                new Input("pdb", path, pdbText()),
                new Input("sdf", path, sdfText()),
                new Input("mol2", path, mol2Text()),
                new Input("nolig", path, null)).iterator(), settings(false), cells, given);

        TableRow reference = own.rows.get(0);
        assertNull(reference.get(EvaluatorTables.ERROR), (String) reference.get(EvaluatorTables.ERROR));
        assertEquals("A:HTA900", reference.get(EvaluatorTables.LIGANDS));
        assertEquals(1, reference.get(EvaluatorTables.LIGAND_COUNT));
        int pockets = (Integer) reference.get(EvaluatorTables.POCKETS);
        assertTrue(pockets >= 1);
        double topDca = (Double) reference.get(EvaluatorTables.TOP_DCA);
        double topDcc = (Double) reference.get(EvaluatorTables.TOP_DCC);
        assertTrue(topDca >= 0 && topDca <= topDcc + 1e-9, "DCA ≤ DCC: closest atom vs centre");
        // DCA top-1 found iff the top pocket's centre lies within 4 Å of a ligand atom.
        assertEquals(topDca <= 4.0 ? 1 : 0, reference.get(EvaluatorTables.DCA_TOP_N));
        assertTrue(((String) own.rows.get(1).get(EvaluatorTables.ERROR)).startsWith("garbage: "));

        for (int i = 0; i < 3; i++) {
            TableRow r = given.rows.get(i);
            String label = (String) r.get(EvaluatorTables.INPUT_ROW);
            assertNull(r.get(EvaluatorTables.ERROR), label + ": " + r.get(EvaluatorTables.ERROR));
            for (String c : List.of(EvaluatorTables.LIGAND_COUNT, EvaluatorTables.POCKETS, EvaluatorTables.DCA_TOP_N,
                    EvaluatorTables.DCA_TOP_N2, EvaluatorTables.DCC_TOP_N, EvaluatorTables.DCC_BEST_RANK,
                    EvaluatorTables.RESIDUE_F1, EvaluatorTables.AVERAGE_PRECISION)) {
                assertEquals(reference.get(c), r.get(c), label + " " + c);
            }
            assertEquals(topDca, (Double) r.get(EvaluatorTables.TOP_DCA), 1e-3, label);
            assertEquals(topDcc, (Double) r.get(EvaluatorTables.TOP_DCC), 1e-3, label);
        }
        assertEquals("nolig: the ligand cell is missing", given.rows.get(3).get(EvaluatorTables.ERROR));

        assertEquals(1, ownResult.failed());
        assertEquals(2, ownResult.summary().size());
        TableRow dca = ownResult.summary().get(0);
        assertEquals("DCA", dca.get(EvaluatorTables.CRITERION));
        assertEquals(4.0, dca.get(EvaluatorTables.CUTOFF));
        assertEquals(1, dca.get(EvaluatorTables.STRUCTURES));
        assertEquals(1, dca.get(EvaluatorTables.LIGAND_COUNT));
        assertEquals(((Integer) reference.get(EvaluatorTables.DCA_TOP_N)).doubleValue(), dca.get(EvaluatorTables.SUCCESS_TOP_N));
        assertEquals(3, givenResult.summary().get(1).get(EvaluatorTables.STRUCTURES));
        assertTrue(givenResult.warning().orElseThrow().startsWith("1 of 4 rows could not be evaluated"));
    }

    @Test
    void failOnErrorFailsTheRun() {
        var strict = new EvaluatorNodeSettings(true, 4.0, 0.0, 5, 1, true);
        var e = assertThrows(org.sparsepocket.PredictionException.class, () -> EvaluatorRun.run(
                List.of(new Input("r0", null, null)).iterator(), strict, cells, new Collect()));
        assertEquals("r0: the structure cell is missing", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EvaluatorNodeSettings(true, 0, 0.5, 5, 1, false));
    }

    private static String pdbText() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String line : Files.readAllLines(example)) {
            if (line.startsWith("HETATM") && line.substring(17, 20).equals("HTA")) {
                sb.append(line).append('\n');
            }
        }
        return sb.append("END\n").toString();
    }

    /** A V2000 molfile of HTA's atoms (no bonds are needed for distances). */
    private static String sdfText() {
        StringBuilder sb = new StringBuilder("HTA\n  test\n\n");
        sb.append(String.format(Locale.ROOT, "%3d%3d  0  0  0  0  0  0  0  0999 V2000%n", hta.size(), 0));
        for (int i = 0; i < hta.size(); i++) {
            double[] a = hta.get(i);
            sb.append(String.format(Locale.ROOT, "%10.4f%10.4f%10.4f %-3s 0  0  0  0  0  0  0  0  0  0  0  0%n",
                    a[0], a[1], a[2], cap(htaElements.get(i))));
        }
        return sb.append("M  END\n$$$$\n").toString();
    }

    private static String mol2Text() {
        StringBuilder sb = new StringBuilder("@<TRIPOS>MOLECULE\nHTA\n");
        sb.append(hta.size()).append(" 0 0 0 0\nSMALL\nNO_CHARGES\n\n@<TRIPOS>ATOM\n");
        for (int i = 0; i < hta.size(); i++) {
            double[] a = hta.get(i);
            String e = cap(htaElements.get(i));
            sb.append(String.format(Locale.ROOT, "%7d %-4s %10.4f %10.4f %10.4f %-5s 1 HTA900 0.0000%n",
                    i + 1, e + (i + 1), a[0], a[1], a[2], e));
        }
        return sb.toString();
    }

    private static String cap(String element) {
        return element.charAt(0) + element.substring(1).toLowerCase(Locale.ROOT);
    }
}
