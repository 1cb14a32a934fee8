package org.sparsepocket.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The CRYST1 record is dropped before BioJava parses PDB text (no space-group table, no JAXB). */
class BioJavaReaderTest {

    private static final String CRYST = "CRYST1   63.150   83.590   80.220  90.00  90.00  90.00 P 21 21 21    8\n";
    private static final String ATOM = "ATOM      1  N   ALA A   1      11.104   6.134  -6.504  1.00  0.00           N\n";

    @Test
    void crystalRecordIsDroppedWherever() {
        assertEquals("HEADER    X\n" + ATOM, BioJavaReader.withoutCrystalRecord("HEADER    X\n" + CRYST + ATOM));
        assertEquals(ATOM, BioJavaReader.withoutCrystalRecord(CRYST + ATOM));
        assertEquals(ATOM, BioJavaReader.withoutCrystalRecord(ATOM + CRYST.strip()));
        assertEquals("HEADER    X\r\n" + ATOM, BioJavaReader.withoutCrystalRecord("HEADER    X\r\n" + CRYST + ATOM));
        String none = "HEADER    X\n" + ATOM;
        assertSame(none, BioJavaReader.withoutCrystalRecord(none));
    }
}
