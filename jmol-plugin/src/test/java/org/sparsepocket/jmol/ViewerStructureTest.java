package org.sparsepocket.jmol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.Structure;

class ViewerStructureTest {

    @Test
    void readsTheProteinHeavyAtomsJmolHolds() {
        try (HeadlessJmol jmol = new HeadlessJmol()) {
            jmol.script("load \"" + TestData.example("1fbl.pdb") + "\"");
            ViewerStructure vs = ViewerStructure.read(jmol.vwr);
            Structure s = vs.structure();
            assertEquals("1fbl", s.name());
            // Jmol's own count of protein heavy atoms in the first alternate location (1fbl has none).
            int jmolProtein = jmol.vwr.getAtomBitSet("protein and not hydrogen").cardinality();
            assertEquals(jmolProtein, s.protein().size());
            assertTrue(s.protein().size() > 2000, "1fbl chain A has > 2000 heavy atoms");
            // Every protein atom maps back to the Jmol atom with the same name, residue and coordinates.
            int[] idx = vs.jmolIndex();
            for (int i = 0; i < s.protein().size(); i += 97) {
                Atom a = s.protein().get(i);
                org.jmol.modelset.Atom j = jmol.vwr.ms.at[idx[i]];
                assertEquals(j.getAtomName(), a.name());
                assertEquals(j.getResno(), a.residue().number());
                assertEquals(j.x, a.x(), 1e-4);
                assertEquals(j.z, a.z(), 1e-4);
            }
            assertTrue(s.protein().stream().noneMatch(a -> a.element().equals("H")));
            // Ions and waters are set aside as het groups, never in the protein.
            Set<String> het = new HashSet<>();
            for (Ligand l : s.hetGroups()) {
                het.add(l.code());
            }
            assertTrue(het.contains("ZN") && het.contains("CA") && het.contains("HOH"), "het groups: " + het);
            assertEquals(vs.modelAtoms().cardinality(), jmol.vwr.ms.ac);
        }
    }

    @Test
    void keepsTheMostOccupiedAlternateLocation() {
        // Two alternate locations of SER 2 OG; B is more occupied.
        String pdb = String.join("\n",
                "ATOM      1  N   GLY A   1       0.000   0.000   0.000  1.00 10.00           N",
                "ATOM      2  CA  GLY A   1       1.458   0.000   0.000  1.00 10.00           C",
                "ATOM      3  C   GLY A   1       2.009   1.420   0.000  1.00 10.00           C",
                "ATOM      4  O   GLY A   1       1.251   2.390   0.000  1.00 10.00           O",
                "ATOM      5  N   SER A   2       3.332   1.536   0.000  1.00 10.00           N",
                "ATOM      6  CA  SER A   2       3.970   2.845   0.000  1.00 10.00           C",
                "ATOM      7  C   SER A   2       5.486   2.704   0.000  1.00 10.00           C",
                "ATOM      8  O   SER A   2       6.009   1.593   0.000  1.00 10.00           O",
                "ATOM      9  CB ASER A   2       3.500   3.600   1.200  0.30 10.00           C",
                "ATOM     10  OG ASER A   2       2.100   3.700   1.300  0.30 10.00           O",
                "ATOM     11  CB BSER A   2       3.500   3.600  -1.200  0.70 10.00           C",
                "ATOM     12  OG BSER A   2       2.100   3.700  -1.300  0.70 10.00           O",
                "ATOM     13  H   SER A   2       3.900   0.700   0.000  1.00 10.00           H",
                "END", "");
        try (HeadlessJmol jmol = new HeadlessJmol()) {
            jmol.vwr.openStringInline(pdb);
            Structure s = ViewerStructure.read(jmol.vwr).structure();
            assertEquals(10, s.protein().size(), "8 backbone atoms + CB and OG of location B, no H");
            Atom og = s.protein().stream().filter(a -> a.name().equals("OG")).findFirst().orElseThrow();
            assertEquals(-1.3, og.z(), 1e-3);
            assertEquals(0.7, og.occupancy(), 1e-6);
        }
    }

    @Test
    void nothingLoadedOrNoProteinIsAOneLineMessage() {
        try (HeadlessJmol jmol = new HeadlessJmol()) {
            String empty = assertThrows(ViewerStructure.NothingToPredict.class,
                    () -> ViewerStructure.read(jmol.vwr)).getMessage();
            assertTrue(empty.startsWith("no structure loaded"), empty);

            jmol.script("load \"" + TestData.resource("dna-nucleotides.pdb") + "\"");
            String dna = assertThrows(ViewerStructure.NothingToPredict.class,
                    () -> ViewerStructure.read(jmol.vwr)).getMessage();
            assertEquals("dna-nucleotides has no protein atoms (only nucleic acids): pockets are predicted on proteins only",
                    dna);
        }
    }
}
