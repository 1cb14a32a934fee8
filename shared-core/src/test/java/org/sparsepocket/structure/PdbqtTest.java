package org.sparsepocket.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** PDBQT: AutoDock types → elements, and the training sets' protein and ligand files. */
class PdbqtTest {

    @Test
    void autodockTypesMapToElements() {
        assertEquals("C", PdbqtConverter.elementOf("A"));
        assertEquals("C", PdbqtConverter.elementOf("C"));
        assertEquals("N", PdbqtConverter.elementOf("NA"));
        assertEquals("N", PdbqtConverter.elementOf("N"));
        assertEquals("O", PdbqtConverter.elementOf("OA"));
        assertEquals("S", PdbqtConverter.elementOf("SA"));
        assertEquals("S", PdbqtConverter.elementOf("S"));
        assertEquals("H", PdbqtConverter.elementOf("HD"));
        assertEquals("Cl", PdbqtConverter.elementOf("Cl"));
        assertEquals("Br", PdbqtConverter.elementOf("BR"));
        assertEquals("Zn", PdbqtConverter.elementOf("Zn"));
        assertEquals("Se", PdbqtConverter.elementOf("Se"));
        assertEquals("C", PdbqtConverter.elementOf("CG0"));
        assertNull(PdbqtConverter.elementOf("G0"));
        assertNull(PdbqtConverter.elementOf(""));
    }

    @Test
    void pdbqtLinesBecomePdbLinesWithTheElementColumn() {
        String pdbqt = """
                REMARK  15 active torsions:
                ROOT
                ATOM      1  N   ILE A   4      22.984  31.090   0.792  1.00  0.00     0.615 N\s
                ATOM      4  O   ILE A   4      21.402  30.564   3.074  1.00  0.00    -0.271 OA
                ATOM      9  CG  PHE A   5      18.000  30.000   2.000  1.00  0.00     0.010 A\s
                ATOM     20  H   ARG A   5      19.257  31.134   1.008  1.00  0.00     0.163 HD
                HETATM   21 CL1  LIG A   6      10.000  10.000  10.000  1.00  0.00    -0.084 Cl
                ENDROOT
                TORSDOF 3
                """;
        String pdb = PdbqtConverter.toPdb(pdbqt);
        List<String> lines = pdb.lines().toList();
        assertEquals(5, lines.size(), pdb);
        assertEquals("ATOM      1  N   ILE A   4      22.984  31.090   0.792  1.00  0.00           N", lines.get(0));
        assertEquals(" O", lines.get(1).substring(76, 78));
        assertEquals(" C", lines.get(2).substring(76, 78));
        assertEquals(" H", lines.get(3).substring(76, 78));
        assertEquals("CL", lines.get(4).substring(76, 78));
        assertEquals(StructureFormat.PDBQT, StructureFormat.detect(pdbqt.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(StructureFormat.PDB, StructureFormat.detect(pdb.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void trainingProteinKeepsEveryHeavyAtomWithItsElement() throws IOException {
        Path file = TestFiles.data("scpdb995/1a2b_protein.pdbqt.gz");
        List<String> atomLines = atomLines(file);
        long heavy = atomLines.stream().filter(l -> !l.substring(77).strip().startsWith("H")).count();
        Structure s = StructureLoader.load(file);
        assertEquals(heavy, s.protein().size());
        assertEquals("1a2b_protein", s.name());
        Set<String> elements = s.protein().stream().map(Atom::element).collect(Collectors.toSet());
        assertEquals(Set.of("C", "N", "O", "S"), elements);
        // The AutoDock type decides the element: aromatic "A" atoms are carbons, "OA" oxygens.
        for (String line : atomLines) {
            String type = line.substring(77).strip();
            if (type.equals("A") || type.equals("OA") || type.equals("SA")) {
                String name = line.substring(12, 16).strip();
                int number = Integer.parseInt(line.substring(22, 26).strip());
                Atom a = s.protein().stream().filter(x -> x.name().equals(name) && x.residue().number() == number)
                        .findFirst().orElseThrow();
                assertEquals(type.substring(0, 1).equals("A") ? "C" : type.substring(0, 1), a.element());
            }
        }
    }

    @Test
    void dudeProteinWithBlankChainIdLoads() {
        Structure s = StructureLoader.load(TestFiles.data("dude102/aa2ar_protein.pdbqt.gz"));
        assertEquals(List.of(""), Complexes.chainIds(s));
        assertTrue(s.protein().size() > 2000);
        assertEquals(List.of("aa2ar_protein"), Complexes.split(s, ChainMode.eachChain()).stream().map(Complex::name).toList());
    }

    @Test
    void ligandFileIsOneMoleculeNamedByItsCode() throws IOException {
        Path file = TestFiles.data("scpdb995/1a2b_ligand.pdbqt.gz");
        Ligand l = LigandFile.load(file);
        assertEquals("GSP", l.code());
        long heavy = atomLines(file).stream().filter(x -> !x.substring(77).strip().startsWith("H")).count();
        assertEquals(heavy, l.atoms().size());
        assertTrue(l.atoms().stream().anyMatch(a -> a.element().equals("P")));
        assertTrue(l.atoms().stream().noneMatch(a -> a.element().equals("H")));
    }

    @Test
    void ligandAtomsNamedByElementAloneAreAllKept() throws IOException {
        // Open Babel-written ligand files name atoms "C", "C", "N", ...: not duplicates.
        Path file = TestFiles.data("scpdb995/4uyl_ligand.pdbqt.gz");
        Ligand l = LigandFile.load(file);
        assertEquals("UNL", l.code());
        long heavy = atomLines(file).stream().filter(x -> !x.substring(77).strip().startsWith("H")).count();
        assertTrue(heavy > 20);
        assertEquals(heavy, l.atoms().size());
    }

    @Test
    void peptideLigandOfSeveralResiduesStaysOneMolecule() throws IOException {
        Path file = TestFiles.data("scpdb995/1by5_ligand.pdbqt.gz");
        Ligand l = LigandFile.load(file);
        assertEquals("GLY", l.code());
        long heavy = atomLines(file).stream().filter(x -> !x.substring(77).strip().startsWith("H")).count();
        assertEquals(heavy, l.atoms().size());
        assertEquals(3, l.atoms().stream().map(Atom::residue).distinct().count());
    }

    @Test
    void ligandFromTrainingSetTouchesItsProtein() {
        Structure protein = StructureLoader.load(TestFiles.data("scpdb995/1a2b_protein.pdbqt.gz"));
        Ligand ligand = LigandFile.load(TestFiles.data("scpdb995/1a2b_ligand.pdbqt.gz"));
        List<LigandFilter.Verdict> v = LigandFilter.defaults().judge(List.of(ligand), protein.protein());
        assertTrue(v.get(0).relevant(), String.valueOf(v.get(0).reason()));
    }

    private static List<String> atomLines(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> l.startsWith("ATOM") || l.startsWith("HETATM")).toList();
        }
    }
}
