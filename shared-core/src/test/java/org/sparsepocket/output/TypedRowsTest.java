package org.sparsepocket.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.pockets.Pocket;

/** The typed rows a table such as the Spark job's Parquet output stores follow the CSV columns. */
class TypedRowsTest {

    @Test
    void pocketValuesHaveTheHeadersTypesAndTheCsvsNumbers() {
        PredictionReport r = OutputFixtures.report();
        ComplexPrediction c = r.complexes().get(0);
        List<String> csv = PocketCsv.text(r).lines().toList();
        for (int k = 0; k < c.pockets().size(); k++) {
            Pocket p = c.pockets().get(k);
            List<Object> v = PocketCsv.values(r.structureName(), c.complex().name(), p);
            assertTypes(PocketCsv.HEADER, PocketCsv.TYPES, v);
            String[] f = csv.get(k + 1).split(",", -1);
            for (int i = 0; i < f.length; i++) {
                Object value = v.get(i);
                if (value instanceof Double d) {
                    assertEquals(Double.parseDouble(f[i]), d, 5e-4, PocketCsv.HEADER.get(i));
                } else {
                    assertEquals(f[i], value.toString(), PocketCsv.HEADER.get(i));
                }
            }
        }
    }

    @Test
    void residueValuesHaveTheHeadersTypesAndNoRankOutsidePockets() {
        PredictionReport r = OutputFixtures.report();
        boolean outside = false;
        for (PredictionReport.ResidueStats s : r.residueStats()) {
            List<Object> v = ResidueCsv.values(r.structureName(), s);
            assertTypes(ResidueCsv.HEADER, ResidueCsv.TYPES, v);
            outside |= v.get(10) == null;
            assertEquals(s.inPocket(), v.get(10) != null);
        }
        assertTrue(outside, "the fixture has residues outside every pocket");
    }

    private static void assertTypes(List<String> header, List<Class<?>> types, List<Object> values) {
        assertEquals(header.size(), types.size());
        assertEquals(header.size(), values.size());
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                assertEquals(types.get(i), values.get(i).getClass(), header.get(i));
            }
        }
    }
}
