package org.sparsepocket.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every format and compression of p2rank's test structures gives the same protein and het groups. */
class StructureFormatsTest {

    private static final int FBL_PROTEIN_ATOMS = 2966;   // 367 residues of chain A, heavy atoms only

    private static Structure example;
    private static Structure w83;

    private static synchronized Structure example() {
        if (example == null) {
            example = StructureLoader.load(TestFiles.example());
        }
        return example;
    }

    private static synchronized Structure w83() {
        if (w83 == null) {
            w83 = StructureLoader.load(TestFiles.data("p2rank-testdata/2W83.pdb"));
        }
        return w83;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1fbl.pdb", "1fbl.pdb.gz", "1fbl.pdb.zst", "1fbl.cif", "1fbl.cif.gz", "1fbl.cif.zst",
        "1fbl.bcif", "1fbl_pymol.cif"})
    void everyFormatOf1fblGivesTheSameStructure(String file) {
        Structure reference = example();
        Structure s = StructureLoader.load(TestFiles.data("p2rank-testdata/" + file));
        assertEquals(FBL_PROTEIN_ATOMS, s.protein().size());
        assertSameAtoms(reference.protein(), s.protein());
        assertEquals(codes(reference), codes(s));
        assertTrue(s.hetGroups().stream().anyMatch(l -> l.code().equals("HTA") && l.atoms().size() == 27));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2W83.pdb", "2W83.pdb.gz", "2W83.pdb.zst", "2W83.cif", "2W83.cif.gz", "2W83.cif.zst",
        "2W83.bcif.gz"})
    void everyFormatOf2w83GivesTheSameStructure(String file) {
        Structure reference = w83();
        Structure s = StructureLoader.load(TestFiles.data("p2rank-testdata/" + file));
        assertEquals(List.of("A", "B", "C", "D", "E"), Complexes.chainIds(s));
        assertSameAtoms(reference.protein(), s.protein());
        assertEquals(codes(reference), codes(s));
        assertEquals(3, s.hetGroups().stream().filter(l -> l.code().equals("GTP")).count());
    }

    @Test
    void formatIsRecognisedByContentNotByName(@TempDir Path dir) throws IOException {
        Path misnamed = dir.resolve("structure.txt");
        Files.write(misnamed, Files.readAllBytes(TestFiles.data("p2rank-testdata/1fbl.cif.gz")));
        assertEquals("MMCIF, gzip", StructureLoader.describeFormat(misnamed));
        assertEquals(FBL_PROTEIN_ATOMS, StructureLoader.load(misnamed).protein().size());

        Path pdbAsCif = dir.resolve("really-a-pdb.cif");
        Files.copy(TestFiles.example(), pdbAsCif);
        assertEquals("PDB", StructureLoader.describeFormat(pdbAsCif));
        assertEquals(FBL_PROTEIN_ATOMS, StructureLoader.load(pdbAsCif).protein().size());
    }

    @Test
    void describesFormats() {
        assertEquals("BCIF", StructureLoader.describeFormat(TestFiles.data("p2rank-testdata/1fbl.bcif")));
        assertEquals("BCIF, gzip", StructureLoader.describeFormat(TestFiles.data("p2rank-testdata/2W83.bcif.gz")));
        assertEquals("PDB, zstd", StructureLoader.describeFormat(TestFiles.data("p2rank-testdata/1fbl.pdb.zst")));
        assertEquals("PDBQT, gzip", StructureLoader.describeFormat(TestFiles.data("scpdb995/1a2b_protein.pdbqt.gz")));
    }

    @Test
    void apoHoloMmCifFilesLoad() throws IOException {
        Path dir = TestFiles.data("p2rank-testdata/apoholo");
        try (var files = Files.walk(dir)) {
            List<Path> cifs = files.filter(p -> p.toString().endsWith(".cif.gz")).sorted().toList();
            assertEquals(10, cifs.size());
            for (Path p : cifs) {
                Structure s = StructureLoader.load(p);
                assertTrue(s.protein().size() > 1000, p + " has " + s.protein().size() + " protein atoms");
                assertTrue(s.protein().stream().noneMatch(a -> a.element().equals("H")), p.toString());
            }
        }
    }

    @Test
    void unsupportedCompressionIsNamed() {
        byte[] bzip2 = {'B', 'Z', 'h', '9', '1', 'A', 'Y', '&', 'S', 'Y', 0, 1, 2};
        StructureException e = assertThrows(StructureException.class, () -> StructureLoader.parse(bzip2, "x.pdb.bz2"));
        assertEquals("x.pdb.bz2: unsupported compression (bzip2); decompress it or use gzip or zstd", e.getMessage());
    }

    @Test
    void structureNameDropsKnownExtensions() {
        assertEquals("1a2b_protein", StructureLoader.baseName("1a2b_protein.pdbqt.gz"));
        assertEquals("1fbl", StructureLoader.baseName("dir/1fbl.cif.zst"));
        assertEquals("AF-P69905-F1-model_v4", StructureLoader.baseName("AF-P69905-F1-model_v4.cif"));
        assertEquals("notes.txt", StructureLoader.baseName("notes.txt"));
    }

    static List<String> codes(Structure s) {
        return s.hetGroups().stream().map(l -> l.residue().label()).toList();
    }

    /** Same residues in the same order, and the same atoms (name, element, position) in each. */
    static void assertSameAtoms(List<Atom> expected, List<Atom> actual) {
        assertEquals(expected.size(), actual.size());
        assertEquals(expected.stream().map(Atom::residue).distinct().toList(),
                actual.stream().map(Atom::residue).distinct().toList());
        Map<String, Atom> byKey = new HashMap<>();
        for (Atom a : actual) {
            byKey.put(a.residue().label() + " " + a.name(), a);
        }
        for (Atom e : expected) {
            Atom a = byKey.get(e.residue().label() + " " + e.name());
            assertNotNull(a, "missing " + e.residue().label() + " " + e.name());
            assertEquals(e.element(), a.element());
            assertEquals(e.x(), a.x(), 1e-3);
            assertEquals(e.y(), a.y(), 1e-3);
            assertEquals(e.z(), a.z(), 1e-3);
        }
    }
}
