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
import org.biojava.nbio.structure.io.cif.CifStructureConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rcsb.cif.CifIO;
import org.rcsb.cif.model.CifFile;

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
        assertSameAtoms(hetAtoms(reference), hetAtoms(s));
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
        assertSameAtoms(hetAtoms(reference), hetAtoms(s));
        assertEquals(3, s.hetGroups().stream().filter(l -> l.code().equals("GTP")).count());
    }

    /*
     * BinaryCIF keeps coordinates as integers with a fixed-point factor (-12665 for -12.665). ciftools
     * decodes them as k × (1/1000), one unit in the last place away from the mmCIF text's value for about a
     * third of the atoms: enough to move 1FBL's HIS183 CB, exactly half-way between two voxel centres, into
     * the other voxel and change the pockets. The same atoms in the same order, bit for bit.
     */
    @ParameterizedTest(name = "{1}")
    @CsvSource({"1fbl.cif, 1fbl.bcif", "2W83.cif, 2W83.bcif.gz"})
    void binaryCifGivesTheMmCifAtomsBitForBit(String cif, String bcif) {
        Structure text = StructureLoader.load(TestFiles.data("p2rank-testdata/" + cif));
        Structure binary = StructureLoader.load(TestFiles.data("p2rank-testdata/" + bcif));
        assertIdenticalAtoms(text.protein(), binary.protein());
        assertIdenticalAtoms(hetAtoms(text), hetAtoms(binary));
    }

    @Test
    void binaryCifWrittenByCiftoolsReadsBackTheTextCoordinates() throws IOException {
        // The committed example through BioJava and ciftools' writer (FixedPoint, factor 1000) and back.
        byte[] pdb = Files.readAllBytes(TestFiles.example());
        CifFile cif = CifStructureConverter.toCifFile(BioJavaReader.read(StructureInput.decode(pdb, "1fbl.pdb")));
        Structure binary = StructureLoader.parse(CifIO.writeBinary(cif), "1fbl.bcif");
        assertIdenticalAtoms(example().protein(), binary.protein());
        assertIdenticalAtoms(hetAtoms(example()), hetAtoms(binary));
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

    static List<Atom> hetAtoms(Structure s) {
        return s.hetGroups().stream().flatMap(l -> l.atoms().stream()).toList();
    }

    /** Equal atom records (serial, name, element, residue, coordinates, occupancy, B-factor) in the same order. */
    static void assertIdenticalAtoms(List<Atom> expected, List<Atom> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "atom " + i);
        }
    }

    static List<String> codes(Structure s) {
        return s.hetGroups().stream().map(l -> l.residue().label()).toList();
    }

    /**
     * Same residues in the same order, and the same atoms (name, element, occupancy, position to the bit) in
     * each, in any order within a residue: PyMOL and the PDB format list some atoms in another order than
     * the entry's mmCIF (2W83 C:GLU408 with its alternate locations), and predictions do not depend on it.
     */
    static void assertSameAtoms(List<Atom> expected, List<Atom> actual) {
        assertEquals(expected.size(), actual.size());
        assertEquals(expected.stream().map(Atom::residue).distinct().toList(),
                actual.stream().map(Atom::residue).distinct().toList());
        Map<String, Atom> byKey = new HashMap<>();
        for (Atom a : actual) {
            byKey.put(key(a, byKey), a);
        }
        Map<String, Atom> seen = new HashMap<>();
        for (Atom e : expected) {
            String key = key(e, seen);
            seen.put(key, e);
            Atom a = byKey.get(key);
            assertNotNull(a, "missing " + key);
            assertEquals(e.element(), a.element(), key);
            assertEquals(e.occupancy(), a.occupancy(), key);
            assertEquals(e.x(), a.x(), key);   // no tolerance: every format holds the same decimals
            assertEquals(e.y(), a.y(), key);
            assertEquals(e.z(), a.z(), key);
        }
    }

    /** "A:HOH1001 O", or with "#2", "#3" for later atoms of the same name in the residue (ligand files). */
    private static String key(Atom a, Map<String, Atom> earlier) {
        String key = a.residue().label() + " " + a.name();
        for (int n = 2; earlier.containsKey(key); n++) {
            key = a.residue().label() + " " + a.name() + "#" + n;
        }
        return key;
    }
}
