package org.sparsepocket.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The template table the build ships is exactly the one CDK computes, bit for bit. */
class TemplateTableTest {

    @Test
    void shippedTableIsTheComputedOne() {
        Optional<Map<String, Map<String, TemplateTable.Atom>>> shipped = TemplateTable.shipped();
        assertTrue(shipped.isPresent(), "the build step (exec-maven-plugin, process-classes) wrote "
                + TemplateTable.RESOURCE + " for these classes");
        assertSameTable(TemplateTable.compute(), shipped.get());
    }

    @Test
    void writeThenReadKeepsEveryBitAndChecksTheCodeHash() throws IOException {
        Map<String, Map<String, TemplateTable.Atom>> table = TemplateTable.compute();
        float[] odd = new float[AtomFeatures.COUNT];
        odd[0] = -0.0f;
        odd[1] = Float.MIN_VALUE;
        odd[2] = 0.1f;
        odd[3] = -1.2345679e-7f;
        Map<String, Map<String, TemplateTable.Atom>> withOdd = new java.util.HashMap<>(table);
        withOdd.put("ZZZ", Map.of("X1", new TemplateTable.Atom("C", odd)));
        StringWriter out = new StringWriter();
        TemplateTable.write(withOdd, "abc", out);
        var read = TemplateTable.read(new BufferedReader(new StringReader(out.toString())), "abc");
        assertTrue(read.isPresent());
        assertSameTable(withOdd, read.get());
        assertTrue(TemplateTable.read(new BufferedReader(new StringReader(out.toString())), "abd").isEmpty(),
                "a table written by other classes is not used");
    }

    private static void assertSameTable(Map<String, Map<String, TemplateTable.Atom>> expected,
                                        Map<String, Map<String, TemplateTable.Atom>> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((residue, atoms) -> {
            assertEquals(atoms.keySet(), actual.get(residue).keySet(), residue);
            atoms.forEach((name, atom) -> {
                TemplateTable.Atom a = actual.get(residue).get(name);
                assertEquals(atom.element(), a.element(), residue + " " + name);
                int[] e = new int[atom.features().length];
                int[] g = new int[a.features().length];
                for (int i = 0; i < e.length; i++) {
                    e[i] = Float.floatToRawIntBits(atom.features()[i]);
                }
                for (int i = 0; i < g.length; i++) {
                    g[i] = Float.floatToRawIntBits(a.features()[i]);
                }
                assertArrayEquals(e, g, residue + " " + name);
            });
        });
    }
}
