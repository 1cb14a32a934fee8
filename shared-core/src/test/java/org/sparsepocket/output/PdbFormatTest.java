package org.sparsepocket.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;

class PdbFormatTest {

    @Test
    void fixedWidthNumbersMatchPrintf() {
        Random rnd = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            double v = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(5));
            StringBuilder sb = new StringBuilder();
            PdbFormat.fixed(sb, v, 8, 3);
            String expected = String.format(Locale.ROOT, "%8.3f", v);
            // identical except possibly the last digit at exact binary/decimal half-way points, and "-0.000"
            assertEquals(Double.parseDouble(expected), Double.parseDouble(sb.toString()), 1.0001e-3, expected + " vs " + sb);
            if (!expected.contains("-0.000")) {
                assertEquals(expected.length(), sb.length());
            }
        }
        StringBuilder sb = new StringBuilder();
        PdbFormat.fixed(sb, -0.0001, 6, 2);
        assertEquals("  0.00", sb.toString());
    }

    @Test
    void atomRecordColumns() {
        ResidueId r = new ResidueId("B", -12, 'C', "MSE");
        String line = PdbFormat.atom(false, 123_456, new Atom(1, "SE", "Se", r, -12.3456, 7.0, 1234.5, 0.5, 0), 0.876);
        assertEquals("ATOM  23456 SE   MSE B -12C    -12.346   7.0001234.500  0.50  0.88          SE  \n", line);
        String ca = PdbFormat.atom(true, 7, new Atom(1, "CA", "C", new ResidueId("", 5, ' ', "A"), 1, 2, 3, 1, 0), 0);
        assertEquals("HETATM    7  CA    A     5       1.000   2.000   3.000  1.00  0.00           C  \n", ca);
    }
}
