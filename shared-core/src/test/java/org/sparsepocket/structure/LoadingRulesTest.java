package org.sparsepocket.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The loading rules, on edited copies of the committed example (1fbl: chain A, 2966 protein heavy atoms). */
class LoadingRulesTest {

    private static final int PROTEIN_ATOMS = 2966;

    private static Structure parse(String text) {
        return StructureLoader.parse(PdbEdit.bytes(text), "edited.pdb");
    }

    private static Atom atom(Structure s, int residue, String name) {
        return s.protein().stream().filter(a -> a.residue().number() == residue && a.name().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void watersIonsAndLigandsAreHetGroupsNotProtein() {
        Structure s = StructureLoader.load(TestFiles.example());
        assertEquals(PROTEIN_ATOMS, s.protein().size());
        Map<String, Long> codes = s.hetGroups().stream().collect(Collectors.groupingBy(Ligand::code, Collectors.counting()));
        assertEquals(Map.of("HOH", 295L, "CA", 4L, "ZN", 2L, "HTA", 1L), codes);
        assertTrue(s.protein().stream().noneMatch(a -> a.residue().name().equals("HOH")));
        assertEquals("Zn", s.hetGroups().stream().filter(l -> l.code().equals("ZN")).findFirst().orElseThrow()
                .atoms().get(0).element());
        assertEquals(List.of(), s.warnings());
    }

    @Test
    void hydrogensAreDropped() {
        String text = PdbEdit.edit(TestFiles.exampleText(), PdbEdit.residue('A', 126).and(l -> l.substring(12, 16).equals(" CA ")),
                l -> List.of(l,
                        PdbEdit.atomName(PdbEdit.move(l, 1, 0, 0), "HA", "H"),
                        PdbEdit.atomName(PdbEdit.move(l, 0, 1, 0), "DA", "D"),
                        // no element column at all: the name decides
                        PdbEdit.atomName(PdbEdit.move(l, 0, 0, 1), "HB2", "H").substring(0, 66)));
        Structure s = parse(text);
        assertEquals(PROTEIN_ATOMS, s.protein().size());
        assertTrue(s.protein().stream().noneMatch(a -> a.element().equals("H") || a.element().equals("D")));
    }

    @Test
    void alternateLocationWithHighestOccupancyIsKept() {
        Function<Double, String> withAltLocs = occB -> PdbEdit.edit(TestFiles.exampleText(),
                PdbEdit.residue('A', 126).and(l -> l.substring(12, 16).equals(" OG ")),
                l -> List.of(PdbEdit.altLoc(l, 'A', 1 - occB), PdbEdit.altLoc(PdbEdit.move(l, 1.5, 0, 0), 'B', occB)));
        Atom og = StructureLoader.load(TestFiles.example()).protein().stream()
                .filter(a -> a.residue().number() == 126 && a.name().equals("OG")).findFirst().orElseThrow();

        Structure b = parse(withAltLocs.apply(0.7));
        assertEquals(PROTEIN_ATOMS, b.protein().size());
        assertEquals(og.x() + 1.5, atom(b, 126, "OG").x(), 1e-3);
        assertEquals(0.7, atom(b, 126, "OG").occupancy(), 1e-6);

        Structure a = parse(withAltLocs.apply(0.3));
        assertEquals(og.x(), atom(a, 126, "OG").x(), 1e-3);

        Structure tie = parse(withAltLocs.apply(0.5));
        assertEquals(og.x(), atom(tie, 126, "OG").x(), 1e-3, "a tie keeps the first alternate location");
        // Atoms keep the file's order even when the second location is chosen.
        List<String> names = b.protein().stream().filter(x -> x.residue().number() == 126).map(Atom::name).toList();
        assertEquals(List.of("N", "CA", "C", "O", "CB", "OG"), names);
    }

    @Test
    void onlyTheFirstModelIsUsed() {
        String atoms = TestFiles.exampleText().lines().filter(PdbEdit::isAtom).collect(Collectors.joining("\n"));
        String moved = atoms.lines().map(l -> PdbEdit.move(l, 10, 0, 0)).collect(Collectors.joining("\n"));
        String text = "MODEL        1\n" + atoms + "\nENDMDL\nMODEL        2\n" + moved + "\nENDMDL\nEND\n";
        Structure s = parse(text);
        Structure reference = StructureLoader.load(TestFiles.example());
        StructureFormatsTest.assertSameAtoms(reference.protein(), s.protein());
        assertEquals(List.of("2 models; only the first is used"), s.warnings());
    }

    @Test
    void modifiedAminoAcidsStayProtein() {
        String text = TestFiles.exampleText();
        text = PdbEdit.replace(text, PdbEdit.residue('A', 126), l -> PdbEdit.rename(l, "HETATM", "SEP"));
        text = PdbEdit.replace(text, PdbEdit.residue('A', 160), l -> PdbEdit.rename(l, "HETATM", "MSE"));
        text = PdbEdit.replace(text, PdbEdit.residue('A', 162), l -> PdbEdit.rename(l, "HETATM", "XYZ"));
        Structure s = parse(text);
        assertEquals(PROTEIN_ATOMS, s.protein().size());
        assertEquals("SEP", atom(s, 126, "OG").residue().name());
        assertEquals("MSE", atom(s, 160, "CA").residue().name());
        assertEquals("XYZ", atom(s, 162, "CA").residue().name());
        assertEquals(List.of("unknown residues kept as protein (backbone-linked): XYZ"), s.warnings());
        // Protein atoms stay in file order although BioJava puts unknown HETATM groups in other chains.
        List<Integer> numbers = s.protein().stream().map(a -> a.residue().number()).distinct().toList();
        assertEquals(numbers.stream().sorted().toList(), numbers);
    }

    @Test
    void freeAminoAcidIsALigand() {
        // Trp 109 copied 60 Å away as a HETATM group of its own chain: no peptide bond, so a ligand.
        String copy = TestFiles.exampleText().lines().filter(PdbEdit.residue('A', 109))
                .map(l -> PdbEdit.chain(PdbEdit.move(PdbEdit.rename(l, "HETATM", "TRP"), 60, 0, 0), 'X'))
                .collect(Collectors.joining("\n"));
        Structure s = parse(TestFiles.exampleText().replace("END   ", copy + "\nEND   "));
        assertEquals(PROTEIN_ATOMS, s.protein().size());
        assertTrue(s.hetGroups().stream().anyMatch(l -> l.code().equals("TRP") && l.residue().chainId().equals("X")));
    }

    @Test
    void nucleicAcidsAreExcluded() {
        String dna = String.join("\n",
                "ATOM   9001  P    DA B   1     100.000 100.000 100.000  1.00 20.00           P",
                "ATOM   9002  C4'  DA B   1     101.000 100.000 100.000  1.00 20.00           C",
                "ATOM   9003  C1'  DA B   1     102.000 100.000 100.000  1.00 20.00           C",
                "ATOM   9004  O3'  DA B   1     103.000 100.000 100.000  1.00 20.00           O",
                // an unlisted modified nucleotide, phosphodiester-linked to the one before
                "HETATM 9005  P   XNU B   2     104.500 100.000 100.000  1.00 20.00           P",
                "HETATM 9006  C4' XNU B   2     105.500 100.000 100.000  1.00 20.00           C",
                "HETATM 9007  C1' XNU B   2     106.500 100.000 100.000  1.00 20.00           C",
                "HETATM 9008  O3' XNU B   2     107.500 100.000 100.000  1.00 20.00           O",
                "HETATM 9009  N1  XNU B   2     107.500 101.000 100.000  1.00 20.00           N");
        Structure s = parse(TestFiles.exampleText().replace("END   ", dna + "\nEND   "));
        assertEquals(PROTEIN_ATOMS, s.protein().size());
        assertFalse(s.hetGroups().stream().anyMatch(l -> l.code().equals("DA") || l.code().equals("XNU")));
        assertEquals(List.of("2 nucleotide residues excluded (nucleic acids are not protein)"), s.warnings());
    }

    @Test
    void elementsWithoutElementColumnComeFromDictionaryOrName() {
        String text = TestFiles.exampleText().lines()
                .map(l -> PdbEdit.isAtom(l) ? l.substring(0, 66) : l).collect(Collectors.joining("\n"));
        Structure s = parse(text);
        Structure reference = StructureLoader.load(TestFiles.example());
        StructureFormatsTest.assertSameAtoms(reference.protein(), s.protein());
        Ligand hta = s.hetGroups().stream().filter(l -> l.code().equals("HTA")).findFirst().orElseThrow();
        Ligand htaRef = reference.hetGroups().stream().filter(l -> l.code().equals("HTA")).findFirst().orElseThrow();
        assertEquals(htaRef.atoms().stream().map(Atom::element).toList(), hta.atoms().stream().map(Atom::element).toList());
        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("element of 27 atoms guessed")), s.warnings().toString());
    }
}
