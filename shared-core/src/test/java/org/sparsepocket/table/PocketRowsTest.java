package org.sparsepocket.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparsepocket.table.PocketTables.*;

import java.util.List;

import org.junit.jupiter.api.Test;

class PocketRowsTest {

    @Test
    void schemasHaveTheDocumentedColumnsInOrder() {
        assertEquals(List.of(INPUT_ROW, STRUCTURE, COMPLEX, RANK, SCORE, MEAN_PROBABILITY, MAX_PROBABILITY,
                CENTER_X, CENTER_Y, CENTER_Z, BOX_CENTER_X, BOX_CENTER_Y, BOX_CENTER_Z, BOX_SIZE_X, BOX_SIZE_Y, BOX_SIZE_Z, RADIUS, RESIDUES, ATOM_COUNT,
                POCKET_ATOMS, ERROR), POCKETS.names());
        assertEquals(ColumnType.INT, POCKETS.column(POCKETS.indexOf(RANK)).type());
        assertEquals(ColumnType.DOUBLE, POCKETS.column(POCKETS.indexOf(RADIUS)).type());
        assertEquals(List.of(INPUT_ROW, STRUCTURE, COMPLEX, CHAIN, RESIDUE_NUMBER, INSERTION_CODE, RESIDUE_NAME,
                RESIDUE, MAX_PROBABILITY, MEAN_PROBABILITY, ATOM_COUNT, POCKET_RANK),
                RESIDUE_PROBABILITIES.names());
        assertThrows(IllegalArgumentException.class, () -> TableSchema.of(
                new Column("a", ColumnType.INT, ""), new Column("a", ColumnType.STRING, "")));
    }

    @Test
    void onePocketRowPerPocketWithEveryValue() {
        List<TableRow> rows = PocketRows.pockets("Row7", HandBuiltPrediction.prediction("1abc"));
        assertEquals(2, rows.size());
        TableRow r = rows.get(0);
        assertEquals("Row7", r.get(INPUT_ROW));
        assertEquals("1abc", r.get(STRUCTURE));
        assertEquals("1abc", r.get(COMPLEX));
        assertEquals(1, r.get(RANK));
        assertEquals(2.5, r.get(SCORE));
        assertEquals(0.75, r.get(MEAN_PROBABILITY));
        assertEquals(0.9, r.get(MAX_PROBABILITY));
        assertEquals(2.5, r.get(CENTER_X));
        assertEquals(2.0, r.get(CENTER_Y));
        assertEquals(3.0, r.get(CENTER_Z));
        assertEquals(2.5, r.get(BOX_CENTER_X));
        assertEquals(2.0, r.get(BOX_CENTER_Y));
        assertEquals(3.0, r.get(BOX_CENTER_Z));
        assertEquals(11.0, r.get(BOX_SIZE_X));
        assertEquals(8.0, r.get(BOX_SIZE_Y));
        assertEquals(8.5, r.get(BOX_SIZE_Z));
        assertEquals(6.5, r.get(RADIUS));
        assertEquals("A:SER10 A:HIS11", r.get(RESIDUES));
        assertEquals(4, r.get(ATOM_COUNT));
        assertTrue(r.isMissing(ERROR));
        assertEquals(2, rows.get(1).get(RANK));
        assertEquals("A:LYS12 A:MSE13 A:SER10", rows.get(1).get(RESIDUES));
    }

    @Test
    void pocketAtomsArePdbRecordsWithProbabilityAsBFactor() {
        List<TableRow> rows = PocketRows.pockets("Row0", HandBuiltPrediction.prediction("1abc"));
        List<String> atoms = ((String) rows.get(0).get(POCKET_ATOMS)).lines()
                .filter(l -> l.startsWith("ATOM") || l.startsWith("HETATM")).toList();
        assertEquals(4, atoms.size());
        assertTrue(((String) rows.get(0).get(POCKET_ATOMS)).strip().endsWith("END"));
        String ca = atoms.get(1);
        assertEquals(2, Integer.parseInt(ca.substring(6, 11).trim()));
        assertEquals(" CA ", ca.substring(12, 16));
        assertEquals("SER", ca.substring(17, 20));
        assertEquals('A', ca.charAt(21));
        assertEquals(10, Integer.parseInt(ca.substring(22, 26).trim()));
        assertEquals(2.0, Double.parseDouble(ca.substring(30, 38)));
        assertEquals(3.0, Double.parseDouble(ca.substring(46, 54)));
        assertEquals(0.70, Double.parseDouble(ca.substring(60, 66)), 1e-9);
        List<String> second = ((String) rows.get(1).get(POCKET_ATOMS)).lines()
                .filter(l -> l.startsWith("ATOM") || l.startsWith("HETATM")).toList();
        assertEquals(0.25, Double.parseDouble(second.get(1).substring(60, 66)), 1e-9);
    }

    @Test
    void oneResidueRowPerResidueWithMaxMeanAndBestPocket() {
        List<TableRow> rows = PocketRows.residues("Row7", HandBuiltPrediction.prediction("1abc"));
        assertEquals(List.of("A:SER10", "A:HIS11", "A:GLY11A", "A:LYS12", "A:MSE13"),
                rows.stream().map(r -> r.get(RESIDUE)).toList());
        TableRow ser = rows.get(0);
        assertEquals("Row7", ser.get(INPUT_ROW));
        assertEquals("A", ser.get(CHAIN));
        assertEquals(10, ser.get(RESIDUE_NUMBER));
        assertNull(ser.get(INSERTION_CODE));
        assertEquals("SER", ser.get(RESIDUE_NAME));
        assertEquals(0.9f, ((Double) ser.get(MAX_PROBABILITY)).floatValue());
        assertEquals((0.9f + 0.7f + 0.8f) / 3, (Double) ser.get(MEAN_PROBABILITY), 1e-6);
        assertEquals(3, ser.get(ATOM_COUNT));
        assertEquals(1, ser.get(POCKET_RANK)); // in pockets 1 and 2: the best rank wins
        TableRow gly = rows.get(2);
        assertEquals("A", gly.get(INSERTION_CODE));
        assertNull(gly.get(POCKET_RANK));
        assertEquals(2, rows.get(3).get(POCKET_RANK));
    }

    @Test
    void failureRowCarriesOnlyKeyNameAndError() {
        TableRow r = PocketRows.failure("Row3", "x", "Row3: x.pdb: no protein atoms");
        assertEquals("Row3", r.get(INPUT_ROW));
        assertEquals("x", r.get(STRUCTURE));
        assertEquals("Row3: x.pdb: no protein atoms", r.get(ERROR));
        long missing = r.values().stream().filter(v -> v == null).count();
        assertEquals(POCKETS.size() - 3, missing);
    }

    @Test
    void rowsRejectValuesOfTheWrongType() {
        var schema = TableSchema.of(new Column("n", ColumnType.INT, ""), new Column("d", ColumnType.DOUBLE, ""));
        assertThrows(IllegalArgumentException.class, () -> new TableRow(schema, java.util.Arrays.asList(1.5, 1.0)));
        assertThrows(IllegalArgumentException.class, () -> new TableRow(schema, java.util.Arrays.asList(1, Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> new TableRow(schema, List.of(1)));
        assertNull(new TableRow(schema, java.util.Arrays.asList(null, null)).get("d"));
    }
}
